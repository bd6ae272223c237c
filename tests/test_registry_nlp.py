import jieba

from extract.nlp import pipeline, private_jieba
from extract.registry import load_registry, parse_registry


def test_registry_resolves_aliases_in_both_languages():
    r = load_registry()
    kc = r.lookup("知识城")
    assert kc is not None and kc.type == "Platform"
    assert r.lookup("Guangzhou Knowledge City") is kc
    assert r.lookup("中新广州知识城") is kc


def test_registry_rejects_a_form_naming_two_entries():
    rows = ["id\ttype\tname_zh\tname_en\taliases_zh\taliases_en\tsource",
            "a\tRegion\t甲\tA\t乙\t\tx", "b\tRegion\t乙\tB\t\t\tx"]
    try:
        parse_registry(rows)
    except ValueError as exc:
        assert "already names a" in str(exc)
    else:
        raise AssertionError("duplicate form accepted")


def test_private_jieba_leaves_global_tokenizer_alone():
    tok = private_jieba(["将军山数字创新园"])
    assert "将军山数字创新园" in list(tok.cut("建设将军山数字创新园"))
    assert "将军山数字创新园" not in list(jieba.cut("建设将军山数字创新园"))


def test_zh_pipeline_segments_with_jieba_and_matches_registry():
    nlp = pipeline("zh")
    doc = nlp("依托中新广州知识城发展生物医药产业")
    assert "中新广州知识城" in [t.text for t in doc]
    assert ("中新广州知识城", "Platform") in [(e.text, e.label_) for e in doc.ents]
