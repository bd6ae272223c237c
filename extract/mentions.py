"""Find mentions of named things in sentences: registry names (spaCy EntityRuler over the
private-jieba tokens) and names the rules find (extract/ner.py), without overlaps."""
from __future__ import annotations

from .ids import entity_key
from .model import Document, Mention, Sentence
from .ner import Candidate, Known, Tokens, find_candidates
from .nlp import pipeline
from .registry import Registry, load_registry
from .rules import Rules, load_rules
from .textnorm import fold_width

PRIORITY = {"registry": 0, "pattern": 1, "head": 2, "list": 3}


def find_mentions(doc: Document) -> tuple[Mention, ...]:
    nlp = pipeline(doc.lang)
    registry = load_registry()
    rules = load_rules()
    sentences = doc.sentences
    texts = (fold_width(s.text) for s in sentences)
    out: list[Mention] = []
    for sent, sdoc in zip(sentences, nlp.pipe(texts, batch_size=256)):
        out.extend(sentence_mentions(sent, sdoc, registry, rules))
    return tuple(out)


def _rank(c: tuple[Candidate, str | None]) -> tuple:
    cand, reg = c
    kind = "registry" if reg else cand.rule.split(":")[0]
    if kind == "rail_line" or kind not in PRIORITY:
        kind = "pattern"
    return (-(cand.end - cand.start), PRIORITY[kind], cand.start)


def sentence_mentions(sent: Sentence, sdoc, registry: Registry, rules: Rules) -> list[Mention]:
    text = sdoc.text
    known = [Known(e.start_char, e.end_char, registry.by_id[e.ent_id_].type)
             for e in sdoc.ents if e.ent_id_ in registry.by_id]
    found: list[tuple[Candidate, str | None]] = [
        (Candidate(e.start_char, e.end_char, registry.by_id[e.ent_id_].type, "registry"), e.ent_id_)
        for e in sdoc.ents if e.ent_id_ in registry.by_id]
    if sent.text.strip():
        tokens = Tokens(text, [(t.idx, t.idx + len(t.text)) for t in sdoc])
        for c in find_candidates(tokens, rules, known):
            entry = registry.lookup(c.name or text[c.start:c.end])
            found.append((c, entry.id if entry else None))
    chosen: list[tuple[Candidate, str | None, bool]] = []
    for cand, reg in sorted(found, key=_rank):
        nested = False
        clash = False
        for other, _, _ in chosen:
            if cand.start >= other.start and cand.end <= other.end:
                if (cand.start, cand.end) == (other.start, other.end):
                    clash = True
                    break
                nested = True
            elif cand.start < other.end and other.start < cand.end:
                clash = True
                break
        if not clash:
            chosen.append((cand, reg, nested))
    out = []
    for cand, reg, nested in sorted(chosen, key=lambda c: c[0].start):
        entry = registry.by_id.get(reg) if reg else None
        surface = sent.text[cand.start:cand.end]
        name = entry.name_zh if entry else (cand.name or surface)
        out.append(Mention(start=sent.start + cand.start, end=sent.start + cand.end, text=surface,
                           type=entry.type if entry else cand.type, sentence=sent.id, rule=cand.rule,
                           key=entity_key(name, entry.id if entry else None), name=name,
                           registry_id=entry.id if entry else None, nested=nested))
    return out
