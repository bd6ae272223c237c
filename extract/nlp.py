"""spaCy pipelines built once per process: blank zh with a private jieba, blank en.

The registry feeds the private jieba dictionary (never the global ``jieba`` tokenizer, which
other code in the same process may use) and the phrase patterns of the ``registry_ruler``
component (a spaCy PhraseMatcher: longest match wins, matches become ``doc.ents`` labelled
with the entity type and carrying the registry id as ``ent_id_``). The Chinese extraction's hot
path cuts each sentence with the private jieba and matches the same patterns, as the same token
sequences, on jieba's words (``token_lists``, ``RegistryRuler.match_words``): no Doc or Span per
sentence (tests/test_registry_nlp.py checks that both find the same spans).
"""
from __future__ import annotations

import logging
import re
from math import log
from collections.abc import Iterator
from itertools import accumulate
from functools import lru_cache

import jieba
import spacy
from jieba import finalseg
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .registry import Registry, load_registry
from .rules import load_rules

jieba.setLogLevel(logging.WARNING)

_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
USER_WORD_FREQ = 100_000


def rule_words() -> frozenset[str]:
    """Words of the rules that jieba must keep whole (中新, 可持续发展): words.tsv place and keep."""
    words = load_rules().words
    return frozenset(w for w in words["place"] | words["keep"] if len(w) > 1)


class _Tokenizer(jieba.Tokenizer):
    """jieba's Tokenizer, same dictionary and same algorithm (tests/test_registry_nlp.py checks the
    cuts are identical), with its default cut (accurate mode, HMM on) done in one tight pass per
    block: the word graph and the best route are computed together from the block's end, each
    fragment's log probability (or that it only begins longer words) comes from a memo, one
    look-up per fragment instead of a log() per edge per sentence, and the words go into one
    list instead of through three nested generators."""

    def add_word(self, word, freq=None, tag=None):
        super().add_word(word, freq, tag)
        self.__dict__.pop("_edges", None)

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):
        if cut_all or not HMM or use_paddle:
            return super().cut(sentence, cut_all=cut_all, HMM=HMM, use_paddle=use_paddle)
        return iter(self.lcut(sentence))

    def lcut(self, sentence, cut_all=False, HMM=True, use_paddle=False):
        if cut_all or not HMM or use_paddle:
            return list(super().cut(sentence, cut_all=cut_all, HMM=HMM, use_paddle=use_paddle))
        self.check_initialized()
        words: list[str] = []
        # split() with one capturing group: the blocks jieba cuts are at the odd positions, the
        # text between them (no character of the block class) at the even ones
        for i, blk in enumerate(_JIEBA_BLOCK.split(jieba.strdecode(sentence))):
            if i % 2:
                self._cut_block(blk, words)
            elif blk:
                for x in _JIEBA_SKIP.split(blk):
                    if _JIEBA_SKIP.match(x):
                        words.append(x)
                    else:
                        words.extend(x)             # one word per character
        return words

    def _cut_block(self, blk: str, words: list[str]) -> None:
        """jieba's __cut_DAG (get_DAG, calc and the walk along the best route) on one block."""
        memo = self.__dict__.get("_edges")
        if memo is None or memo[0] is not self.FREQ or memo[1] != self.total:
            memo = self._edges = (self.FREQ, self.total, {})
        edges = memo[2]                             # fragment -> log probability, or _PREFIX
        eget, fget = edges.get, self.FREQ.get
        logtotal = log(self.total)
        n = len(blk)
        score = [0.0] * (n + 1)                     # best route from each position: its log probability
        nxt = [0] * (n + 1)                         # and the last character of its first word
        for k in range(n - 1, -1, -1):
            best_p = best_x = None
            i = k
            frag = blk[k]
            while True:
                p = eget(frag)
                if p is None:                       # not seen yet: ask the dictionary, remember
                    f = fget(frag)
                    if f is None:
                        break                       # no word goes on with this fragment
                    p = edges[frag] = log(f) - logtotal if f else _PREFIX
                if p is not _PREFIX:
                    p += score[i + 1]
                    if best_p is None or p >= best_p:   # (p, i) > best: i only grows
                        best_p, best_x = p, i
                i += 1
                if i == n:
                    break
                frag = blk[k:i + 1]
            if best_p is None:                      # no word starts here: the character alone
                frag = blk[k]
                best_p, best_x = log(fget(frag) or 1) - logtotal + score[k + 1], k
            score[k] = best_p
            nxt[k] = best_x
        x = 0
        buf = -1                                    # start of a run of one-character words
        while x < n:
            y = nxt[x] + 1
            if y - x == 1:
                if buf < 0:
                    buf = x
            else:
                if buf >= 0:
                    self._flush(blk[buf:x], words)
                    buf = -1
                words.append(blk[x:y])
            x = y
        if buf >= 0:
            self._flush(blk[buf:], words)

    def _flush(self, buf: str, words: list[str]) -> None:
        """A run of one-character words: jieba's HMM cuts it unless it is a word of the dictionary."""
        if len(buf) == 1:
            words.append(buf)
        elif not self.FREQ.get(buf):
            words.extend(finalseg.cut(buf))
        else:
            words.extend(buf)


_PREFIX = object()      # a fragment of the dictionary that is only the start of longer words
_JIEBA_BLOCK = jieba.re_han_default
_JIEBA_SKIP = jieba.re_skip_default


def private_jieba(words) -> jieba.Tokenizer:
    """A jieba.Tokenizer of our own with the given words added to its dictionary."""
    tok = _Tokenizer()
    tok.initialize()
    for word in words:
        tok.add_word(word, freq=USER_WORD_FREQ)
    return tok


def registry_patterns(registry: Registry, lang: str) -> list[dict]:
    patterns = []
    for e in registry.entries:
        if lang not in e.match:
            continue                                # (an entry matched in Chinese texts only)
        forms = (e.name_zh, *e.aliases_zh) if lang == "zh" else (e.name_en, *e.aliases_en)
        for form in forms:
            if lang == "en":
                form = _LEADING_THE.sub("", form)   # “The University of Hong Kong”: the article is not the name
            if form and (lang != "zh" or _HAS_CJK.search(form) or form.isupper() or form[0].isdigit()):
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
        docs = dict(zip(texts, self.nlp.tokenizer.pipe(texts)))
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
                if n == 1 or tuple(words[i:i + n]) == seq:
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


@lru_cache(maxsize=4)
def pipeline(lang: str = "zh", registry_path: str | None = None) -> Language:
    registry = load_registry(registry_path)
    if lang == "zh":
        nlp = spacy.blank("zh")      # default "char" segmenter: no global jieba load
        words = [p["pattern"] for p in registry_patterns(registry, "zh")] + sorted(rule_words())
        nlp.tokenizer.jieba_seg = private_jieba(words)
        nlp.tokenizer.segmenter = "jieba"
        ruler = nlp.add_pipe("registry_ruler", config={"attr": "ORTH"})
    elif lang == "en":
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("registry_ruler", config={"attr": "LOWER"})
    else:
        raise ValueError(f"unsupported language {lang!r}: use zh or en")
    ruler.add_patterns(registry_patterns(registry, lang))
    return nlp


def dictionary_freq() -> dict[str, int]:
    """Word frequencies of the private jieba's dictionary (0 or absent: a word jieba does not know)."""
    return pipeline("zh").tokenizer.jieba_seg.FREQ


def registry_ruler(nlp: Language) -> RegistryRuler:
    return nlp.get_pipe("registry_ruler")


_SPACE = re.compile(r"\s")


def make_docs(nlp: Language, texts) -> Iterator[Doc]:
    """Tokenised Docs without the pipeline's components. A Chinese text without white space
    becomes a Doc straight from the private jieba's words (what spaCy's Chinese tokenizer does,
    minus its white-space bookkeeping), unknown words split around glued function words;
    anything else goes through the tokenizer."""
    tok = nlp.tokenizer
    cut = tok.jieba_seg.cut if nlp.lang == "zh" and getattr(tok, "segmenter", None) == "jieba" else None
    freq = tok.jieba_seg.FREQ if cut is not None else {}
    for text in texts:
        if cut is not None and not _SPACE.search(text):
            words = [w for w in cut(text, cut_all=False) if w]
            glued = [i for i, w in enumerate(words) if w not in freq and len(w) > 1 and _FUNCTION.search(w)]
            for i in reversed(glued):
                words[i:i + 1] = [p for p in _FUNCTION_SPLIT.split(words[i]) if p]
            yield Doc(nlp.vocab, words=words, spaces=[False] * len(words))
        else:
            yield tok(text)


def token_lists(nlp: Language, texts) -> Iterator[tuple[list[str], list[tuple[int, int]]]]:
    """Each text's tokens as (words, character spans), as ``make_docs`` would make them, without
    making Docs where the private jieba cuts the text (no white space)."""
    tok = nlp.tokenizer
    jieba_path = nlp.lang == "zh" and getattr(tok, "segmenter", None) == "jieba"
    cut = tok.jieba_seg.lcut if jieba_path else None
    freq = tok.jieba_seg.FREQ if jieba_path else {}
    for text in texts:
        if cut is not None and not _SPACE.search(text):
            words = cut(text)
            glued = [i for i, w in enumerate(words) if len(w) > 1 and w not in freq and _FUNCTION.search(w)]
            for i in reversed(glued):
                words[i:i + 1] = [p for p in _FUNCTION_SPLIT.split(words[i]) if p]
            ends = list(accumulate(map(len, words)))
            yield words, list(zip([0] + ends[:-1], ends))
        else:
            doc = tok(text)
            yield [t.text for t in doc], [(t.idx, t.idx + len(t.text)) for t in doc]


# One-character function words that jieba's HMM glues to unknown names (以华祥, 区和粉, 园及):
# a word jieba does not know is split around them.
_FUNCTION = re.compile("[以和与及在为将的把被对向从由至于即了]")
_FUNCTION_SPLIT = re.compile("([以和与及在为将的把被对向从由至于即了])")
