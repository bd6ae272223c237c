"""spaCy pipelines built once per process: blank zh with a private jieba, blank en.

The registry feeds the private jieba dictionary (never the global ``jieba`` tokenizer, which
other code in the same process may use) and the EntityRuler's phrase patterns.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba
import spacy
from spacy.language import Language

from .registry import Registry, load_registry
from .rules import load_rules


def rule_words() -> frozenset[str]:
    """Words of the rules that jieba must keep whole (中新, 可持续发展): words.tsv place and keep."""
    words = load_rules().words
    return frozenset(w for w in words["place"] | words["keep"] if len(w) > 1)

jieba.setLogLevel(logging.WARNING)

_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
USER_WORD_FREQ = 100_000


def private_jieba(words) -> jieba.Tokenizer:
    """A jieba.Tokenizer of our own with the given words added to its dictionary."""
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in words:
        tok.add_word(word, freq=USER_WORD_FREQ)
    return tok


def registry_patterns(registry: Registry, lang: str) -> list[dict]:
    patterns = []
    for e in registry.entries:
        forms = (e.name_zh, *e.aliases_zh) if lang == "zh" else (e.name_en, *e.aliases_en)
        for form in forms:
            if form and (lang != "zh" or _HAS_CJK.search(form) or form.isupper()):
                patterns.append({"label": e.type, "pattern": form, "id": e.id})
    return patterns


@lru_cache(maxsize=4)
def pipeline(lang: str = "zh", registry_path: str | None = None) -> Language:
    registry = load_registry(registry_path)
    if lang == "zh":
        nlp = spacy.blank("zh")      # default "char" segmenter: no global jieba load
        words = [p["pattern"] for p in registry_patterns(registry, "zh")] + list(rule_words())
        nlp.tokenizer.jieba_seg = private_jieba(words)
        nlp.tokenizer.segmenter = "jieba"
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    elif lang == "en":
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    else:
        raise ValueError(f"unsupported language {lang!r}: use zh or en")
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(registry_patterns(registry, lang))
    return nlp
