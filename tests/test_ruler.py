"""The array attribute ruler: same semantics as spaCy's AttributeRuler, on plain token tests."""

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from claimex.ruler import ArrayRuler, compile_rules

WORDS = ["There", "is", "a", "dog", "and", "that", "is", "it", " "]
TAGS = ["EX", "VBZ", "DT", "NN", "CC", "WDT", "VBZ", "PRP", "_SP"]
DEPS = ["expl", "ROOT", "det", "attr", "cc", "nsubj", "conj", "attr", "dep"]

RULES = [
    # plain tag rules, then exceptions by word, dependency and space, as in the English models
    [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}],
    [{"patterns": [[{"TAG": {"IN": ["DT", "WDT"]}}]], "attrs": {"POS": "DET"}}],
    [
        {"patterns": [[{"TAG": "WDT"}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"TAG": "WDT", "LOWER": "that"}]], "attrs": {"POS": "PRON"}},
    ],
    [
        {
            "patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
            "attrs": {"POS": "PRON"},
        }
    ],  # fmt: skip
    [
        {
            "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
            "attrs": {"POS": "VERB"},
            "index": 1,
        }
    ],  # fmt: skip
    [{"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": -1}],
    [{"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}}],
    [{"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}}],
    [  # every rule is matched before any applies: the second still sees the tag "VBZ"
        {"patterns": [[{"LOWER": "is"}]], "attrs": {"TAG": "VBD"}},
        {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "AUX"}},
    ],
    [  # a later rule wins
        {"patterns": [[{"LOWER": "dog"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    ],
]


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, spaces=[True] * 7 + [False, False], tags=TAGS, deps=DEPS,
               heads=[1, 1, 3, 1, 1, 6, 1, 6, 7])  # fmt: skip


@pytest.mark.parametrize("rules", RULES)
def test_array_ruler_sets_what_spacys_ruler_sets(rules):
    nlp = spacy.blank("en")
    theirs = AttributeRuler(nlp.vocab)
    theirs.add_patterns(rules)
    ours = ArrayRuler(nlp, rules)
    expected = [(t.pos_, t.tag_, t.dep_) for t in theirs(_doc(nlp.vocab))]
    assert [(t.pos_, t.tag_, t.dep_) for t in ours(_doc(nlp.vocab))] == expected


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"TEXT": {"REGEX": "^a"}}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"SHAPE": "dd"}]], "attrs": {"POS": "NUM"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOT_A_POS"}},
        {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNS"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[]], "attrs": {"POS": "NOUN"}},
    ],
)
def test_other_patterns_are_left_to_spacys_ruler(rule):
    assert compile_rules(spacy.blank("en").vocab, [rule]) is None


def test_empty_doc():
    nlp = spacy.blank("en")
    ruler = ArrayRuler(nlp, RULES[4])
    assert len(ruler(Doc(nlp.vocab, words=[]))) == 0
