"""Organisations: whole names, merged across forms, never people or places."""

from __future__ import annotations

import pytest


def _orgs(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    orgs = doc._.claimex_organisations
    for org in orgs:  # every mention is exact
        assert all(text[m["start"] : m["end"]] for m in org["mentions"])
    return orgs


CASES = [
    pytest.param(
        "The Council for Rural Housing (CRH) published its report on Monday. CRH said rents "
        "had doubled.",
        [("Council for Rural Housing", ["CRH"], 3)],
        id="acronym-in-parentheses",
    ),
    pytest.param(
        "The forum was hosted by the Harbour Policy Center. Analysts at Harbour Policy Center "
        "were not surprised.",
        [("Harbour Policy Center", [], 2)],
        id="same-name-with-the",
    ),
    pytest.param(
        "He spoke at the Institute of Foreign Affairs and National Security in Seoul.",
        [("Institute of Foreign Affairs and National Security", [], 1)],
        id="split-name-rejoined",
    ),
    pytest.param(
        "The Democratic National Committee raised more money in May. The DNC said donors "
        "were returning.",
        [("Democratic National Committee", ["DNC"], 2)],
        id="acronym-by-initials",
    ),
    pytest.param(
        "The House Intelligence Committee met on Tuesday. The Intelligence Committee will "
        "meet again in June.",
        [("House Intelligence Committee", ["Intelligence Committee"], 2)],
        id="shorter-form",
    ),
    pytest.param(
        "The Federal Bureau of Investigation opened a case in March. The bureau declined to "
        "comment.",
        [("Federal Bureau of Investigation", [], 2)],
        id="the-bureau",
    ),
    pytest.param(
        "Crowds gathered near the Washington Monument and the National Mall on Sunday.",
        [],
        id="places-are-not-organisations",
    ),
    pytest.param(
        "The National Museum of Maritime History and Culture opened in May. The Maritime Museum "
        "expects a million visitors.",
        [("National Museum of Maritime History and Culture", ["Maritime Museum"], 2)],
        id="abbreviated-form",
    ),
    pytest.param(
        "City Council Rejects Harbour Plan After Long Debate\nShop owners want cheaper "
        "parking permits, the Chamber of Commerce said.",
        [("Chamber of Commerce", [], 1)],
        id="title-case-headline-phrases",
    ),
    pytest.param(
        "Ole Berg, the Harbour Workers Union Chair, said rents rose.",
        [("Harbour Workers Union", [], 1)],
        id="trailing-title-dropped",
    ),
    pytest.param(
        "The U.S. Senate passed the bill on Monday. The Senate will vote again in June, a "
        "U.S. official said.",
        [("U.S. Senate", ["Senate"], 2)],
        id="country-prefix-dropped",
    ),
    pytest.param(
        "The Ohio Democratic Party met in Columbus, Ohio. The Democratic Party will meet in May.",
        [("Ohio Democratic Party", [], 1), ("Democratic Party", [], 1)],
        id="regional-branch-kept-apart",
    ),
    pytest.param(
        "The State Department Wednesday said the visa was revoked.",
        [("State Department", [], 1)],
        id="name-before-a-weekday",
    ),
]


# Names an organisation list (names only, in order) must hold exactly.
NAME_CASES = [
    pytest.param(
        "LONDON (Reuters) - Fuel prices rose again, and as Politico reported on Monday, "
        "the harbour board will meet.",
        ["Reuters", "Politico"],
        id="outlets-in-credits-and-attributions",
    ),
    pytest.param(
        "Kilbride & Sons said profits fell. The Harbour Growth PAC spent $2 million on ads.",
        ["Kilbride & Sons", "Harbour Growth PAC"],
        id="untagged-names-with-an-organisation-suffix",
    ),
    pytest.param(
        "Delegates of the Republican Party met in Ohio. GOP leaders said the vote was fair.",
        ["Republican Party"],
        id="gop-is-the-republican-party",
    ),
    pytest.param(
        "The Federal Reserve's monthly survey showed slower hiring, and the Fed said rates "
        "would stay put.",
        ["Federal Reserve"],
        id="fed-and-a-possessive",
    ),
    pytest.param(
        "Marla Quist spoke at the Sunshine Summit in Tampa before the Republican National "
        "Convention, then met donors in the Oval Office.",
        [],
        id="events-and-rooms-are-not-organisations",
    ),
    pytest.param(
        "“Maybe the difference between the Irish Catholic and the Methodist,” he said, "
        "pointing at the Confederate flag.",
        [],
        id="religions-and-adjectives-are-not-organisations",
    ),
    pytest.param(
        "The bill would renew the Harbour Sanctions Act, or HSA, for ten years. Critics of "
        "the HSA want it dropped.",
        [],
        id="acronym-of-a-law",
    ),
    pytest.param(
        "The questions came after an interview with Fox News's Chris Wallace on Sunday.",
        ["Fox News"],
        id="possessive-before-a-person",
    ),
    pytest.param(
        "Speaking in Beijing, Chinese Foreign Ministry spokesman Lu Wen said the claims were "
        "false.",
        ["Chinese Foreign Ministry"],
        id="nationality-before-a-ministry",
    ),
    pytest.param(
        "Owen Tully, chief executive of the poultry company Kellmoor, gave $2 million to a "
        "super PAC called Forward 30 in May.",
        ["Kellmoor", "Forward 30"],
        id="name-introduced-by-its-kind",
    ),
    pytest.param(
        "The tax would be a major source of revenue for the U.S. government, he said.",
        ["U.S. government"],
        id="a-country-s-government",
    ),
    pytest.param(
        "Hackers reached U.S. government computers and the Medicare records of millions.",
        [],
        id="government-as-a-modifier-and-programmes",
    ),
    pytest.param(
        "He spoke at a Faith & Family forum and later at a Pastors and Pews event.",
        [],
        id="names-of-events",
    ),
    pytest.param(
        "She testified before the House Benghazi committee in October.",
        ["House Benghazi committee"],
        id="lower-case-committee-noun",
    ),
]


@pytest.mark.parametrize("text, expected", NAME_CASES)
def test_organisation_names(nlp, text, expected):
    assert [o["name"] for o in _orgs(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_organisations(nlp, text, expected):
    orgs = _orgs(nlp, text)
    assert [(o["name"], o["aliases"], len(o["mentions"])) for o in orgs] == expected


def test_people_are_not_organisations(nlp):
    # The language model tags the surname as an organisation.
    text = '"The drones are getting better," warned Marchuk.'
    assert [e.label_ for e in nlp(text).ents if e.text == "Marchuk"] == ["ORG"]
    assert _orgs(nlp, text) == []


def test_known_organisation_the_model_misses(nlp):
    text = "Maria Lopez wrote on Twitter that the vote was delayed."
    assert [o["name"] for o in _orgs(nlp, text)] == ["Twitter"]


def test_ids_and_offsets(nlp):
    text = "Officials from the World Bank met the Asian Development Bank in Manila."
    orgs = _orgs(nlp, text)
    assert [o["id"] for o in orgs] == [f"o{i}" for i in range(1, len(orgs) + 1)]
    for org in orgs:
        names = {org["name"], *org["aliases"]}
        assert all(text[m["start"] : m["end"]] in names for m in org["mentions"])


@pytest.mark.parametrize("text", ["", "\n\n", "(ABC)", "The the the.", "“ ” « »"])
def test_odd_input(nlp, text):
    doc = nlp(text)
    assert not doc._.claimex_error
    assert isinstance(doc._.claimex_organisations, list)
