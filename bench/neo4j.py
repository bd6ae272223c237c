"""Benchmark: batched vs row-by-row loading into the project's own Neo4j (wipes its database).

A synthetic graph (default 40 documents; ≥100k nodes and ≥200k relationships) goes through the
real loader (kg.neo4j.load.load) twice in the same run:
  batched     — parameterised UNWIND statements of --batch rows, one transaction per document;
  row-by-row  — the same statements with one row each (batch=1), same per-document transactions,
                on the first --row-docs documents only (measured, then reported per element).
The batched loader is also timed on that same sample, so both ratios (full run and like-for-like
sample) are reported. Results go to stdout and, with --write-results, to bench/RESULTS.md.

    POLICYKG_NEO4J_HEAP=2g POLICYKG_NEO4J_PAGECACHE=2g policykg neo4j start
    python bench/neo4j.py --write-results
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this file is named neo4j.py: keep its folder off the path so `import neo4j` finds the driver
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from extract.ids import entity_id, entity_key, indicator_id  # noqa: E402
from extract.model import (  # noqa: E402
    ENTITY_TYPES,
    RELATION_TYPES,
    Document,
    Entity,
    Evidence,
    Extraction,
    Indicator,
    Relation,
    Section,
    Sentence,
)
from kg.neo4j.load import load  # noqa: E402
from kg.neo4j.rows import document_rows  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- bench/neo4j.py:start -->", "<!-- bench/neo4j.py:end -->"
SYLLABLES = "华南科技创新生物医药智能制造新能源材料数字经济产业园区研究院实验室集团公司中心基地"


def synthetic_document(
    n: int,
    rng: random.Random,
    entities: int,
    shared: list[tuple[str, str]],
    relations: int,
    indicators: int,
    per_section: int = 60,
) -> Extraction:
    """One document: entities with two mentions each, relations and targets, all with evidence."""
    doc_id = f"bench-doc-{n:03d}"
    names: list[tuple[str, str]] = []
    for k in range(entities):
        if shared and rng.random() < 0.1:
            names.append(rng.choice(shared))  # ~10% shared with other documents
        else:
            names.append((rng.choice(ENTITY_TYPES), f"{''.join(rng.sample(SYLLABLES, 4))}{n:03d}{k:05d}"))
    names = list(dict.fromkeys(names))
    # one sentence per entity: "<name>与<other>合作，到2025年产值达到<v>亿元。"
    sentences, text_parts, pos = [], [], 0
    for k, (_, name) in enumerate(names):
        other = names[(k + 1) % len(names)][1]
        s = f"{name}与{other}合作推进项目建设，到2025年产值达到{k % 900 + 10}亿元。"
        sentences.append(Sentence(f"s{k + 1:05d}", pos, pos + len(s), s, f"c{k // per_section + 1}"))
        text_parts.append(s)
        pos += len(s) + 1
    sections = tuple(
        Section(
            f"c{c + 1}",
            "chapter",
            c + 1,
            f"第{c + 1}章",
            sentences[c * per_section].start,
            sentences[min(len(sentences), (c + 1) * per_section) - 1].end,
        )
        for c in range((len(sentences) + per_section - 1) // per_section)
    )

    def ev(k: int, text: str) -> Evidence:
        s = sentences[k]
        at = s.text.index(text)
        return Evidence(s.id, s.start + at, s.start + at + len(text), text)

    ents = []
    for k, (type_, name) in enumerate(names):
        prev = (k - 1) % len(names)  # each name is also the "other" of the previous sentence
        ents.append(
            Entity(
                entity_id(type_, entity_key(name)),
                type_,
                name,
                f"Synthetic {n}-{k}",
                "generated",
                (f"{name}别名",),
                (ev(k, name), ev(prev, name)),
            )
        )
    rels = []
    for r in range(relations):
        k = r % len(ents)
        head, tail = ents[k], ents[(k + 1) % len(ents)]
        rels.append(
            Relation(
                head.id,
                RELATION_TYPES[r % len(RELATION_TYPES)],
                tail.id,
                ev(k, sentences[k].text[: len(head.name) + 1 + len(tail.name)]),
                "bench",
            )
        )
    inds = []
    for i in range(indicators):
        k = i * (len(sentences) // max(indicators, 1))
        sentence = sentences[k]
        figure = sentence.text[sentence.text.index("达到") + 2 : -1]
        e = ev(k, figure)
        inds.append(
            Indicator(
                indicator_id(doc_id, e.start, "产值", float(figure[:-2]), "亿元", ents[k].id),
                ents[k].id,
                "产值",
                float(figure[:-2]),
                "亿元",
                "=",
                2025,
                "target",
                e,
                "bench",
            )
        )
    doc = Document(
        doc_id,
        "\n".join(text_parts),
        f"合成文件{n}",
        source=f"{doc_id}.txt",
        body_end=pos,
        sections=sections,
        sentences=tuple(sentences),
    )
    return Extraction(doc, tuple(ents), tuple(rels), tuple(inds))


def synthetic_graph(docs: int, entities: int, relations: int, indicators: int, seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    shared = [(rng.choice(ENTITY_TYPES), f"共享实体{k:04d}") for k in range(2000)]
    return [synthetic_document(n, rng, entities, shared, relations, indicators) for n in range(docs)]


def wipe(driver) -> None:
    with driver.session() as session:  # CALL … IN TRANSACTIONS needs an implicit transaction
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def db_counts(driver) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
    return nodes, rels


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU time of the Neo4j process so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds on the clock
    server_cpu: float  # CPU seconds the Neo4j process used meanwhile
    client_cpu: float  # CPU seconds this Python process used meanwhile


def timed_load(driver, extractions, batch: int, pid: int) -> Timing:
    c0, p0, t0 = server_cpu_seconds(pid), time.process_time(), time.perf_counter()
    load(driver, extractions, taxonomy=None, batch=batch)
    return Timing(time.perf_counter() - t0, server_cpu_seconds(pid) - c0, time.process_time() - p0)


class AutoCommit:
    """Stands in for a transaction: every statement commits on its own (the naive per-row loader)."""

    def __init__(self, session):
        self.session = session

    def run(self, query, parameters=None, **kw):
        return self.session.run(query, parameters, **kw)


def autocommit_load(driver, extractions, pid: int) -> Timing:
    """The loader's own statements, one row each, each in its own auto-commit transaction."""
    from kg.neo4j.load import write_document
    from kg.neo4j.schema import ensure_schema

    c0, p0, t0 = server_cpu_seconds(pid), time.process_time(), time.perf_counter()
    ensure_schema(driver)
    with driver.session() as session:
        for x in extractions:
            write_document(AutoCommit(session), document_rows(x), 1)
    return Timing(time.perf_counter() - t0, server_cpu_seconds(pid) - c0, time.process_time() - p0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--entities", type=int, default=2600, help="entities per document")
    ap.add_argument("--relations", type=int, default=2000, help="relations per document")
    ap.add_argument("--indicators", type=int, default=100, help="indicators per document")
    ap.add_argument("--batch", type=int, default=5000, help="rows per UNWIND statement (batched run)")
    ap.add_argument("--row-docs", type=int, default=2, help="documents loaded row-by-row (the sample)")
    ap.add_argument(
        "--autocommit-docs",
        type=int,
        default=1,
        help="documents loaded row-by-row with a transaction per row (0: skip)",
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=2, help="warm-up rounds (4 documents batched, 1 row-by-row)")
    ap.add_argument("--write-results", action="store_true", help="replace this bench's section of bench/RESULTS.md")
    args = ap.parse_args()

    from kg.neo4j.client import open_driver
    from kg.neo4j.server import NEO4J_VERSION, local_settings, paths

    p = paths()
    if not p.password.exists():
        sys.exit("start the project's Neo4j first: policykg neo4j start (the bench wipes its database)")

    t0 = time.perf_counter()
    graph = synthetic_graph(args.docs, args.entities, args.relations, args.indicators, args.seed)
    sample = graph[: args.row_docs]
    print(
        f"synthetic graph: {len(graph)} documents, "
        f"{sum(document_rows(x).elements for x in graph):,} element writes (shared entities once per "
        f"document), generated in {time.perf_counter() - t0:.1f}s"
    )

    from kg.neo4j.server import running_pid

    pid = running_pid(p)
    if pid is None:
        sys.exit("the project's Neo4j is not running: policykg neo4j start")
    with open_driver(local_settings(p)) as driver:
        load_ = lambda xs, batch: timed_load(driver, xs, batch, pid)  # noqa: E731
        memory = {
            r["name"].split(".")[-2]: r["value"]
            for r in driver.execute_query(
                "SHOW SETTINGS YIELD name, value WHERE name IN "
                "['server.memory.heap.max_size', 'server.memory.pagecache.size'] RETURN name, value"
            ).records
        }
        for _ in range(args.warmup):  # warm-up: schema, query plans, the JVM's JIT
            wipe(driver)
            load_(graph[:4], args.batch)
            load_(graph[:1], 1)
        wipe(driver)
        batched = load_(graph, args.batch)
        nodes, rels = db_counts(driver)
        elements = nodes + rels  # distinct elements in the database
        big_enough = nodes >= 100_000 and rels >= 200_000
        reload = load_(graph, args.batch)  # every document replaced in place
        assert db_counts(driver) == (nodes, rels), "re-ingesting changed the counts"
        samples = []
        for _ in range(2):
            wipe(driver)
            samples.append(load_(sample, args.batch))
        batched_sample = min(samples, key=lambda t: t.wall)
        sample_counts = db_counts(driver)
        sample_elements = sum(sample_counts)
        wipe(driver)
        rows = load_(sample, 1)
        assert db_counts(driver) == sample_counts, "row-by-row and batched wrote different graphs"
        auto = None
        if args.autocommit_docs:
            auto_sample = graph[: args.autocommit_docs]
            wipe(driver)
            batched_auto_sample = load_(auto_sample, args.batch)
            auto_elements = sum(db_counts(driver))
            wipe(driver)
            auto = autocommit_load(driver, auto_sample, pid)
            assert sum(db_counts(driver)) == auto_elements, "auto-commit row-by-row wrote a different graph"
        wipe(driver)

    def line(what: str, n: int, t: Timing) -> str:
        return (
            f"| {what} | {n:,} | {t.wall:.2f} | {n / t.wall:,.0f} | {t.server_cpu:.1f} | "
            f"{n / max(t.server_cpu, 1e-9):,.0f} | {t.client_cpu:.1f} |"
        )

    rate, rate_rows = elements / batched.wall, sample_elements / rows.wall
    rate_sample = sample_elements / batched_sample.wall
    lines = [
        f"- run: {date.today().isoformat()}, Neo4j {NEO4J_VERSION} Community "
        f"(heap {memory.get('heap')}, page cache {memory.get('pagecache')}), "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the end; same machine and server for every row",
        f"- graph: {len(graph)} documents, {nodes:,} nodes, {rels:,} relationships "
        f"({elements:,} elements); sample for row-by-row: first {len(sample)} documents, {sample_elements:,} elements",
        "",
        "| run | elements | wall s | elements/s | server CPU s | elements per server CPU s | client CPU s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        line(f"batched ({args.batch} rows/statement), empty database", elements, batched),
        line("batched re-ingest of every document (replace in place)", elements, reload),
        line("batched, sample only (best of 2)", sample_elements, batched_sample),
        line("row-by-row (1 row/statement, one transaction per document), sample only", sample_elements, rows),
        *(
            [
                line(f"batched, first {args.autocommit_docs} document(s)", auto_elements, batched_auto_sample),
                line(
                    f"row-by-row, one transaction per row, first {args.autocommit_docs} document(s)",
                    auto_elements,
                    auto,
                ),
            ]
            if auto
            else []
        ),
        "",
        f"- batched vs row-by-row in per-document transactions: **{rate / rate_rows:.1f}×** "
        f"(full batched run vs row-by-row sample), "
        f"{rate_sample / rate_rows:.1f}× like for like on the sample",
        *(
            [
                f"- batched vs row-by-row with a transaction per row: **{rate / (auto_elements / auto.wall):.1f}×** "
                f"(full batched run), {(auto_elements / batched_auto_sample.wall) / (auto_elements / auto.wall):.1f}× "
                "like for like"
            ]
            if auto
            else []
        ),
        f"- row-by-row extrapolated to the whole graph: {elements / rate_rows / 60:.1f} min "
        f"(vs {batched.wall:.1f} s batched)",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write_results:
        if not big_enough:
            sys.exit("graph smaller than 100k nodes / 200k relationships: RESULTS.md left unchanged")
        write_results(report)


def write_results(report: str) -> None:
    section = (
        f"{START}\n## Neo4j loading — `bench/neo4j.py`\n\n"
        "Synthetic documents through the real loader (`kg.neo4j.load.load`): one managed transaction per "
        "document; *batched* sends parameterised UNWIND statements, *row-by-row* the same statements with "
        "one row each. Elements = nodes + relationships written. Goal: ≥ 20k elements/s batched, ≥ 10× "
        "row-by-row.\n\n"
        f"{report}\n{END}"
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
