"""claimex's spaCy components. Each registers its factory when imported; importing this
package registers them all (spaCy also finds them through the ``spacy_factories`` entry points).
"""

from claimex.components import claims, figures, organisations, paragraphs, quotes, speakers

__all__ = ["claims", "figures", "organisations", "paragraphs", "quotes", "speakers"]
