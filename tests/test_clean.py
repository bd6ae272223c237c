from extract.clean import clean


def test_sample_metadata_and_body(sample_text):
    c = clean(sample_text)
    assert c.title.startswith("中共广州市黄埔区委") and c.title.endswith("的建议")
    assert c.date == "2021-02-10"
    assert c.issuer == "黄埔区"
    assert c.note is not None and c.note.endswith("工作会议通过")
    body = sample_text[c.body_start : c.body_end]
    assert "当前位置" not in body and "扫一扫在手机打开当前页" not in body and "相关新闻" not in body
    assert body.rstrip().endswith("奋力开创新征程黄埔发展新奇迹。")


def test_furniture_is_skipped_not_rewritten(sample_text):
    c = clean(sample_text)
    for s, e in c.furniture:
        assert sample_text[s:e].strip() in {"听全文", "2021-02-10", "来源:黄埔区", "分享到", "-"} or sample_text[
            s:e
        ].startswith("(")
    for line in c.lines:
        assert sample_text[line.start : line.end] == line.text


def test_plain_text_without_furniture():
    text = "关于推进某某产业园建设的意见\n\n一、总体要求\n\n加快发展集成电路产业。"
    c = clean(text)
    assert c.title == "关于推进某某产业园建设的意见"
    assert c.body_end == len(text)


PAGE = (
    "关于推进某某产业园建设的意见\n"
    "原标题:推进某某产业园建设\n"
    "发布日期: 2021-07-01 11:38 字体:【大 中 小】\n"
    "本文来源: 某某网\n"
    "(记者王某某 通讯员李某)近日,市政府印发意见,支持翟洞智能制造产业园建设。\n"
    "在翟洞智能制造产业园,工人正在调试设备。新华社记者 张某某 摄\n"
    "[ 编辑:贾某 ]\n"
    "责任编辑:刘某\n"
    "微信 | 微博 | QQ空间\n"
)


def test_bylines_editors_sources_and_credits_are_furniture():
    c = clean(PAGE)
    kept = " ".join(line.text for line in c.lines)
    skipped = [PAGE[s:e] for s, e in c.furniture]
    assert c.date == "2021-07-01" and c.issuer == "某某网"
    for furniture in ("原标题", "编辑:贾某", "责任编辑", "微博", "(记者王某某 通讯员李某)", "新华社记者 张某某 摄"):
        assert any(furniture in s for s in skipped), furniture
    assert "近日,市政府印发意见" in kept and "工人正在调试设备。" in kept  # the rest of those lines is text


def test_a_byline_opening_a_sentence_is_left_out_of_it():
    from extract.pipeline import make_document

    doc = make_document(PAGE, "t")
    first = next(s for s in doc.sentences if "印发意见" in s.text)
    assert first.text.startswith("近日")
    assert not any("张某某" in s.text for s in doc.sentences)


COPYRIGHT = "版权所有:某某市人民政府办公室\n粤ICP备12345678号\n"
RELATED = "相关新闻\n某某区召开工作会议\n某某园区新签约项目十个\n"


def test_a_footer_ends_the_document_only_when_nothing_but_furniture_follows():
    text = "某某园区发展规划\n\n加快建设翟洞智能制造产业园。\n" + RELATED + COPYRIGHT
    c = clean(text)
    assert text[c.body_start : c.body_end].rstrip().endswith("翟洞智能制造产业园。")


def test_two_pages_in_one_file_yield_the_second_pages_text():
    from extract.pipeline import extract_text

    page2 = "某某区工作报告\n当前位置:首页 > 新闻\n\n支持生物岛实验室建设,推动中新广州知识城发展。\n"
    text = "某某园区发展规划\n\n加快建设翟洞智能制造产业园。\n" + RELATED + COPYRIGHT + page2
    c = clean(text)
    kept = " ".join(line.text for line in c.lines)
    assert "某某区召开工作会议" not in kept and "ICP" not in kept
    assert "推动中新广州知识城发展" in kept
    names = {e.name for e in extract_text(text, "t").entities}
    assert "翟洞智能制造产业园" in names and "中新广州知识城" in names


def test_a_document_mostly_dropped_as_furniture_has_a_warning():
    from extract.contract import to_contract
    from extract.pipeline import extract_text

    nav = "".join(f"首页 > 栏目{i} > 子栏目{i} > 正文内容页面导航链接\n" for i in range(20))
    x = extract_text("某某园区发展规划\n" + nav + "加快建设翟洞智能制造产业园。\n", "t")
    assert x.document.warnings and "dropped" in x.document.warnings[0]
    assert to_contract(x)["document"]["warnings"] == list(x.document.warnings)
    plain = extract_text("某某园区发展规划\n\n加快建设翟洞智能制造产业园。\n", "t")
    assert plain.document.warnings == () and "warnings" not in to_contract(plain)["document"]


def test_a_work_reports_delivery_line_is_its_note():
    text = (
        "政府工作报告\n\n2023年2月14日在某某市某某区第十九届人民代表大会第三次会议上\n\n"
        "各位代表:现在我代表区人民政府作工作报告。\n"
    )
    c = clean(text)
    assert c.note == "2023年2月14日在某某市某某区第十九届人民代表大会第三次会议上"
    assert all("人民代表大会" not in line.text for line in c.lines)


ENGLISH_PAGE = (
    "English | 中文\n"
    "Home > News > Local\n"
    "Riverside Park opens its second phase\n"
    "By Jane Doe | Updated: March 5, 2024\n"
    "Share Facebook Twitter Weibo\n"
    "Riverside Park.jpg\n"
    "CAPITAL CITY, March 4 (Newswire) -- Riverside Park opened its second phase on Monday.\n"
    "The park focuses on developing new materials.\n"
    "Editor: John Roe\n"
    "Related Stories\n"
    "Another park opens\n"
)


def test_english_press_furniture_is_skipped():
    c = clean(ENGLISH_PAGE)
    assert c.title == "Riverside Park opens its second phase"
    assert c.date == "2024-03-05"
    body = [ENGLISH_PAGE[line.start : line.end] for line in c.lines]
    assert body[1].startswith("Riverside Park opened")  # the dateline is skipped, the sentence kept
    assert body == [c.title, body[1], "The park focuses on developing new materials."]
    skipped = {ENGLISH_PAGE[s:e] for s, e in c.furniture}
    assert "CAPITAL CITY, March 4 (Newswire) -- " in skipped and "Editor: John Roe" in skipped
    assert "Another park opens" not in ENGLISH_PAGE[c.body_start : c.body_end]  # after “Related Stories”


def test_english_body_lines_that_look_like_furniture_stay():
    text = (
        "Zone plan\nBy 2025, the zone will host 100 firms.\nBy Lake Tai, the park grows.\nSource of growth: exports.\n"
    )
    c = clean(text)
    assert [line.text for line in c.lines][1:] == [
        "By 2025, the zone will host 100 firms.",
        "By Lake Tai, the park grows.",
        "Source of growth: exports.",
    ]
