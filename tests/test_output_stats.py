"""What a built graph holds: counts by type and relation, most connected, unmapped industries."""

from handmade import handmade_extraction

from kg.output.stats import compute


def test_stats_counts_and_unmapped_industries():
    x = handmade_extraction()
    odd = x.entities[0].__class__(
        id="Industry/n-odd", type="Industry", name="四区四中心", mentions=x.entities[0].mentions
    )
    x = x.__class__(x.document, x.entities + (odd,), x.relations, x.indicators)
    s = compute([x], top=3)
    assert dict(s.entities_by_type) == {"Platform": 3, "Institution": 1, "Industry": 5}
    assert dict(s.relations_by_type) == {"SERVES": 4, "HAS_INDICATOR": 1}
    assert s.indicators == 1 and s.documents == 1
    assert s.unmapped_industries == ("四区四中心",)
    assert s.most_connected[0].degree == 2 and s.most_connected[0].name_zh == "生物医药"
