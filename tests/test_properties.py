"""Property tests (hypothesis): cleaning, structure parsing and indicator parsing never raise on
arbitrary text and keep every offset inside the text, pointing at what they claim."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.clean import clean
from extract.en.indicators import find_english_indicators
from extract.formats.html import html_to_text
from extract.hanzi import to_simplified
from extract.languages import language
from extract.pipeline import make_document
from extract.structure import parse
from extract.zh.indicators import find_indicators

# Text that looks like policy documents often enough to reach the interesting branches.
PIECES = st.sampled_from(
    [
        "一、",
        "(三)",
        "第二章",
        "第5条",
        "。",
        "!",
        ",",
        "\n",
        "\r\n",
        "\u3000\u3000",
        " ",
        "当前位置:首页>",
        "发布日期:2021-03-01",
        "来源:黄埔区",
        "(2021年1月1日通过)",
        "相关链接",
        "到2025年",
        "超过",
        "近",
        "3700亿元",
        "5%",
        "12.5万平方米",
        "中新广州知识城",
        "廣州開發區",
        "黃埔區",
        "Chapter 2 ",
        "Section 1 ",
        "R&D intensity ",
        "above 5% by 2025. ",
        "exceed RMB 300 billion",
        "Mr. ",
        "No. 5",
        "1,200 enterprises",
        "e.g. ",
        ".",
        "?",
        "Guangzhou Knowledge City",
        "Huangpu Industrial Park",
        "•",
        "-",
        "—",
        "\t",
        "\x00",
        "\ufeff",
        "\u2028",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join))
COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(TEXT)
def test_clean_keeps_offsets_inside_and_exact(text):
    c = clean(text)
    assert 0 <= c.body_start <= c.body_end <= len(text)
    for line in c.lines:
        assert 0 <= line.start <= line.end <= len(text) and text[line.start : line.end] == line.text
    for s, e in c.furniture:
        assert 0 <= s <= e <= len(text)


@COMMON
@given(TEXT, st.sampled_from(["zh", "en"]))
def test_structure_sentences_are_slices_of_the_text(text, lang):
    sections, sentences = parse(text, clean(text), language(lang).split_sentences)
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
    ids = {sec.id for sec in sections}
    for sec in sections:
        assert 0 <= sec.start <= sec.end <= len(text)
        assert sec.parent is None or sec.parent in ids


@COMMON
@given(TEXT)
def test_indicators_point_into_their_sentence(text):
    doc = make_document(text, "p")
    for finder in (lambda: find_indicators("p", doc.sentences), lambda: find_english_indicators("p", doc.sentences)):
        for ind in finder():
            ev = ind.evidence
            assert 0 <= ev.start < ev.end <= len(text) and text[ev.start : ev.end] == ev.text
            assert ind.value == ind.value  # not NaN


@COMMON
@given(TEXT)
def test_simplified_view_keeps_length(text):
    assert len(to_simplified(text)) == len(text)


@COMMON
@given(TEXT)
def test_whole_document_offsets_index_the_original(text):
    from extract.pipeline import extract_document

    doc = make_document(text, "p")
    assert doc.text == text
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    x = extract_document(doc)
    evidence = (
        [m for e in x.entities for m in e.mentions]
        + [r.evidence for r in x.relations]
        + [i.evidence for i in x.indicators]
    )
    for ev in evidence:
        assert 0 <= ev.start < ev.end <= len(text) and text[ev.start : ev.end] == ev.text


@COMMON
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<div class='nav'>",
                    "</div>",
                    "<script>",
                    "</script>",
                    "&amp;",
                    "&nbsp;",
                    "<br>",
                    "知识城",
                    "<table><tr><td>",
                    "<!--",
                    "-->",
                    "<",
                    ">",
                    "&#",
                    "text",
                ]
            ),
            max_size=40,
        ).map("".join),
    )
)
def test_html_to_text_never_raises(markup):
    text = html_to_text(markup)
    assert "\u2028" not in text
