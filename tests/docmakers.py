"""Make test documents in every supported format with the real libraries (python-docx, reportlab)."""

from __future__ import annotations

from pathlib import Path


def make_docx(
    path: Path, paragraphs: list[str], table: list[list[str]] | None = None, header: str | None = None
) -> Path:
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    d.save(str(path))
    return path


def make_pdf(path: Path, lines: list[str], page_number: str | None = "1", image_only: bool = False) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    if image_only:
        c.rect(72, 600, 300, 150, fill=1)  # a drawing and no text: what a scan looks like
    else:
        c.setFont("STSong-Light", 11)
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 16
        if page_number:
            c.drawString(300, 40, page_number)
    c.showPage()
    c.save()
    return path
