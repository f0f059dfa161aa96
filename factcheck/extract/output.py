"""The YAML text of an extracted or merged claims file, keeping a person's file as they wrote it.

A claims file people review carries comments and their own layout. When a merge only adds claims (no
claim pruned, the text unchanged), the new claims are appended to the existing text as they are, so
every byte a person wrote stays; otherwise the whole file is written anew in the standard form, which
starts with a `# yaml-language-server: $schema=` line (docs/cli.md). Either way the result is read back
and validated before anyone writes it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from factcheck.load.document import load_trusted_yaml
from factcheck.load.write import dump_yaml
from factcheck.model import ClaimsFile
from factcheck.schemas import schema_url

# The YAML language server (VS Code's YAML extension, yamlls) completes and checks the file by this schema.
SCHEMA_LINE = f"# yaml-language-server: $schema={schema_url('claims')}\n"
_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:", re.MULTILINE)
_CLAIMS_KEY = re.compile(r"^claims\s*:\s*(?:#.*)?$", re.MULTILINE)
_ITEM = re.compile(r"^(?P<indent>[ ]*)- ", re.MULTILINE)
# The order a person reads a claim in, as in the reviewed files: what, about whom, the value, then how sure.
CLAIM_ORDER = ("id", "kind", "subject", "property", "value", "qualifier", "as_of", "status", "confidence", "evidence",
               "note")


def claim_data(claim: Any) -> dict[str, Any]:
    data = claim.model_dump(mode="json", exclude_none=True)
    return {key: data[key] for key in CLAIM_ORDER if key in data} | data


def dump_claims(claims_file: ClaimsFile) -> str:
    """The standard text of a claims file, claims in reading order, after the line that gives editors
    its schema (a comment: loading ignores it; a fresh dump on re-extraction writes it again)."""
    return SCHEMA_LINE + dump_yaml({"source": claims_file.source.model_dump(mode="json", exclude_none=True),
                                    "claims": [claim_data(c) for c in claims_file.claims]})


def render(merged: ClaimsFile, added: list[Any], existing_text: str | None, *, in_place: bool) -> str:
    """The file text: `existing_text` with `added` appended when `in_place`, else a fresh dump."""
    if in_place and existing_text is not None:
        appended = append_claims(existing_text, added)
        if appended is not None and _same(appended, merged):
            return appended
    text = dump_claims(merged)
    if not _same(text, merged):  # pragma: no cover - a bug in the dumper, never a user's mistake
        raise RuntimeError("the claims file does not read back as written")
    return text


def append_claims(text: str, claims: list[Any]) -> str | None:
    """`text` with `claims` added at the end of its `claims:` list, or None when the layout does not
    allow it (the list is not the last key, or is written inline)."""
    if not claims:
        return text
    key = _CLAIMS_KEY.search(text)
    if key is None or any(m.start() > key.start() for m in _TOP_KEY.finditer(text) if not m.group().startswith("claims")):
        return None
    item = _ITEM.search(text, key.end())
    indent = item.group("indent") if item else "  "
    dumped = dump_yaml([claim_data(c) for c in claims])
    block = "".join(indent + line if line.strip() else line for line in dumped.splitlines(keepends=True))
    return text + ("" if text.endswith("\n") else "\n") + block


def _same(text: str, expected: ClaimsFile) -> bool:
    try:
        data = load_trusted_yaml(text)
        return ClaimsFile.model_validate(data) == expected
    except (yaml.YAMLError, ValueError):
        return False
