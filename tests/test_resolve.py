"""Resolution: mentions grouped into entities, each stretch of text one mention of its entity."""

from snippets import extract_snippet


def test_overlapping_mentions_of_one_entity_count_once():
    """A quoted label and the name inside its quotes, or a sector and its 产业 form at the same
    place, are one mention of the entity, not two."""
    _, _, x = extract_snippet("举办“波罗诞”等民俗活动。大力发展生物技术产业。")
    for e in x.entities:
        spans = sorted((m.start, m.end) for m in e.mentions)
        assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:], strict=False)), (e.name, spans)
    assert any(e.name.strip("“”") == "波罗诞" and len(e.mentions) == 1 for e in x.entities)
