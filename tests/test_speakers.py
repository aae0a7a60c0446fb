"""Speaker registry: quote speaker mentions resolved to full names, titles and affiliations.

The quotes here are built by hand (content = the mention's sentence, speaker = the mention),
so these tests pin the resolver whatever the quote finder does.
"""

from __future__ import annotations

import pytest

from claimex.components.speakers import resolve_speakers


def _resolve(nlp, text: str, mentions: list[tuple[str, int]]):
    """Run the pipeline, replace its quotes with one per (mention, occurrence), resolve."""
    doc = nlp(text)
    quotes = []
    for n, (mention, occurrence) in enumerate(mentions, 1):
        start = -1
        for _ in range(occurrence):
            start = text.index(mention, start + 1)
        sent = doc.char_span(start, start + len(mention), alignment_mode="expand").sent
        quotes.append({
            "id": f"q{n}", "text": sent.text, "start": sent.start_char, "end": sent.end_char,
            "kind": "indirect", "spans": [], "cue": None, "confidence": 1.0, "rule": "test",
            "speaker": {"text": mention, "start": start, "end": start + len(mention),
                        "name": None, "speaker_id": None},
        })  # fmt: skip
    doc._.claimex_quotes = quotes
    speakers = resolve_speakers(doc)
    return [q["speaker"]["name"] for q in quotes], speakers


NAME_CASES = [
    pytest.param(
        "Maria Lopez said the plan would fail.\n",
        [("Maria Lopez", 1)],
        ["Maria Lopez"],
        id="one-paragraph-text-is-no-headline",
    ),
    pytest.param(
        "Lopez Says Plan Will Fail\n\nThe mayor spoke on Tuesday. Lopez said it would fail.",
        [("Lopez", 2)],
        ["Lopez"],
        id="headline-name-makes-no-person",
    ),
    pytest.param(
        "Maria Lopez spoke to reporters on Tuesday. She said the plan would fail.",
        [("She", 1)],
        ["Maria Lopez"],
        id="pronoun-after-name",
    ),
    pytest.param(
        "Tomas Berg met Anna Kowalski in Oslo on Monday. He said the talks went well. "
        "She said nothing had changed.",
        [("He", 1), ("She", 1)],
        ["Tomas Berg", "Anna Kowalski"],
        id="two-genders",
    ),
    pytest.param(
        "Peter Novak opened the meeting with his report on prices. She added that wages "
        "would not follow.",
        [("She", 1)],
        [None],
        id="no-safe-antecedent",
    ),
    pytest.param(
        "Elena Marsh runs the county budget office. Prices will rise next year, Marsh said.",
        [("Marsh", 2)],
        ["Elena Marsh"],
        id="surname-only",
    ),
    pytest.param(
        "Robert Grant and his wife, Linda Grant, opened a bakery in 1990. Mrs. Grant said the "
        "rent had doubled. Mr. Grant said they would stay.",
        [("Mrs. Grant", 1), ("Mr. Grant", 1)],
        ["Linda Grant", "Robert Grant"],
        id="honorifics",
    ),
    pytest.param(
        "Gov. Alan Reyes signed the bill on Friday. The governor said it would cut waiting times.",
        [("The governor", 1)],
        ["Alan Reyes"],
        id="role-description",
    ),
    pytest.param(
        "The plan is too slow, said Omar Haddad, who added that the money had run out.",
        [("who", 1)],
        ["Omar Haddad"],
        id="relative-pronoun",
    ),
    pytest.param(
        "Officials said the road would reopen in May.",
        [("Officials", 1)],
        [None],
        id="group",
    ),
    pytest.param(
        "Ann Ward met donors in Boston on Friday. Later the Wards flew home to Denver. She said "
        "the trip was private.",
        [("She", 1)],
        ["Ann Ward"],
        id="family-is-no-antecedent",
    ),
    pytest.param(
        "Senator Ruth Calder spoke in Frankfort on Monday. The Kentucky Republican said the "
        "tax would go.",
        [("The Kentucky Republican", 1)],
        ["Ruth Calder"],
        id="epithet",
    ),
    pytest.param(
        "Republican nominee Dan Price and Libertarian nominee Gary Stone met in Ohio. Reporters "
        "asked questions. The Republican nominee said taxes would fall.",
        [("The Republican nominee", 1)],
        ["Dan Price"],
        id="role-with-qualifier",
    ),
    pytest.param(
        "Mark Ellis and Julia Perez met voters in Ohio. Ellis and Perez said turnout was high.",
        [("Ellis and Perez", 1)],
        [None],
        id="coordination-is-a-group",
    ),
    pytest.param(
        "The Whitmore campaign said the ads were false. Later the campaign said it would sue.",
        [("The Whitmore campaign", 1), ("the campaign", 1)],
        ["Whitmore campaign", "Whitmore campaign"],
        id="campaign-named-then-the-campaign",
    ),
]


# The gaps of issue 11, in invented words.
NAME_CASES += [
    pytest.param(
        "Billionaire Tomas Reinholt praised the harbour plan on Monday. The billionaire "
        "owns three ports.",
        [("Billionaire Tomas Reinholt", 1)],
        ["Tomas Reinholt"],
        id="descriptive-word-before-name",
    ),
    pytest.param(
        "Veteran striker Luc Moreau said the club would win the cup.",
        [("Veteran striker Luc Moreau", 1)],
        ["Luc Moreau"],
        id="descriptive-words-before-name",
    ),
    pytest.param(
        "Deputy Mayor Jan-Willem van der Berg said the bridge would reopen in May.",
        [("Deputy Mayor Jan-Willem van der Berg", 1)],
        ["Jan-Willem van der Berg"],
        id="hyphenated-name-with-particles",
    ),
    pytest.param(
        "The pastor introduced Karl Vander Meulen on Sunday. Mr. Vander Meulen said the "
        "church would help.",
        [("Mr. Vander Meulen", 1)],
        ["Karl Vander Meulen"],
        id="two-word-surname",
    ),
    pytest.param(
        "The columnist Henry Price wrote that the price of fuel was too high. Price argued "
        "that taxes were to blame.",
        [("Price", 2)],
        ["Henry Price"],
        id="surname-that-is-a-word",
    ),
    pytest.param(
        "Senator Ted Moss won the vote. Ted Moss thanked voters in Ames, and Ted Moss spoke "
        "again in Boone. His father, Rafael Moss, toured churches. Mr. Moss said the win "
        "was a sign.",
        [("Mr. Moss", 1)],
        ["Ted Moss"],
        id="shared-surname-goes-to-the-salient-person",
    ),
    pytest.param(
        "Cheers, Ms. Harlow\n\nThe central bank chairwoman, Janet Harlow, spoke last. She "
        "said rates would rise.",
        [("She", 1)],
        ["Janet Harlow"],
        id="surname-before-the-full-name",
    ),
    pytest.param(
        "Greenpeace said the spill was worse than reported.",
        [("Greenpeace", 1)],
        ["Greenpeace"],
        id="one-word-organisation",
    ),
    pytest.param(
        "A 2019 report by the Center for Coastal Studies found that beaches were shrinking. "
        "Sand loss would double, the paper said.",
        [("A 2019 report by the Center for Coastal Studies", 1), ("the paper", 1)],
        ["Center for Coastal Studies", "Center for Coastal Studies"],
        id="document-issued-by-an-organisation",
    ),
    pytest.param(
        "The Harbour Action Network says it will spend $150,000 on a TV ad. The ad says the "
        "mayor failed the city.",
        [("The ad", 1)],
        ["Harbour Action Network"],
        id="document-named-earlier-with-its-issuer",
    ),
    pytest.param(
        "Mayor Olga Brandt raised $5 million in May, according to her campaign finance filings.",
        [("her campaign finance filings", 1)],
        ["Olga Brandt"],
        id="document-of-a-person",
    ),
    pytest.param(
        "The study found that reefs were dying. The institute's study, led by Ana Ruiz, "
        "was released by the Pacific Marine Institute on Friday.",
        [("The study", 1)],
        ["Pacific Marine Institute"],
        id="document-issuer-named-later",
    ),
    pytest.param(
        "The Ministry of Transport released its findings on Monday. The ministry said the "
        "bridge was safe. It said repairs would start in May.",
        [("The ministry", 1), ("It", 1)],
        ["Ministry of Transport", "Ministry of Transport"],
        id="it-after-an-organisation-spoke",
    ),
    pytest.param(
        "Hillary Chen won the primary on Tuesday and thanked volunteers in Reno. The "
        "Democratic presidential nominee said the race was close.",
        [("The Democratic presidential nominee", 1)],
        ["Hillary Chen"],
        id="nominee-is-the-last-subject",
    ),
    pytest.param(
        "Norway said on Monday it would close the border.",
        [("Norway", 1)],
        ["Norway"],
        id="country-speaking",
    ),
]


@pytest.mark.parametrize("text, mentions, expected", NAME_CASES)
def test_speaker_names(nlp, text, mentions, expected):
    names, _ = _resolve(nlp, text, mentions)
    assert names == expected


DESCRIPTION_CASES = [
    pytest.param(
        "White House spokesman Josh Earnest said the talks would go on.",
        ("White House spokesman Josh Earnest", 1),
        ("Josh Earnest", "White House spokesman", "White House"),
        id="title-before-name",
    ),
    pytest.param(
        "A lawyer for the landlord, Carla Mendes, said the lease was valid.",
        ("Carla Mendes", 1),
        ("Carla Mendes", "lawyer for the landlord", None),
        id="description-before-name",
    ),
    pytest.param(
        "Nadia Petrova, a senior fellow at the Caspian Research Center, said the talks failed.",
        ("Nadia Petrova", 1),
        ("Nadia Petrova", "senior fellow", "Caspian Research Center"),
        id="apposition-at",
    ),
    pytest.param(
        '"Trade will fall," said Prof. Ivan Kral from the Prague Institute of Economic Studies.',
        ("Prof. Ivan Kral", 1),
        ("Ivan Kral", "Prof.", "Prague Institute of Economic Studies"),
        id="from-phrase",
    ),
    pytest.param(
        "Sam Ortiz, the ambassador of Chile to Japan, said trade was growing.",
        ("Sam Ortiz", 1),
        ("Sam Ortiz", "ambassador of Chile to Japan", None),
        id="apposition-no-organisation",
    ),
    pytest.param(
        "Councillor Tom Berg disagreed. Berg said the vote was too early.",
        ("Berg", 1),
        ("Tom Berg", "Councillor", None),
        id="local-government-title",
    ),
    pytest.param(
        "Cllr Ana Moss said the budget was short.",
        ("Cllr Ana Moss", 1),
        ("Ana Moss", "Cllr", None),
        id="abbreviated-local-title",
    ),
]


@pytest.mark.parametrize("text, mention, expected", DESCRIPTION_CASES)
def test_titles_and_affiliations(nlp, text, mention, expected):
    _, speakers = _resolve(nlp, text, [mention])
    person = speakers[0]
    assert (person["name"], person["title"], person["organisation"]) == expected
    assert person["kind"] == "person"


def test_one_entry_per_person_with_quotes_and_mentions(nlp):
    text = (
        "Dana Whitfield, a lawyer for the city, spoke first. Whitfield said the contract was void. "
        "She said the city would appeal."
    )
    names, speakers = _resolve(nlp, text, [("Whitfield", 2), ("She", 1)])
    assert names == ["Dana Whitfield", "Dana Whitfield"]
    assert len(speakers) == 1
    entry = speakers[0]
    assert entry["quote_ids"] == ["q1", "q2"] and entry["gender"] == "female"
    assert all(text[m["start"] : m["end"]] in ("Dana Whitfield", "Whitfield", "She")
               for m in entry["mentions"])  # fmt: skip


def test_organisation_speaking(nlp):
    text = "The Ministry of Transport said on Monday that the bridge was safe."
    names, speakers = _resolve(nlp, text, [("The Ministry of Transport", 1)])
    assert names == ["Ministry of Transport"]
    assert speakers[0]["kind"] == "organisation"


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        ("A Boston Globe report said the mayor knew.", "A Boston Globe report", "Boston Globe"),
        ("White House officials said the trip was off.", "White House officials", None),
    ],
)
def test_things_an_organisation_owns_speak_for_it(nlp, text, mention, expected):
    names, _ = _resolve(nlp, text, [(mention, 1)])
    assert names == [expected]


def test_person_tagged_as_organisation(nlp):
    # The language model tags the bare surname as an organisation; it warned, so it is a person.
    text = '"The drones are getting better," warned Marchuk.'
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Marchuk"] == ["ORG"]
    names, speakers = _resolve(nlp, text, [("Marchuk", 1)])
    assert names == ["Marchuk"] and speakers[0]["kind"] == "person"


@pytest.mark.parametrize("text", ["", "   \n", '""', "He said."])
def test_odd_input_never_fails(nlp, text):
    doc = nlp(text)
    assert not doc._.claimex_error
    assert resolve_speakers(doc) == [] or all(s["name"] is None for s in resolve_speakers(doc))


def test_dateline_is_no_part_of_a_name(nlp):
    from claimex.entities.names import clean_name

    doc = nlp("ROME - Bernard Sorel met the Pope on Monday.")
    assert clean_name(doc, 0, 4).words == ("Bernard", "Sorel")


def test_surname_the_parser_took_for_a_modal(extract):
    """ "While Will admires ...": no modal comes before a verb ending in -s, so "Will" is the
    surname, the subject a later "he" stands for."""
    article = extract(
        "Ferries Face Cuts\n\nThe columnist Harold Will wrote about the harbour on Monday. "
        "The council will vote in May. While Will admires Mayor Tom Price's energy, he sees "
        "the budget as a mistake."
    )
    he = next(q for q in article.quotes if q.speaker and q.speaker.text == "he")
    assert he.speaker.name == "Harold Will"
