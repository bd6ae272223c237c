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


def test_entries_without_an_english_name_do_not_clash():
    """An empty name_en is no form: two entries without a published English name load together."""
    rows = [
        "id\ttype\tname_zh\tname_en\taliases_zh\taliases_en\tsource",
        "a\tPlatform\t甲开发区\t\t\t\tx",
        "b\tPlatform\t乙开发区\t\t\t\tx",
    ]
    r = parse_registry(rows)
    assert [e.id for e in r.entries] == ["a", "b"]
    assert r.lookup("") is None


def test_shipped_registry_loads_the_gazetteers():
    """The gazetteers (extract/lexicon/gazetteers/*.tsv) are part of the shipped registry: a
    national high-tech zone, a provincial zone's short form and a Double First-Class university."""
    r = load_registry()
    zone = r.lookup("中关村科技园区")
    assert zone is not None and zone.type == "Platform"
    short = r.lookup("延庆经济开发区")
    assert short is not None and short.name_zh == "北京延庆经济开发区"
    uni = r.lookup("南开大学")
    assert uni is not None and uni.type == "Institution"
    assert len(r.entries) > 3000


def test_a_bad_gazetteer_row_names_its_file_and_line(tmp_path, monkeypatch):
    """A gazetteer row in the wrong shape is an error naming the gazetteer file and line."""
    import pytest

    from extract import registry as registry_module
    from extract.tables import TableError

    folder = tmp_path / "gazetteers"
    folder.mkdir()
    (folder / "bad.tsv").write_text(
        "id\ttype\tname_zh\tname_en\taliases_zh\taliases_en\tsource\tmatch\nx\tNotAType\t某区\t\t\t\tsrc\t\n", "utf-8"
    )
    monkeypatch.setattr(registry_module, "_gazetteer_folder", lambda: folder)
    with pytest.raises(TableError, match=r"bad\.tsv:2"):
        registry_module._registry(registry_module.gazetteer_rows())
