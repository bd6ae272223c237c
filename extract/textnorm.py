"""Length-preserving normalisation, so matching can run on normalised text and offsets stay raw;
and what counts as a Han character, defined once for every rule and language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Han characters: CJK Unified Ideographs, Extension A and the compatibility ideographs
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_CHARS}]")  # one Han character (search: any in a text)
HAN_ONLY = re.compile(f"^[{HAN_CHARS}]+$")  # a text made only of Han characters

_FULLWIDTH: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FULLWIDTH.update({ord("「"): "“", ord("」"): "”", ord("『"): "“", ord("』"): "”", ord("—"): "-"})


_FOLD_CHARS = {chr(k): (v if isinstance(v, str) else chr(v)) for k, v in _FULLWIDTH.items()}
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _FOLD_CHARS) + "]")


def fold_width(text: str) -> str:
    """Full-width ASCII forms to half-width, corner brackets to curly quotes (「雙城三圈」) and the
    em dash to a hyphen (钱江源—婺源), one character for one (offsets unchanged). (A regex finds
    the few characters to fold: str.translate with a table looks up every character.)"""
    return _FOLDABLE.sub(_fold_one, text)


def _fold_one(m: re.Match) -> str:
    return _FOLD_CHARS[m.group()]


_NAME_DROP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』·・]")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Key for comparing names: NFKC, lower case, no spaces, quotes or title marks."""
    return _NAME_DROP.sub("", unicodedata.normalize("NFKC", name)).lower()
