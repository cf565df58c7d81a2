"""Guards on the shape of the tree: the test tree's own rules and the size and import
limits of src/ (no file over 700 lines, no class over 400, no function over 120; no
importlib in the pipeline's stages; no private name imported across packages; one
write across stages)."""

import ast
import re
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
PACKAGE = SRC / "chronicle"
STAGES = ("places", "times", "actors", "events")


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts)


def _package(module: str) -> str:
    """The package a module belongs to ("chronicle.events.__init__" belongs to chronicle.events)."""
    return module.rsplit(".", 1)[0]


def _length(node: ast.AST) -> int:
    return node.end_lineno - node.lineno + 1


def test_test_modules_have_unique_basenames_outside_packages():
    # pytest's default import mode puts each test folder without __init__.py on sys.path,
    # so two test_x.py in such folders collide and the whole suite fails to collect.
    names = Counter(
        p.name for p in TESTS.rglob("test_*.py") if not (p.parent / "__init__.py").exists()
    )
    assert [n for n, c in names.items() if c > 1] == []


def test_no_source_file_class_or_function_over_its_limit():
    too_long = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(SRC)
        if len(text.splitlines()) > 700:
            too_long.append(f"{rel}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and _length(node) > 400:
                too_long.append(f"{rel}: class {node.name} {_length(node)} lines")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _length(node) > 120:
                too_long.append(f"{rel}: def {node.name} {_length(node)} lines")
    assert too_long == []


def test_stages_import_their_code_directly():
    # importlib.resources reads a stage's data files; importing code by name
    # (import_module, __import__) hides an arrow from the import graph
    found = []
    stage_files = [p for p in _modules() if p.relative_to(PACKAGE).parts[0] in STAGES
                   or p.name in ("pipeline.py", "stage.py")]
    for path in stage_files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(a.name == "importlib" for a in node.names):
                found.append(f"{path.relative_to(SRC)}: import importlib")
            elif isinstance(node, ast.ImportFrom) and node.module == "importlib" and any(
                    a.name == "import_module" for a in node.names):
                found.append(f"{path.relative_to(SRC)}: importlib.import_module")
            elif isinstance(node, ast.Name) and node.id == "__import__":
                found.append(f"{path.relative_to(SRC)}: __import__")
    assert found == []


def test_no_private_name_is_imported_from_another_package():
    crossings = []
    for path in _modules():
        module = _name(path)
        here = _package(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("chronicle")):
                continue
            target = PACKAGE.parent / Path(*node.module.split("."))
            there = node.module if (target / "__init__.py").exists() else node.module.rsplit(".", 1)[0]
            for alias in node.names:
                if alias.name.startswith("_") and there != here:
                    crossings.append(f"{module} imports {node.module}.{alias.name}")
    assert crossings == []


def test_only_annotations_write_across_stages():
    # a stage returns its own list; the one allowed write to another stage's list is
    # Annotations.add_actor / add_actor_mention (chronicle/stage.py)
    write = re.compile(r"\bann\.(places|times|actors|events)(\.(append|extend|insert|remove|pop|clear|sort)\(|\[[^\]]*\]\s*=[^=])")
    found = [f"{p.relative_to(SRC)}:{n}" for p in _modules() if p.name != "stage.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if write.search(line)]
    assert found == []
