"""Speakers: one registry entry per person, group or organisation that speaks.

Contract: reads ``doc._.claimex_quotes`` and ``doc._.claimex_organisations``; writes
``doc._.claimex_speakers``, a list of dicts with the fields of :class:`claimex.models.Speaker`
(id "s1", "s2", ...), and fills each quote's ``speaker.name`` and ``speaker.speaker_id``.

The people of the article are clustered first (:mod:`claimex.entities.people`), with titles
and affiliations (:mod:`claimex.entities.roles`); each quote's speaker mention is then
resolved to a person, an organisation, a group or nobody (:mod:`claimex.entities.resolve`).
Quotes whose speakers resolve to the same referent share one entry.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import ReadsLexicons, guarded, register_extensions
from claimex.entities.people import Person, find_people, release_people, token_owners
from claimex.entities.resolve import Referent, Resolver, org_index
from claimex.entities.roles import describe
from claimex.text import without_invisible

register_extensions()


def _quoted_ranges(quotes: list[dict], direct: bool = True) -> list[tuple[int, int]]:
    """Character ranges of quote content (``direct``: of direct quotes only): names inside
    direct quotes are not antecedents of pronouns, names inside reported speech are no
    subjects ("He added that Obama was ...": "he" next is still the speaker)."""
    ranges = []
    for quote in quotes:
        if direct and quote.get("kind") != "direct":
            continue
        pieces = quote.get("spans") or [quote]
        ranges.extend((p["start"], p["end"]) for p in pieces)
    return ranges


class Registry:
    """Speaker entries in order of their first quote."""

    def __init__(self, people: list[Person], orgs: list[dict]):
        self.people = people
        self.orgs = {o["id"]: o for o in orgs}
        self.entries: dict[tuple, dict] = {}

    def add(self, referent: Referent, quote_id: str, start: int, end: int) -> dict:
        entry = self.entries.get(referent.key)
        if entry is None:
            entry = self.entries[referent.key] = self._new(referent, f"s{len(self.entries) + 1}")
        if quote_id not in entry["quote_ids"]:
            entry["quote_ids"].append(quote_id)
        if {"start": start, "end": end} not in entry["mentions"]:
            entry["mentions"].append({"start": start, "end": end})
        return entry

    def _new(self, referent: Referent, speaker_id: str) -> dict:
        name = without_invisible(referent.name) if referent.name else referent.name
        entry = {"id": speaker_id, "name": name, "kind": referent.kind, "aliases": [],
                 "title": None, "organisation": None, "gender": None, "quote_ids": [],
                 "mentions": []}  # fmt: skip
        if referent.key[0] == "person":
            person = self.people[referent.key[1]]
            entry.update(aliases=person.aliases, title=person.title,
                         organisation=person.organisation, gender=person.gender)  # fmt: skip
            entry["mentions"] = [
                {"start": m.name.start_char, "end": m.name.end_char} for m in person.mentions
            ]
        elif referent.key[0] == "org":
            entry["aliases"] = list(self.orgs[referent.key[1]]["aliases"])
        return entry

    def speakers(self) -> list[dict]:
        for entry in self.entries.values():
            entry["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        return list(self.entries.values())


def resolve_speakers(doc: Doc) -> list[dict]:
    quotes = doc._.claimex_quotes or []
    if not any(q.get("speaker") for q in quotes):
        release_people(doc)
        return []
    orgs = doc._.claimex_organisations or []
    people = find_people(doc)
    owners = token_owners(people)
    by_token = org_index(doc, orgs)
    describe(doc, people, owners, lambda i: by_token[i]["name"] if i in by_token else None)
    quoted = _quoted_ranges(quotes), _quoted_ranges(quotes, direct=False)
    resolver = Resolver(doc, people, owners, orgs, *quoted)
    registry = Registry(people, orgs)
    for quote in sorted(quotes, key=lambda q: q["start"]):
        mention = quote.get("speaker")
        if not mention:
            continue
        referent = resolver.resolve(mention["start"], mention["end"])
        resolver.spoke(referent, mention["start"])
        entry = registry.add(referent, quote["id"], mention["start"], mention["end"])
        mention["name"] = entry["name"]
        mention["speaker_id"] = entry["id"]
    return registry.speakers()


class SpeakerResolver(ReadsLexicons):
    @guarded("claimex_speakers")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_speakers = resolve_speakers(doc)
        return doc


@Language.factory("claimex_speakers", default_config={"lexicons": {}})
def make_speakers(nlp: Language, name: str, lexicons: dict) -> SpeakerResolver:
    """``lexicons``: changes to the packaged word lists (see claimex.config)."""
    return SpeakerResolver(lexicons)
