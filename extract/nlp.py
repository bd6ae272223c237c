"""spaCy pipelines, one per language and built once per process, and the registry's phrase matcher.

Every language's pipeline is a blank spaCy pipeline with the ``registry_ruler`` component: the
registry's names as phrase patterns (a spaCy PhraseMatcher: longest match wins, matches become
``doc.ents`` labelled with the entity type and carrying the registry id as ``ent_id_``). The
component's factory is registered here, in one module; each language builds its own pipeline
(``extract/zh/segment.py``: a private jieba; ``extract/en/language.py``: spaCy's English
tokenizer) and ``pipeline(lang)`` finds it through the language table (``extract/languages.py``).
"""

from __future__ import annotations

import re
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .languages import language
from .registry import Registry
from .textnorm import HAN

__all__ = ["RegistryRuler", "add_registry_ruler", "pipeline", "registry_patterns", "registry_ruler"]


def registry_patterns(registry: Registry, lang: str) -> list[dict]:
    """The registry's names as phrase patterns for a language's ruler (label, pattern, id)."""
    patterns = []
    for e in registry.entries:
        if lang not in e.match:
            continue  # (an entry matched in Chinese texts only)
        forms = (e.name_zh, *e.aliases_zh) if lang == "zh" else (e.name_en, *e.aliases_en)
        for form in forms:
            if lang == "en":
                form = _LEADING_THE.sub("", form)  # “The University of Hong Kong”: the article is not the name
            if form and (lang != "zh" or HAN.search(form) or form.isupper() or form[0].isdigit()):
                patterns.append({"label": e.type, "pattern": form, "id": e.id})
    return patterns


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


class RegistryRuler:
    """Registry names as phrase patterns; the longest match wins where matches overlap."""

    def __init__(self, nlp: Language, attr: str = "ORTH"):
        self.nlp = nlp
        self.attr = attr
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.label_of: dict[str, str] = {}
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add_patterns(self, patterns: list[dict]) -> None:
        by_id: dict[str, list[str]] = {}
        for p in patterns:
            by_id.setdefault(p["id"], []).append(p["pattern"])
            self.label_of[p["id"]] = p["label"]
        texts = [t for forms in by_id.values() for t in forms]
        tokenizer: Any = self.nlp.tokenizer
        docs = dict(zip(texts, tokenizer.pipe(texts), strict=False))
        for rid, forms in by_id.items():
            self.matcher.add(rid, [docs[f] for f in forms])
            if self.attr == "ORTH":
                for f in forms:
                    seq = tuple(t.text for t in docs[f])
                    if seq:
                        self.by_first.setdefault(seq[0], []).append((seq, rid))

    def match_words(self, words: list[str]) -> list[tuple[int, int, str]]:
        """What ``matches`` finds, on the words of a Doc not made (the same patterns, as the same
        token sequences): the hot path of Chinese extraction makes no Doc per sentence."""
        by_first = self.by_first
        found = []
        for i, w in enumerate(words):
            for seq, rid in by_first.get(w, ()):
                n = len(seq)
                if n == 1 or tuple(words[i : i + n]) == seq:
                    found.append((i, i + n, rid))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken: set[int] = set()
        out = []
        for start, end, rid in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                out.append((start, end, rid))
        return sorted(out)

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, registry id), longest first, without overlaps."""
        strings = self.nlp.vocab.strings
        found = sorted(self.matcher(doc), key=lambda m: (m[1] - m[2], m[1]))
        taken: set[int] = set()
        out = []
        for key, start, end in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                out.append((start, end, strings[key]))
        return sorted(out)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [Span(doc, s, e, label=self.label_of[rid], span_id=rid) for s, e, rid in self.matches(doc)]
        return doc


@Language.factory("registry_ruler", default_config={"attr": "ORTH"})
def make_registry_ruler(nlp: Language, name: str, attr: str) -> RegistryRuler:
    return RegistryRuler(nlp, attr)


def add_registry_ruler(nlp: Language, registry: Registry, attr: str) -> Language:
    """Add the ``registry_ruler`` component matching ``attr`` (ORTH or LOWER) with the registry's
    patterns for the pipeline's language; the pipeline itself is returned."""
    ruler = cast(RegistryRuler, nlp.add_pipe("registry_ruler", config={"attr": attr}))
    ruler.add_patterns(registry_patterns(registry, str(nlp.lang)))
    return nlp


def pipeline(lang: str = "zh", registry_path: str | None = None) -> Language:
    """The language's pipeline, built once per process (``registry_path``: another registry file)."""
    return language(lang).nlp(registry_path)


def registry_ruler(nlp: Language) -> RegistryRuler:
    """The ``registry_ruler`` component of a pipeline."""
    return cast(RegistryRuler, nlp.get_pipe("registry_ruler"))
