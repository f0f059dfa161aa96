"""The comparators, by name: the built-in ones and those installed as plugins.

A rule names its comparator (`compare: {comparator: date}`). Built-ins are `date`, `length`,
`quantity`, `quote`, `scope`, `statement` and `exact`. A package adds its own under the entry-point group
`factcheck.comparators`, each entry point loading to a `Comparator`:

    [project.entry-points."factcheck.comparators"]
    currency = "mypackage.currency:COMPARATOR"
"""

from __future__ import annotations

from collections.abc import Collection
from importlib.metadata import entry_points

from factcheck.comparators import date, exact, length, quantity, quote, scope, statement
from factcheck.comparators.base import Comparator, Comparison, Context, Params, Verdict
from factcheck.comparators.date import DateInterval, resolve_interval
from factcheck.comparators.quote import normalize_quote
from factcheck.comparators.time import apply_time_varying

ENTRY_POINT_GROUP = "factcheck.comparators"
BUILTIN: dict[str, Comparator] = {
    module.COMPARATOR.name: module.COMPARATOR for module in (date, length, quantity, quote, scope, statement, exact)
}


class ComparatorPluginError(Exception):
    """An installed comparator plugin could not be loaded; the message names its entry point."""


def _load_plugin(entry: object) -> Comparator:
    name, value = getattr(entry, "name", "?"), getattr(entry, "value", "?")
    where = f"comparator plugin {name!r} (entry point {name} = {value} in group {ENTRY_POINT_GROUP})"
    try:
        loaded = entry.load()  # type: ignore[attr-defined]
    except Exception as error:  # a plugin's import can fail in any way; say which plugin
        raise ComparatorPluginError(f"{where} failed to load: {type(error).__name__}: {error}") from error
    if not isinstance(loaded, Comparator):
        raise ComparatorPluginError(f"{where} loads a {type(loaded).__name__}, not a factcheck Comparator")
    if loaded.name != name:
        raise ComparatorPluginError(f"{where} loads a comparator named {loaded.name!r}; the names must match")
    if name in BUILTIN:
        raise ComparatorPluginError(f"{where} has the name of a built-in comparator")
    return loaded


def available_comparators(allowed: Collection[str] | None = None) -> dict[str, Comparator]:
    """The built-in comparators and the installed plugins, by name: every plugin, or only those named
    in `allowed` (a project's `plugins.yaml`), each of which must then be installed."""
    found = dict(BUILTIN)
    installed = set()
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        installed.add(entry.name)
        if allowed is not None and entry.name not in allowed:
            continue
        if entry.name in found and entry.name not in BUILTIN:
            raise ComparatorPluginError(f"two installed plugins define the comparator {entry.name!r} "
                                        f"(entry point group {ENTRY_POINT_GROUP})")
        found[entry.name] = _load_plugin(entry)
    missing = sorted(set(allowed or ()) - installed)
    if missing:
        raise ComparatorPluginError(f"comparator plugin(s) {', '.join(map(repr, missing))} are listed but not "
                                    f"installed (no entry point in group {ENTRY_POINT_GROUP})")
    return found


def get_comparator(name: str) -> Comparator:
    """The comparator called `name`; a KeyError naming the known ones if there is none."""
    comparators = available_comparators()
    if name not in comparators:
        raise KeyError(f"unknown comparator {name!r}; known: {', '.join(sorted(comparators))}")
    return comparators[name]


__all__ = [
    "BUILTIN", "ENTRY_POINT_GROUP", "Comparator", "ComparatorPluginError", "Comparison", "Context", "DateInterval",
    "Params", "Verdict", "apply_time_varying", "available_comparators", "get_comparator", "normalize_quote",
    "resolve_interval",
]
