"""What a kept report depends on besides its files: the request, as one key (`report_store.py`).

A report is the same for the same files only if everything else that goes into it is the same too:
factcheck's code (a digest of the package's files, so an edited checkout is a new key, not only a new
version), every installed distribution's version (a dependency, a comparator plugin), Python's, the
rules in force as loaded (after --select/--ignore; a plugin comparator's module by its bytes), the
options that change findings or how they are shown, the working directory and project root (paths
are shown relative to them), the claims and entity paths as given, and the `FACTCHECK_*` environment
(the size and item limits change what loads).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson

import factcheck
from factcheck import __version__
from factcheck.load.corpus import ENTITIES_FILE, VOCABULARY_FILE, claims_files_in, project_file
from factcheck.load.paths import project_root
from factcheck.rules import LoadedRule

KEY_FORMAT = "1"  # what goes into a key; another is a miss
ENVIRONMENT_PREFIX = "FACTCHECK_"  # the root and the limits on sizes, items and quotes change what loads


@dataclass(frozen=True)
class ReportRequest:
    """One `factcheck report` run as the store keys it: its paths, rules and options."""

    claims: tuple[Path, ...]
    entities: Path | None
    rules: list[LoadedRule]
    options: dict[str, Any]  # what changes the findings or how they are shown (JSON-able)

    @cached_property
    def key(self) -> str:
        """What the request depends on besides its files, as one sha256 (worked out once a run)."""
        paths = [[str(p), os.path.realpath(p)] for p in self.claims]
        entities = [str(self.entities), os.path.realpath(self.entities)] if self.entities else None
        limits = sorted((name, value) for name, value in os.environ.items() if name.startswith(ENVIRONMENT_PREFIX))
        parts = [KEY_FORMAT, __version__, code_digest(), installed_versions(), sys.version, rules_digest(self.rules),
                 self.options, os.path.realpath(os.getcwd()), str(project_root()), paths, entities, limits]
        return hashlib.sha256(orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)).hexdigest()

    def project_files(self) -> list[str | None]:
        """The entity file and the vocabulary the load reads (None for one that is absent)."""
        found = [self.entities or project_file(list(self.claims), ENTITIES_FILE),
                 project_file(list(self.claims), VOCABULARY_FILE)]
        return [str(path) if path is not None else None for path in found]

    def claims_files(self) -> list[str]:
        return [str(path) for path in claims_files_in(list(self.claims))]


_CODE: dict[str, str] = {}


def code_digest() -> str:
    """A digest of factcheck's own files (code and shipped data): an edited checkout reports anew."""
    if "digest" not in _CODE:
        package = Path(factcheck.__file__).resolve().parent
        digest = hashlib.sha256()
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        _CODE["digest"] = digest.hexdigest()
    return _CODE["digest"]


def installed_versions() -> list[str]:
    """Every installed distribution, by the sha256 of its metadata file, which names it and its version (a
    dependency or a comparator plugin upgraded may change what is reported). Hashed, not parsed: parsing
    85 distributions' headers took 0.03-0.1 s of every warm report, hashing them 3 ms."""
    return sorted(hashlib.sha256((found.read_text("METADATA") or found.read_text("PKG-INFO") or "").encode(
        "utf-8", errors="surrogateescape")).hexdigest() for found in metadata.distributions())


def rules_digest(rules: list[LoadedRule]) -> str:
    """The rules in force as loaded: each rule, its comparator (a plugin's by its module's bytes too)
    and parameters, and where it comes from."""
    parts = [[loaded.rule.model_dump_json(), loaded.comparator.name, _plugin_digest(loaded.comparator.compare),
              loaded.params.model_dump_json(), loaded.path, loaded.line, loaded.origin, loaded.overrides]
             for loaded in rules]
    return hashlib.sha256(orjson.dumps(parts)).hexdigest()


def _plugin_digest(compare: object) -> str:
    """The sha256 of the module a comparator plugin's function comes from ("" for factcheck's own,
    which `code_digest` covers, or when it has no file)."""
    module = sys.modules.get(getattr(compare, "__module__", None) or "")
    if module is None or module.__name__.split(".")[0] == "factcheck":
        return ""
    try:
        return hashlib.sha256(Path(module.__file__ or "").read_bytes()).hexdigest()
    except OSError:
        return ""
