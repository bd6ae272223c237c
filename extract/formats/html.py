"""HTML pages: BeautifulSoup (lxml parser) drops tags and page furniture, one block a line.

Which elements are furniture and which start a line is data: ``patterns/html_furniture.tsv``.
The result is the document's raw text (stored beside the extraction as ``<doc-id>.text.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction
from bs4.dammit import EncodingDetector

from ..encoding import decode_declared
from ..errors import DocumentError
from ..tables import read_table
from .source import SourceText

_BREAK = "\u2028"  # marks a block boundary while white space is collapsed
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


@dataclass(frozen=True)
class HtmlRules:
    drop_tags: frozenset[str]
    drop_attr: tuple[re.Pattern, ...]
    blocks: frozenset[str]


@lru_cache(maxsize=1)
def html_rules() -> HtmlRules:
    """Which elements are furniture and which start a line (patterns/html_furniture.tsv)."""
    tags: set[str] = set()
    attrs: list[re.Pattern] = []
    blocks: set[str] = set()
    for row in read_table("html_furniture.tsv"):
        kind, value = row.cells
        if kind == "attr":
            attrs.append(row.regex(1))
        else:
            (tags if kind == "tag" else blocks).add(value)
    return HtmlRules(frozenset(tags), tuple(attrs), frozenset(blocks))


def _is_furniture(tag, rules: HtmlRules) -> bool:
    if tag.name in rules.drop_tags or tag.has_attr("hidden"):
        return True
    style = (tag.get("style") or "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(marks.strip()) and any(rx.search(marks) for rx in rules.drop_attr)


def html_to_text(markup: str) -> str:
    """Visible text of the page, furniture removed, one block a line, white space collapsed."""
    rules = html_rules()
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if _is_furniture(tag, rules):
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.name in rules.blocks:
            tag.insert_before(_BREAK)
            tag.insert_after(_BREAK)
    root = soup.body or soup
    lines = [_SPACE.sub(" ", chunk).strip() for chunk in root.get_text().split(_BREAK)]
    lines = [ln for ln in lines if ln]
    if title and not soup.find(["h1", "h2"]) and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n".join(lines) + ("\n" if lines else "")


def read_html(path: Path, data: bytes) -> SourceText:
    """The text of an HTML page without its furniture."""
    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    markup, encoding = decode_declared(data, declared, str(path))
    if "\x00" in markup[:4096]:
        raise DocumentError(path, "binary file, not HTML")
    try:
        text = html_to_text(markup)
    except Exception as exc:  # lxml/bs4 raise many kinds on broken markup
        raise DocumentError(path, f"cannot parse HTML: {exc}") from exc
    return SourceText(path=str(path), text=text, encoding=encoding, format="html")
