"""English containment: LOCATED_IN and PART_OF.

* X located in P; P is home to / hosts X; what a named place builds lies in it;
* A of P and A in P (Pudong New Area of Shanghai, the Hong Kong Park in the Lok Ma Chau Loop);
* P includes Q and R (platforms: PART_OF; regions a region consists of: LOCATED_IN);
* Q is the core area of P.
"""

from __future__ import annotations

import re

from ...relating import MentionView, SentenceSink
from ...vocab import PLACES, RelationType
from .context import ANCHORS, CLAUSE_END, NOT_LOCATED, SEP, EnSentence, group, list_ending_at, list_from, subject_at
from .cues import CuePatterns

__all__ = ["area_of", "builds", "hosts", "members", "settles", "located", "of_and_in", "parts", "wholes"]


def located(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """X located in P: the clause's subject (and the names listed with it) lies in the first place
    named after the cue."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("located", text):
        tail = next(
            (
                m
                for m in ms
                if m.start >= c.end()
                and m.entity.type in PLACES
                and not CLAUSE_END.search(text, c.end(), m.start)
                and m.start - c.end() <= 60
            ),
            None,
        )
        # “the 2020 China Biotech Innovation Conference held in SIP”: the name the participle follows
        right_before = [m for m in ms if m.end <= c.start() and re.fullmatch(r"\s*,?\s*", text[m.end : c.start()])]
        heads = group(text, ms, right_before[-1] if right_before else subject_at(text, subjects, c.start()))
        for head in heads:
            if tail is not None and (head.entity.type not in NOT_LOCATED or head.entity.type == "Event"):
                out.add(head.entity, RelationType.LOCATED_IN, tail.entity, "en:located_in")


def area_of(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“A, B as well as C cover less than 6 percent of P's city area”: the subjects lie in P."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("area_of", text):
        place = next((m for m in ms if m.start == c.end() and m.entity.type in PLACES), None)
        if place is None:
            continue
        for head in group(text, ms, subject_at(text, subjects, c.start())):
            if head.entity.type not in NOT_LOCATED and head.entity != place.entity:
                out.add(head.entity, RelationType.LOCATED_IN, place.entity, "en:located_in:area_of")


def settles(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“Geovis … reached an agreement … to set up its global headquarters in Hefei”: the company or
    institute last named before the cue lies in the place right after it."""
    text, ms = s.text, s.mentions
    for c in cues.find("settle", text):
        place = next((m for m in ms if m.start == c.end() and m.entity.type in PLACES), None)
        clause = max((x.end() for x in CLAUSE_END.finditer(text, 0, c.start())), default=0)
        firm = [m for m in ms if clause <= m.start and m.end <= c.start() and m.entity.type in ANCHORS]
        if place is not None and firm:
            for f in group(text, ms, firm[-1]):  # “Multinationals including A, B and C have set up …”
                out.add(f.entity, RelationType.LOCATED_IN, place.entity, "en:located_in:settle")


def hosts(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """P is home to / hosts X: the institutions, companies, projects and events named after the cue
    lie in the clause's subject P; the sectors named there are P's (“P is home to 53 enterprises
    engaged in the X industry”: P SERVES X). A sentence may open with the cue (“Boasting companies
    in A and B, P saw …”): P is the subject after it."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("hosts", text):
        host = subject_at(text, subjects, c.start())
        if host is None or host.entity.type not in PLACES:
            continue
        opener = host.start > c.start()
        if opener and not _OPENS.fullmatch(text[: c.start()]):
            continue
        end = _HOSTED_END.search(text, c.end())
        stop = host.start if opener else (end.start() if end else len(text))
        for m in ms:
            if m.start < c.end() or m.end > stop or m.entity == host.entity:
                continue
            if m.entity.type in ("Institution", "Enterprise", "Project", "Event"):
                out.add(m.entity, RelationType.LOCATED_IN, host.entity, "en:hosts")
            elif m.entity.type == "Industry" and host.entity.type != "Region":
                out.add(host.entity, RelationType.SERVES, m.entity, "en:serves:home_to")


_OPENS = re.compile(r"\s*")
_HOSTED_END = re.compile(r"[;.!?]|,\s+and\s+(?!the\s+[a-z])")


def of_and_in(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“Pudong New Area of Shanghai”, “the Hong Kong Park in the Lok Ma Chau Loop”, “Guangzhou, …
    and Zhaoqing in Guangdong Province”, “the zone (short form) in east China's Anhui province”;
    a named cluster in a named zone is PART_OF it. Address chains: “X, Southwest China's
    Chongqing municipality”, “X, City, Province”."""
    text, ms = s.text, s.mentions
    names = [m for m in ms if m.kind != "we"]
    for a, b in zip(names, names[1:], strict=False):
        gap = text[a.end : b.start]
        if b.entity.type not in PLACES or a.entity.type in NOT_LOCATED:
            continue
        if re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) and a.entity.type in PLACES:
            if a.entity.type == "Platform" and b.entity.type == "Platform":
                out.add(a.entity, RelationType.PART_OF, b.entity, "en:part_of:of")
            else:
                out.add(a.entity, RelationType.LOCATED_IN, b.entity, "en:located_in:of")
        elif _IN.fullmatch(gap):
            for item in list_ending_at(text, names, a):
                if _CLUSTER.search(text[item.start : item.end]) and item.entity.type == b.entity.type == "Platform":
                    out.add(item.entity, RelationType.PART_OF, b.entity, "en:part_of:in")
                else:
                    out.add(item.entity, RelationType.LOCATED_IN, b.entity, "en:located_in:in")
        elif _CAPITAL_OF.fullmatch(gap) or (_APPOSITIVE.fullmatch(gap) and _CITY_OF.match(text, b.end)):
            out.add(a.entity, RelationType.LOCATED_IN, b.entity, "en:located_in:capital")  # “X, capital of P”
    for head, place in address_chain(text, names):
        out.add(head.entity, RelationType.LOCATED_IN, place.entity, "en:located_in:address")


_DIRECTION = r"(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
_COUNTRY_OF = r"(?:" + _DIRECTION + r"China['’]s\s+)"
_IN = re.compile(r"\)?\s+in\s+(?:the\s+)?" + _COUNTRY_OF + "?", re.IGNORECASE)
_APPOSITIVE = re.compile(r"\s*,\s+(?:the\s+)?" + _COUNTRY_OF + "?", re.IGNORECASE)
_CAPITAL_OF = re.compile(
    r"\s*,\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:capital|city|county|district|town|port)(?:\s+city)?\s+(?:of|in)\s+"
    r"(?:the\s+)?" + _COUNTRY_OF + "?",
    re.IGNORECASE,
)
_CITY_OF = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:capital|city|county|district|town|port)\b", re.IGNORECASE)
_CLUSTER = re.compile(r"\bcluster$", re.IGNORECASE)


def address_chain(text: str, names: list[MentionView]) -> list[tuple[MentionView, MentionView]]:
    """The links of “X, City, Province” (“X, east China's Province”, “X in City, Province”): each
    name lies in the region written after it. A chain starts at a name that is not a region nor an
    item of a list; a chain whose last region goes on with “and …” is a list, not an address."""
    links: list[tuple[MentionView, MentionView]] = []
    for i, a in enumerate(names):
        if a.entity.type in ("Region", *NOT_LOCATED) or (i and SEP.match(text[names[i - 1].end : a.start])):
            continue
        head, chain = a, []
        for b in names[i + 1 :]:
            gap = text[head.end : b.start]
            link = _APPOSITIVE.fullmatch(gap) or (head is a and _IN.fullmatch(gap))  # “X in Wuhan, Hubei province”
            if b.entity.type != "Region" or not link:
                break
            chain.append((head, b))
            head = b
        if chain and not _LIST_GOES_ON.match(text, head.end):
            links += [(x, y) for x, y in chain if not (x is a and _IN.fullmatch(text[x.end : y.start]))]
    return links


_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|as well as|etc)\b")


def wholes(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """P includes Q and R: platforms are PART_OF P, regions a region consists of lie in it."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("whole", text):
        whole = subject_at(text, subjects, c.start())
        direct = [
            m for m in ms if m.end <= c.start() and re.fullmatch(r"\s*(?:\([^()]*\)\s*)?", text[m.end : c.start()])
        ]
        if direct:
            whole = direct[-1]
        if whole is None or whole.entity.type not in PLACES:
            continue
        for part in list_from(text, ms, c.end(), PLACES, descriptors=True):
            if re.search(r"\d[\d,.]*\s+(?:[a-z-]+\s+){1,4}of\s+(?:the\s+)?$", text[c.end() : part.start]):
                continue  # “covers 27 districts and counties of Chongqing”: the container
            if part.entity.type == "Platform":
                out.add(part.entity, RelationType.PART_OF, whole.entity, "en:part_of:includes")
            elif whole.entity.type == "Region":
                out.add(part.entity, RelationType.LOCATED_IN, whole.entity, "en:located_in:consists")


def members(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“The zone has four parks. The four parks are A, B, C and D”: each listed platform is PART_OF
    the platform named last before the cue in the sentence, else the document's platform."""
    text, ms = s.text, s.mentions
    for c in cues.find("members", text):
        before = [m for m in ms if m.end <= c.start() and m.entity.type == "Platform"]
        owner = before[-1].entity if before else s.doc.home
        if owner is None or owner.type != "Platform":
            continue
        for part in list_from(text, ms, c.end(), ("Platform",), lead=8):
            if part.entity != owner:
                out.add(part.entity, RelationType.PART_OF, owner, "en:part_of:members")


def parts(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """Q is the core area of P (or “…, part of P”): the platform Q is PART_OF P."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("part", text):
        part = subject_at(text, subjects, c.start())
        if c.group(0).startswith(","):
            part = next((m for m in reversed(ms) if m.end <= c.start()), None)
        whole = next((m for m in ms if m.start >= c.end() and m.start - c.end() <= 12), None)
        if part is not None and whole is not None and part.entity.type == "Platform" and whole.entity.type in PLACES:
            out.add(part.entity, RelationType.PART_OF, whole.entity, "en:part_of")


def builds(s: EnSentence, cues: CuePatterns, out: SentenceSink) -> None:
    """“Suzhou National Hi-tech District will build the Suzhou Medical Device Industrial Park”:
    what a named place builds is in that place."""
    text, ms, subjects = s.text, s.mentions, s.subjects
    for c in cues.find("build", text):
        subject = subject_at(text, subjects, c.start())
        if (
            subject is None
            or subject.kind != "name"
            or subject.entity.type not in PLACES
            or subject.start > c.start()
            or len(group(text, ms, subject)) > 1
        ):
            continue
        for m in list_from(text, ms, c.end(), ("Platform", "Institution", "Project"), lead=12):
            out.add(m.entity, RelationType.LOCATED_IN, subject.entity, "en:located_in:build")
