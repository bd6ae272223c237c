"""English: the rules of ``extract/en/`` behind the language protocol (``extract/languages.py``).

English mentions resolve to the same keys as Chinese ones (registry id, or the Chinese name a
sector term maps to), so resolution uses the Chinese division names too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language as SpacyLanguage

from ..clean import Line
from ..languages import language
from ..model import Document, Entity, Indicator, Mention, Relation
from .indicators import find_english_indicators
from .labels import label_english
from .mentions import find_english_mentions
from .relations.document import find_english_relations
from .segment import en_pipeline
from .sentences import split_sentences_en

__all__ = ["LANGUAGE", "English"]


class English:
    """The English rules: capitalised names on head words, sector terms and lists, clause subjects."""

    code = "en"

    def matching_text(self, text: str) -> str:
        """The text itself."""
        return text

    def split_sentences(self, line: Line, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sentences end after . ! ? unless the word is an abbreviation."""
        return split_sentences_en(line, skip)

    def nlp(self, registry_path: str | None = None) -> SpacyLanguage:
        """spaCy's blank en with the registry ruler."""
        return en_pipeline(registry_path)

    def divisions(self) -> Mapping[str, str]:
        """The Chinese division names (names resolve to Chinese keys)."""
        return language("zh").divisions()

    def mentions(self, doc: Document) -> tuple[Mention, ...]:
        """Registry names, terms, head-word names and list items (``extract/en/mentions.py``)."""
        return find_english_mentions(doc)

    def labels(self, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """The name as the document writes it (``extract/en/labels.py``)."""
        return label_english(entities)

    def indicators(self, doc: Document, entities: Sequence[Entity]) -> tuple[Indicator, ...]:
        """Figures with their units, comparators and years (``extract/en/indicators.py``)."""
        return find_english_indicators(doc.id, doc.sentences)

    def relations(self, doc: Document, entities: Sequence[Entity]) -> tuple[Relation, ...]:
        """Relations read against each clause's subject (``extract/en/relations.py``)."""
        return find_english_relations(doc.sentences, entities)


LANGUAGE = English()
