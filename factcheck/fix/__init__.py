"""Repairs of claims files in their own text: `factcheck fix` (`repair`) and `factcheck claim add` (`claim`),
both editing YAML as text (`yaml_edit`) so that what a person wrote stays as it was."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from factcheck.fix.repair import FilePlan, Repair, plan_repairs
from factcheck.load.write import file_lock, write_atomic


def fix_file(path: Path, *, accept_source_changes: bool = False, write: bool = True) -> FilePlan:
    """Plan the repairs of one claims file and (with `write`) write them atomically, under the lock
    `extract` takes, so a concurrent extract into the same file is not lost."""
    if not write:
        return plan_repairs(path, accept_source_changes=accept_source_changes)
    with file_lock(path):
        plan = plan_repairs(path, accept_source_changes=accept_source_changes)
        if plan.changed:
            write_atomic(path, plan.fixed)
    return plan


def unified_diff(plan: FilePlan, shown: str) -> Iterable[str]:
    """The change as a unified diff (`a/PATH`, `b/PATH`), one line at a time."""
    return difflib.unified_diff(plan.original.splitlines(keepends=True), plan.fixed.splitlines(keepends=True),
                                fromfile=f"a/{shown}", tofile=f"b/{shown}")


__all__ = ["FilePlan", "Repair", "fix_file", "plan_repairs", "unified_diff"]
