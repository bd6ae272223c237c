"""Chinese: the rules of ``extract/zh/`` behind the language protocol (``extract/languages.py``).

Traditional characters are matched as simplified (``extract/hanzi.py``, one character for one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language as SpacyLanguage

from ..clean import Line
from ..hanzi import to_simplified
from ..model import Document, Entity, Indicator, Mention, Relation
from .gazetteer import division_names
from .indicators import find_indicators
from .labels import add_english_names
from .mentions import find_mentions
from .relations.document import find_relations
from .segment import zh_pipeline
from .sentences import split_sentences

__all__ = ["LANGUAGE", "Chinese"]


class Chinese:
    """The Chinese rules: jieba-cut sentences, head nouns, list and quote cues, clause cues."""

    code = "zh"

    def matching_text(self, text: str) -> str:
        """Traditional characters as simplified (same length)."""
        return to_simplified(text)

    def split_sentences(self, line: Line, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sentences end after 。!? (and closing quotes)."""
        return split_sentences(line, skip)

    def nlp(self, registry_path: str | None = None) -> SpacyLanguage:
        """spaCy's blank zh with the private jieba and the registry ruler."""
        return zh_pipeline(registry_path)

    def divisions(self) -> Mapping[str, str]:
        """China's administrative divisions (``extract/zh/gazetteer.py``)."""
        return division_names()

    def mentions(self, doc: Document) -> tuple[Mention, ...]:
        """Registry names and names the rules find (``extract/zh/mentions.py``)."""
        return find_mentions(doc)

    def labels(self, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """Official English names, else generated ones (``extract/zh/labels.py``)."""
        return add_english_names(entities)

    def indicators(self, doc: Document, entities: Sequence[Entity]) -> tuple[Indicator, ...]:
        """Figures with their units, comparators, years and subjects (``extract/zh/indicators.py``)."""
        return find_indicators(doc, entities=entities)

    def relations(self, doc: Document, entities: Sequence[Entity]) -> tuple[Relation, ...]:
        """Relations from clause cues (``extract/zh/relations.py``)."""
        return find_relations(doc.sentences, entities, doc.title)


LANGUAGE = Chinese()
