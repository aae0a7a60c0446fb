"""The user's example article must come out right, completely.

The golden file pins the whole output; the tables below state the facts that matter in
plain words, so a golden-file change that breaks one of them fails with a clear message.
Regenerate the golden files after an intended change with ``CLAIMEX_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, SEED

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("CLAIMEX_UPDATE_GOLDEN") == "1"


def check_golden(name: str, data: dict) -> None:
    path = GOLDEN / name
    rendered = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if UPDATE:
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with CLAIMEX_UPDATE_GOLDEN=1"
    assert json.loads(rendered) == json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(extract):
    return extract(SEED.read_text(encoding="utf-8"), source="seeds/000_32bff10e8c9dff9f.txt")


def test_seed_golden(seed):
    check_golden("seed.json", seed.model_dump(mode="json"))


def test_schema_golden():
    from claimex.models import json_schema

    check_golden("schema.json", json_schema())


def test_header(seed):
    assert seed.date == "2025-02-24"
    assert seed.title.startswith("North Korea-Russia cooperation")


def test_every_offset_exact(seed):
    text = SEED.read_text(encoding="utf-8")
    spans = [*seed.quotes, *seed.figures, *seed.claims]
    spans += [q.cue for q in seed.quotes if q.cue] + [q.speaker for q in seed.quotes if q.speaker]
    for span in spans:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "words, speaker_name, kind",
    [
        ("North Korea-Russia cooperation escalates", "Dmytro Ponomarenko", "indirect"),
        ("the war in Ukraine is not just", "Dmytro Ponomarenko", "indirect"),
        ("The war is not just about Ukraine", "Dmytro Ponomarenko", "direct"),
        ("The deepening military cooperation", "Dmytro Ponomarenko", "direct"),
        ("Pyongyang has also supplied", None, "indirect"),
        ("There were around 12,000", None, "direct"),
        ("They already upgraded the missiles", "Getmanchuk", "direct"),
        ("Research of North Korean missiles", "Nataliya Butyrska", "direct"),
        ("China has gained a lot", "Jun Hea-won", "direct"),
        ("On one hand", "Jun Hea-won", "direct"),
        ("China might fear", "Jun Hea-won", "indirect"),
        ("History shows", "Nataliya Butyrska", "direct"),
        ("With that regard", "Jun Hea-won", "direct"),
        ("So how do we envision", "Leonid Litra", "direct"),
        ("I mean, does it make sense", "Leonid Litra", "direct"),
    ],
)
def test_seed_quote(seed, words, speaker_name, kind):
    found = [q for q in seed.quotes if words in q.text]
    assert len(found) == 1, f"expected one quote containing {words!r}"
    quote = found[0]
    assert quote.kind == kind
    assert quote.speaker is not None
    assert quote.speaker.name == speaker_name


@pytest.mark.parametrize(
    "text, value, qualifier, counted",
    [
        ("around 12,000", 12000, "approximately", "North Korean troops"),
        ("4,000", 4000, None, None),
        ("around 2,000", 2000, "approximately", "people"),
    ],
)
def test_seed_figure(seed, text, value, qualifier, counted):
    counts = [f for f in seed.figures if f.category == "count" and text in f.text]
    assert len(counts) == 1
    figure = counts[0]
    assert figure.value == value
    assert figure.qualifier == qualifier
    if counted:
        assert counted in (figure.counted or "")
    assert figure.quote_id is not None


def test_seed_years_are_dates(seed):
    years = [f for f in seed.figures if f.text in {"2023", "2024"}]
    assert years and all(f.category == "date" for f in years)


@pytest.mark.parametrize(
    "name",
    [
        "Ukrainian Embassy",
        "German Embassy",
        "New Europe Center",
        "Goethe-Institut",
        "Institute of Foreign Affairs and National Security",
        "European Council on Foreign Relations",
    ],
)
def test_seed_organisation(seed, name):
    names = {
        n.lower().removeprefix("the ") for o in seed.organisations for n in [o.name, *o.aliases]
    }
    assert name.lower() in names


def test_seed_people_are_not_organisations(seed):
    assert all("Getmanchuk" not in o.name for o in seed.organisations)


@pytest.mark.parametrize(
    "name, title, organisation",
    [
        ("Nataliya Butyrska", "senior fellow", "New Europe Center"),
        ("Leonid Litra", "visiting fellow", "European Council on Foreign Relations"),
        ("Jun Hea-won", "Prof.", "Institute of Foreign Affairs and National Security"),
    ],
)
def test_seed_speaker_details(seed, name, title, organisation):
    speaker = next(s for s in seed.speakers if s.name == name)
    assert speaker.title == title
    assert (speaker.organisation or "").removeprefix("the ") == organisation


def test_claims_join_quotes_and_figures(seed):
    with_figures = [c for c in seed.claims if c.figure_ids]
    assert with_figures
    quote_claims = [c for c in seed.claims if c.quote_id]
    assert len(quote_claims) == len(seed.quotes)
