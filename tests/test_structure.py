"""Structure: chapters, articles, paragraphs and sentences (Chinese and English) as spans of the raw text."""

from extract.clean import Line, clean
from extract.en.sentences import split_sentences_en
from extract.structure import parse
from extract.zh.sentences import split_sentences


def test_sentences_split_after_full_stops_not_abbreviations_or_decimals():
    text = "GDP grew 6.3 percent. GAC Toyota Motor Co., Ltd. expanded. See No. 5 for details! Done"
    spans = split_sentences_en(Line(10, 10 + len(text), text))
    parts = [text[s - 10 : e - 10] for s, e in spans]
    assert parts == ["GDP grew 6.3 percent.", "GAC Toyota Motor Co., Ltd. expanded.", "See No. 5 for details!", "Done"]


def test_sample_chapters_articles_sentences(sample_text):
    sections, sentences = parse(sample_text, clean(sample_text), split_sentences)
    chapters = [s for s in sections if s.kind == "chapter"]
    articles = [s for s in sections if s.kind == "article"]
    assert [c.number for c in chapters] == list(range(1, 11))  # 二、 lost its numeral
    assert chapters[1].title.startswith("“十四五”时期经济社会发展指导方针")
    assert [a.number for a in articles] == list(range(1, 37))
    assert all(sample_text[s.start : s.end] == s.text for s in sentences)
    assert all(s.text.endswith(("。", "!", "?")) or len(s.text) < 120 for s in sentences)
    ids = {s.id for s in sections}
    assert all(s.section in ids for s in sentences)


def test_offsets_survive_leading_space():
    text = "标题在此\n\n  一、总则\n\n  (一)第一条。第二句!"
    sections, sentences = parse(text, clean(text), split_sentences)
    assert [s.text for s in sentences][-2:] == ["(一)第一条。", "第二句!"]
    for s in sentences:
        assert text[s.start : s.end] == s.text
