"""What a format may need besides the report: how the output is shown.

The fields after `show_unverified` are for the CI formats (sarif, junit, github) and the gate. Each has
an empty default, so `factcheck report` and the existing formats render exactly as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from factcheck import __version__
from factcheck.rules.model import Rule


@dataclass(frozen=True)
class RenderContext:
    color: bool = False  # ANSI colours in text output (a terminal)
    width: int = 100  # columns of text output
    version: str = __version__
    show_unverified: bool = True
    # finding id -> the baseline's reason: accepted findings, shown as suppressed (SARIF) or skipped (JUnit)
    suppressions: Mapping[str, str] = field(default_factory=dict)
    # the claims files (as shown in findings) a change touched; None: every file (a full report)
    changed_paths: frozenset[str] | None = None
    # the verdicts that fail the check (the gate's --fail-on); a full report fails on conflicts
    failing_verdicts: tuple[str, ...] = ("conflict",)
    # the rules that ran, for SARIF's rule descriptions; when empty, rules are described from the findings
    rules: tuple[Rule, ...] = ()
    # finding ids that would fail but rest on unreviewed claims, by the gate's --unreviewed policy:
    # `warned` are shown as warnings, `ignored` are left out of the verdict (docs/ci.md)
    warned: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    # finding ids of a failing verdict from rules below the gate's --fail-on severity: shown, not failing
    below_level: frozenset[str] = frozenset()
