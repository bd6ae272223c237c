"""Rules that read a name or a relation beyond its own sentence, and the cues added for unseen
texts (extract3): one name one thing across a document, title subjects, company short names,
science facilities, campuses. Every snippet is written for this test (no gold or sample text)."""
from extract.pipeline import extract_text


def extract(body: str, title: str = "某某市发展规划"):
    x = extract_text(title + "\n\n" + body + "\n", "t")
    names = {e.id: e.name for e in x.entities}
    ents = {(e.type, e.name) for e in x.entities}
    rels = {(names[r.head], r.type, names[r.tail]) for r in x.relations}
    return ents, rels, x


def test_a_name_found_once_names_the_same_thing_elsewhere_in_the_document():
    ents, rels, x = extract("引进星澜光电、云帆微电子等龙头企业。星澜光电落户东湖片区。")
    assert ("Enterprise", "星澜光电") in ents
    assert ("星澜光电", "LOCATED_IN", "东湖片区") in rels
    firm = next(e for e in x.entities if e.name == "星澜光电")
    assert len(firm.mentions) == 2                  # the second sentence is evidence too


def test_an_echo_never_cuts_into_a_word():
    ents, _, x = extract("引进星澜光电、云帆微电子等龙头企业。推进星澜光电子城建设。")
    firm = next(e for e in x.entities if e.name == "星澜光电")
    assert len(firm.mentions) == 1                  # 光电子: another word
