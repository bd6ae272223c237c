"""Reading limits: hostile files are refused early, with the limit they pass as the reason."""

import time

import hostile
import pytest
from docmakers import make_docx

from extract.errors import DocumentError
from extract.formats.html import html_to_text
from extract.formats.limits import MIB, ReadLimits
from extract.reader import read_bytes, read_source

DEFAULT = ReadLimits()


def reason(path, limits=DEFAULT):
    with pytest.raises(DocumentError) as err:
        read_source(path, limits=limits)
    return err.value.reason


def test_docx_that_unpacks_past_the_limit_is_refused_before_unpacking(tmp_path):
    p = hostile.docx_bomb(tmp_path / "bomb.docx", unpacked=192 * MIB)
    assert p.stat().st_size < 2 * MIB
    assert "unpacks to" in reason(p) and "134217728 byte limit" in reason(p)
    # the same file is read when the limit allows it: the check is the limit, not the file
    assert read_source(p, limits=ReadLimits(max_unpacked=256 * MIB)).text.startswith("黄埔区")


def test_docx_with_too_many_parts_is_refused(tmp_path):
    p = hostile.docx_many_parts(tmp_path / "parts.docx", parts=300)
    assert "parts, over the limit of 100" in reason(p, ReadLimits(max_entries=100))


def test_pdf_streams_that_unpack_past_the_limit_are_refused(tmp_path):
    flate = hostile.pdf_flate_bomb(tmp_path / "flate.pdf", unpacked=64 * MIB)
    assert flate.stat().st_size < 100_000
    assert "unpack to more than the 16777216 byte limit" in reason(flate, ReadLimits(max_unpacked=16 * MIB))
    runs = hostile.pdf_runlength_bomb(tmp_path / "runs.pdf", unpacked=64 * MIB)
    assert "unpack to more than the 16777216 byte limit" in reason(runs, ReadLimits(max_unpacked=16 * MIB))


def test_a_pdf_within_the_limits_is_read(tmp_path):
    p = hostile.pdf_text(tmp_path / "t.pdf", "Guangzhou Knowledge City is in Huangpu District.")
    assert read_source(p, limits=ReadLimits(max_unpacked=1024)).text.strip() == (
        "Guangzhou Knowledge City is in Huangpu District."
    )


def test_html_nested_past_the_parser_depth_is_refused_quickly(tmp_path):
    p = hostile.deep_html(tmp_path / "deep.html", depth=200_000)
    start = time.monotonic()
    assert "nests elements more than 2048 deep" in reason(p)
    assert time.monotonic() - start < 30  # the old reader ran for minutes: only a gross bound here


def test_deeply_nested_html_within_the_parser_depth_keeps_all_its_text():
    depth = 2000
    page = "<html><body>" + "<div>" * depth + "中新广州知识城" + "</div>" * depth + "<p>之后</p></body></html>"
    assert html_to_text(page) == "中新广州知识城\n之后\n"


def test_text_longer_than_the_character_limit_is_refused(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("黄埔区加快建设中新广州知识城。\n" * 100, encoding="utf-8")
    assert "1600 characters, over the limit of 1500 characters" in reason(p, ReadLimits(max_chars=1500))
    huge = hostile.huge_text(tmp_path / "huge.txt", mib=8)
    assert "over the limit of 500000 characters" in reason(huge)  # refused before decoding 8 MB


def test_pdf_text_past_the_character_limit_stops_the_read(tmp_path):
    p = hostile.pdf_text(tmp_path / "t.pdf", "Guangzhou Knowledge City is in Huangpu District.")
    assert "more than 10 characters" in reason(p, ReadLimits(max_chars=10))


def test_docx_text_past_the_character_limit_is_refused(tmp_path):
    p = make_docx(tmp_path / "d.docx", ["黄埔区加快建设中新广州知识城。"] * 20)
    assert "over the limit of 50 characters" in reason(p, ReadLimits(max_chars=50))


def test_read_bytes_refuses_what_is_not_a_regular_file(tmp_path):
    pipe = hostile.fifo(tmp_path / "pipe.txt")
    with pytest.raises(DocumentError, match="not a regular file"):
        read_bytes(pipe)  # would block forever if opened for reading
