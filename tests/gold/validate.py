#!/usr/bin/env python3
"""Validate held-out gold files against the annotation guide (tests/gold/README.md).

Usage:  python3 validate.py [GOLD.json ...]      (default: every *.gold.json next to this script)

Checks, for every gold file:
  * the JSON parses and has the keys document / entities / relations / indicators;
  * document.id equals the file stem, lang is zh|en, tuned is a bool; held-out (tuned false) texts live at
    tests/gold/texts/<id>.txt;
  * the text exists (next to the gold file, or at <repo>/<source>);
  * entity types are valid; names are unique; every name and alias is a verbatim substring of the
    text -- except a name rebuilt from a list with elided heads (有轨电车1、2号线 -> 有轨电车2号线),
    which is accepted only when that list is found in the text (reported as a note);
  * no normalised surface form (name or alias) is shared by two entities;
  * relation types are valid, head/tail name existing entities, head/tail types fit the guide's
    table, relations are not duplicated (COOPERATES_WITH either way round), evidence is verbatim;
  * indicators: subject is null or an entity name, value is a number, comparator/status are valid,
    year is an int or null, unit/metric are strings, evidence is verbatim; a value that cannot be
    found in its evidence is reported as a warning (Chinese numerals such as 千亿级 are expected there).
  * real published texts (document.source "real:<id>", tests/gold/real/): the text is the cached
    text of data/real/manifest.tsv, evidence is {"start", "end"} offsets into it, never a quote.
    Without the cache (CI) only what needs no text is checked; with it, the text's SHA-256 must
    equal the gold's and the manifest's, and every check above runs.
Exit status 0 when no errors were found.
"""

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ENTITY_TYPES = {"Region", "Platform", "Institution", "Enterprise", "Industry", "Project", "Initiative", "Event"}
ANY = set(ENTITY_TYPES)
PLACE = {"Platform", "Region"}
COOP = {"Region", "Platform", "Institution"}
RELATION_TYPES = {
    # type: (allowed head types, allowed tail types)
    "SERVES": ({"Platform", "Institution", "Project"}, {"Industry"}),
    "LOCATED_IN": (ANY, PLACE),
    "PART_OF": ({"Platform"}, PLACE),
    "ANCHORED_BY": ({"Platform"}, {"Enterprise", "Institution"}),
    "COOPERATES_WITH": (COOP, COOP),
    "OPERATES_IN": ({"Enterprise"}, {"Industry"}),
}
COMPARATORS = {">", ">=", "=", "~", "<=", "<"}
STATUSES = {"target", "achieved"}
QUOTES = "“”\"《》‘’'「」"
LIST_SEP = r"(?:\s*(?:、|,|，|和|及|与|and)\s*)"


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES)


def elided_list_ok(name, aliases, text):
    """True when `name` is an item of a list with elided heads that is written in `text`."""
    # (a) 有轨电车1、2号线 -> 有轨电车1号线 / 有轨电车2号线
    m = re.match(r"^(.*?)(\d+)(\D*)$", name)
    if m:
        pre, num, suf = m.groups()
        if pre:
            pat = re.escape(pre) + r"(?:\d+" + LIST_SEP + r")*" + num + r"(?:" + LIST_SEP + r"\d+)*" + re.escape(suf)
            for mm in re.finditer(pat, text):
                nums = re.findall(r"\d+", mm.group(0)[len(pre) :])
                if num in nums:
                    return True
    # (b) 地铁6号线二期、10号线南延段 -> 地铁10号线南延段 (alias 10号线南延段 written, head before it)
    for a in aliases:
        if a and name.endswith(a) and a in text:
            head = name[: -len(a)]
            if not head:
                continue
            for mm in re.finditer(re.escape(a), text):
                window = text[max(0, mm.start() - 40) : mm.start()]
                if head in window and re.search(LIST_SEP + "$", window):
                    return True
    return False


CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
EN_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def cn_to_int(run):
    """一千 / 千 / 五百 / 两千 / 三十 -> int (enough for scale words such as 千亿级, 五百亿级)."""
    total, digit = 0, None
    for ch in run:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def value_in_evidence(value, evidence):
    ev = evidence.replace(",", "").replace("，", "")
    ev = re.sub(r"[零一二两三四五六七八九十百千]+", lambda m: str(cn_to_int(m.group(0))), ev)
    ev = re.sub(r"\b(" + "|".join(EN_WORDS) + r")\b", lambda m: str(EN_WORDS[m.group(1).lower()]), ev, flags=re.I)
    candidates = set()
    if isinstance(value, (int, float)):
        if float(value).is_integer():
            candidates.add(str(int(value)))
        candidates.add(repr(float(value)).rstrip("0").rstrip("."))
        candidates.add(f"{value:g}")
    return any(c and c in ev for c in candidates)


ROOT = Path(__file__).resolve().parents[2]


def real_corpus():
    """scripts/real_corpus.py, loaded by path (it is a script, not a package module)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "scripts" / "real_corpus.py")
    if spec is None or spec.loader is None:
        raise ImportError("cannot load scripts/real_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_corpus"] = module
    spec.loader.exec_module(module)
    return module


def evidence_text(ev, text, real):
    """The evidence as a string: a quote for team-written texts, text[start:end] for real ones;
    None when it is malformed (or, for real texts, when the cache is absent: text is None)."""
    if not real:
        return ev if isinstance(ev, str) and ev and ev in text else None
    if not (
        isinstance(ev, dict)
        and set(ev) == {"start", "end"}
        and all(isinstance(ev[k], int) and not isinstance(ev[k], bool) for k in ev)
    ):
        return None
    if text is None:
        return "" if 0 <= ev["start"] < ev["end"] else None
    return text[ev["start"] : ev["end"]] if 0 <= ev["start"] < ev["end"] <= len(text) else None


def real_text(doc, errors, warnings):
    """The cached text of a real document, checked against the gold's and the manifest's hash."""
    rc = real_corpus()
    doc_id = doc["source"][len("real:") :]
    rows = {r.id: r for r in rc.read_manifest()}
    if doc_id not in rows:
        errors.append(f"document.source {doc['source']!r}: no such id in data/real/manifest.tsv")
        return None
    if doc.get("sha256") != rows[doc_id].sha256:
        errors.append("document.sha256 differs from the manifest's")
    path = rc.text_path(doc_id)
    if not path.exists():
        warnings.append(f"cached text {path} absent: text checks skipped")
        return None
    text = path.read_text(encoding="utf-8")
    if rc.sha256_text(text) != rows[doc_id].sha256:
        errors.append(f"cached text {path} differs from its manifest hash")
        return None
    return text


def validate(gold_path):
    errors: list[str] = []
    warnings: list[str] = []
    notes: list[str] = []
    gold_path = Path(gold_path)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        return [f"JSON does not parse: {exc}"], [], [], None

    for key in ("document", "entities", "relations", "indicators"):
        if key not in gold:
            errors.append(f"missing top-level key {key!r}")
    if errors:
        return errors, warnings, notes, None

    doc = gold["document"]
    stem = gold_path.name[: -len(".gold.json")]
    for key in ("id", "title", "lang", "source", "tuned"):
        if key not in doc:
            errors.append(f"document: missing {key!r}")
    if doc.get("id") != stem:
        errors.append(f"document.id {doc.get('id')!r} != file stem {stem!r}")
    if doc.get("lang") not in ("zh", "en"):
        errors.append(f"document.lang {doc.get('lang')!r} not zh|en")
    if not isinstance(doc.get("tuned"), bool):
        errors.append("document.tuned must be true or false")
    real = str(doc.get("source", "")).startswith("real:")
    if real:
        if doc.get("source") != f"real:{stem}":
            errors.append(f"document.source {doc.get('source')!r} != real:{stem}")
            return errors, warnings, notes, None
        text = real_text(doc, errors, warnings)
        if errors:
            return errors, warnings, notes, None
    else:
        if doc.get("tuned") is False and doc.get("source") != f"tests/gold/texts/{stem}.txt":
            errors.append(f"document.source {doc.get('source')!r} != tests/gold/texts/{stem}.txt")
        text_path = gold_path.with_name(stem + ".txt")
        if not text_path.exists():
            for parent in gold_path.resolve().parents:
                cand = parent / doc.get("source", "")
                if cand.exists():
                    text_path = cand
                    break
        if not text_path.exists():
            errors.append(f"text not found for {stem}")
            return errors, warnings, notes, None
        text = text_path.read_text(encoding="utf-8")
    in_text = (lambda form: True) if text is None else (lambda form: form in text)

    # ---- entities
    by_name = {}
    form_owner: dict[str, str] = {}
    for i, ent in enumerate(gold["entities"]):
        where = f"entity[{i}] {ent.get('name')!r}"
        if set(ent) - {"type", "name", "aliases"}:
            errors.append(f"{where}: unexpected keys {sorted(set(ent) - {'type', 'name', 'aliases'})}")
        etype, name, aliases = ent.get("type"), ent.get("name"), ent.get("aliases", [])
        if etype not in ENTITY_TYPES:
            errors.append(f"{where}: invalid type {etype!r}")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: empty or non-string name")
            continue
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            errors.append(f"{where}: aliases must be a list of non-empty strings")
            aliases = [a for a in aliases if isinstance(a, str) and a] if isinstance(aliases, list) else []
        if name in by_name:
            errors.append(f"{where}: duplicate entity name")
        by_name[name] = ent
        if not in_text(name):
            if elided_list_ok(name, aliases, text):
                notes.append(f"{where}: name rebuilt from a list with elided heads")
            else:
                errors.append(f"{where}: name is not a verbatim substring of the text")
        for a in aliases:
            if not in_text(a):
                errors.append(f"{where}: alias {a!r} is not a verbatim substring of the text")
            if a == name:
                warnings.append(f"{where}: alias repeats the name")
        for form in {norm(name), *(norm(a) for a in aliases)}:
            if form in form_owner and form_owner[form] != name:
                errors.append(f"{where}: surface form {form!r} shared with entity {form_owner[form]!r}")
            form_owner.setdefault(form, name)

    # ---- relations
    seen = set()
    for i, rel in enumerate(gold["relations"]):
        where = f"relation[{i}] {rel.get('head')!r} {rel.get('type')} {rel.get('tail')!r}"
        rtype = rel.get("type")
        if rtype not in RELATION_TYPES:
            errors.append(f"{where}: invalid relation type")
            continue
        head, tail = by_name.get(rel.get("head")), by_name.get(rel.get("tail"))
        if head is None:
            errors.append(f"{where}: head is not an entity name")
        if tail is None:
            errors.append(f"{where}: tail is not an entity name")
        if head is not None and tail is not None:
            hts, tts = RELATION_TYPES[rtype]
            if head["type"] not in hts:
                errors.append(f"{where}: head type {head['type']} not allowed for {rtype}")
            if tail["type"] not in tts:
                errors.append(f"{where}: tail type {tail['type']} not allowed for {rtype}")
            if rel.get("head") == rel.get("tail"):
                errors.append(f"{where}: head equals tail")
        rel_key: tuple[str, ...] = (rtype, rel.get("head"), rel.get("tail"))
        if rtype == "COOPERATES_WITH":
            rel_key = (rtype, *sorted((rel.get("head"), rel.get("tail"))))
        if rel_key in seen:
            errors.append(f"{where}: duplicate relation")
        seen.add(rel_key)
        if evidence_text(rel.get("evidence"), text, real) is None:
            errors.append(f"{where}: evidence is not a verbatim substring (real text: offsets) of the text")

    # ---- indicators
    for i, ind in enumerate(gold["indicators"]):
        where = f"indicator[{i}] {ind.get('metric')!r}={ind.get('value')!r}{ind.get('unit')!r}"
        for key in ("subject", "metric", "value", "unit", "comparator", "year", "status", "evidence"):
            if key not in ind:
                errors.append(f"{where}: missing {key!r}")
        subj = ind.get("subject")
        if subj is not None and subj not in by_name:
            errors.append(f"{where}: subject {subj!r} is not an entity name")
        val = ind.get("value")
        if isinstance(val, bool) or not isinstance(val, (int, float)):
            errors.append(f"{where}: value is not a number")
        if not isinstance(ind.get("unit"), str):
            errors.append(f"{where}: unit is not a string")
        if not isinstance(ind.get("metric"), str) or not ind.get("metric"):
            errors.append(f"{where}: metric is not a non-empty string")
        if ind.get("comparator") not in COMPARATORS:
            errors.append(f"{where}: invalid comparator {ind.get('comparator')!r}")
        year = ind.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            errors.append(f"{where}: year must be an int or null")
        if ind.get("status") not in STATUSES:
            errors.append(f"{where}: invalid status {ind.get('status')!r}")
        ev = evidence_text(ind.get("evidence"), text, real)
        if ev is None:
            errors.append(f"{where}: evidence is not a verbatim substring (real text: offsets) of the text")
        elif ev and isinstance(val, (int, float)) and not value_in_evidence(val, ev):
            warnings.append(f"{where}: value not written as digits in its evidence ({ev})")
        period_years = {
            "十三五": 2020,
            "十四五": 2025,
            "13th Five-Year": 2020,
            "14th Five-Year": 2025,
            "二〇三五": 2035,
            "二〇二五": 2025,
        }
        if (
            isinstance(year, int)
            and ev
            and str(year) not in ev
            and not any(k in ev and y == year for k, y in period_years.items())
        ):
            warnings.append(f"{where}: year {year} not written in the evidence")

    counts = {
        "entities": Counter(e.get("type") for e in gold["entities"]),
        "n_entities": len(gold["entities"]),
        "relations": Counter(r.get("type") for r in gold["relations"]),
        "n_relations": len(gold["relations"]),
        "n_indicators": len(gold["indicators"]),
        "han_chars": len(re.findall(r"[\u4e00-\u9fff]", text or "")),
        "chars": len(text or ""),
        "lang": doc.get("lang"),
    }
    return errors, warnings, notes, counts


def main(argv):
    here = Path(__file__).resolve().parent
    paths = [Path(p) for p in argv] or sorted(here.glob("*.gold.json"))
    if not paths:
        print("no gold files found")
        return 1
    n_err = 0
    for p in paths:
        errors, warnings, notes, counts = validate(p)
        status = "OK" if not errors else f"{len(errors)} ERROR(S)"
        print(f"== {p.name}: {status}")
        for e in errors:
            print("  ERROR  ", e)
        for w in warnings:
            print("  warning", w)
        for n in notes:
            print("  note   ", n)
        if counts:
            ents = ", ".join(f"{t} {c}" for t, c in sorted(counts["entities"].items()))
            rels = ", ".join(f"{t} {c}" for t, c in sorted(counts["relations"].items()))
            size = f"{counts['han_chars']} Han chars" if counts["lang"] == "zh" else f"{counts['chars']} chars"
            print(f"  text: {size}")
            print(f"  entities {counts['n_entities']} ({ents})")
            print(f"  relations {counts['n_relations']} ({rels})")
            print(f"  indicators {counts['n_indicators']}")
        n_err += len(errors)
    print(f"\n{len(paths)} file(s), {n_err} error(s)")
    return 0 if n_err == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
