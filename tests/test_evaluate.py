"""``claimex eval``: gold readers, matching, metrics, breakdowns, error files, and agreement
with the project's scorer script (../shared/bin/claimex-score) on the same predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from claimex.cli import cli
from claimex.evaluate import read_gold, score, total
from claimex.evaluate.gold import quote_kind, read_brat, safe_id
from claimex.evaluate.match import content_chars, match_quotes, norm_name
from claimex.evaluate.metrics import by_kind, by_rule

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "bin" / "claimex-score"
GOLD_FILES = [
    "gold/seed.jsonl", "gold/polnear-dev-names.jsonl", "gold/polnear-train-names.jsonl",
    "data/polnear-dev.jsonl", "data/polnear-train.jsonl", "data/newsquant-dev.jsonl",
]  # fmt: skip
DOCS_PER_FILE = 2
CANDIDATES = 60  # documents read from each file to pick the shortest from

# An invented article and its gold, used by every test that needs no pipeline.
TEXT = (
    'Mayor Ana Lopez said the bridge would open in May. "It will cost $40 million," she added.'
    " Critics fear delays."
)
GOLD_QUOTE_1 = {"start": 21, "end": 49, "kind": "indirect", "cue": "said",
                "speaker": "Mayor Ana Lopez", "speaker_start": 0, "speaker_end": 15}  # fmt: skip
GOLD_QUOTE_2 = {"start": 51, "end": 78, "kind": "direct", "cue": "added",
                "speaker": "she", "speaker_start": 79, "speaker_end": 82}  # fmt: skip
GOLD = {
    "id": "city/bridge 1",
    "text": TEXT,
    "quotes": [GOLD_QUOTE_1, GOLD_QUOTE_2],
    "figures": [{"text": "$40 million", "start": 65, "end": 76, "value": 40e6}],
    "organisations": [],
}


def _pred_quote(start, end, kind="indirect", speaker=(0, 15), rule="r-clause") -> dict:
    mention = {"start": speaker[0], "end": speaker[1], "text": TEXT[speaker[0] : speaker[1]]}
    return {"start": start, "end": end, "kind": kind, "speaker": mention, "rule": rule,
            "confidence": 0.8, "text": TEXT[start:end]}  # fmt: skip


def _record(quotes, figures=()) -> dict:
    return {"source": safe_id(GOLD["id"]) + ".txt", "quotes": list(quotes),
            "figures": list(figures), "organisations": []}  # fmt: skip


def test_gold_offsets_are_those_of_the_invented_text():
    assert TEXT[21:49] == "the bridge would open in May"
    assert TEXT[51:78] == '"It will cost $40 million,"' and TEXT[65:76] == "$40 million"
    assert TEXT[0:15] == "Mayor Ana Lopez" and TEXT[79:82] == "she"
    assert TEXT[90:109] == "Critics fear delays"


@pytest.mark.parametrize(
    ("pred_span", "matches"),
    [
        ((21, 49), True),  # exact
        ((17, 49), True),  # with "said": still >= 50% both ways
        ((21, 30), False),  # covers under half of the gold
        ((0, 35), False),  # more than half of it lies outside the gold
        ((51, 78), False),  # another quote
    ],
)
def test_quote_matches_at_half_the_characters_both_ways(pred_span, matches):
    c = Counter()
    pairs = match_quotes(c, TEXT, [GOLD_QUOTE_1], [_pred_quote(*pred_span)])
    assert (pairs[0].gold == 0) is matches
    assert c["q_tp"] == matches and c["q_gold"] == 1


def test_content_characters_skip_quote_marks_and_spaces():
    assert content_chars('"a b"', [(0, 5)]) == {1, 3}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("The White House", "white house"), ("U.S. Army", "u s army"), (None, "")],
)
def test_norm_name(name, expected):
    assert norm_name(name) == expected


def test_scores_precision_recall_speaker_and_figures():
    pred = _record(
        [_pred_quote(21, 49), _pred_quote(90, 109, rule="r-stance")],  # second one spurious
        [{"start": 65, "end": 76, "value": 4e7, "category": "money"},
         {"start": 45, "end": 48, "value": 5, "category": "date"}],  # dates are not scored
    )  # fmt: skip
    scores = total(score([GOLD], [pred]))
    assert scores["quote_precision"] == 0.5 and scores["quote_recall"] == 0.5
    assert scores["speaker_accuracy"] == 1.0 and scores["recall_indirect"] == 1.0
    assert scores["figure_span_precision"] == 1.0 and scores["figure_value_f1"] == 1.0


def test_optional_gold_quote_neither_rewarded_nor_punished():
    gold = {**GOLD, "quotes": [GOLD_QUOTE_1, {**GOLD_QUOTE_2, "optional": True}]}
    pred = _record([_pred_quote(21, 49), _pred_quote(51, 78, kind="direct")])
    scores = total(score([gold], [pred]))
    assert scores["quote_precision"] == 1.0 and scores["quote_recall"] == 1.0


def test_canonical_name_decides_the_speaker():
    gold = {**GOLD, "quotes": [{**GOLD_QUOTE_1, "speaker_canonical": ["Ana Lopez", "A. Lopez"]}]}
    right = _record(
        [{**_pred_quote(21, 49), "speaker": {"start": 0, "end": 15, "name": "Ana Lopez"}}]
    )
    wrong = _record([_pred_quote(21, 49)])  # the mention overlaps, but no name
    assert total(score([gold], [right]))["speaker_name_accuracy"] == 1.0
    assert total(score([gold], [wrong]))["speaker_accuracy"] == 0.0


def test_missing_record_counts_as_missing():
    scores = total(score([GOLD], []))
    assert scores["docs_missing"] == 1 and scores["quote_recall"] == 0.0


def test_by_rule_and_by_kind():
    pred = _record([_pred_quote(21, 49), _pred_quote(90, 109, rule="r-stance")])
    results = score([GOLD], [pred])
    assert by_rule(results) == {
        "r-clause": {"predicted": 1, "correct": 1, "precision": 1.0},
        "r-stance": {"predicted": 1, "correct": 0, "precision": 0.0},
    }
    kinds = by_kind(results)
    assert kinds["indirect"] == {"gold": 1, "predicted": 2, "recall": 1.0, "precision": 0.5}
    assert kinds["direct"]["recall"] == 0.0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('"We will win," she said.', "direct"),
        ("We will win, she said.", "indirect"),
        ("\u201cWe\u201d will win, she said.", "mixed"),
    ],
)
def test_kind_from_quote_marks(text, kind):
    assert quote_kind(text, [(0, text.index(",") + 2 if text[0] == '"' else len(text))]) == kind


BRAT_TXT = 'Officials said the port would reopen. "We are ready," Tom Berg told reporters.\n'
BRAT_ANN = """T1\tSource 0 9\tOfficials
T2\tCue 10 14\tsaid
T3\tContent 15 36\tthe port would reopen
T4\tAttribution 10 14\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tQuote 38 53\t"We are ready,"
T6\tSpeaker 54 62\tTom Berg
T7\tCue 63 67\ttold
R1\tSource Arg1:T6 Arg2:T5
R2\tCue Arg1:T7 Arg2:T5
"""


@pytest.fixture
def brat(tmp_path):
    folder = tmp_path / "brat"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "port.txt").write_text(BRAT_TXT, encoding="utf-8")
    (folder / "sub" / "port.ann").write_text(BRAT_ANN, encoding="utf-8")
    (folder / "lonely.ann").write_text("T1\tCue 0 1\tx\n", encoding="utf-8")  # no .txt: skipped
    return folder


def test_brat_events_and_relations_give_quotes_with_speaker_and_cue(brat):
    docs = list(read_brat(brat))
    assert [d["id"] for d in docs] == ["port"]
    first, second = docs[0]["quotes"]
    assert (first["speaker"], first["cue"], first["kind"]) == ("Officials", "said", "indirect")
    assert first["text"] == "the port would reopen"
    assert (second["speaker"], second["cue"], second["kind"]) == ("Tom Berg", "told", "direct")
    assert BRAT_TXT[second["speaker_start"] : second["speaker_end"]] == "Tom Berg"


def test_brat_discontinuous_content_is_one_quote_with_pieces():
    text = '"We will," Ana said, "win."'
    ann = 'T1\tContent 0 10;21 27\t"We will," "win."\nT2\tSource 11 14\tAna\n'
    ann += "R1\tSource Arg1:T2 Arg2:T1\n"
    (quote,) = read_brat_quotes(text, ann)
    assert [(s["start"], s["end"]) for s in quote["spans"]] == [(0, 10), (21, 27)]
    assert quote["speaker"] == "Ana" and quote["kind"] == "direct"


def read_brat_quotes(text, ann):
    from claimex.evaluate.gold import brat_quotes

    return brat_quotes(text, ann)


def test_eval_cli_on_brat_folder_with_predictions(brat, tmp_path):
    pred = tmp_path / "pred.jsonl"
    record = {"source": "port.txt", "quotes": [
        {"start": 15, "end": 36, "kind": "indirect", "rule": "r1", "confidence": 0.7,
         "speaker": {"start": 0, "end": 9, "text": "Officials", "name": None}},
        {"start": 63, "end": 78, "kind": "indirect", "rule": "r2", "confidence": 0.4,
         "speaker": None},
    ]}  # fmt: skip
    pred.write_text(json.dumps(record) + "\n", encoding="utf-8")
    args = ["eval", str(brat), "--pred", str(pred), "--format", "json", "--by", "rule"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["quote_precision"], report["quote_recall"]) == (0.5, 0.5)
    assert report["speaker_accuracy"] == 1.0
    assert report["by_rule"]["r2"] == {"predicted": 1, "correct": 0, "precision": 0.0}


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    records = [_record([_pred_quote(21, 49), _pred_quote(90, 109)],
                       [{"start": 65, "end": 76, "value": 4, "category": "money"}])]  # fmt: skip
    pred.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path, pred


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (".txt", ["missed quote", "spurious quote", "wrong_value figure", "[[Critics fear"]),
        (".jsonl", ['"error": "missed"', '"error": "spurious"', '"error": "wrong_value"']),
        (".html", ['class="quote missed"', 'class="quote spurious"', 'class="fig wrong_value"']),
    ],
)
def test_errors_file_lists_missed_spurious_and_wrong_values(gold_file, tmp_path, suffix, expected):
    gold, pred = gold_file
    errors = tmp_path / f"errors{suffix}"
    args = ["eval", str(gold), "--pred", str(pred), "--errors", str(errors), "-f", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    written = errors.read_text(encoding="utf-8")
    for piece in expected:
        assert piece in written


def test_eval_table_per_doc_and_breakdowns(gold_file):
    gold, pred = gold_file
    args = ["eval", str(gold), "--pred", str(pred), "--per-doc", "--by", "rule", "--by", "kind"]
    result = CliRunner().invoke(cli, [*args, "--format", "table"])
    assert result.exit_code == 0, result.output
    for heading in ("Scores", "Quotes by rule", "Quotes by kind", "Per document", "city/bridge 1"):
        assert heading in result.stdout
    report = json.loads(CliRunner().invoke(cli, [*args, "-f", "json"]).stdout)
    assert report["per_doc"][0]["id"] == "city/bridge 1"
    assert set(report["by_kind"]) == {"direct", "mixed", "indirect"}


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json\n", "gold.jsonl:1: not JSON"), ('{"id": "a"}\n', "needs an 'id' and a 'text'")],
)
def test_bad_gold_is_one_line_on_stderr(tmp_path, content, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--pred", str(gold)])
    assert result.exit_code == 1
    assert message in result.stderr and result.stdout == ""


def test_malformed_brat_is_one_line_on_stderr(tmp_path):
    (tmp_path / "x.txt").write_text("Ana said so.", encoding="utf-8")
    (tmp_path / "x.ann").write_text("T1\tSource zero 3\tAna\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--pred", str(tmp_path / "x.txt")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "x.ann: not brat standoff" in result.stderr


def test_eval_without_pred_runs_claimex_on_the_gold(nlp, gold_file):
    result = CliRunner().invoke(cli, ["eval", str(gold_file[0]), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["docs_missing"] == 0


def test_eval_config_word_lists_reach_the_extraction(nlp, tmp_path):
    text = "Fares will rise, Lena Marsh harrumphed.\n"
    gold = {"id": "fares", "text": text, "quotes": [
        {"start": 0, "end": 15, "kind": "indirect", "cue": "harrumphed",
         "speaker": "Lena Marsh", "speaker_start": 17, "speaker_end": 27},
    ]}  # fmt: skip
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    (tmp_path / "desk.toml").write_text('[speech_verbs]\nadd = ["harrumph"]\n', encoding="utf-8")
    args = ["eval", str(tmp_path / "gold.jsonl"), "-f", "json"]
    plain = json.loads(CliRunner().invoke(cli, args).stdout)
    tuned = json.loads(
        CliRunner().invoke(cli, [*args, "--config", str(tmp_path / "desk.toml")]).stdout
    )
    assert plain["quote_recall"] == 0.0 and tuned["quote_recall"] == 1.0


def _annotated(doc: dict) -> bool:
    return any(doc.get(key) for key in ("quotes", "figures", "organisations"))


def _sample_gold(tmp_path: Path) -> Path:
    """The shortest annotated documents among the first of every gold file (the seed among
    them), in one temporary gold file."""
    lines = []
    for name in GOLD_FILES:
        path = SHARED / name
        if path.exists():
            with path.open(encoding="utf-8") as stream:
                docs = [json.loads(line) for line in islice(stream, CANDIDATES)]
            docs = sorted((d for d in docs if _annotated(d)), key=lambda d: len(d["text"]))
            lines += [json.dumps(d) for d in docs[:DOCS_PER_FILE]]
    gold = tmp_path / "sample-gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/bin/claimex-score is not here")
def test_agrees_with_the_scorer_script_on_every_figure(extract, tmp_path):
    gold = _sample_gold(tmp_path)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for doc in read_gold(gold):
            record = extract(doc["text"], safe_id(doc["id"]) + ".txt")
            out.write(record.model_dump_json() + "\n")
    scorer = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    expected = json.loads(scorer.stdout)
    result = CliRunner().invoke(cli, ["eval", str(gold), "--pred", str(pred), "-f", "json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert set(got) == set(expected)
    for key, value in expected.items():
        if isinstance(value, float):
            assert got[key] == pytest.approx(value, abs=5e-4), key
        else:
            assert got[key] == value, key
    assert expected["docs"] >= 6 and "quote_f1" in got and "figure_value_f1" in got
