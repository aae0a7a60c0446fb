"""User word lists: the TOML config file, its validation, and its effect on the components
(through their ``lexicons`` config: the CLI and ``nlp.add_pipe`` alike; worker processes are
tested with the others in test_cli.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from claimex.config import LISTS, validate_lists
from claimex.errors import ConfigError
from claimex.lexicons import Overlay, entries, packaged, use, words

TEXT = (
    "The ferry fare will rise next year, Lena Marsh harrumphed on Monday.\n\n"
    "A return ticket now costs 450 florins. NVE said its profits fell. Nordvik Energi runs "
    "the harbour.\n"
)
NEWSROOM = """
[speech_verbs]
add = ["harrumph"]

[currencies]
add = [{ surface = "florins", code = "AWG", position = "suffix" }]

[organisation_aliases]
add = [{ name = "Nordvik Energi", aliases = ["NVE"] }]
"""
LISTS_ADDED = {
    "speech_verbs": {"add": ["harrumph"]},
    "currencies": {"add": [{"surface": "florins", "code": "AWG"}]},
}


@pytest.fixture(autouse=True)
def packaged_lists_afterwards():
    """A component leaves its lists in use after a document: give the next test the packaged
    ones (other tests call the modules behind the components directly)."""
    use(None)
    yield
    use(None)


@pytest.fixture
def runner(nlp):
    return CliRunner()


@pytest.fixture
def newsroom(tmp_path):
    path = tmp_path / "newsroom.toml"
    path.write_text(NEWSROOM, encoding="utf-8")
    return path


def _record(result) -> dict:
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    return json.loads(line)


def _seen(record: dict) -> tuple:
    cues = sorted(q["cue"]["text"] for q in record["quotes"] if q["cue"])
    money = [(f["text"], f["unit"]) for f in record["figures"] if f["category"] == "money"]
    orgs = sorted((o["name"], tuple(o["aliases"])) for o in record["organisations"])
    return cues, money, orgs


def test_a_config_adding_a_speech_verb_a_currency_and_an_alias_changes_the_output(runner, newsroom):
    plain = _seen(_record(runner.invoke(cli, ["extract", "-"], input=TEXT)))
    assert plain[0] == ["said"] and plain[1] == []
    configured = runner.invoke(cli, ["extract", "-", "--config", str(newsroom)], input=TEXT)
    cues, money, orgs = _seen(_record(configured))
    assert cues == ["harrumphed", "said"]
    assert money == [("450", "AWG")]
    assert ("Nordvik Energi", ("NVE",)) in orgs
    # the environment variable does the same, and the packaged lists are back afterwards
    env = runner.invoke(cli, ["extract", "-"], input=TEXT, env={"CLAIMEX_CONFIG": str(newsroom)})
    assert _seen(_record(env)) == (cues, money, orgs)
    assert _seen(_record(runner.invoke(cli, ["extract", "-"], input=TEXT))) == plain


def test_replace_drops_the_packaged_entries(nlp, monkeypatch):
    quotes = nlp.get_pipe("claimex_quotes")  # the shared pipeline, its lists swapped
    replaced = Overlay.from_config({"speech_verbs": {"replace": ["harrumph"]}})
    monkeypatch.setattr(quotes, "lexicons", replaced)
    cues = [q["cue"]["text"] for q in nlp(TEXT)._.claimex_quotes if q["cue"]]
    assert cues == ["harrumphed"]  # "said" is no longer a verb of saying


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[speach_verbs]\nadd = ["x"]', "unknown list 'speach_verbs' (lists: speech_verbs,"),
        ('[speech_verbs]\nadd = ["Quip!"]', "speech_verbs.add[0]: a verb's lemma in lower case"),
        ('[speech_verbs]\nad = ["quip"]', "speech_verbs.ad: unknown key (expected add or replace)"),
        ('[titles]\nadd = ["chef"]\nreplace = []', "titles: give either add or replace"),
        ('speech_verbs = ["quip"]', "speech_verbs: expected a table { add = [...] }"),
        (
            '[currencies]\nadd = [{ surface = "florins", code = "awg" }]',
            "currencies.add[0].code: an ISO 4217 currency code",
        ),
        (
            '[currencies]\nadd = [{ surface = "florins", code = "AWG", where = "after" }]',
            "currencies.add[0].where: unknown key (expected surface, code, position)",
        ),
        ('[currencies]\nadd = ["florins"]', "currencies.add[0]: expected a table { surface, code"),
        (
            '[honorifics]\nadd = [{ word = "Herr", gender = "man" }]',
            "honorifics.add[0].gender: Input should be 'female' or 'male'",
        ),
        ('[organisations]\nadd = ["A # B"]', "organisations.add[0]: a word or phrase"),
        ("[speech_verbs\n", "not valid TOML"),
    ],
)
def test_config_errors_are_one_line_and_exit_2(runner, tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    result = runner.invoke(cli, ["extract", "-", "--config", str(path)], input=TEXT)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: config {path}: ")
    assert message in line


def test_missing_config_file(runner, tmp_path):
    result = runner.invoke(cli, ["extract", "-", "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2
    assert "none.toml: No such file or directory" in result.stderr


def test_every_list_names_a_packaged_file():
    from claimex.config import LexiconConfig

    assert set(LISTS) == set(LexiconConfig.model_fields)
    for file in LISTS.values():
        assert packaged(file)  # raises if the file is missing


def test_overlay_adds_replaces_and_restores():
    overlay = Overlay.from_config(
        {"titles": {"replace": ["harbourmaster"]}, "speech_verbs": {"add": ["harrumph"]}}
    )
    before = entries("speech_verbs.txt")
    try:
        use(overlay)
        assert entries("speech_verbs.txt") == before + ("harrumph",)
        assert words("titles.txt") == {"harbourmaster"}
    finally:
        use(None)
    assert entries("speech_verbs.txt") == before and "president" in words("titles.txt")


def test_derived_tables_follow_the_overlay():
    from claimex.figures.context import suffix_currencies

    assert "florins" not in suffix_currencies()
    try:
        use(Overlay.from_config(LISTS_ADDED))
        assert suffix_currencies()["florins"] == "AWG"
    finally:
        use(None)
    assert "florins" not in suffix_currencies()


def test_bad_component_config_fails_when_the_component_is_made():
    with pytest.raises(ConfigError, match="unknown list 'verbs'"):
        Overlay.from_config({"verbs": {"add": ["quip"]}})
    assert validate_lists({}).lists() == {}


def test_add_pipe_users_get_the_lists_through_the_component_config(nlp):
    import spacy

    from claimex.pipeline import CLAIMEX_PIPES, resolve_model

    own = spacy.load(resolve_model(), exclude=["lemmatizer"])
    for name in CLAIMEX_PIPES:
        reads_lists = name != "claimex_claims"  # it joins the others' results
        own.add_pipe(name, config={"lexicons": LISTS_ADDED} if reads_lists else {})
    doc = own(TEXT)
    assert "harrumphed" in [q["cue"]["text"] for q in doc._.claimex_quotes if q["cue"]]
    assert [f["unit"] for f in doc._.claimex_figures if f["text"] == "450"] == ["AWG"]
    plain = nlp(TEXT)  # the shared pipeline keeps the packaged lists
    assert [f["unit"] for f in plain._.claimex_figures if f["text"] == "450"] == [None]


def test_info_reports_the_config_and_refuses_a_bad_one(runner, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[speech_verbs]\nadd = ["Quip!"]\n', encoding="utf-8")
    result = runner.invoke(cli, ["info", "--config", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: config {bad}: speech_verbs.add[0]")
