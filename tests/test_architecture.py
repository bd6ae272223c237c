"""The extractor's layout holds: no import cycles, no module importing another's private names, a
language-neutral core, languages as peers reached through one table, and extraction never
importing the graph layer."""

import ast
from pathlib import Path

import pytest

from extract.languages import LANGUAGES, language

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extract"


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, list[tuple[str, list[str]]]]:
    """module -> [(imported module, names taken from it)] for every module of extract/."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: list[tuple[str, list[str]]] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                target = (base + "." + node.module if node.module else base) if node.level else str(node.module)
                names = [a.name for a in node.names]
                subs = [
                    f"{target}.{n}"
                    for n in names
                    if (PACKAGE.parent / (f"{target}.{n}".replace(".", "/") + ".py")).exists()
                ]
                found += [(s, []) for s in subs] or [(target, names)]
            elif isinstance(node, ast.Import):
                found += [(a.name, []) for a in node.names]
        out[name] = found
    return out


IMPORTS = _imports()
OURS = set(IMPORTS)


def test_no_import_cycles_in_extract():
    graph = {m: {t for t, _ in deps if t in OURS and t != m} for m, deps in IMPORTS.items()}
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in graph[m]:
            if state.get(t) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(t) :] + [t]))
            if t not in state:
                visit(t, path + [t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_no_module_imports_another_modules_private_names():
    private = [
        (m, t, n)
        for m, deps in IMPORTS.items()
        for t, names in deps
        for n in names
        if n.startswith("_") and not n.startswith("__") and t.startswith("extract")
    ]
    assert not private


def test_extraction_does_not_import_the_graph_layer():
    assert not [(m, t) for m, deps in IMPORTS.items() for t, _ in deps if t == "kg" or t.startswith("kg.")]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_the_core_and_the_other_languages_do_not_import_a_language(lang):
    own = f"extract.{lang}"
    outside = [
        (m, t)
        for m, deps in IMPORTS.items()
        if not m.startswith(own)
        for t, _ in deps
        if t == own or t.startswith(own + ".")
    ]
    assert not outside  # a language is reached only through the table (extract/languages.py)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_language_implements_the_protocol(lang):
    rules = language(lang)
    assert rules.code == lang
    for stage in (
        "matching_text",
        "split_sentences",
        "nlp",
        "divisions",
        "mentions",
        "labels",
        "indicators",
        "relations",
    ):
        assert callable(getattr(rules, stage)), stage


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language 'fr': use zh or en"):
        language("fr")
