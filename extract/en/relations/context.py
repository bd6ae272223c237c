"""What an English relation rule knows, and how it reads a sentence.

English plans state a relation around the subject of a clause: “The new area, located in the
northeast of Haikou, includes the Haikou Comprehensive Free Trade Zone …”, “Anchored by the Yazhou
Bay Seed Laboratory …, the science and technology city will focus on developing the seed
industry …”. So each cue is read against the clause's subject — the named thing (or “the new
area”, “it”, “we”) that a verb follows — and the list of names that follows the cue.

Anaphora: “the new area”, “the pilot zone”, “the science and technology city” name the platform
last written whose name ends so; “it” is the previous sentence's subject; “we” is the place the
document's title names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ...model import Entity, Sentence
from ...relating import MentionView, outer_mentions
from ...vocab import PLACES
from ..sectors import SectorRules

__all__ = [
    "ANCHORS",
    "AUX",
    "CLAUSE_END",
    "NOT_LOCATED",
    "SEP",
    "EnDocument",
    "EnSentence",
    "contains_stem",
    "group",
    "home_place",
    "list_ending_at",
    "list_from",
    "place_after",
    "sentence_contexts",
    "subject_at",
    "words_of",
]


@dataclass(frozen=True, slots=True)
class EnDocument:
    """What every sentence of an English document shares."""

    home: Entity | None  # the place the document is about
    industries: tuple[Entity, ...]  # the document's industries
    sectors: SectorRules  # the sector-list cues (patterns/en_sectors.tsv)


@dataclass(frozen=True, slots=True)
class EnSentence:
    """One sentence as the English relation rules read it (offsets relative to the sentence)."""

    doc: EnDocument
    sentence: Sentence
    text: str  # the sentence, punctuation inside names masked
    mentions: tuple[MentionView, ...]  # outer names and anaphors, by (start, -end)
    names: tuple[MentionView, ...]  # the outer names only
    subjects: tuple[MentionView, ...]  # the mentions a verb group follows, in order


def sentence_contexts(
    doc: EnDocument, sentences: Sequence[Sentence], by_sentence: dict[str, list[MentionView]]
) -> Iterator[EnSentence]:
    """The context of each sentence that names or refers to something. Anaphora look back: “the
    new area” at the platforms named so far, “it” at the previous sentence's subject."""
    history: list[tuple[int, Entity]] = []  # platforms in document order, for anaphora
    previous_subject: Entity | None = None
    for sent in sentences:
        names = outer_mentions(by_sentence.get(sent.id, []))
        text = masked(sent.text, names)
        ms = sorted(names + anaphors(text, history, previous_subject, doc.home), key=lambda m: (m.start, -m.end))
        if ms:
            subjects = subjects_of(text, ms)
            yield EnSentence(doc, sent, text, tuple(ms), tuple(names), tuple(subjects))
            if subjects:
                previous_subject = subjects[0].entity
        for m in names:
            if m.entity.type == "Platform":
                history.append((sent.start + m.start, m.entity))


ANCHORS = ("Enterprise", "Institution")
NOT_LOCATED = ("Industry", "Initiative", "Event")
CLAUSE_END = re.compile(r"[;.!?]")
SEP = re.compile(r"^(?:\s*,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s*、\s*)(?:the\s+)?$")


# a verb group after a subject (with a bracket or an appositive between): “X (…), also known as …, is”
AUX = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,[^;,]{1,100}?(?:,[^;,]{1,100}?)?,\s*)?"
    r"(?:will|shall|is|are|was|were|has|have|had|can|could|should|must|may|also|further|continues?|remains?|"
    r"aims?|strives?|plans?|focus(?:es)?|serves?|hosts?|includes?|covers?|consists?|comprises?|develops?|"
    r"cultivates?|relies|rely|cooperates?|jointly|deepens?|strengthens?|boasts?|gathers?|lies|sits|"
    r"attracts?|builds?|leads?)\b",
    re.IGNORECASE,
)


def home_place(sentences: Sequence[Sentence], entities: Sequence[Entity]) -> Entity | None:
    """The place the document is about: of the places its title (first line) names, the one
    written in full (the longest); else the place named most."""
    places = [e for e in entities if e.type in PLACES]
    if not places:
        return None
    counts = Counter({e.id: len(e.mentions) for e in places})
    title = sentences[0].text.lower() if sentences else ""

    def in_title(e: Entity) -> int:
        forms = {e.name_en or "", *(m.text for m in e.mentions), *(a for a in e.aliases if a.isascii())}
        return max((len(f) for f in forms if len(f) > 2 and f.lower() in title), default=0)

    written = {e.id: in_title(e) for e in places}
    named = [e for e in places if written[e.id]]
    if named:  # the fullest place the title names (“Chengdu-Chongqing Economic Circle”, not “Chongqing”)
        return max(named, key=lambda e: (written[e.id], counts[e.id]))
    return max(places, key=lambda e: (counts[e.id], e.type == "Platform"))


def masked(text: str, names: Sequence[MentionView]) -> str:
    """The sentence with the punctuation inside names blotted out (“Co., Ltd.”, “China (Hubei)
    Pilot Free Trade Zone”), so that it neither ends a clause nor separates a list."""
    chars = list(text)
    for m in names:
        for i in range(m.start, m.end):
            if chars[i] in ",;.!?()":
                chars[i] = "_"
    return "".join(chars)


_ANAPHOR = re.compile(
    r"\b[Tt]he\s+((?:[a-z][a-z-]*\s+){0,4}?(?:zone|area|city|park|port|base|town|island|valley|"
    r"hub|corridor|district|new area|cluster|pilot zone|free trade zone))\b(?!\s+of\b)"
)


_PLURAL = re.compile(
    r"\b([Tt]he two|[Bb]oth)\s+((?:[a-z][a-z-]*\s+){0,3}?(?:zones|areas|cities|parks|ports|bases|"
    r"towns|islands|districts|new areas|platforms))\b"
)


_REGION = re.compile(r"\b[Tt]he\s+(?:region|economic circle|metropolitan area|city cluster|bay area)\b(?!\s+of\b)")
_IT = re.compile(r"(?:^|(?<=[,;]\s))(?:It|it)\b(?=\s+(?:is|was|will|has|shall|also|hosts|covers|includes))")
_WE = re.compile(r"\b[Ww]e\b(?=\s+(?:will|shall|should|must|are|have|also|further|continue))")


def anaphors(
    text: str, history: Sequence[tuple[int, Entity]], previous_subject: Entity | None, home: Entity | None
) -> list[MentionView]:
    """“the new area” (the platform last named whose name ends with those words), “it” (the last
    sentence's subject), “we” (the document's place)."""
    out = []
    for m in _ANAPHOR.finditer(text):
        words = m.group(1).lower().split()
        for _, e in reversed(history):
            name_words = words_of(e.name_en or e.name) + words_of(e.name)
            if contains(name_words, words):
                out.append(MentionView(m.start(), m.end(), e, "anaphor"))
                break
    for m in _PLURAL.finditer(text):
        words = m.group(2).lower().split()
        words[-1] = re.sub(r"(?:e?s)$", "", words[-1]) if not words[-1].endswith("ies") else words[-1][:-3] + "y"
        found: list[Entity] = []
        for _, e in reversed(history):
            if e not in found and contains(words_of(e.name_en or e.name) + words_of(e.name), words):
                found.append(e)
            if len(found) == 2:
                break
        if len(found) == 2:
            out += [MentionView(m.start(), m.end(), e, "plural") for e in reversed(found)]
    if home is not None:
        out += [MentionView(m.start(), m.end(), home, "anaphor") for m in _REGION.finditer(text)]
    if previous_subject is not None:
        out += [MentionView(m.start(), m.end(), previous_subject, "anaphor") for m in _IT.finditer(text)]
    if home is not None:
        out += [MentionView(m.start(), m.end(), home, "we") for m in _WE.finditer(text)]
    return out


def words_of(name: str) -> list[str]:
    """The words of a name, lower case."""
    return [w.lower() for w in re.findall(r"[A-Za-z][\w'’]*", name or "")]


def contains(seq: list[str], sub: list[str]) -> bool:
    """Does ``sub`` appear in ``seq``, word by word?"""
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


_VERB = re.compile(r"\s+[a-z]{3,}(?:es|s|ed)\b")
_CLAUSE_OPEN = re.compile(r"(?:^|[;:]\s*|\.\s+)(?:\(?\d+\)?\.?\s+)?(?:[Tt]he\s+)?$")


def subjects_of(text: str, ms: Sequence[MentionView]) -> list[MentionView]:
    """Names followed by a verb group: the subjects of the sentence's clauses, in order. A name
    that opens the sentence or a clause may take any verb (“Haikou Jiangdong New Area
    concentrates on …”)."""
    out = []
    for m in ms:
        if AUX.match(text, m.end) or (_VERB.match(text, m.end) and _CLAUSE_OPEN.search(text[: m.start])):
            out.append(m)
    return out


def subject_at(text: str, subjects: Sequence[MentionView], pos: int) -> MentionView | None:
    """The subject governing a cue at ``pos``: the last subject before it in the clause, else (a
    sentence opening with “Located in …,” or “Anchored by …,”) the first subject after it."""
    start = max((c.end() for c in CLAUSE_END.finditer(text, 0, pos)), default=0)
    before = [s for s in subjects if start <= s.start and s.end <= pos]
    if before:
        return before[-1]
    end = CLAUSE_END.search(text, pos)
    after = [s for s in subjects if s.start >= pos and (end is None or s.start < end.start())]
    return after[0] if after else None


def list_from(
    text: str,
    ms: Sequence[MentionView],
    pos: int,
    types: Collection[str],
    lead: int = 50,
    descriptors: bool = False,
    two: bool = False,
) -> list[MentionView]:
    """The names listed from ``pos`` (“A, B and C”); the first within ``lead`` characters. With
    ``descriptors`` a list may go on through “and the nine municipalities of”; with ``two`` it
    ends at the item after “and” (“between China and Singapore, Suzhou Industrial Park …”). A
    name after a comma that a verb follows begins a new clause, not an item."""
    end_m = CLAUSE_END.search(text, pos)
    end = end_m.start() if end_m else len(text)
    cand = [m for m in ms if pos <= m.start and m.end <= end]
    out: list[MentionView] = []
    cursor = pos
    closed = False
    for m in cand:
        if out and m.start < out[-1].end:
            continue
        gap = text[cursor : m.start]
        if not out:
            if len(gap) > lead or CLAUSE_END.search(gap):
                break
        elif closed or not (
            SEP.match(gap)
            or (descriptors and re.fullmatch(r"\s*,?\s*(?:and\s+)?the\s+(?:[a-z-]+\s+){0,3}(?:of|in)\s+", gap))
        ):
            break
        elif "," in gap and "and" not in gap and AUX.match(text, m.end):
            break
        if two and out and SEP.match(gap) and re.search(r"\band\b", gap):
            closed = True
        if m.entity.type in types:
            out.append(m)
        cursor = m.end
    return out


def group(text: str, ms: Sequence[MentionView], subject: MentionView | None) -> list[MentionView]:
    """The subject with the names coordinated before it (“A and B will …”), or the entities a
    plural anaphor stands for (“the two new areas”)."""
    if subject is None:
        return []
    if subject.kind == "plural":
        return [m for m in ms if m.kind == "plural" and m.start == subject.start]
    if subject.kind != "name":
        return [subject]
    return list_ending_at(text, ms, subject)


def list_ending_at(text: str, ms: Sequence[MentionView], last: MentionView) -> list[MentionView]:
    """The coordinated names that end with ``last`` (“Hainan University and China Agricultural
    University will …”)."""
    out = [last]
    earlier = [m for m in ms if m.end <= last.start]
    for m in reversed(earlier):
        if SEP.match(text[m.end : out[0].start]) and m.entity.type == last.entity.type:
            out.insert(0, m)
        else:
            break
    return out


def place_after(text: str, ms: Sequence[MentionView], pos: int) -> MentionView | None:
    """“… technology services in Qianhai”: the place right after the list."""
    hit = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?").match(text, pos)
    if hit is None:
        return None
    return next((m for m in ms if m.start == hit.end() and m.entity.type in PLACES), None)


def contains_stem(seq: list[str], sub: list[str]) -> bool:
    """``sub`` appears in ``seq`` word by word, a word matching by equality or a shared start of
    seven letters or more (Biomedical ~ biomedicine, Service ~ services)."""
    n = len(sub)
    if not n or all(w in ("industry", "industries") for w in sub):
        return False

    def same(a: str, b: str) -> bool:
        if a == b or a.rstrip("s") == b.rstrip("s"):
            return True
        k = 0
        while k < min(len(a), len(b)) and a[k] == b[k]:
            k += 1
        return k >= 7

    return any(all(same(seq[i + j], sub[j]) for j in range(n)) for i in range(len(seq) - n + 1))
