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
