"""English labels for entities found only in English: the name as the document writes it."""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity
from ..textnorm import HAN
from ..vocab import NameSource


def label_english(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """Entities with no English name yet and an English canonical name get it as ``name_en``.

    Terms mapped to a Chinese name (``en_terms.tsv``) keep the Chinese name as ``name`` and get
    the English form they were written in as ``name_en``.
    """
    out = []
    for e in entities:
        if e.name_en:
            out.append(e)
        elif not HAN.search(e.name):
            out.append(replace(e, name_en=e.name, name_en_source=NameSource.DOCUMENT))
        else:
            english = next((m.text for m in e.mentions if not HAN.search(m.text)), None)
            out.append(replace(e, name_en=english, name_en_source=NameSource.DOCUMENT) if english else e)
    return tuple(out)
