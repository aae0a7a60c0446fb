"""Quoted fragments inside someone's reported words: `Clinton called his supporters
"deplorables"`, `he blasted the media for being "unbelievably dishonest."`.

A short quotation that no cue claimed, governed by a verb with a subject of its own, makes
the verb's object side a mixed quote of that subject. Titles and names in quote marks
(`on "Fox News Sunday"`, `the film "13th"`) are left alone: they hang from a preposition or
a noun, not from the verb's objects.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimex.quotes.lexicon import OBJECT_NOT_SAID, SPEECH, lemma_in
from claimex.quotes.mentions import mention_span, subject_of
from claimex.quotes.regions import Draft, Regions

CHARACTERIZATION = "characterization_verbs.txt"
OBJECT_DEPS = ("dobj", "oprd", "xcomp", "ccomp", "attr", "acomp", "prep", "advcl", "dative")
MAX_HOPS = 4
VENUE_PREPS = ("on", "in")  # where something was said: `said on ABC's "This Week"`


def _governor(doc: Doc, start: int, end: int) -> tuple[Token, Token] | None:
    """(verb, its child that holds the quotation) for the quotation at start..end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ == "VERB" and token.dep_ in OBJECT_DEPS and token.i > head.i:
            return head, token
        token = head
    return None


def _says(verb: Token, holder: Token) -> bool:
    """A verb of saying whose words are in the quotation: not one where the quotation is
    where it was said (`said on ABC's "This Week"`) or to whom (`told NBC's "Today"`)."""
    if not lemma_in(verb.text, SPEECH) or holder.dep_ == "dative":
        return False
    if holder.dep_ == "prep" and holder.lower_ in VENUE_PREPS:
        return False
    return not (holder.dep_ == "dobj" and lemma_in(verb.text, OBJECT_NOT_SAID))


def _tail_end(verb: Token, holder: Token) -> int:
    """The end of the verb's phrase from the holder on: `likened the refugees to a "vicious
    snake" in a song about ...` goes on with the phrases the parser hangs on the verb."""
    end = holder.right_edge.i
    for child in verb.rights:
        if child.i <= end:
            continue
        if child.dep_ not in ("prep", "oprd", "dobj") or child.doc[end + 1].is_punct:
            break
        end = child.right_edge.i
    return end


def fragment_quotes(doc: Doc, regions: Regions) -> list[Draft]:
    out = []
    for i, q in enumerate(regions.items):
        if i in regions.claimed or regions.quoted(q.open_start - 1):
            continue
        found = _governor(doc, q.start, q.end)
        if found is None:
            continue
        verb, holder = found
        if not (lemma_in(verb.text, CHARACTERIZATION) or _says(verb, holder)):
            continue
        subject = subject_of(verb)
        if subject is None or regions.quoted(subject.idx):
            continue
        first = next((c for c in verb.rights if not c.is_punct), holder)
        if holder.dep_ == "ccomp":
            first = holder  # "tweeted early on Friday that X was "a con"": from "that"
        tokens = list(doc[first.left_edge.i : _tail_end(verb, holder) + 1])
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        if not tokens:
            continue
        start, end = tokens[0].idx, max(q.end, tokens[-1].idx + len(tokens[-1].text))
        regions.claimed.add(i)
        draft = Draft([(start, end)], "fragment", None, mention_span(subject), [i])
        draft.cue_span = (verb.idx, verb.idx + len(verb.text))
        out.append(draft)
    return out
