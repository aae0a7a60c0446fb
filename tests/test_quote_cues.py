"""Quote cues beyond "said": verbs with a preposition, manner verbs, stance verbs, colon
introductions without a verb of saying, and words that report no speech (sentences of our
own)."""

from __future__ import annotations

import pytest


def _summary(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    assert doc._.claimex_error is None
    out = []
    for q in doc._.claimex_quotes:
        assert text[q["start"] : q["end"]] == q["text"]
        speaker = q["speaker"]["text"] if q["speaker"] else None
        out.append((q["text"], speaker, q["cue"]["text"] if q["cue"] else None))
    return out


CASES = [
    # a verb and its preposition: the object is what the cue reports
    (
        "The mayor talked about the flooding in the harbour district.",
        [("the flooding in the harbour district", "The mayor", "talked about")],
    ),
    (
        "Councillor Ines Varga called for a ban on night flights.",
        [("a ban on night flights", "Councillor Ines Varga", "called for")],
    ),
    (
        "In the debate, Okafor referred to the tunnel as a money pit.",
        [("the tunnel as a money pit", "Okafor", "referred to")],
    ),
    ("The bus driver talked about it.", []),  # a bare pronoun
    # manner verbs of saying
    (
        '"Please stay home," implored the fire chief.',
        [("Please stay home,", "the fire chief", "implored")],
    ),
    (
        '"This is a scandal," fumed Marek Holt.',
        [("This is a scandal,", "Marek Holt", "fumed")],
    ),
    # stance verbs
    (
        "The union expressed concern about the new rota.",
        [("concern about the new rota", "The union", "expressed")],
    ),
    # a colon introduction without a verb of saying
    (
        'The bill passed.\nGovernor Lund resisted: "I will not sign this law."',
        [("I will not sign this law.", "Governor Lund", "resisted")],
    ),
    # the colon's cue runs to the verb nearest the colon; its subject speaks
    (
        'Lund has since apologised for what happened: "I should have used one phone."',
        [("I should have used one phone.", "Lund", "apologised for what happened")],
    ),
    (
        'The mayor had to change her answer: "Of course I believe in ghosts."',
        [("Of course I believe in ghosts.", "The mayor", "had to change")],
    ),
    (
        "The vote failed.\nThe senator's reply: \u201cWe will try again in May.\u201d",
        [("We will try again in May.", "The senator's", ":")],
    ),
    (
        'Views differ.\nAnna Berg, Daily Courier: "The budget is a mess."',
        [("The budget is a mess.", "Anna Berg", ":")],
    ),
    # an object that is a prize or a charge, not a view
    ("Councillor Abebe claimed victory in the ward on Sunday.", []),
    ("The harbour board denied the allegations.", []),
    # a belief verb with an embedded question states no view
    ("The survey shows how little the town spends on buses.", []),
    ("Nobody knows what the bridge will cost.", []),
    # an "as" aside: the rest of the sentence is what was said
    (
        "As the harbour master noted, the pier has been closed for years.",
        [("the pier has been closed for years", "the harbour master", "noted")],
    ),
    (
        "The plan, as Hanna Kerr puts it, is a gamble.",
        [("The plan, as Hanna Kerr puts it, is a gamble", "Hanna Kerr", "puts")],
    ),
    ("The crowd cheered as the mayor spoke.", []),
    # evidence after what it shows
    (
        "The senator raised $4 million last quarter, campaign filings show.",
        [("The senator raised $4 million last quarter", "campaign filings", "show")],
    ),
    # the reader is told to imagine or tell: no one in the story says it
    ("Imagine that the ferry sank in the storm.", []),
    ("Now tell us the tunnel was worth the money.", []),
    (
        '"Stop the tolls!" read one banner.',
        [("Stop the tolls!", "one banner", "read")],
    ),
    # a passive verb of saying: the one named after "by" speaks, the subject only heard it
    (
        "The crews were told by the harbour master that the pier would close.",
        [("the pier would close", "the harbour master", "told")],
    ),
    (
        "Tenants were told that the heating would be fixed.",
        [("the heating would be fixed", None, "told")],
    ),
    (
        "It was reported that the mill would close in May.",
        [("the mill would close in May", None, "reported")],
    ),
    # "he's said": "has", not a passive
    ("He's said the ferry will run all winter.", [("the ferry will run all winter", "He", "said")]),
    # an "it" that stands for no one imagines nothing
    (
        "It is hard to imagine that the council will back the plan.",
        [("the council will back the plan", None, "imagine")],
    ),
    # a source that ends the sentence after a comma, however the parser reads it
    (
        "The builder gave $30,000 to the fund in two years, state records show.",
        [("The builder gave $30,000 to the fund in two years", "state records", "show")],
    ),
    (
        "Most tenants in the east wing want a new landlord, the survey found.",
        [("Most tenants in the east wing want a new landlord", "the survey", "found")],
    ),
    (
        "The harbour has lost a fifth of its trade, a new audit has found.",
        [("The harbour has lost a fifth of its trade", "a new audit", "found")],
    ),
    ("But once the rain stopped, the work continued.", []),  # a subordinate clause
    ("He ran two programmes, a cooking show.", []),  # "show" the noun
    # an intention asked of someone: the asker speaks; in the passive, the "by" agent
    (
        "The fire chief implored residents to leave the valley.",
        [("residents to leave the valley", "The fire chief", "implored")],
    ),
    (
        "Shop owners were advised by the council to close early.",
        [("to close early", "the council", "advised")],
    ),
    (
        "The drivers were instructed to wait at the depot.",
        [("to wait at the depot", None, "instructed")],
    ),
    # a verb of saying the tagger took for a noun in a relative clause
    (
        'Marchers held a banner that read, "Keep the library open."',
        [("Keep the library open.", "a banner", "read")],
    ),
    # a participle of saying under a preposition is the cue, not the verb above it
    (
        "The mayor spoke for an hour before noting that the ferry was late.",
        [("the ferry was late", "The mayor", "noting")],
    ),
    # an opening credit to another source is not what the speaker said
    (
        "First reported by the Harbour Gazette, the sale closed in May, the mayor boasted.",
        [("the sale closed in May", "the mayor", "boasted")],
    ),
    # a preposition after the verb's object is no verb-and-preposition cue ("called on")
    (
        'Ada Ruiz called the roof "a sieve" on Monday.',
        [('the roof "a sieve"', "Ada Ruiz", "called")],
    ),
    # a verb of regard reports a view only with an "as" phrase
    (
        "Most commuters see the new bridge as a waste of money.",
        [("the new bridge as a waste of money", "Most commuters", "see")],
    ),
    ("We saw the new bridge on Sunday.", []),
    # a sentence opening "In <a poll>," reports what the poll found
    (
        "In a Harbour Gazette poll last week, 40 percent of residents backed the toll.",
        [("40 percent of residents backed the toll", "a Harbour Gazette poll", "In")],
    ),
    ("In the polls, anyway.", []),
    # a colon that opens the text introduces nobody's words
    (": \u201cNever again,\u201d Lund said", [("Never again,", "Lund", "said")]),
    # a verb of saying before the colon stays the cue
    (
        'The vote failed.\nThe senator said: "We will try again."',
        [("We will try again.", "The senator", "said")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cues(nlp, text, expected):
    assert _summary(nlp, text) == expected


SPEAKERS = [
    # a participle describing a document: the one who issued it speaks
    (
        "The ferry company issued a statement saying the route would close in June.",
        "The ferry company",
    ),
    # a participle after a reported clause takes the reporting clause's subject
    (
        "Dalia Moreno argued that the new tariff would hurt farmers, saying prices would rise.",
        "Dalia Moreno",
    ),
    # an "it" that stands for a company or a government still speaks
    ("The report went on to say that the mill would close.", "The report"),
    ("It went on to say that the mill would close.", "It"),
    ("The bakery said it was proud of its staff and declined to say more.", "The bakery"),
    (
        "Norland said it was firmly opposed to the tariff and warned Vesta to drop it.",
        "it",
    ),
    # a relative "that" stands for the noun before it
    ("Volunteers put up a poster that said the park belongs to everyone.", "a poster"),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKERS)
def test_speaker_of_last_cue(nlp, text, speaker):
    assert _summary(nlp, text)[-1][1] == speaker
