"""A format's module is imported only when the format is used (start-up of `gate` and JSON reports)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    probe = f"import sys; sys.path.insert(0, {str(ROOT)!r}); {code}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    return set(out.stdout.split())


def test_the_registry_imports_no_format_until_one_is_used() -> None:
    loaded = imported_after("from factcheck.report import FORMATS; sorted(FORMATS)")
    assert "factcheck.report.html" not in loaded and "jinja2" not in loaded
    used = imported_after("from factcheck.report import FORMATS; FORMATS['html']")
    assert "factcheck.report.html" in used


def test_an_unknown_format_names_the_known_ones() -> None:
    from factcheck.report import render
    try:
        render(None, "pdf")  # type: ignore[arg-type]
    except KeyError as error:
        assert "known: github, html, json, junit, markdown, sarif, text" in str(error)
    else:
        raise AssertionError("no KeyError")
