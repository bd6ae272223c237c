"""The English pipeline: spaCy's blank ``en`` with the registry ruler matching lower case."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..nlp import add_registry_ruler
from ..registry import load_registry


def en_pipeline(registry_path: str | None = None) -> Language:
    """spaCy's blank ``en`` with the registry ruler (LOWER), built once per process."""
    return _built(registry_path)


@lru_cache(maxsize=2)
def _built(registry_path: str | None) -> Language:
    return add_registry_ruler(spacy.blank("en"), load_registry(registry_path), "LOWER")
