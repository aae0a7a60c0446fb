"""Merging the written forms of organisation names into organisations.

Forms of one organisation: the same name ("the New Europe Center" = "New Europe Center"), an
acronym introduced in parentheses ("Alliance to Reclaim Our Schools (AROS)") or matching the
initials ("DNC"), a shorter form that ends the longer ("Intelligence Committee" for "House
Intelligence Committee"), and "the bureau" after a name with that word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from claimex.entities.names import tokens_matching, word_pattern
from claimex.lexicons import entries, words
from claimex.text import without_invisible

NON_WORD = re.compile(r"[^a-z0-9]+")


def norm(text: str) -> str:
    """Compare names without case, punctuation or a leading "the"."""
    text = re.sub(r"^(the|a|an)\s+", "", text.lower().strip())
    return NON_WORD.sub(" ", text).strip()


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return " " not in text and len(letters) >= 2 and all(c.isupper() for c in letters)


def initials(text: str) -> str:
    """ "Democratic National Committee" -> "DNC" (link words such as "of" left out)."""
    links = words("org_name_links.txt")
    if " " not in text and not is_acronym(text):  # "RealClearPolitics" -> "RCP"
        return "".join(c for c in text if c.isupper())
    return "".join(w[0].upper() for w in text.split() if w.lower() not in links and w[0].isalpha())


@dataclass(frozen=True)
class OrgForm:
    start: int
    end: int
    text: str
    start_tok: int
    end_tok: int


@dataclass
class OrgGroup:
    forms: list[OrgForm] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(f.start for f in self.forms)

    @property
    def name(self) -> str:
        """The fullest form, not an acronym, first seen on a tie; a name of several words used
        twice beats a longer one used once ("Trump University" over "Internal Trump
        University" opening a sentence)."""
        ordered = sorted(self.forms, key=lambda f: f.start)
        uses = Counter(norm(f.text) for f in ordered)

        def rank(form: OrgForm) -> tuple:
            size = len(form.text.split())
            return not is_acronym(form.text), size > 1 and uses[norm(form.text)] > 1, size

        return max(ordered, key=rank).text

    def keys(self) -> set[str]:
        return {norm(f.text) for f in self.forms}

    def as_dict(self, org_id: str) -> dict:
        name = without_invisible(self.name)
        aliases, seen = [], {norm(name)}
        for form in sorted(self.forms, key=lambda f: f.start):
            alias = without_invisible(form.text)
            if norm(alias) not in seen and alias[:1].isupper():
                seen.add(norm(alias))
                aliases.append(alias)
        mentions = sorted({(f.start, f.end) for f in self.forms})
        return {
            "id": org_id,
            "name": name,
            "aliases": aliases,
            "mentions": [{"start": s, "end": e} for s, e in mentions],
        }


@cache
def _alias_keys() -> dict[str, str]:
    """Compared form -> compared first form of its line: "gop" -> "republican party"."""
    table = {}
    for line in entries("org_aliases.txt"):
        forms = [norm(f) for f in line.split("|")]
        table.update((form, forms[0]) for form in forms)
    return table


def _by_name(forms: list[OrgForm]) -> list[OrgGroup]:
    groups: dict[str, OrgGroup] = {}
    for form in forms:
        key = norm(form.text)
        groups.setdefault(_alias_keys().get(key, key), OrgGroup()).forms.append(form)
    return list(groups.values())


def _absorb(groups: list[OrgGroup], keep: OrgGroup, drop: OrgGroup) -> None:
    if keep is not drop:
        keep.forms.extend(drop.forms)
        groups.remove(drop)


def _parenthesised_acronyms(doc: Doc, groups: list[OrgGroup]) -> dict[str, OrgGroup]:
    """Acronyms introduced as "Full Name (ACR)": acronym -> the full name's group."""
    defined: dict[str, OrgGroup] = {}
    for group in list(groups):
        for form in list(group.forms):
            i = form.end_tok
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                if is_acronym(doc[i + 1].text) and not is_acronym(form.text):
                    defined[doc[i + 1].text] = group
    return defined


def _merge_acronyms(doc: Doc, text: str, groups: list[OrgGroup]) -> None:
    """Each acronym joins the name it was introduced with, else the one with its initials;
    its uses that the language model left untagged become mentions too."""
    defined = _parenthesised_acronyms(doc, groups)
    for group in [g for g in groups if all(is_acronym(f.text) for f in g.forms)]:
        acronym = group.forms[0].text
        owner = defined.get(acronym) or next(
            (g for g in groups if g is not group and initials(g.name) == acronym.replace(".", "")),
            None,
        )
        if owner is not None:
            _absorb(groups, owner, group)
    # Untagged uses: of acronyms introduced, and of the initials of long names ("the NRA").
    for group in groups:
        letters = initials(group.name)
        if len(letters) >= 3 and not is_acronym(group.name):
            defined.setdefault(letters, group)
    if not defined:
        return
    covered = {i for g in groups for f in g.forms for i in range(f.start_tok, f.end_tok)}
    for token in tokens_matching(doc, text, word_pattern(sorted(defined))):
        if token.i not in covered:
            span = doc[token.i : token.i + 1]
            defined[token.text].forms.append(
                OrgForm(span.start_char, span.end_char, token.text, token.i, token.i + 1)
            )


def _ends_with(long: str, short: str) -> bool:
    return long != short and long.endswith(" " + short)


def _abbreviates(long: str, short: str) -> bool:
    """ "African-American Museum" for "National Museum of African American History and
    Culture": words taken from the long name, ending in its head noun (before "of")."""
    long_words, short_words = long.split(), short.split()
    if not 1 < len(short_words) < len(long_words):
        return False
    head = long_words[long_words.index("of") - 1] if "of" in long_words[1:] else long_words[-1]
    return short_words[-1] == head and set(short_words) <= set(long_words)


def _regional(long: str, short: str, places: set[str]) -> bool:
    """ "New York Democratic Party" is a branch of the "Democratic Party", not a longer name."""
    prefix = long[: -len(short) - 1] if long.endswith(" " + short) else ""
    generic = words("org_generic_modifiers.txt")  # "U.S. Senate" ... "the Senate" is one
    return prefix in places and prefix.split()[0] not in generic


def _merge_short_forms(groups: list[OrgGroup], places: set[str]) -> None:
    """ "Intelligence Committee" joins "House Intelligence Committee" when it ends (or
    abbreviates) exactly one longer name that is not a regional branch; one word ("Guard")
    only after a generic first word ("National Guard") or for a newspaper ("the Post")."""
    generic = words("org_generic_modifiers.txt")
    for group in sorted(groups, key=lambda g: len(g.name)):
        key = norm(group.name)
        owners = [
            g
            for g in groups
            if any(
                (_ends_with(k, key) or _abbreviates(k, key)) and not _regional(k, key, places)
                for k in g.keys()
            )
        ]
        if " " not in key and key not in words("short_form_heads.txt"):
            owners = [g for g in owners if norm(g.name).split()[0] in generic]
            if not owners and key not in words("org_heads.txt"):
                owners = _named_by_first_word(groups, group, key)
        if len(owners) == 1 and group in groups:
            _absorb(groups, owners[0], group)


def _named_by_first_word(groups: list[OrgGroup], group: OrgGroup, key: str) -> list[OrgGroup]:
    """ "Northwind" for "Northwind Foods", "Marquette" for "Marquette Law School": the longer
    names that open with the word (never a body such as "House" for "House Ethics Committee")."""
    return [g for g in groups if g is not group and any(k.startswith(key + " ") for k in g.keys())]


@cache
def _anaphor_pattern() -> re.Pattern:
    return word_pattern(entries("org_anaphor_heads.txt"))


def _merge_anaphors(doc: Doc, text: str, groups: list[OrgGroup]) -> None:
    """ "the bureau" after "the Federal Bureau of Investigation" is one more mention."""
    covered = {i for g in groups for f in g.forms for i in range(f.start_tok, f.end_tok)}
    for token in tokens_matching(doc, text, _anaphor_pattern()):
        if token.i == 0 or token.i in covered:
            continue
        if (
            doc[token.i - 1].lower_ != "the"
            or token.i + 1 < len(doc)
            and doc[token.i + 1].pos_ == "PROPN"
        ):
            continue
        before = [g for g in groups if g.first < token.idx and token.text in norm(g.name).split()]
        if before:
            owner = max(before, key=lambda g: max(f.start for f in g.forms if f.start < token.idx))
            owner.forms.append(
                OrgForm(token.idx, token.idx + len(token), token.text, token.i, token.i + 1)
            )


def merge_forms(doc: Doc, text: str, forms: list[OrgForm]) -> list[OrgGroup]:
    """Organisations from their forms; ``text`` is ``doc.text``."""
    groups = _by_name(forms)
    if not groups:
        return []
    _merge_acronyms(doc, text, groups)
    places = {norm(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")}
    _merge_short_forms(groups, places)
    _merge_anaphors(doc, text, groups)
    return sorted(groups, key=lambda g: g.first)
