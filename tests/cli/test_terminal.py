"""Colour and width decisions (cli/output.py), one convention each."""

from __future__ import annotations

import pytest

from factcheck.cli.output import PIPED_WIDTH, output_width, wants_color


@pytest.mark.parametrize(("flag", "environment", "terminal", "expected"), [
    (None, {}, True, True),
    (None, {}, False, False),
    (None, {"NO_COLOR": "1"}, True, False),
    (None, {"NO_COLOR": ""}, True, True),  # set but empty: as if unset (no-color.org)
    (None, {"FORCE_COLOR": "1"}, False, True),
    (None, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    (True, {"NO_COLOR": "1"}, False, True),
    (False, {"FORCE_COLOR": "1"}, True, False),
])
def test_colours(monkeypatch: pytest.MonkeyPatch, flag: bool | None, environment: dict[str, str], terminal: bool,
                 expected: bool) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert wants_color(flag, terminal) is expected


@pytest.mark.parametrize(("columns", "expected"), [(None, PIPED_WIDTH), ("80", 80), (" 132 ", 132), ("abc", PIPED_WIDTH),
                                                   ("0", PIPED_WIDTH), ("5", 20)])
def test_width_in_a_pipe(monkeypatch: pytest.MonkeyPatch, columns: str | None, expected: int) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    assert output_width(False) == expected
