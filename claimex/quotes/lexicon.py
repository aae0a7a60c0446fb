"""The quote lexicons (claimex/lexicons/*.txt), loaded once, and lemma lookup of verb forms.

The pipeline runs without spaCy's lemmatizer (it costs time and the quote rules only need
the lemma of a few verbs), so verb forms are matched against the lemma lists by undoing the
regular English inflections and looking irregular forms up in a table.
"""

from __future__ import annotations

from functools import cache

from claimex.lexicons import words

SPEECH = "speech_verbs.txt"
COGNITION = "cognition_verbs.txt"
INTENTION = "intention_verbs.txt"
STANCE = "stance_verbs.txt"
VIEW = "view_verbs.txt"
POLL_NOUNS = "poll_nouns.txt"
OBJECT_NOT_SAID = "object_not_said.txt"
PREP_CUES = "prep_cues.txt"
IMPERSONAL = "impersonal_verbs.txt"
PASSIVE_SPEAKERS = "passive_speakers.txt"


@cache
def irregular_forms() -> dict[str, str]:
    return dict(entry.split() for entry in words("irregular_verbs.txt"))


@cache
def source_phrases() -> list[tuple[str, ...]]:
    """Phrases such as ("according", "to"), longest first."""
    return sorted((tuple(e.split()) for e in words("source_phrases.txt")), key=len, reverse=True)


def _candidates(form: str) -> list[str]:
    """Possible lemmas of an English verb form (regular inflections undone)."""
    out = [form]
    for suffix in ("ing", "ed", "es", "s", "d"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # admitted -> admit
            if suffix in ("ed", "es") and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # replied -> reply
    return out


@cache
def prep_cues() -> dict[str, frozenset[str]]:
    """Verb lemma -> the prepositions whose object is what the verb reports ("talk about")."""
    pairs: dict[str, set[str]] = {}
    for entry in words(PREP_CUES):
        verb, *_, prep = entry.split()  # "speak out against": the particle is left to the parse
        pairs.setdefault(verb, set()).add(prep)
    return {verb: frozenset(preps) for verb, preps in pairs.items()}


@cache
def cue_preps(form: str) -> frozenset[str]:
    """The prepositions that make verb ``form`` a cue (empty if none)."""
    lemma = _lemma(form, frozenset(prep_cues()))
    return prep_cues()[lemma] if lemma else frozenset()


@cache
def lemma_in(form: str, lexicon: str) -> str | None:
    """The lemma of verb ``form`` if it is in lexicon file ``lexicon``, else None."""
    return _lemma(form, words(lexicon))


def _lemma(form: str, known: frozenset[str]) -> str | None:
    form = form.lower()
    irregular = irregular_forms().get(form)
    if irregular is not None:
        return irregular if irregular in known else None
    return next((c for c in _candidates(form) if c in known), None)
