"""The Chinese rules' data (extract/zh/rules.py): the word lists' regexes are tries that match exactly
what a flat alternation sorted longest first matches, wherever they are used."""

import random
import re

from extract.zh.rules import alternation, load_rules


def _flat(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def test_triealternation_matches_as_the_flatalternation():
    rng = random.Random(7)
    alphabet = "产业园区基地中心科技城新"
    for _ in range(400):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        trie, flat = alternation(words), _flat(words)
        text = "".join(rng.choice(alphabet + "的,") for _ in range(40))
        assert _spans(re.compile(trie), text) == _spans(re.compile(flat), text)
        for i in range(len(text)):
            for wrap in ("(?:{})+", "(?:{})$", "^(?:{})+$"):
                a, b = re.compile(wrap.format(trie)), re.compile(wrap.format(flat))
                ma, mb = a.match(text, i, i + 6), b.match(text, i, i + 6)
                assert (ma and ma.span()) == (mb and mb.span()), (words, text, i, wrap)


def test_the_heads_regex_finds_the_longest_head():
    rx = load_rules().head_regex
    longest = rx.match("产业园区")
    assert rx.fullmatch("产业园") and longest is not None and longest.group(0) == "产业园区"
    assert [m.group(0) for m in rx.finditer("建设产业园区和重点实验室")] == ["产业园区", "实验室"]
