"""Which language a document is in: Chinese or English, by the script its letters are in.

policykg extracts from two languages only, and they use different scripts, so counting Han
characters against Latin letters decides reliably with no model to load (a Chinese plan citing
RCEP or GDP, or an English translation quoting 知识城, still comes out right). A Han character
carries about as much as four Latin letters, hence the weight.
"""

from __future__ import annotations

import re

from .textnorm import HAN

_LATIN = re.compile(r"[A-Za-z]")
HAN_WEIGHT = 4
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str:
    """``"zh"`` or ``"en"``; text with no letters at all counts as Chinese (the default)."""
    sample = text[:SAMPLE_CHARS]
    han = len(HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    if han == 0 and latin == 0:
        return "zh"
    return "zh" if han * HAN_WEIGHT >= latin else "en"
