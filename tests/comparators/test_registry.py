"""The registry: built-in comparators by name, plugins from entry points, clear errors."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import factcheck.comparators as registry
from factcheck.comparators import (
    BUILTIN,
    ComparatorPluginError,
    available_comparators,
    get_comparator,
)
from factcheck.comparators.base import Comparator, Params


def test_builtins_are_registered_by_name() -> None:
    assert set(BUILTIN) == {"date", "length", "quantity", "quote", "scope", "statement", "exact"}
    for name, comparator in BUILTIN.items():
        assert comparator.name == name and issubclass(comparator.params, Params) and comparator.summary
        comparator.params()  # every parameter has a default
    assert get_comparator("date") is BUILTIN["date"]


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="unknown comparator 'dates'; known: date, exact"):
        get_comparator("dates")


PLUGIN = '''
from factcheck.comparators.base import Comparator, Params
from factcheck.comparators.exact import compare_exact
COMPARATOR = Comparator(name="currency", params=Params, compare=compare_exact, summary="test plugin")
'''


def plugins(monkeypatch: pytest.MonkeyPatch, *entries: EntryPoint) -> None:
    monkeypatch.setattr(registry, "entry_points", lambda group: [e for e in entries if e.group == group])


def test_plugins_are_loaded_from_entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fc_plugin_currency.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins(monkeypatch, EntryPoint("currency", "fc_plugin_currency:COMPARATOR", registry.ENTRY_POINT_GROUP))
    found = available_comparators()
    assert isinstance(found["currency"], Comparator) and set(BUILTIN) < set(found)
    assert get_comparator("currency").summary == "test plugin"


def test_a_broken_plugin_names_its_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    plugins(monkeypatch, EntryPoint("broken", "no_such_module_here:COMPARATOR", registry.ENTRY_POINT_GROUP))
    with pytest.raises(ComparatorPluginError, match="comparator plugin 'broken'.*no_such_module_here.*failed to load"):
        available_comparators()


def test_a_plugin_must_be_a_comparator_with_its_own_name(monkeypatch: pytest.MonkeyPatch) -> None:
    plugins(monkeypatch, EntryPoint("summary", "factcheck.comparators.date:Params", registry.ENTRY_POINT_GROUP))
    with pytest.raises(ComparatorPluginError, match="not a factcheck Comparator"):
        available_comparators()
    plugins(monkeypatch, EntryPoint("dates", "factcheck.comparators.date:COMPARATOR", registry.ENTRY_POINT_GROUP))
    with pytest.raises(ComparatorPluginError, match="names must match"):
        available_comparators()
    plugins(monkeypatch, EntryPoint("date", "factcheck.comparators.date:COMPARATOR", registry.ENTRY_POINT_GROUP))
    with pytest.raises(ComparatorPluginError, match="built-in"):
        available_comparators()
