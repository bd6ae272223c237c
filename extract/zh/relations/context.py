"""What a Chinese relation rule knows: the document's own place (its home), the platform its title
names, its industries' forms; and per sentence its width-folded text, its mentions (anaphors of
the home place included) and the platform of the article it stands in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Entity, Sentence
from ...relating import MentionView, outer_mentions
from ...textnorm import fold_width
from ...vocab import PLACES
from ..headings import HEADING
from .anaphora import find_anaphors

__all__ = ["DocumentContext", "SentenceContext", "document_context", "home_place", "sentence_contexts"]


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What every sentence of a document shares."""

    home: Entity | None  # the place the document is about
    title_platform: Entity | None  # the platform its title names, its home being a region
    industries: tuple[tuple[str, Entity], ...]  # industries' Chinese forms, longest first
    name_forms: tuple[tuple[str, Entity], ...]  # the forms a platform's name may hold

    @property
    def own_platform(self) -> Entity | None:
        """The platform the plan is about (its home, or the platform its title names)."""
        home = self.home
        return home if home is not None and home.type == "Platform" else self.title_platform


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """One sentence as the relation rules read it (offsets relative to the sentence)."""

    doc: DocumentContext
    sentence: Sentence
    text: str  # the sentence, width-folded
    mentions: tuple[MentionView, ...]  # named things and anaphors, by (start, -end)
    outer: tuple[MentionView, ...]  # those not inside another
    local: Entity | None  # the platform the sentence's article heading names

    @property
    def subject(self) -> Entity | None:
        """What the sentence speaks of when it names nothing: its article's platform, else the home."""
        return self.local or self.doc.home


def document_context(sentences: Sequence[Sentence], entities: Sequence[Entity], title: str) -> DocumentContext:
    """The document-wide part of every sentence's context."""
    home = home_place(sentences, entities, title)
    industries = _industry_forms(entities)
    stems = {(f, e.id) for f, e in industries}  # (X产业 lies in a name only where X does)
    name_forms = tuple((f, e) for f, e in industries if not (f.endswith("产业") and (f[:-2], e.id) in stems))
    return DocumentContext(home, _title_platform(sentences, entities, title, home), industries, name_forms)


def sentence_contexts(
    doc: DocumentContext, sentences: Sequence[Sentence], by_sentence: dict[str, list[MentionView]]
) -> list[SentenceContext]:
    """The context of each sentence that names two things, or one in an article about a platform
    (a relation needs two things named). An article heading that is a platform's name makes that
    platform the article's subject."""
    out = []
    article: tuple[str | None, Entity | None] = (None, None)
    for sent in sentences:
        named = by_sentence.get(sent.id, [])
        text = fold_width(sent.text)
        heading = _heading_subject(text, named)
        if heading is not None:
            article = (sent.section, heading)  # the heading names its article's subject
        local = article[1] if article[0] is not None and article[0] == sent.section else None
        anaphors = find_anaphors(
            text, doc.home, [(m.start, m.end, m.entity) for m in named], local or doc.title_platform
        )
        ms = named + [MentionView(s, e, ent) for s, e, ent in anaphors]
        if len(ms) < 2 and not (local is not None and ms):
            continue
        ms.sort(key=lambda m: (m.start, -m.end))
        out.append(SentenceContext(doc, sent, text, tuple(ms), tuple(outer_mentions(ms)), local))
    return out


def home_place(sentences: Sequence[Sentence], entities: Sequence[Entity], title: str = "") -> Entity | None:
    """The place the document is about: of the regions and platforms its title names, the one
    named most (the later one on a tie: 佛山市南海区 -> 南海区), else the region mentioned most.
    (English plans name their place in full in the title: ``extract/en/relations/context.py``
    has its own policy.)"""
    regions = [e for e in entities if e.type == "Region"]
    first = sentences[0] if sentences else None
    if first is not None and title and first.text.strip() == title.strip():
        spans = [(m.start, m.end, e) for e in entities for m in e.mentions if m.sentence == first.id]
        in_title = [
            (s, e)
            for s, t, e in spans
            if e.type in PLACES and not any(a <= s and t <= b and (a, b) != (s, t) for a, b, _ in spans)
        ]
        if in_title:
            counts = Counter(e.id for _, e in in_title)
            return max(in_title, key=lambda t: (counts[t[1].id], t[1].type == "Region", t[0]))[1]
        return _dominant(regions)  # 闽宁东西部协作规划: a title naming no place has no home,
    return max(regions, key=lambda e: len(e.mentions)) if regions else None


def _dominant(regions: Sequence[Entity]) -> Entity | None:
    """…unless one region dominates the text (a policy address naming 香港 again and again): named at
    least three times and at least twice as often as any other region."""
    ranked = sorted(regions, key=lambda e: -len(e.mentions))
    if not ranked or len(ranked[0].mentions) < 3:
        return None
    if len(ranked) > 1 and len(ranked[0].mentions) < 2 * len(ranked[1].mentions):
        return None
    return ranked[0]


def _title_platform(
    sentences: Sequence[Sentence], entities: Sequence[Entity], title: str, home: Entity | None
) -> Entity | None:
    """A platform the title names when the home place is a region (徐汇区建设上海人工智能创新集聚区
    发展规划): the plan's own platform, which its kind word (集聚区) stands for."""
    if home is None or home.type != "Region" or not sentences or sentences[0].text.strip() != title.strip():
        return None
    first = sentences[0].id
    named = [e for e in entities if e.type == "Platform" and any(m.sentence == first for m in e.mentions)]
    return max(named, key=lambda e: len(e.mentions)) if named else None


def _heading_subject(text: str, ms: list[MentionView]) -> Entity | None:
    """An article heading that is a place's name (（一）海沧集成电路产业园。): that place, the implied
    subject of the article's sentences (the same paragraph)."""
    m = HEADING.match(text)
    if m is None:
        return None
    s, e = m.span("name")
    names = sorted(
        (x for x in ms if x.end == e and s <= x.start and x.entity.type == "Platform"), key=lambda x: x.start
    )
    return names[0].entity if names else None


def _industry_forms(entities: Sequence[Entity]) -> tuple[tuple[str, Entity], ...]:
    """Chinese forms of the document's industries, longest first; a form inside a longer one
    (显示 in 柔性显示) is left to the longer."""
    forms: dict[str, Entity] = {}
    for e in entities:
        if e.type == "Industry":
            for f in (e.name, *e.aliases, *(m.text for m in e.mentions)):
                if f and len(f) >= 2 and not f.isascii():
                    forms.setdefault(f, e)
    ordered = sorted(forms.items(), key=lambda kv: -len(kv[0]))
    joined = "\n".join(f for f, _ in ordered)
    out = []
    for f, e in ordered:
        i = joined.find(f)
        inside_other = False
        while i >= 0:  # f inside a longer form of another industry
            line_start = joined.rfind("\n", 0, i) + 1
            line_end = joined.find("\n", i)
            g = joined[line_start : line_end if line_end >= 0 else len(joined)]
            if len(g) > len(f) and forms[g] is not e:
                inside_other = True
                break
            i = joined.find(f, i + 1)
        if not inside_other:
            out.append((f, e))
    return tuple(out)
