"""Chinese segmentation: the private jieba and the registry ruler on its words."""

import jieba
from spacy.tokens import Doc

from extract.nlp import pipeline
from extract.registry import load_registry
from extract.zh.segment import private_jieba


def test_private_jieba_leaves_global_tokenizer_alone():
    tok = private_jieba(["将军山数字创新园"])
    assert "将军山数字创新园" in list(tok.cut("建设将军山数字创新园"))
    assert "将军山数字创新园" not in list(jieba.cut("建设将军山数字创新园"))


def test_zh_pipeline_segments_with_jieba_and_matches_registry():
    nlp = pipeline("zh")
    doc = nlp("依托中新广州知识城发展生物医药产业")
    assert "中新广州知识城" in [t.text for t in doc]
    assert ("中新广州知识城", "Platform") in [(e.text, e.label_) for e in doc.ents]


def test_word_matcher_finds_what_the_phrase_matcher_finds():
    """The Chinese hot path matches the registry on jieba's words (no Doc per sentence): it must
    find exactly the spans spaCy's PhraseMatcher finds on the same tokens."""
    from extract.nlp import registry_ruler
    from extract.zh.segment import token_lists

    nlp = pipeline("zh")
    ruler = registry_ruler(nlp)
    texts = [
        "依托中新广州知识城和广州科学城发展生物医药、集成电路产业,推动粤港澳大湾区建设",
        "支持华为、腾讯在深圳市南山区建设研发中心,对接中国(广东)自由贸易试验区深圳前海蛇口片区",
    ]
    for text, (words, spans) in zip(texts, token_lists(nlp, texts), strict=False):
        doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
        assert "".join(words) == text and spans[-1][1] == len(text)
        assert ruler.match_words(words) == ruler.matches(doc)
        assert ruler.matches(doc)  # the texts do name registry entries


def test_private_jieba_cuts_exactly_as_stock_jieba_with_the_same_words():
    """The private tokenizer tightens jieba's inner loops (extract/nlp.py): same dictionary, same
    algorithm, so every cut must be the stock tokenizer's, HMM and user words included."""
    from pathlib import Path

    from extract.nlp import registry_patterns
    from extract.zh.segment import USER_WORD_FREQ, rule_words

    words = [p["pattern"] for p in registry_patterns(load_registry(), "zh")] + sorted(rule_words())
    stock = jieba.Tokenizer()
    stock.initialize()
    for w in words:
        stock.add_word(w, freq=USER_WORD_FREQ)
    ours = private_jieba(words)
    root = Path(__file__).resolve().parents[1]
    texts = [
        root / "data" / "raw" / "huangpu-14th-fyp-proposal.txt",
        *sorted((root / "tests" / "gold" / "dev").glob("*.txt")),
    ]
    text = "".join(p.read_text(encoding="utf-8") for p in texts)
    assert len(text) > 30000
    assert list(ours.cut(text)) == list(stock.cut(text))
    assert list(ours.cut(text, HMM=False)) == list(stock.cut(text, HMM=False))
