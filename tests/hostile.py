"""Hostile input files, generated: what a careless or malicious batch may hold.

Each maker writes one file (or link) and returns its path. Used by the batch tests and by
bench/robustness.py; every file is small on disk and built to cost a reader far more.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path

from docmakers import make_docx

MIB = 1024 * 1024


def deep_html(path: Path, depth: int = 200_000) -> Path:
    """HTML nested ``depth`` elements deep (about 1 MB for 200,000)."""
    path.write_text("<html><body>" + "<div>" * depth + "文字" + "</div>" * depth + "</body></html>", encoding="utf-8")
    return path


def wide_html(path: Path, depth: int = 2000, repeat: int = 40) -> Path:
    """Many blocks nested just under the parser's depth limit: readable, and must stay quick."""
    block = "<div>" * depth + "黄埔区加快建设中新广州知识城。" + "</div>" * depth
    path.write_text("<html><body>" + block * repeat + "</body></html>", encoding="utf-8")
    return path


def docx_bomb(path: Path, unpacked: int = 1024 * MIB) -> Path:
    """A real .docx with an extra part that unpacks to ``unpacked`` bytes of zeros (about 1 MB per GiB)."""
    base = make_docx(path.with_suffix(".base.docx"), ["黄埔区加快建设中新广州知识城。"])
    data = base.read_bytes()
    base.unlink()
    buf = io.BytesIO(data)
    with (
        zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z,
        z.open("word/media/zeros.bin", "w", force_zip64=True) as f,
    ):
        chunk = b"\0" * (16 * MIB)
        for _ in range(unpacked // len(chunk)):
            f.write(chunk)
    path.write_bytes(buf.getvalue())
    return path


def docx_many_parts(path: Path, parts: int = 20_000) -> Path:
    """A .docx whose ZIP holds ``parts`` tiny extra parts."""
    base = make_docx(path.with_suffix(".base.docx"), ["黄埔区加快建设中新广州知识城。"])
    data = base.read_bytes()
    base.unlink()
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_STORED) as z:
        for k in range(parts):
            z.writestr(f"customXml/p{k}.xml", b"<a/>")
    path.write_bytes(buf.getvalue())
    return path


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (1 0 obj, 2 0 obj, …) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, filters: str) -> bytes:
    return f"<< /Length {len(data)} /Filter {filters} >>\nstream\n".encode() + data + b"\nendstream"


def pdf_with_content(path: Path, content: bytes, filters: str) -> Path:
    """A one-page PDF whose content stream is ``content`` (already encoded by ``filters``)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        _stream(content, filters),
        font,
    ]
    path.write_bytes(_pdf(objects))
    return path


def pdf_flate_bomb(path: Path, unpacked: int = 1024 * MIB) -> Path:
    """A PDF whose content stream is compressed twice and unpacks to ``unpacked`` bytes (a few hundred KB)."""
    co = zlib.compressobj(9)
    inner = bytearray()
    chunk = b" " * (16 * MIB)
    for _ in range(unpacked // len(chunk)):
        inner += co.compress(chunk)
    inner += co.flush()
    return pdf_with_content(path, zlib.compress(bytes(inner), 9), "[/FlateDecode /FlateDecode]")


def pdf_runlength_bomb(path: Path, unpacked: int = 512 * MIB) -> Path:
    """A PDF whose RunLength content stream repeats one byte 128 times per 2 bytes."""
    runs = unpacked // 128
    return pdf_with_content(path, bytes([129, 32]) * runs + bytes([128]), "/RunLengthDecode")


def pdf_text(path: Path, text: str) -> Path:
    """A small valid PDF showing ``text`` (ASCII) with an uncompressed content stream."""
    return _plain_pdf(path, f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode())


def _plain_pdf(path: Path, content: bytes) -> Path:
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        font,
    ]
    path.write_bytes(_pdf(objects))
    return path


def huge_text(path: Path, mib: int = 20) -> Path:
    """A text file of ``mib`` MB of Chinese sentences (far past the character limit)."""
    sentence = "黄埔区加快建设中新广州知识城,推进生物医药产业发展。\n".encode()
    path.write_bytes(sentence * (mib * MIB // len(sentence)))
    return path


def symlink_loops(folder: Path) -> Path:
    """A folder whose sub-folders link back to it and to each other, holding one document."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "loop-doc.txt").write_text("中新广州知识城位于黄埔区。\n", encoding="utf-8")
    os.symlink("..", folder / "sub" / "up")
    os.symlink("../sub", folder / "sub" / "again")
    os.symlink(".", folder / "self")
    return folder


def self_link(path: Path) -> Path:
    """A file link that leads to itself."""
    os.symlink(path.name, path)
    return path


def dangling(path: Path) -> Path:
    """A link whose target does not exist."""
    os.symlink("does-not-exist.txt", path)
    return path


def fifo(path: Path) -> Path:
    """A named pipe: reading it would wait for a writer forever."""
    os.mkfifo(path)
    return path
