"""Write claims files: a stable, readable YAML form, written atomically so nothing is ever half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from factcheck.load.document import reads_back_as
from factcheck.model import ClaimsFile

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


def dump_claims_file(claims_file: ClaimsFile) -> str:
    """The YAML text of a claims file; `load` of it gives back an equal `ClaimsFile`."""
    data = claims_file.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    return dump_yaml(data)


class _ClaimsDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Quotes every string our reader would not read back as the same text (`Y`, `0123`, `1:20`):
    PyYAML's own YAML 1.1 rules miss some of them."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = None if reads_back_as(text) else "'"
    if "\n" in text:
        style = "|" if text == text.strip() and not text.endswith(" ") else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ClaimsDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    # sort_keys=False keeps the model's field order (id, kind, subject, ...), which reads best.
    return yaml.dump(data, Dumper=_ClaimsDumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step: a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_claims_file(path: Path, claims_file: ClaimsFile) -> None:
    write_atomic(path, dump_claims_file(claims_file))
