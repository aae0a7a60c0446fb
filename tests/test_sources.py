"""Reading inputs: encodings, bad bytes, directory walks, --include; long-text chunking;
the trimmed pipeline."""

from __future__ import annotations

import codecs

import pytest

from claimex.longdoc import chunk_bounds
from claimex.sources import (
    BinaryInput,
    UndecodableInput,
    count_records,
    decode,
    iter_documents,
    read_document,
    walk_directory,
)

TEXT = "Café “quoted”, she said.\r\nNext line."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), None),
        ("Café, she said.".encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # NUL bytes are fine when the encoding says so
    ],
)
def test_decode_keeps_text_and_line_ends(data, encoding):
    expected = "Café, she said." if encoding == "cp1252" else TEXT
    assert decode(data, encoding) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "error", "message"),
    [
        (b"PK\x03\x04\x00\x00binary", None, BinaryInput, "binary file"),
        ("Café".encode("cp1252"), None, UndecodableInput, "pass --encoding"),
        (b"\xff\xfe\xfd", "utf-8", UndecodableInput, "try another --encoding"),
        ("a\x00b".encode("cp1252"), "cp1252", BinaryInput, "NUL"),
    ],
)
def test_decode_errors_say_what_to_do(data, encoding, error, message):
    with pytest.raises(error, match=message):
        decode(data, encoding)


@pytest.mark.parametrize(
    ("data", "error_type", "warnings"),
    [
        (b"Plain text.", None, []),
        (b"  \n\t\r\n", None, ["empty document (no text to extract from)"]),
        (b"", None, ["empty document (no text to extract from)"]),
        (b"\x00\x01", "BinaryFile", []),
        (b"caf\xe9", "DecodeError", []),
    ],
)
def test_read_document(data, error_type, warnings):
    doc = read_document("x.txt", data)
    assert (doc.error.type if doc.error else None) == error_type
    assert doc.warnings == warnings


def _tree(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/d.md", ".hidden.txt", ".git/e.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    return tmp_path


@pytest.mark.parametrize(
    ("include", "expected"),
    [
        ((), ["a.txt", "b.txt", "sub/c.txt", "sub/d.md"]),
        (("*.txt",), ["a.txt", "b.txt", "sub/c.txt"]),
        (("*.md", "a.*"), ["a.txt", "sub/d.md"]),
        (("sub/*",), ["sub/c.txt", "sub/d.md"]),
        (("*.rst",), []),
    ],
)
def test_walk_directory_sorted_hidden_skipped_include(tmp_path, include, expected):
    root = _tree(tmp_path)
    found = [p.relative_to(root).as_posix() for p in walk_directory(root, include)]
    assert found == expected


@pytest.mark.parametrize(
    ("paths", "include", "input_format", "expected"),
    [
        (["."], (), None, 4),
        (["."], ("*.txt",), None, 3),
        ([".", "missing.txt", "empty"], ("*.rst",), None, 3),  # one error record each
        (["a.txt", "-"], (), None, None),  # stdin: unknown
        (["a.txt"], (), "jsonl", None),  # a record per line: unknown without reading
        (["a.txt", "notes.jsonl"], (), None, None),
    ],
)
def test_count_records_without_reading(tmp_path, monkeypatch, paths, include, input_format,
                                       expected):  # fmt: skip
    _tree(tmp_path)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    assert count_records(paths, include, input_format) == expected


def test_iter_documents_reports_each_bad_path(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok.txt").write_text("Fine.")
    paths = [str(tmp_path / "ok.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "empty")]
    docs = list(iter_documents(paths))
    assert [d.text for d in docs] == ["Fine.", None, None]
    assert [d.error.type if d.error else None for d in docs] == [
        None,
        "FileNotFound",
        "EmptyDirectory",
    ]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, ["short"]),
        ("one para.\n\ntwo para.\n\nthree.", 14, ["one para.\n\n", "two para.\n\n", "three."]),
        ("line one\nline two\nline three", 12, ["line one\n", "line two\n", "line three"]),
        ("no breaks at all here", 8, ["no ", "breaks ", "at all ", "here"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("a\r\n\r\nb\r\n\r\nc", 5, ["a\r\n\r\n", "b\r\n\r\n", "c"]),
    ],
)
def test_chunk_bounds_cut_at_breaks_and_cover_the_text(text, limit, expected):
    bounds = chunk_bounds(text, limit)
    assert [text[start:end] for start, end in bounds] == expected
    assert all(end - start <= limit for start, end in bounds)


def test_trimmed_attribute_ruler_sets_the_same_pos_tag_dep(nlp):
    """load_pipeline drops the ruler's lemma and morphology rules and runs the rest as array
    tests (claimex_attribute_ruler); the annotations read stay equal."""
    import spacy

    from claimex.pipeline import resolve_model

    full = spacy.load(resolve_model(), exclude=["lemmatizer", "ner"])
    full.add_pipe("claimex_paragraphs", before="parser")  # as in load_pipeline
    text = (
        "But the mayor, who has been in office since 2019, said: “We won't stop.” "
        "It's a dog-eat-dog world, isn't it?\n\nShe'd rather not say 12 percent.  Alright."
    )
    expected = [(t.pos_, t.tag_, t.dep_) for t in full(text)]
    assert [(t.pos_, t.tag_, t.dep_) for t in nlp(text)] == expected
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "ArrayRuler"
