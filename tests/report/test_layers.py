"""Imports run one way, down the pipeline: the model, loading, comparators, the engine and the report
formats never import the gate or the command line (finding identity lives with findings)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"
LOWER = ("model", "load", "comparators", "engine", "report")
UPPER = ("factcheck.gate", "factcheck.cli")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("layer", LOWER)
def test_lower_layers_never_import_the_gate_or_the_cli(layer: str) -> None:
    upward = {f"{path.relative_to(PACKAGE)}: {name}" for path in (PACKAGE / layer).rglob("*.py")
              for name in imported_modules(path) if name.startswith(UPPER)}
    assert upward == set()


def test_the_identity_module_has_one_home() -> None:
    assert (PACKAGE / "engine" / "identity.py").is_file()
    assert not (PACKAGE / "gate" / "identity.py").exists()
