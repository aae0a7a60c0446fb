"""The quote extractor behind the ``claimex_quotes`` component.

``marks`` pairs quote marks on the raw text; ``lexicon`` loads the verb lists; ``cues`` finds
cues and the content the parse gives them: the clauses of verbs of saying and belief
(``clauses``), the objects of stance, intention and verb+preposition cues (``objects``), what
was asked and one-word answers (``questions``), each cut to what was said (``content``);
``mentions`` gives the speaker mention. ``assemble`` joins quotations (``regions``) and cues
into drafts of quotes, ``continuations`` adds the quotations that go on from a quote, and
``records`` keeps one draft per content and makes the quote records (kind, spans,
confidence); ``layout`` and ``fragments`` add attributions made by the page layout and by
quoted characterisations.
"""
