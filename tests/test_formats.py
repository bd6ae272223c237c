"""Every supported format through its library, and the files that must fail with one clear line."""

import pytest
from docmakers import make_docx, make_pdf

from extract.errors import DocumentError
from extract.formats.html import html_to_text
from extract.lang import detect_language
from extract.pipeline import extract_file
from extract.reader import read_source

KC = "Platform/sino-singapore-guangzhou-knowledge-city"
ZH = "黄埔区加快建设中新广州知识城,推进生物医药产业发展。到2025年,研发经费投入强度达到5%。"

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>关于知识城的规划_黄埔区人民政府</title>
<style>.x{{color:red}}</style><script>var 广州开发区 = 1;</script></head>
<body><nav><a href="/">首页</a> &gt; <a>政策文件</a></nav>
<div class="breadcrumb">当前位置:首页 &gt; 政务公开</div>
<div id="content"><h1>中新广州知识城发展规划</h1>
<p>黄埔区加快建设<b>中新广州知识城</b>,推进生物医药产业发展。</p>
<p>到2025年,研发经费投入强度达到5%&nbsp;以上。</p>
<table><tr><td>小鹏汽车</td><td>粤芯半导体</td></tr></table></div>
<div class="share-bar">分享到:微信</div>
<footer>版权所有 广州市黄埔区人民政府 粤ICP备</footer></body></html>"""


def test_html_drops_tags_scripts_and_furniture():
    text = html_to_text(PAGE.format(charset="utf-8"))
    lines = text.splitlines()
    assert lines[0] == "中新广州知识城发展规划"
    assert "黄埔区加快建设中新广州知识城,推进生物医药产业发展。" in lines  # inline <b> does not split
    assert "小鹏汽车" in lines and "粤芯半导体" in lines
    for furniture in ("var", "color", "首页", "当前位置", "分享到", "版权所有"):
        assert furniture not in text


def test_html_declared_gbk_is_decoded(tmp_path):
    p = tmp_path / "page.htm"
    p.write_bytes(PAGE.format(charset="gbk").encode("gbk"))
    src = read_source(p)
    assert src.format == "html" and src.encoding == "gb18030"
    assert "中新广州知识城" in src.text


def test_html_document_extracts_entities(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    x = extract_file(p)
    ids = {e.id for e in x.entities}
    assert KC in ids and "Enterprise/xpeng" in ids
    for e in x.entities:  # offsets index the extracted text
        for m in e.mentions:
            assert read_source(p).text[m.start : m.end] == m.text


def test_docx_paragraphs_and_tables_in_order_without_header(tmp_path):
    p = make_docx(
        tmp_path / "plan.docx",
        ["中新广州知识城发展规划", ZH],
        table=[["小鹏汽车", "百济神州"]],
        header="内部资料 第1页",
    )
    src = read_source(p)
    assert src.format == "docx" and src.extracted
    assert src.text.splitlines() == ["中新广州知识城发展规划", ZH, "小鹏汽车", "百济神州"]
    x = extract_file(p)
    assert {KC, "Enterprise/beigene", "Enterprise/xpeng"} <= {e.id for e in x.entities}


@pytest.mark.parametrize("data", [b"PK\x03\x04 truncated zip", b"not a zip at all"])
def test_corrupt_docx_fails_clearly(tmp_path, data):
    p = tmp_path / "broken.docx"
    p.write_bytes(data)
    with pytest.raises(DocumentError, match=r"corrupt \.docx|not a \.docx"):
        read_source(p)


def test_pdf_text_layer_joins_wrapped_lines_and_drops_page_numbers(tmp_path):
    p = make_pdf(
        tmp_path / "plan.pdf", ["黄埔区加快建设中新广州知识城,", "推进生物医药产业发展。"], page_number="- 7 -"
    )
    src = read_source(p)
    assert src.format == "pdf"
    assert src.text.splitlines() == ["黄埔区加快建设中新广州知识城,推进生物医药产业发展。"]
    assert KC in {e.id for e in extract_file(p).entities}


def test_image_only_pdf_says_so(tmp_path):
    p = make_pdf(tmp_path / "scan.pdf", [], image_only=True)
    with pytest.raises(DocumentError, match="no text layer"):
        read_source(p)


def test_truncated_pdf_fails_clearly(tmp_path):
    good = make_pdf(tmp_path / "x.pdf", ["中新广州知识城"]).read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(good[: len(good) // 3])
    with pytest.raises(DocumentError, match="PDF"):
        read_source(p)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings(tmp_path, encoding):
    text = ZH * 4
    p = tmp_path / "doc.txt"
    p.write_bytes(text.encode(encoding))
    assert read_source(p).text == text


def test_big5_traditional_is_matched_as_simplified_but_reported_as_written(tmp_path):
    trad = "黃埔區加快建設中新廣州知識城,推進生物醫藥產業發展。到2025年,研發經費投入強度達到5%。" * 3
    p = tmp_path / "trad.txt"
    p.write_bytes(trad.encode("big5"))
    src = read_source(p)
    assert src.text == trad
    x = extract_file(p)
    assert x.document.text == trad
    by_id = {e.id: e for e in x.entities}
    assert {KC, "Region/huangpu-district", "Industry/biomedicine"} <= set(by_id)
    mention = by_id[KC].mentions[0]
    assert mention.text == "中新廣州知識城" == trad[mention.start : mention.end]
    assert {s.text for s in x.document.sentences} <= {trad[s.start : s.end] for s in x.document.sentences}
    assert any(i.value == 5 and i.unit == "%" and i.year == 2025 for i in x.indicators)


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "white space"),
        ("bin.txt", bytes(range(256)) * 8, "binary"),
        ("bin.html", b"\x00\x01\x02" * 500, "binary"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_unusable_files(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(DocumentError, match=reason):
        read_source(p)


def test_oversize_file_is_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(ZH * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match="over the 1000 byte limit"):
        read_source(p, max_bytes=1000)


@pytest.mark.parametrize(
    "text,lang",
    [
        (ZH, "zh"),
        ("Huangpu District will build the Sino-Singapore Guangzhou Knowledge City.", "en"),
        ("黄埔区落实RCEP,推动GDP增长,发展AI和IC产业。", "zh"),
        ("The plan names 中新广州知识城 (Sino-Singapore Guangzhou Knowledge City) as the core platform.", "en"),
        ("2025 5% 300", "zh"),
    ],
)
def test_language_by_script(text, lang):
    assert detect_language(text) == lang


def test_markdown_headings_are_read_as_headings(tmp_path):
    p = tmp_path / "plan.md"
    text = "# 中新广州知识城发展规划\n\n## 一、总体要求\n\n" + ZH + "\n\n## 二、重点任务\n\n" + ZH + "\n"
    p.write_text(text, encoding="utf-8")
    x = extract_file(p)
    assert x.document.text == text  # the file itself: offsets index it
    chapters = [s for s in x.document.sections if s.kind == "chapter"]
    assert [c.number for c in chapters] == [1, 2]
    assert all(text[s.start : s.end] == s.text for s in x.document.sentences)
    assert KC in {e.id for e in x.entities}
