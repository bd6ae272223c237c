"""The Chinese pipeline: spaCy's blank ``zh`` with a private jieba, and the sentence's tokens.

The registry feeds the private jieba dictionary (never the global ``jieba`` tokenizer, which
other code in the same process may use) and the registry ruler (``extract/nlp.py``). The Chinese
extraction's hot path cuts each sentence with the private jieba and matches the registry's
patterns, as the same token sequences, on jieba's words (``token_lists``,
``RegistryRuler.match_words``): no Doc or Span per sentence (tests check that both find the same
spans).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from math import log
from typing import Any

import jieba
import spacy
from jieba import finalseg
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_registry_ruler, registry_patterns
from ..registry import load_registry
from .rules import load_rules

jieba.setLogLevel(logging.WARNING)

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

    _edges: tuple[Any, int, dict[str, Any]]  # (the dictionary, its total, fragment -> log probability)

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
                        words.extend(x)  # one word per character
        return words

    def _cut_block(self, blk: str, words: list[str]) -> None:
        """jieba's __cut_DAG (get_DAG, calc and the walk along the best route) on one block."""
        memo: Any = self.__dict__.get("_edges")
        if memo is None or memo[0] is not self.FREQ or memo[1] != self.total:
            memo = self._edges = (self.FREQ, self.total, {})
        edges: dict[str, Any] = memo[2]  # fragment -> log probability, or _PREFIX
        eget, fget = edges.get, self.FREQ.get
        logtotal = log(self.total)
        n = len(blk)
        score = [0.0] * (n + 1)  # best route from each position: its log probability
        nxt = [0] * (n + 1)  # and the last character of its first word
        for k in range(n - 1, -1, -1):
            best_p: float | None = None
            best_x = k
            i = k
            frag = blk[k]
            while True:
                p: Any = eget(frag)
                if p is None:  # not seen yet: ask the dictionary, remember
                    f = fget(frag)
                    if f is None:
                        break  # no word goes on with this fragment
                    p = edges[frag] = log(f) - logtotal if f else _PREFIX
                if p is not _PREFIX:
                    p += score[i + 1]
                    if best_p is None or p >= best_p:  # (p, i) > best: i only grows
                        best_p, best_x = p, i
                i += 1
                if i == n:
                    break
                frag = blk[k : i + 1]
            if best_p is None:  # no word starts here: the character alone
                frag = blk[k]
                best_p, best_x = log(fget(frag) or 1) - logtotal + score[k + 1], k
            score[k] = best_p
            nxt[k] = best_x
        x = 0
        buf = -1  # start of a run of one-character words
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


_PREFIX = object()  # a fragment of the dictionary that is only the start of longer words
_JIEBA_BLOCK = jieba.re_han_default
_JIEBA_SKIP = jieba.re_skip_default


def private_jieba(words) -> jieba.Tokenizer:
    """A jieba.Tokenizer of our own with the given words added to its dictionary."""
    tok = _Tokenizer()
    tok.initialize()
    for word in words:
        tok.add_word(word, freq=USER_WORD_FREQ)
    return tok


def zh_pipeline(registry_path: str | None = None) -> Language:
    """spaCy's blank ``zh`` whose tokenizer is a private jieba knowing the registry's names and the
    rules' words, with the registry ruler; built once per process."""
    return _built(registry_path)


@lru_cache(maxsize=2)
def _built(registry_path: str | None) -> Language:
    registry = load_registry(registry_path)
    nlp = spacy.blank("zh")  # default "char" segmenter: no global jieba load
    words = [p["pattern"] for p in registry_patterns(registry, "zh")] + sorted(rule_words())
    tokenizer: Any = nlp.tokenizer  # spaCy's Chinese tokenizer
    tokenizer.jieba_seg = private_jieba(words)
    tokenizer.segmenter = "jieba"
    return add_registry_ruler(nlp, registry, "ORTH")


def dictionary_freq() -> dict[str, int]:
    """Word frequencies of the private jieba's dictionary (0 or absent: a word jieba does not know)."""
    tokenizer: Any = zh_pipeline().tokenizer
    return tokenizer.jieba_seg.FREQ


_SPACE = re.compile(r"\s")


def make_docs(nlp: Language, texts) -> Iterator[Doc]:
    """Tokenised Docs without the pipeline's components. A Chinese text without white space
    becomes a Doc straight from the private jieba's words (what spaCy's Chinese tokenizer does,
    minus its white-space bookkeeping), unknown words split around glued function words;
    anything else goes through the tokenizer."""
    tok: Any = nlp.tokenizer
    cut = tok.jieba_seg.cut if nlp.lang == "zh" and getattr(tok, "segmenter", None) == "jieba" else None
    freq = tok.jieba_seg.FREQ if cut is not None else {}
    for text in texts:
        if cut is not None and not _SPACE.search(text):
            words = [w for w in cut(text, cut_all=False) if w]
            glued = [i for i, w in enumerate(words) if w not in freq and len(w) > 1 and _FUNCTION.search(w)]
            for i in reversed(glued):
                words[i : i + 1] = [p for p in _FUNCTION_SPLIT.split(words[i]) if p]
            yield Doc(nlp.vocab, words=words, spaces=[False] * len(words))
        else:
            yield tok(text)


def token_lists(nlp: Language, texts) -> Iterator[tuple[list[str], list[tuple[int, int]]]]:
    """Each text's tokens as (words, character spans), as ``make_docs`` would make them, without
    making Docs where the private jieba cuts the text (no white space)."""
    tok: Any = nlp.tokenizer
    jieba_path = nlp.lang == "zh" and getattr(tok, "segmenter", None) == "jieba"
    cut = tok.jieba_seg.lcut if jieba_path else None
    freq = tok.jieba_seg.FREQ if jieba_path else {}
    for text in texts:
        if cut is not None and not _SPACE.search(text):
            words = cut(text)
            glued = [i for i, w in enumerate(words) if len(w) > 1 and w not in freq and _FUNCTION.search(w)]
            for i in reversed(glued):
                words[i : i + 1] = [p for p in _FUNCTION_SPLIT.split(words[i]) if p]
            ends = list(accumulate(map(len, words)))
            yield words, list(zip([0] + ends[:-1], ends, strict=False))
        else:
            doc = tok(text)
            yield [t.text for t in doc], [(t.idx, t.idx + len(t.text)) for t in doc]


# One-character function words that jieba's HMM glues to unknown names (以华祥, 区和粉, 园及):
# a word jieba does not know is split around them.
_FUNCTION = re.compile("[以和与及在为将的把被对向从由至于即了]")
_FUNCTION_SPLIT = re.compile("([以和与及在为将的把被对向从由至于即了])")
