"""The languages policykg extracts from: one protocol, one table from language code to module.

A language is a peer of every other: it implements ``Language`` (its sentences, its spaCy
pipeline, and the four stages the pipeline calls the same way for every language: mentions,
labels, indicators, relations) in its own package, and the table below names the module that
holds it. A language module is imported the first time a document in that language is met
(rdflib's plugin table works so), so a Chinese batch never loads the English rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.language import Language as SpacyLanguage

    from .clean import Line
    from .model import Document, Entity, Indicator, Mention, Relation

__all__ = ["LANGUAGES", "Language", "language"]

# language code -> the module whose LANGUAGE implements the protocol
LANGUAGES: Mapping[str, str] = {
    "zh": "extract.zh.language",
    "en": "extract.en.language",
}


class Language(Protocol):
    """What a language provides to the language-neutral core (``extract/pipeline.py``)."""

    code: str

    def matching_text(self, text: str) -> str:
        """The text the rules match on, same length as ``text`` (every offset stays valid)."""
        ...

    def split_sentences(self, line: Line, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """Sentence spans inside a body line, none starting inside a ``skip`` span."""
        ...

    def nlp(self, registry_path: str | None = None) -> SpacyLanguage:
        """The language's spaCy pipeline with the registry ruler, built once per process."""
        ...

    def divisions(self) -> Mapping[str, str]:
        """Administrative division names (a form -> the division's full name) that entity names
        may open with (resolution merges 东莞松山湖科学城 with 松山湖科学城)."""
        ...

    def mentions(self, doc: Document) -> tuple[Mention, ...]:
        """Every mention of a named thing in the document's sentences."""
        ...

    def labels(self, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """The entities with their English names (and where each came from)."""
        ...

    def indicators(self, doc: Document, entities: Sequence[Entity]) -> tuple[Indicator, ...]:
        """Numeric targets and achievements stated by the document's sentences."""
        ...

    def relations(self, doc: Document, entities: Sequence[Entity]) -> tuple[Relation, ...]:
        """Relations between the entities, stated by the document's sentences."""
        ...


@cache
def language(code: str) -> Language:
    """The language registered under ``code`` (``zh`` or ``en``), its module imported on first use."""
    module = LANGUAGES.get(code)
    if module is None:
        raise ValueError(f"unsupported language {code!r}: use {' or '.join(LANGUAGES)}")
    return importlib.import_module(module).LANGUAGE
