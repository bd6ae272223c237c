"""HTML pages: lxml drops tags and page furniture, one block a line.

Which elements are furniture and which start a line is data: ``patterns/html_furniture.tsv``.
The result is the document's raw text (stored beside the extraction as ``<doc-id>.text.txt``).

The page is parsed by libxml2 (lxml) and walked once, iteratively, so time grows with the size
of the page whatever its depth. libxml2 stops reading at a nesting depth of 2048 elements; a page
nested deeper is refused with that reason rather than read in part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import lxml.html
from bs4.dammit import EncodingDetector
from lxml import etree

from ..encoding import decode_declared
from ..errors import DocumentError
from ..tables import read_table
from .limits import ReadLimits
from .source import SourceText

_BREAK = "\u2028"  # marks a block boundary while white space is collapsed
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
MAX_DEPTH = 2048  # libxml2's nesting limit for large documents (XML_PARSE_HUGE)


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


class TooDeep(ValueError):
    """The page nests elements deeper than the parser reads."""


def _is_furniture(el, rules: HtmlRules) -> bool:
    if el.tag in rules.drop_tags or el.get("hidden") is not None:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    marks = " ".join([el.get("id") or "", *(el.get("class") or "").split()])
    return bool(marks.strip()) and any(rx.search(marks) for rx in rules.drop_attr)


def _parse(markup: str):
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except etree.ParserError:  # nothing but white space, comments or a doctype
        root = None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise TooDeep(f"the page nests elements more than {MAX_DEPTH} deep, past what the HTML parser reads")
    return root


def _chunks(body, rules: HtmlRules) -> tuple[list[str], bool]:
    """The text of ``body`` in document order with block marks; also whether a kept h1/h2 exists."""
    out: list[str] = []
    heading = False
    walk = etree.iterwalk(body, events=("start", "end"))
    skipped = None
    for event, el in walk:
        if not isinstance(el.tag, str):  # a comment or processing instruction left in: only its tail counts
            if event == "end" and el.tail:
                out.append(el.tail)
            continue
        if event == "start":
            if el is not body and _is_furniture(el, rules):
                walk.skip_subtree()
                skipped = el
                continue
            heading = heading or el.tag in ("h1", "h2")
            if el.tag in rules.blocks:
                out.append(_BREAK)
            if el.text:
                out.append(el.text)
        else:
            if el is skipped:
                skipped = None
            elif el.tag in rules.blocks:
                out.append(_BREAK)
            if el is not body and el.tail:
                out.append(el.tail)
    return out, heading


def html_to_text(markup: str) -> str:
    """Visible text of the page, furniture removed, one block a line, white space collapsed."""
    rules = html_rules()
    root = _parse(markup)
    if root is None:
        return ""
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else ""
    body = root.find("body")
    chunks, heading = _chunks(body if body is not None else root, rules)
    lines = [_SPACE.sub(" ", chunk).strip() for chunk in "".join(chunks).split(_BREAK)]
    lines = [ln for ln in lines if ln]
    if title and not heading and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n".join(lines) + ("\n" if lines else "")


def read_html(path: Path, data: bytes, limits: ReadLimits) -> SourceText:
    """The visible text of an HTML page in its declared (or detected) encoding."""
    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    markup, encoding = decode_declared(data, declared, str(path))
    if "\x00" in markup[:4096]:
        raise DocumentError(path, "binary file, not HTML")
    try:
        text = html_to_text(markup)
    except TooDeep as exc:
        raise DocumentError(path, f"HTML refused: {exc}") from None
    except MemoryError:
        raise
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise DocumentError(path, f"cannot parse HTML: {exc}") from exc
    return SourceText(path=str(path), text=text, encoding=encoding, format="html")
