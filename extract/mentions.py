"""Find mentions of named things in sentences: registry phrases via spaCy's EntityRuler."""
from __future__ import annotations

from collections.abc import Iterable

from .ids import entity_key
from .model import Document, Mention, Sentence
from .nlp import pipeline
from .registry import load_registry
from .textnorm import fold_width


def find_mentions(doc: Document) -> tuple[Mention, ...]:
    nlp = pipeline(doc.lang)
    registry = load_registry()
    sentences = doc.sentences
    texts = (fold_width(s.text) for s in sentences)
    out: list[Mention] = []
    for sent, sdoc in zip(sentences, nlp.pipe(texts, batch_size=256)):
        out.extend(_registry_mentions(sent, sdoc.ents, registry))
    return tuple(out)


def _registry_mentions(sent: Sentence, ents: Iterable, registry) -> Iterable[Mention]:
    for ent in ents:
        entry = registry.by_id.get(ent.ent_id_)
        if entry is None:
            continue
        start = sent.start + ent.start_char
        end = sent.start + ent.end_char
        yield Mention(start=start, end=end, text=sent.text[ent.start_char:ent.end_char], type=entry.type,
                      sentence=sent.id, rule="registry", key=entity_key(entry.name_zh, entry.id),
                      name=entry.name_zh, registry_id=entry.id)
