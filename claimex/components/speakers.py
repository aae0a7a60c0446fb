"""Speakers: one registry entry per person, group or organisation that speaks.

Contract: reads ``doc._.claimex_quotes`` and ``doc._.claimex_organisations``; writes
``doc._.claimex_speakers``, a list of dicts with the fields of :class:`claimex.models.Speaker`
(id "s1", "s2", ...), and fills each quote's ``speaker.name`` and ``speaker.speaker_id``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimex.components._ext import guarded, register_extensions

register_extensions()


def resolve_speakers(doc: Doc) -> list[dict]:
    return []


class SpeakerResolver:
    @guarded("claimex_speakers")
    def __call__(self, doc: Doc) -> Doc:
        doc._.claimex_speakers = resolve_speakers(doc)
        return doc


@Language.factory("claimex_speakers")
def make_speakers(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
