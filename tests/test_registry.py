"""The bilingual registry: aliases in both languages, and a form naming two entries is refused."""

from extract.registry import load_registry, parse_registry


def test_registry_resolves_aliases_in_both_languages():
    r = load_registry()
    kc = r.lookup("知识城")
    assert kc is not None and kc.type == "Platform"
    assert r.lookup("Guangzhou Knowledge City") is kc
    assert r.lookup("中新广州知识城") is kc


def test_registry_rejects_a_form_naming_two_entries():
    rows = [
        "id\ttype\tname_zh\tname_en\taliases_zh\taliases_en\tsource",
        "a\tRegion\t甲\tA\t乙\t\tx",
        "b\tRegion\t乙\tB\t\t\tx",
    ]
    try:
        parse_registry(rows)
    except ValueError as exc:
        assert "already names a" in str(exc)
    else:
        raise AssertionError("duplicate form accepted")
