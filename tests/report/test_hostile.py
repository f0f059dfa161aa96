"""Hostile strings from a pull request's files, through every report format and every gate format: each
output channel escapes them its own way (factcheck/report/escape.py) and nothing gets out."""

from __future__ import annotations

import hashlib
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from factcheck.cli import cli
from factcheck.engine import run_rules
from factcheck.load import load_corpus
from factcheck.report import FORMATS, RenderContext, render
from factcheck.report import html as html_format
from factcheck.report import json as json_format
from factcheck.report.escape import (json_text, json_value, markdown, sarif_uri, terminal, terminal_line, terminal_path,
                                     workflow_data, workflow_property, xml_text)
from factcheck.report.json_schema import report_schema
from factcheck.rules import load_rules
from tests.report.hostile import ANNOTATION, HOSTILE, assert_no_command_lines, write_project
from tests.report.test_sarif import assert_valid

CASES = pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> tuple[Path, str]:
    """The hostile claims file (in the working directory's claims/) and the hostile string."""
    hostile_file = write_project(tmp_path, request.param)
    monkeypatch.chdir(tmp_path)
    return hostile_file, request.param


def _no_nan(constant: str) -> float:
    raise AssertionError(f"JSON holds {constant}")


def check_channel(format_name: str, output: str, claims_paths: set[str], *, color: bool = False) -> None:
    """What each channel must hold, whatever the claims files said (in colour, our own SGR codes aside)."""
    if color:
        output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert_no_command_lines(output, annotations=format_name == "github")
    if format_name in ("json", "sarif"):
        data = json.loads(output, parse_constant=_no_nan)
        if format_name == "json":
            jsonschema.validate(data, report_schema())  # the report's and the gate's JSON
        if format_name == "sarif":
            assert_valid(data)
            uris = re.findall(r'"uri": "([^"]*)"', output)
            assert uris and all(re.fullmatch(r"[A-Za-z0-9._~/%-]*", uri) for uri in uris), uris
            assert {unquote(uri) for uri in uris} <= claims_paths
    elif format_name == "junit":
        root = ET.fromstring(output)
        assert {case.get("file") for case in root.iter("testcase")} <= {xml_text(p) for p in claims_paths}
    elif format_name == "html":
        own_script = f"<script>{html_format.SCRIPT}</script>"  # the page's filter script, once
        assert output.count(own_script) == 1
        rest = output.replace(own_script, "").lower()
        assert "<script" not in rest and "<img" not in rest and "<iframe" not in rest
        assert output.count("</details>") == output.count("<details")  # only ours, each closed
    elif format_name == "markdown":
        shown = MarkdownIt("commonmark").enable("table").render(output)
        assert "<script" not in shown and "<img" not in shown and "<a " not in shown
        assert shown.count("</details>") == output.count("\n</details>")  # only ours
        assert not re.search(r"@(?!\u200d)\w", output), "a mention survived"
    elif format_name == "github":
        for line in output.splitlines():
            properties = dict(p.split("=", 1) for p in ANNOTATION.fullmatch(line).group(2).split(","))
            if "file" in properties:
                # control characters are dropped, even from a file name (its annotation may then not attach)
                assert _github_unescape(properties["file"]) in {_github_unescape(workflow_property(p)) for p in claims_paths}


def _github_unescape(value: str) -> str:
    """What the runner reads from a property (actions/runner ActionCommand.UnescapeProperty)."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


@pytest.mark.parametrize("project", list(HOSTILE.values()), ids=list(HOSTILE), indirect=True)
def test_every_report_format_keeps_hostile_strings_in(project: tuple[Path, str]) -> None:
    hostile_file, _ = project
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    assert [f.verdict.value for f in report.findings].count("conflict") == 1
    paths = {c.path for f in report.findings for c in f.claims}
    assert f"claims/{hostile_file.name}" in paths
    for format_name in sorted(FORMATS):
        for color in (False, True):
            output = render(report, format_name, RenderContext(color=color, width=100))
            check_channel(format_name, output, paths, color=color and format_name == "text")
    for indent in (None, 2):  # compact (orjson) and indented (the standard library): the same guarantees
        check_channel("json", json_format.render(report, RenderContext(), indent), paths)


@pytest.mark.parametrize("project", list(HOSTILE.values()), ids=list(HOSTILE), indirect=True)
def test_every_gate_format_keeps_hostile_strings_in(project: tuple[Path, str]) -> None:
    hostile_file, hostile = project
    runner = CliRunner()
    listed = runner.invoke(cli, ["report", "--format", "json", "-q"])
    data = json.loads(listed.stdout, parse_constant=_no_nan)
    conflict = next(f["id"] for f in data["findings"] if f["verdict"] == "conflict")
    added = runner.invoke(cli, ["baseline", "add", conflict, "--reason", f"accepted: {hostile}"])
    assert added.exit_code == 0, added.output
    assert_no_command_lines(added.stdout)  # the confirmation names the finding's message
    paths = {f"claims/{hostile_file.name}", "claims/b.yaml"}
    for format_name in ("text", "json", "markdown", "sarif", "junit", "github"):
        for fail_on in ("conflict", "unverified"):  # accepted conflict; failing unverified claims
            result = runner.invoke(cli, ["gate", f"claims/{hostile_file.name}", "--format", format_name,
                                         "--fail-on", fail_on])
            assert result.exit_code in (0, 1), result.output
            check_channel(format_name, result.stdout, paths)
            assert_no_command_lines(result.stderr)


@CASES
def test_every_channel_function_neutralises_the_string(hostile: str) -> None:
    for escaped in (workflow_data(hostile), workflow_property(hostile), terminal_line(hostile), markdown(hostile),
                    terminal_path(hostile)):
        assert "\n" not in escaped and "\r" not in escaped and "\x1b" not in escaped
    for escaped in (terminal_line(hostile), markdown(hostile), terminal(hostile)):  # an annotation's text is
        assert "##[" not in escaped                                                  # never read as a command
    assert "\x1b" not in terminal(hostile) and "\r" not in terminal(hostile)
    assert not terminal_path(hostile).lstrip().startswith("::")
    assert unquote(sarif_uri(hostile)) == hostile
    assert json.loads(json_text({"value": hostile})) == {"value": hostile}
    for indent in (None, 2):
        assert json.loads(json_value({"value": hostile}, indent)) == {"value": hostile}
    element = ET.Element("case", file=xml_text(hostile))
    element.text = xml_text(hostile)
    assert ET.fromstring(ET.tostring(element, encoding="unicode")).get("file") == xml_text(hostile)


def test_the_workflow_escapes_are_the_ones_github_documents() -> None:
    assert workflow_data("50% of\r\nit: a, b") == "50%25 of%0D%0Ait: a, b"
    assert workflow_property("a: b, c%\n") == "a%3A b%2C c%25%0A"
    assert workflow_data("\x1b[2Jred\x1b]0;t\x07") == "red"


def test_markdown_escapes_html_markdown_mentions_and_links_but_keeps_typographic_quotes() -> None:
    assert markdown("Korea’s “pact”") == "Korea’s “pact”"
    assert markdown("<b>&'\"") == "&lt;b&gt;&amp;&#x27;&quot;"
    assert markdown("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert markdown("@org/team #12 a|b *c* `d` expires_on _e_") == \
        "@\u200dorg/team &#35;12 a\\|b \\*c\\* \\`d\\` expires_on \\_e\\_"
    assert markdown("two\nlines\x00") == "two lines"


def test_sarif_uris_are_percent_encoded() -> None:
    assert sarif_uri("claims/a b%\n’.yaml") == "claims/a%20b%25%0A%E2%80%99.yaml"
    assert sarif_uri("claims\\wire-2019.yaml") == "claims/wire-2019.yaml"
    assert sarif_uri("::error file=x") == "%3A%3Aerror%20file%3Dx"


def test_terminal_strips_escape_sequences_and_controls() -> None:
    assert terminal("a\x1b]0;title\x07b\x1b[2Jc\x9b2Jd\x00e\r\nf\tg") == "abcde\nf\tg"
    assert terminal_line("a\n::error\x1b") == "a\\n::error\\x1b"
    assert terminal_path("::error.yaml") == "./::error.yaml"
    assert terminal_path(" ::x") == "./ ::x"


def test_json_has_no_nan_or_infinity() -> None:
    text = json_text({"amount": float("nan"), "high": float("inf"), "low": [float("-inf")], "ok": 1.5})
    assert json.loads(text, parse_constant=_no_nan) == {"amount": None, "high": None, "low": [None], "ok": 1.5}


@pytest.mark.parametrize("indent", [None, 2])
def test_json_escapes_what_a_log_or_terminal_acts_on_and_keeps_the_data(indent: int | None) -> None:
    data = {"legacy": "##[error]x", "c1": "a\x85\x9bb\x7f", "lines": "x\u2028y\u2029", "bidi": "\u202eabc\u2066",
            "plain": "Korea’s “pact” 한국", "nan": float("nan"), "list": [float("-inf"), 1.5]}
    text = json_value(data, indent)
    assert "##[" not in text and not re.search("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", text)
    assert "##\\u005b" in text and "\\u0085" in text and "\\u2028" in text and "Korea’s “pact” 한국" in text
    assert json.loads(text, parse_constant=_no_nan) == {**data, "nan": None, "list": [None, 1.5]}


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize(("data", "read_back"), [
    ({"path": "claims/a\udcff.yaml"}, {"path": "claims/a\ufffd.yaml"}),  # a file name that is not UTF-8
    ({"n": 10 ** 30, "x": float("inf")}, {"n": 10 ** 30, "x": None}),  # beyond orjson's 64 bits
    ({1: "a", "b": "\ud800##["}, {"1": "a", "b": "\ufffd##["}),  # a key that is not text, and a surrogate
])
def test_json_writes_what_orjson_refuses(data: dict, read_back: dict, indent: int | None) -> None:
    text = json_value(data, indent)
    text.encode("utf-8")  # no lone surrogate left
    assert "##[" not in text
    assert json.loads(text, parse_constant=_no_nan) == read_back


def test_a_nan_amount_in_a_claims_file_is_null_in_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile_file = write_project(tmp_path, "plain")
    monkeypatch.chdir(tmp_path)
    text = hostile_file.read_text(encoding="utf-8")
    seeds = tmp_path / "seeds" / "wire-a.txt"
    body = seeds.read_text(encoding="utf-8") + "It costs 5 billion dollars.\n"
    seeds.write_text(body, encoding="utf-8")
    evidence = "It costs 5 billion dollars."
    start = body.index(evidence)
    text = re.sub(r"sha256: \w+", f"sha256: {hashlib.sha256(body.encode()).hexdigest()}", text)
    text += (f"- id: cost\n  kind: quantity\n  subject: gsomia\n  property: public_opposition\n  status: reviewed\n"
             f"  value:\n    amount: .nan\n    unit: percent\n"
             f"  evidence:\n    text: {evidence}\n    start: {start}\n    end: {start + len(evidence)}\n")
    hostile_file.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--format", "json", "-q"])
    if result.exit_code != 0:
        pytest.skip(f"the loader refuses a NaN amount, which is safe too: {result.output[:200]}")
    data = json.loads(result.stdout, parse_constant=_no_nan)
    amounts = [c["value_data"].get("amount") for f in data["findings"] for c in f["claims"] if c["id"] == "cost"]
    assert amounts and all(a is None or math.isfinite(a) for a in amounts)


def test_html_is_escaped_by_autoescape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, "<script>alert(1)</script>")
    monkeypatch.chdir(tmp_path)
    report = run_rules(load_corpus([Path("claims")]), load_rules([Path("rules")]))
    output = render(report, "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "<script" not in output.replace(f"<script>{html_format.SCRIPT}</script>", "")  # the page's own, only
