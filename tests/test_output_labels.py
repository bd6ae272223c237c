"""One preferred label per language for every IRI, whatever the order of the documents."""

from collections import Counter

import opencc
from rdflib import SKOS, Literal

from extract.model import Entity, Evidence, Extraction
from extract.pipeline import make_document
from kg.batch.build import build
from kg.iri import iri
from kg.output.labels import label_votes, preferred, reconcile_lines
from kg.output.rdf import merged, parse, to_dataset


def one_entity_document(doc_id: str, name: str) -> Extraction:
    doc = make_document(f"{name}位于黄埔区。\n", doc_id)
    s = doc.sentences[0]
    e = Entity(
        id="Platform/n-test",
        type="Platform",
        name=name,
        name_en=None,
        name_en_source=None,
        aliases=(),
        mentions=(Evidence(s.id, 0, len(name), name),),
        registry_id=None,
    )
    return Extraction(document=doc, entities=(e,))


def pref_labels(graph, node):
    return sorted((str(o), o.language) for o in graph.objects(node, SKOS.prefLabel))


def test_the_rule_most_documents_then_code_point_order():
    assert preferred(Counter({"測試": 1, "测试": 2})) == "测试"
    assert preferred(Counter({"b": 1, "a": 1})) == "a"


def test_dataset_labels_do_not_depend_on_document_order():
    docs = [
        one_entity_document("c/d1", "測試園區"),
        one_entity_document("c/d2", "测试园区"),
        one_entity_document("c/d3", "测试园区"),
    ]
    node = iri("Platform/n-test")
    a, b = merged(to_dataset(docs)), merged(to_dataset(list(reversed(docs))))
    assert pref_labels(a, node) == pref_labels(b, node)
    zh = [label for label, lang in pref_labels(a, node) if lang == "zh"]
    assert zh == ["测试园区"]
    assert Literal("測試園區", lang="zh") in set(a.objects(node, SKOS.altLabel))
    assert Literal("测试园区", lang="zh") not in set(a.objects(node, SKOS.altLabel))


def test_graph_file_lines_are_reconciled():
    s = "<https://w3id.org/policykg/id/Platform/n-test>"
    frag1 = f'{s} <{SKOS.prefLabel}> "測試\\"園區"@zh .\n{s} <{SKOS.altLabel}> "测试园区"@zh .\n'
    frag2 = f'{s} <{SKOS.prefLabel}> "测试园区"@zh .\n'
    frag3 = f'{s} <{SKOS.prefLabel}> "测试园区"@zh .\n'
    chosen = label_votes([frag1, frag2, frag3])
    assert chosen == {(s, "zh"): "测试园区"}
    assert "".join(reconcile_lines(frag1, chosen)) == f'{s} <{SKOS.altLabel}> "測試\\"園區"@zh .\n'
    assert "".join(reconcile_lines(frag2, chosen)) == frag2


def test_a_document_and_its_traditional_version_build_a_valid_graph(tmp_path, sample_text):
    src = tmp_path / "in"
    src.mkdir()
    part = "\n".join(sample_text.splitlines()[:60]) + "\n"
    (src / "simplified.txt").write_text(part, encoding="utf-8")
    (src / "traditional.txt").write_text(opencc.OpenCC("s2t").convert(part), encoding="utf-8")
    report = build([src], tmp_path / "out")  # raises ShaclViolations when an IRI has two prefLabels@zh
    assert report.shacl.conforms and len(report.ok) == 2
    g = merged(parse(tmp_path / "out" / "graph.trig"))
    per_node = Counter((s, getattr(o, "language", None)) for s, o in g.subject_objects(SKOS.prefLabel))
    assert per_node and max(per_node.values()) == 1
    assert any(str(o) != str(opencc.OpenCC("t2s").convert(str(o))) for o in g.objects(None, SKOS.altLabel))
