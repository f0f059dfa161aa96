"""The hostile strings a pull request may put in any field of its files, a project that carries them,
and what every output channel must show of them: nothing that escapes (docs/ci.md, Output safety).

Used by tests/report/test_hostile.py (every report and gate format) and tests/cli/test_validate.py
(`validate` on a broken file).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import yaml

from factcheck.load.write import dump_yaml

ROOT = Path(__file__).resolve().parents[2]

# The one table: each is put into entity names, qualifiers, evidence, a file name and a baseline reason.
HOSTILE = {
    "workflow-command": "x\n::error file=x::pwned",
    "cr-command": "x\r::warning title=t::pwned",
    "indented-command": "x\n   ::add-mask::pwned",
    "legacy-command": "##[error]pwned",
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=1>",
    "details": "</details>",
    "mention": "@org/team",
    "javascript-link": "[x](javascript:alert(1))",
    "osc-title": "\x1b]0;title\x07",
    "clear-screen": "\x1b[2J",
    "c1-csi": "\x9b2J",
    "percent": "%0A::error::pwned",
    "nul": "a\x00b",
    "separator": "x\u2028::error::pwned",
    "rich-markup": "[bold]x[/] [/]",
    "non-ascii": "Ōsaka–Seoul ’ 한국",
    "long": "A" * 10_000,
}

# Our own annotations, the only lines that may start with `::`.
ANNOTATION = re.compile(r"::(error|warning|notice) ((?:file|line|title)=[^,:\r\n]*(?:,(?:file|line|title)=[^,:\r\n]*)*)::"
                        r"[^\r\n]*")
LINE_BREAK = re.compile("\r\n|\r|\n|\u2028|\u2029|\x85|\x0b|\x0c|[\x1c-\x1e]")


def file_name(hostile: str) -> str:
    """The hostile string as a claims file name: no `/` or NUL, at most 200 bytes, `.yaml`."""
    name = hostile.replace("/", "_").replace("\x00", "_").encode()[:200].decode(errors="ignore")
    return f"a{name}.yaml"


def write_project(target: Path, hostile: str) -> Path:
    """claims/, rules/ and seeds/ where two sources conflict on GSOMIA's expiry: the entity's name, both
    qualifiers, both evidence texts, the publisher and one claims file's name carry `hostile`; a third
    claim no other source makes is unverified. Returns the hostile claims file."""
    shutil.copytree(ROOT / "rules", target / "rules")
    (target / "claims").mkdir(parents=True)
    (target / "seeds").mkdir()
    shutil.copy(ROOT / "claims" / "vocabulary.yaml", target / "claims" / "vocabulary.yaml")
    entities = yaml.safe_load((ROOT / "claims" / "entities.yaml").read_text(encoding="utf-8"))
    for entity in entities["entities"]:
        if entity["id"] == "gsomia":
            entity["name"] = f"GSOMIA {hostile}"
    (target / "claims" / "entities.yaml").write_text(dump_yaml(entities), encoding="utf-8")
    hostile_file = _source(target, "wire-a", file_name(hostile), "2019-11-23", "Nov. 23", hostile)
    _source(target, "wire-b", "b.yaml", "2019-12-31", "Dec. 31", hostile)
    return hostile_file


def _source(target: Path, source_id: str, name: str, date: str, day: str, hostile: str) -> Path:
    expiry = f"The pact expires on {day}. {hostile}"
    announced = f"Seoul said on Aug. 22 it would end the pact. {hostile}"
    text = f"Seoul, Aug. 2019. {expiry}\n{announced}\n"
    (target / "seeds" / f"{source_id}.txt").write_text(text, encoding="utf-8")

    def claim(claim_id: str, property_id: str, value: str, evidence: str) -> dict:
        start = text.index(evidence)
        return {"id": claim_id, "kind": "date", "subject": "gsomia", "property": property_id, "value": {"date": value},
                "qualifier": f"if {hostile}", "status": "reviewed",
                "evidence": {"text": evidence, "start": start, "end": start + len(evidence)}}

    claims = [claim("expiry", "expires_on", date, expiry)]
    if source_id == "wire-a":
        claims.append(claim("announced", "announced_on", "2019-08-22", announced))
    data = {"source": {"id": source_id, "publisher": f"P {hostile}", "title": f"T {hostile}", "published": "2019-08-22",
                       "text": f"../seeds/{source_id}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest()},
            "claims": claims}
    path = target / "claims" / name
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def lines_as_github_reads_them(output: str) -> list[str]:
    """The runner ends a line at LF, CR or CRLF; Python's splitlines at more. Both, to be safe."""
    return LINE_BREAK.split(output)


def assert_no_command_lines(output: str, *, annotations: bool = False) -> None:
    """No line starts with `::` (after leading whitespace, as the runner trims it) unless it is one of our
    annotations (`annotations=True`, the github format); no legacy `##[` in any other line (the runner
    reads an annotation as a command first, so its text is never read again); no ESC, C1 CSI or NUL."""
    for line in lines_as_github_reads_them(output):
        stripped = line.lstrip()
        if stripped.startswith("::"):
            assert annotations and ANNOTATION.fullmatch(stripped), f"a workflow command escaped: {line[:200]!r}"
        else:
            assert "##[" not in line, f"a legacy workflow command escaped: {line[:200]!r}"
    for byte in ("\x1b", "\x9b", "\x9d", "\x00", "\x07"):
        assert byte not in output, f"raw {byte!r} in the output"
