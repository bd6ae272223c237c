"""Relations stated by English sentences, from the cues of ``patterns/en_relations.tsv`` and the
sector cues of ``patterns/en_sectors.tsv``.

English plans state a relation around the subject of a clause: “The new area, located in the
northeast of Haikou, includes the Haikou Comprehensive Free Trade Zone …”, “Anchored by the Yazhou
Bay Seed Laboratory …, the science and technology city will focus on developing the seed
industry …”. So each cue is read against the clause's subject — the named thing (or “the new
area”, “it”, “we”) that a verb follows — and the list of names that follows the cue:

* LOCATED_IN: X located in P; P is home to / hosts X; A of P and A in P (Pudong New Area of
  Shanghai, the Hong Kong Park in the Lok Ma Chau Loop); regions a region consists of.
* PART_OF: P includes Q and R; Q is the core area of P; a platform of a platform.
* ANCHORED_BY: P, anchored by A and B; with A as its core; relying on A, build P; P relies on A.
* COOPERATES_WITH: X cooperates / deepens cooperation with Y; cooperation between X and Y;
  X and Y jointly build … (with Z); jointly built by X and Y.
* SERVES: P focuses on developing / develops / cultivates / serves A, B and C (in P); the A and B
  industries in P; a platform whose name holds a sector the document names (… Artificial
  Intelligence Island → artificial intelligence).
* OPERATES_IN: A, B and C named as companies of a sector (“innovative drug companies such as …”,
  “enterprises such as A and B will lead the X industry”).

Anaphora: “the new area”, “the pilot zone”, “the science and technology city” name the platform
last written whose name ends so; “it” is the previous sentence's subject; “we” is the place the
document's title names.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Entity, Evidence, Relation, Sentence
from ..relating import mentions_by_sentence
from ..tables import read_table
from .sectors import cue_ends, sector_rules

PLACES = ("Platform", "Region")
COOP = ("Region", "Platform", "Institution")
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
    r"attracts?|builds?|leads?)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class M:
    """A named (or referred-to) entity inside one sentence, offsets relative to the sentence."""
    start: int
    end: int
    entity: Entity
    kind: str = "name"          # "name" | "anaphor" | "we"


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[re.Pattern, ...]]:
    out: dict[str, list[re.Pattern]] = {}
    for row in read_table("en_relations.tsv"):
        out.setdefault(row[0], []).append(row.regex(1, re.IGNORECASE))
    return {k: tuple(v) for k, v in out.items()}


def _find(kind: str, text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    hits = [m for rx in cues()[kind] for m in rx.finditer(text, start, end)]
    return sorted(hits, key=lambda m: m.start())


def find_english_relations(sentences: Sequence[Sentence], entities: Sequence[Entity]) -> tuple[Relation, ...]:
    by_sentence: dict[str, list[M]] = mentions_by_sentence(sentences, entities, M)
    home = home_place(sentences, entities)
    industries = [e for e in entities if e.type == "Industry"]
    out: dict[tuple[str, str, str], Relation] = {}
    history: list[tuple[int, Entity]] = []          # platforms in document order, for anaphora
    previous_subject: Entity | None = None

    for sent in sentences:
        names = _outer(by_sentence.get(sent.id, []))
        text = _masked(sent.text, names)
        ms = sorted(names + _anaphors(text, history, previous_subject, home), key=lambda m: (m.start, -m.end))

        def add(head: Entity, type_: str, tail: Entity, rule: str, sent=sent) -> None:
            if head.id == tail.id:
                return
            if type_ == "COOPERATES_WITH" and (tail.id, type_, head.id) in out:
                return
            out.setdefault((head.id, type_, tail.id), Relation(
                head.id, type_, tail.id, Evidence(sent.id, sent.start, sent.end, sent.text), rule))

        if ms:
            subjects = _subjects(text, ms)
            _located(text, ms, subjects, add)
            _hosts(text, ms, subjects, add)
            _of_and_in(text, ms, add)
            _wholes(text, ms, subjects, add)
            _parts(text, ms, subjects, add)
            _anchors(text, ms, subjects, add)
            _cooperation(text, ms, subjects, add)
            _serves(text, ms, subjects, add)
            _builds(text, ms, subjects, add)
            _serves_by_name(text, names, industries, add)
            _operates(text, ms, add, industries)
            if subjects:
                previous_subject = subjects[0].entity
        for m in names:
            if m.entity.type == "Platform":
                history.append((sent.start + m.start, m.entity))
    return tuple(out.values())


def _masked(text: str, names: list[M]) -> str:
    """The sentence with the punctuation inside names blotted out (“Co., Ltd.”, “China (Hubei)
    Pilot Free Trade Zone”), so that it neither ends a clause nor separates a list."""
    chars = list(text)
    for m in names:
        for i in range(m.start, m.end):
            if chars[i] in ",;.!?()":
                chars[i] = "_"
    return "".join(chars)


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
    if named:         # the fullest place the title names (“Chengdu-Chongqing Economic Circle”, not “Chongqing”)
        return max(named, key=lambda e: (written[e.id], counts[e.id]))
    return max(places, key=lambda e: (counts[e.id], e.type == "Platform"))


def _outer(ms: list[M]) -> list[M]:
    return [m for m in ms if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                                     for o in ms)]


_ANAPHOR = re.compile(r"\b[Tt]he\s+((?:[a-z][a-z-]*\s+){0,4}?(?:zone|area|city|park|port|base|town|island|valley|"
                      r"hub|corridor|district|new area|cluster|pilot zone|free trade zone))\b(?!\s+of\b)")
_PLURAL = re.compile(r"\b([Tt]he two|[Bb]oth)\s+((?:[a-z][a-z-]*\s+){0,3}?(?:zones|areas|cities|parks|ports|bases|"
                     r"towns|islands|districts|new areas|platforms))\b")
_REGION = re.compile(r"\b[Tt]he\s+(?:region|economic circle|metropolitan area|city cluster|bay area)\b(?!\s+of\b)")
_IT = re.compile(r"(?:^|(?<=[,;]\s))(?:It|it)\b(?=\s+(?:is|was|will|has|shall|also|hosts|covers|includes))")
_WE = re.compile(r"\b[Ww]e\b(?=\s+(?:will|shall|should|must|are|have|also|further|continue))")


def _anaphors(text: str, history, previous_subject: Entity | None, home: Entity | None) -> list[M]:
    """“the new area” (the platform last named whose name ends with those words), “it” (the last
    sentence's subject), “we” (the document's place)."""
    out = []
    for m in _ANAPHOR.finditer(text):
        words = m.group(1).lower().split()
        for _, e in reversed(history):
            name_words = _words(e.name_en or e.name) + _words(e.name)
            if _contains(name_words, words):
                out.append(M(m.start(), m.end(), e, "anaphor"))
                break
    for m in _PLURAL.finditer(text):
        words = m.group(2).lower().split()
        words[-1] = re.sub(r"(?:e?s)$", "", words[-1]) if not words[-1].endswith("ies") else words[-1][:-3] + "y"
        found: list[Entity] = []
        for _, e in reversed(history):
            if e not in found and _contains(_words(e.name_en or e.name) + _words(e.name), words):
                found.append(e)
            if len(found) == 2:
                break
        if len(found) == 2:
            out += [M(m.start(), m.end(), e, "plural") for e in reversed(found)]
    if home is not None:
        out += [M(m.start(), m.end(), home, "anaphor") for m in _REGION.finditer(text)]
    if previous_subject is not None:
        out += [M(m.start(), m.end(), previous_subject, "anaphor") for m in _IT.finditer(text)]
    if home is not None:
        out += [M(m.start(), m.end(), home, "we") for m in _WE.finditer(text)]
    return out


def _words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][\w'’]*", name or "")]


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


_VERB = re.compile(r"\s+[a-z]{3,}(?:es|s|ed)\b")
_CLAUSE_OPEN = re.compile(r"(?:^|[;:]\s*|\.\s+)(?:\(?\d+\)?\.?\s+)?(?:[Tt]he\s+)?$")


def _subjects(text: str, ms: list[M]) -> list[M]:
    """Names followed by a verb group: the subjects of the sentence's clauses, in order. A name
    that opens the sentence or a clause may take any verb (“Haikou Jiangdong New Area
    concentrates on …”)."""
    out = []
    for m in ms:
        if AUX.match(text, m.end) or (_VERB.match(text, m.end) and _CLAUSE_OPEN.search(text[:m.start])):
            out.append(m)
    return out


def _subject_at(text: str, subjects: list[M], pos: int) -> M | None:
    """The subject governing a cue at ``pos``: the last subject before it in the clause, else (a
    sentence opening with “Located in …,” or “Anchored by …,”) the first subject after it."""
    start = max((c.end() for c in CLAUSE_END.finditer(text, 0, pos)), default=0)
    before = [s for s in subjects if start <= s.start and s.end <= pos]
    if before:
        return before[-1]
    end = CLAUSE_END.search(text, pos)
    after = [s for s in subjects if s.start >= pos and (end is None or s.start < end.start())]
    return after[0] if after else None


def _list_from(text: str, ms: list[M], pos: int, types, lead: int = 50, descriptors: bool = False,
               two: bool = False) -> list[M]:
    """The names listed from ``pos`` (“A, B and C”); the first within ``lead`` characters. With
    ``descriptors`` a list may go on through “and the nine municipalities of”; with ``two`` it
    ends at the item after “and” (“between China and Singapore, Suzhou Industrial Park …”). A
    name after a comma that a verb follows begins a new clause, not an item."""
    end_m = CLAUSE_END.search(text, pos)
    end = end_m.start() if end_m else len(text)
    cand = [m for m in ms if pos <= m.start and m.end <= end]
    out: list[M] = []
    cursor = pos
    closed = False
    for m in cand:
        if out and m.start < out[-1].end:
            continue
        gap = text[cursor:m.start]
        if not out:
            if len(gap) > lead or CLAUSE_END.search(gap):
                break
        elif closed or not (SEP.match(gap) or (descriptors and re.fullmatch(
                r"\s*,?\s*(?:and\s+)?the\s+(?:[a-z-]+\s+){0,3}(?:of|in)\s+", gap))):
            break
        elif "," in gap and "and" not in gap and AUX.match(text, m.end):
            break
        if two and out and SEP.match(gap) and re.search(r"\band\b", gap):
            closed = True
        if m.entity.type in types:
            out.append(m)
        cursor = m.end
    return out


def _group(text: str, ms: list[M], subject: M | None) -> list[M]:
    """The subject with the names coordinated before it (“A and B will …”), or the entities a
    plural anaphor stands for (“the two new areas”)."""
    if subject is None:
        return []
    if subject.kind == "plural":
        return [m for m in ms if m.kind == "plural" and m.start == subject.start]
    if subject.kind != "name":
        return [subject]
    return _list_ending_at(text, ms, subject)


def _list_ending_at(text: str, ms: list[M], last: M) -> list[M]:
    """The coordinated names that end with ``last`` (“Hainan University and China Agricultural
    University will …”)."""
    out = [last]
    earlier = [m for m in ms if m.end <= last.start]
    for m in reversed(earlier):
        if SEP.match(text[m.end:out[0].start]) and m.entity.type == last.entity.type:
            out.insert(0, m)
        else:
            break
    return out


def _located(text, ms, subjects, add) -> None:
    for c in _find("located", text):
        tail = next((m for m in ms if m.start >= c.end() and m.entity.type in PLACES
                     and not CLAUSE_END.search(text, c.end(), m.start) and m.start - c.end() <= 60), None)
        for head in _group(text, ms, _subject_at(text, subjects, c.start())):
            if tail is not None and (head.entity.type not in NOT_LOCATED or head.entity.type == "Event"):
                add(head.entity, "LOCATED_IN", tail.entity, "en:located_in")


def _hosts(text, ms, subjects, add) -> None:
    for c in _find("hosts", text):
        host = _subject_at(text, subjects, c.start())
        if host is None or host.entity.type not in PLACES or host.start > c.start():
            continue
        end = re.compile(r"[;.!?]|,\s+and\s+(?!the\s+[a-z])").search(text, c.end())
        for m in ms:
            if m.start >= c.end() and (end is None or m.end <= end.start()) and \
                    m.entity.type in ("Institution", "Enterprise", "Project", "Event"):
                add(m.entity, "LOCATED_IN", host.entity, "en:hosts")


def _of_and_in(text, ms, add) -> None:
    """“Pudong New Area of Shanghai”, “the Hong Kong Park in the Lok Ma Chau Loop”, “Guangzhou, …
    and Zhaoqing in Guangdong Province”."""
    names = [m for m in ms if m.kind != "we"]
    for a, b in zip(names, names[1:]):
        gap = text[a.end:b.start]
        if b.entity.type not in PLACES or a.entity.type in NOT_LOCATED:
            continue
        if re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) and a.entity.type in PLACES:
            if a.entity.type == "Platform" and b.entity.type == "Platform":
                add(a.entity, "PART_OF", b.entity, "en:part_of:of")
            else:
                add(a.entity, "LOCATED_IN", b.entity, "en:located_in:of")
        elif re.fullmatch(r"\s+in\s+(?:the\s+)?", gap):
            for item in _list_ending_at(text, names, a):
                add(item.entity, "LOCATED_IN", b.entity, "en:located_in:in")


def _wholes(text, ms, subjects, add) -> None:
    for c in _find("whole", text):
        whole = _subject_at(text, subjects, c.start())
        direct = [m for m in ms if m.end <= c.start() and re.fullmatch(r"\s*(?:\([^()]*\)\s*)?", text[m.end:c.start()])]
        if direct:
            whole = direct[-1]
        if whole is None or whole.entity.type not in PLACES:
            continue
        for part in _list_from(text, ms, c.end(), PLACES, descriptors=True):
            if re.search(r"\d[\d,.]*\s+(?:[a-z-]+\s+){1,4}of\s+(?:the\s+)?$", text[c.end():part.start]):
                continue                  # “covers 27 districts and counties of Chongqing”: the container
            if part.entity.type == "Platform":
                add(part.entity, "PART_OF", whole.entity, "en:part_of:includes")
            elif whole.entity.type == "Region":
                add(part.entity, "LOCATED_IN", whole.entity, "en:located_in:consists")


def _parts(text, ms, subjects, add) -> None:
    for c in _find("part", text):
        part = _subject_at(text, subjects, c.start())
        if c.group(0).startswith(","):
            part = next((m for m in reversed(ms) if m.end <= c.start()), None)
        whole = next((m for m in ms if m.start >= c.end() and m.start - c.end() <= 12), None)
        if part is not None and whole is not None and part.entity.type == "Platform" and whole.entity.type in PLACES:
            add(part.entity, "PART_OF", whole.entity, "en:part_of")


def _anchors(text, ms, subjects, add) -> None:
    for c in _find("anchor", text):
        place = _subject_at(text, subjects, c.start())
        if c.groupdict().get("anchors"):
            # “…, with A, B and C as its core / its two poles”: “its” is the platform just named
            listed = [m for m in ms if c.start("anchors") <= m.start and m.end <= c.end("anchors")]
            anchors = [m for m in listed if m.entity.type in ANCHORS]
            clause = max((x.end() for x in CLAUSE_END.finditer(text, 0, c.start())), default=0)
            owner = [m for m in ms if clause <= m.start and m.end <= c.start() and m.entity.type == "Platform"]
            place = owner[-1] if owner else place
            if place is not None and place.entity.type == "Platform":
                for m in listed:
                    if m.entity.type == "Platform":
                        add(m.entity, "PART_OF", place.entity, "en:part_of:core")
        else:
            anchors = _list_from(text, ms, c.end(), ANCHORS)
        if place is not None and place.entity.type == "Platform":
            for a in anchors:
                add(place.entity, "ANCHORED_BY", a.entity, "en:anchored_by")
    for c in _find("rely", text):
        anchors = _list_from(text, ms, c.end(), ANCHORS)
        if not anchors:
            continue
        place = _subject_at(text, subjects, c.start())
        if place is None or place.kind == "we" or place.entity.type != "Platform":
            # “Relying on A, we will build P”: the platform the main clause builds
            comma = text.find(",", anchors[-1].end)
            built = re.compile(r"\b(?:build|develop|construct|create|establish|set up|upgrade|turn|make)\b[^;.]*?$")
            place = next((m for m in ms if comma >= 0 and m.start > comma and m.entity.type == "Platform"
                          and built.search(text[comma:m.start])), None)
        if place is not None and place.entity.type == "Platform":
            for a in anchors:
                add(place.entity, "ANCHORED_BY", a.entity, "en:anchored_by:rely")


def _cooperation(text, ms, subjects, add) -> None:
    for c in _find("coop", text):
        actor = _subject_at(text, subjects, c.start())
        if actor is None or actor.entity.type not in COOP:
            continue
        for p in _list_from(text, ms, c.end(), COOP):
            add(actor.entity, "COOPERATES_WITH", p.entity, "en:cooperates_with")
    for c in _find("together", text):
        actors = [a for a in _group(text, ms, _subject_at(text, subjects, c.start())) if a.entity.type in COOP]
        if len(actors) >= 2 and actors[-1].start < c.start():
            _pairwise(actors, add, "en:cooperates_with:together")
    for c in _find("between", text):
        _pairwise(_list_from(text, ms, c.end(), COOP, two=True), add, "en:cooperates_with:between")
    for c in _find("jointly_by", text):
        _pairwise(_list_from(text, ms, c.end(), COOP), add, "en:cooperates_with:jointly")
    for c in _find("jointly", text):
        actor = _subject_at(text, subjects, c.start())
        before = [m for m in ms if m.end <= c.start() and re.fullmatch(r"\s+(?:in\s+)?", text[m.end:c.start()])]
        if before and before[-1].entity.type in COOP:
            actors = _list_ending_at(text, ms, before[-1])            # “support A, B and C in joint research”
        elif actor is not None and actor.entity.type in COOP and actor.start < c.start():
            actors = _list_ending_at(text, ms, actor)
        else:
            continue
        actors = [a for a in actors if a.entity.type in COOP]
        _pairwise(actors, add, "en:cooperates_with:jointly")
        end = re.compile(r"[;.!?,]").search(text, c.end())
        with_ = re.compile(r"\bwith\b").search(text, c.end(), end.start() if end else len(text))
        if with_:
            for p in _list_from(text, ms, with_.end(), COOP, lead=60):
                for a in actors:
                    add(a.entity, "COOPERATES_WITH", p.entity, "en:cooperates_with:jointly")


def _pairwise(items: list[M], add, rule: str) -> None:
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            add(a.entity, "COOPERATES_WITH", b.entity, rule)


SERVERS = ("Platform", "Institution", "Project")


def _serves(text, ms, subjects, add) -> None:
    r = sector_rules()
    special = [c.end() for c in _find("specialize", text)]
    for pos in cue_ends(text, r):
        inds = _list_from(text, ms, pos, ("Industry",), lead=8)
        if not inds:
            continue
        if pos in special:                # “…, specializing in X”: the platform just named
            before = [m for m in ms if m.end <= pos and m.entity.type in SERVERS]
            places = before[-1:]
        else:
            at = _in_place_after(text, ms, inds[-1].end)
            places = [at] if at else _group(text, ms, _subject_at(text, subjects, pos))
        places = [p for p in places if p.entity.type in SERVERS]
        respectively = re.match(r"\s*,?\s*respectively\b", text[inds[-1].end:]) is not None
        if respectively and len(places) == len(inds) > 1:
            for p, i in zip(places, inds):
                add(p.entity, "SERVES", i.entity, "en:serves:respectively")
            continue
        for p in places:
            for i in inds:
                add(p.entity, "SERVES", i.entity, "en:serves:develop")
    for h in r.head.finditer(text):
        inds = [m for m in ms if m.entity.type == "Industry" and m.end <= h.start()]
        if not inds or not re.fullmatch(r"\s*", text[inds[-1].end:h.start()]):
            continue
        listed = _list_ending_at(text, ms, inds[-1])
        place = _in_place_after(text, ms, h.end())
        if place is not None and place.entity.type in SERVERS:
            for i in listed:
                add(place.entity, "SERVES", i.entity, "en:serves:industries_in")


def _builds(text, ms, subjects, add) -> None:
    """“Suzhou National Hi-tech District will build the Suzhou Medical Device Industrial Park”:
    what a named place builds is in that place."""
    for c in _find("build", text):
        subject = _subject_at(text, subjects, c.start())
        if subject is None or subject.kind != "name" or subject.entity.type not in PLACES \
                or subject.start > c.start() or len(_group(text, ms, subject)) > 1:
            continue
        for m in _list_from(text, ms, c.end(), ("Platform", "Institution", "Project"), lead=12):
            add(m.entity, "LOCATED_IN", subject.entity, "en:located_in:build")


def _in_place_after(text, ms, pos: int) -> M | None:
    """“… technology services in Qianhai”: the place right after the list."""
    hit = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?").match(text, pos)
    if hit is None:
        return None
    return next((m for m in ms if m.start == hit.end() and m.entity.type in PLACES), None)


def _serves_by_name(text, names, industries, add) -> None:
    """A platform whose name holds a sector the document names (“Zhangjiang Artificial Intelligence
    Island” → artificial intelligence; “Suzhou Biomedical Industrial Park” → biomedicine)."""
    for m in names:
        if m.entity.type != "Platform":
            continue
        words = _words(text[m.start:m.end])
        hits = []
        for ind in industries:
            forms = {ind.name_en or "", *(a for a in ind.aliases if a.isascii())}
            best = max((_words(f) for f in forms if f and _contains_stem(words, _words(f))), key=len, default=None)
            if best:
                hits.append((best, ind))
        for best, ind in hits:            # “Medical Tourism” is medical tourism, not tourism
            if not any(len(other) > len(best) and _contains_stem(other, best) for other, _ in hits):
                add(m.entity, "SERVES", ind, "en:serves:name")


def _contains_stem(seq: list[str], sub: list[str]) -> bool:
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


def _operates(text, ms, add, industries=()) -> None:
    nouns = cues()["firm_nouns"][0].pattern
    for c in _find("firm_roles", text):
        firms = [m for m in ms if c.start("firms") <= m.start and m.end <= c.end("firms") and m.entity.type == "Enterprise"]
        if c.group("inds"):
            inds = [m for m in ms if c.start("inds") <= m.start and m.end <= c.end("inds") and m.entity.type == "Industry"]
        else:                             # the sectors of the clause the “with” phrase hangs on
            clause = max((x.end() for x in CLAUSE_END.finditer(text, 0, c.start())), default=0)
            inds = [m for m in ms if clause <= m.start and m.end <= c.start() and m.entity.type == "Industry"]
        if c.group("resp") and len(firms) == len(inds):
            pairs = list(zip(firms, inds))
        elif len(inds) == 1 or len(firms) == 1:
            pairs = [(f, i) for f in firms for i in inds]
        else:
            pairs = []                    # several companies, several sectors, no mapping
        for f, i in pairs:
            add(f.entity, "OPERATES_IN", i.entity, "en:operates_in:role")
    for c in _find("firms", text):
        firms = _list_from(text, ms, c.end(), ("Enterprise",))
        if not firms:
            continue
        before = [m for m in ms if m.end <= c.start() and m.entity.type == "Industry"
                  and re.fullmatch(r"\s*", text[m.end:c.start()])]
        inds = _list_ending_at(text, ms, before[-1]) if before else []
        if not inds:                      # “Innovative drug companies such as …”: a sector written singular
            phrase = _words(re.search(r"((?:[A-Za-z-]+\s+){0,3})$", text[:c.start()]).group(1))
            for ind in industries:
                forms = [ind.name_en or "", *(a for a in ind.aliases if a.isascii())]
                if any(f and _words(f) and _contains_stem(_words(f), phrase[-len(_words(f)):]) and
                       len(phrase) >= len(_words(f)) for f in forms):
                    firms_only = [f for f in firms]
                    for f in firms_only:
                        add(f.entity, "OPERATES_IN", ind, "en:operates_in:sector_firms")
                    break
        end = CLAUSE_END.search(text, firms[-1].end)
        inds += [m for m in ms if m.start >= firms[-1].end and (end is None or m.end <= end.start())
                 and m.entity.type == "Industry"]
        for f in firms:
            for i in inds:
                add(f.entity, "OPERATES_IN", i.entity, "en:operates_in")
    # “BYD, a leading new energy vehicle maker”
    for m in ms:
        if m.entity.type != "Enterprise":
            continue
        hit = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}").match(text, m.end)
        if hit is None:
            continue
        ind = next((i for i in ms if i.start == hit.end() and i.entity.type == "Industry"), None)
        if ind is not None and re.match(rf"\s+(?:{nouns}|company|enterprise|firm|maker|manufacturer|producer)\b",
                                        text[ind.end:]):
            add(m.entity, "OPERATES_IN", ind.entity, "en:operates_in:apposition")
