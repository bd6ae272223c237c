import pytest

from extract.errors import DocumentError
from extract.reader import read_source


def test_reads_utf8_sample(sample_path, sample_text):
    src = read_source(sample_path)
    assert src.encoding == "utf-8"
    assert src.text == sample_text


def test_reads_gb18030(tmp_path):
    text = "黄埔区加快建设中新广州知识城,推进生物医药产业发展。" * 3
    p = tmp_path / "gb.txt"
    p.write_bytes(text.encode("gb18030"))
    src = read_source(p)
    assert src.text == text
    assert src.encoding == "gb18030"


def test_utf8_bom_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff广州开发区".encode("utf-8"))
    assert read_source(p).text == "广州开发区"


@pytest.mark.parametrize(
    "data,reason", [(b"", "empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"   \n\n", "white space")]
)
def test_bad_files_raise_clear_errors(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(DocumentError, match=reason):
        read_source(p)
