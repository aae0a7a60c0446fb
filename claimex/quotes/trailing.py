"""A sentence that ends with its source: "A, FEC records show." / "A, the poll found."

The parser reads the source of a short trailing attribution as anything but a subject often
enough ("records" as a compound of "show", "the poll found" as a relative clause on A's last
noun) that the clause rules miss it; the tagger even takes "show" for a noun there. What the
sentence says settles it: after its last comma come one noun phrase and a verb of saying or
evidence, and then the sentence ends. Everything before the comma is what the source says.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimex.quotes.content import FINITE_TAGS, Cue, chars, trimmed_clause, without_credit
from claimex.quotes.lexicon import COGNITION, SPEECH, lemma_in
from claimex.text import sentence

# What a source's noun phrase is made of ("the new statewide poll", "Federal Election
# Commission records", "G-III's reports", "campaign and corporate records"), and the
# participles that modify it.
PHRASE_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "CCONJ")
PHRASE_PUNCT = ("-", ".", "&")
HEADS = ("NOUN", "PROPN")
AUXILIARIES = ("has", "have", "had")  # "a new poll has found", "X recently revealed"
MAX_PHRASE = 8  # tokens; a longer stretch after the comma is a clause, not a source
MAX_CLOSING = 3  # tokens after the verb: a stop, a closing mark, a line end


def trailing_cue(verb: Token) -> Cue | None:
    """``verb`` as the cue of "A, <noun phrase> <verb>." when the parse gave it no clause."""
    speech = lemma_in(verb.text, SPEECH)
    if not (speech or lemma_in(verb.text, COGNITION)):
        return None
    perfect = verb.i > 0 and verb.doc[verb.i - 1].lower_ in AUXILIARIES
    if verb.tag_ == "VBG" or (verb.tag_ == "VBN" and not perfect):
        return None  # "said X, half joking.": a participle adds to a clause, it is none
    doc, sent = verb.doc, sentence(verb)
    rest = doc[verb.i + 1 : sent.end]
    if len(rest) > MAX_CLOSING or any(not (t.is_punct or t.is_space) for t in rest):
        return None  # the sentence goes on after the verb
    before = verb.i - 1
    while before > sent.start and (doc[before].lower_ in AUXILIARIES or doc[before].pos_ == "ADV"):
        before -= 1
    phrase = []
    for t in reversed(doc[sent.start : before + 1]):
        if t.text == ",":
            break
        modifier = t.tag_ in ("VBG", "VBN")  # "fundraising documents", "leaked emails"
        if not (t.pos_ in PHRASE_POS or t.text in PHRASE_PUNCT or modifier):
            return None
        if len(phrase) == MAX_PHRASE:
            return None
        phrase.insert(0, t)
    else:
        return None  # no comma: the verb's own clause, which the clause rules read
    if not phrase or phrase[-1].pos_ not in HEADS or phrase[0].pos_ == "CCONJ":
        return None
    if verb.tag_ in ("NN", "NNS") and not _agrees(verb, phrase[-1]):
        return None  # "..., a cooking show.": a noun after all
    comma = phrase[0].i - 1
    said = chars(trimmed_clause(without_credit(doc[sent.start : comma])))
    if said is None or not _statement(doc[sent.start : comma]):
        return None
    cue = Cue.at(verb, "speech" if speech else "cognition", "clause")
    cue.speaker = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    cue.content = [said]
    return cue


def _agrees(verb: Token, subject: Token) -> bool:
    """A verb the tagger took for a noun agrees with its subject: "records show", "the poll
    shows"."""
    if verb.lower_.endswith("s"):
        return subject.tag_ in ("NN", "NNP")
    return subject.tag_ in ("NNS", "NNPS")


def _statement(tokens: Span) -> bool:
    """Whether ``tokens`` state something: a finite verb, and not only a subordinate clause
    ("But after the growth cooled, the borrowing continued.") or a phrase ("Welcome to the
    season of the big, political finance promises.")."""
    words = [t for t in tokens if not (t.is_punct or t.is_space or t.pos_ in ("CCONJ", "ADV"))]
    if not words or words[0].pos_ == "SCONJ":
        return False
    return any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" for t in words)
