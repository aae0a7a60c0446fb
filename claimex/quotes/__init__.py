"""The quote extractor behind the ``claimex_quotes`` component.

``marks`` pairs quote marks on the raw text; ``lexicon`` loads the verb lists; ``cues`` finds
cues and the content the parse gives them (``questions``: what was asked, one-word
answers); ``mentions`` gives the speaker mention;
``assemble`` joins quotations and cues into quotes (kind, spans, continuations); ``layout``
and ``fragments`` add attributions made by the page layout and by quoted characterisations.
"""
