"""Recall and precision of `factcheck extract` per claim kind on the seeds, against the reviewed claims.

    .venv/bin/python benchmarks/extract_recall.py            # a table per seed (`make bench-extract`)
    .venv/bin/python benchmarks/extract_recall.py --markdown # the table for docs/extraction.md
    .venv/bin/python benchmarks/extract_recall.py --json

Every reviewed claims file in claims/ whose source text exists is scored (the two seeds today). A
reviewed claim counts as recalled when an extracted claim of the same kind with overlapping evidence
has the same value (see factcheck/extract/evaluate.py for the criterion of each kind). The run time
per article is printed too, since extraction is meant to run on thousands of articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from factcheck.extract.evaluate import Evaluation, evaluate, render_text
from factcheck.extract.pipeline import extract
from factcheck.extract.project import load_project
from factcheck.load.document import read_yaml
from factcheck.model import ClaimsFile, Status

ROOT = Path(__file__).resolve().parents[1]


def reviewed_files(claims_dir: Path) -> list[Path]:
    found = []
    for path in sorted(claims_dir.glob("*.yaml")):
        if path.name in ("entities.yaml", "vocabulary.yaml", "cues.yaml"):
            continue
        data = read_yaml(path).data
        if isinstance(data, dict) and any(c.get("status") == Status.reviewed.value for c in data.get("claims", [])):
            found.append(path)
    return found


def run(claims_dir: Path, repeat: int = 5) -> tuple[list[Evaluation], float]:
    project = load_project(claims_dir)
    evaluations: list[Evaluation] = []
    elapsed = 0.0
    for path in reviewed_files(claims_dir):
        reviewed = ClaimsFile.model_validate(read_yaml(path).data)
        text = (path.parent / reviewed.source.text).read_bytes().decode("utf-8")
        start = time.perf_counter()
        for _ in range(repeat):
            extracted = extract(text, reviewed.source, project.entities, project.vocabulary, project.cues)
        elapsed += (time.perf_counter() - start) / repeat
        evaluations.append(evaluate(reviewed, extracted.claims_file))
    return evaluations, elapsed / max(1, len(evaluations))


def markdown(evaluations: list[Evaluation]) -> str:
    lines = ["| source | kind | reviewed | extracted | recall | precision | strict recall |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for evaluation in evaluations:
        for score in evaluation.scores:
            recall = "-" if score.recall is None else f"{score.recall:.2f} ({score.recalled}/{score.reviewed})"
            precision = "-" if score.precision is None else f"{score.precision:.2f} ({score.correct}/{score.extracted})"
            strict = "-" if score.strict_recall is None else f"{score.strict_recall:.2f} ({score.strict}/{score.reviewed})"
            lines.append(f"| {evaluation.source} | {score.kind} | {score.reviewed} | {score.extracted} | {recall} | "
                         f"{precision} | {strict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=Path, default=ROOT / "claims", help="The claims folder (default: claims/).")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="Print JSON.")
    shown.add_argument("--markdown", action="store_true", help="Print a Markdown table.")
    arguments = parser.parse_args(argv)
    evaluations, per_article = run(arguments.claims)
    if not evaluations:
        print(f"no reviewed claims files in {arguments.claims}", file=sys.stderr)
        return 2
    if arguments.json:
        print(json.dumps({"sources": [e.as_dict() for e in evaluations], "seconds_per_article": per_article}, indent=2))
    elif arguments.markdown:
        print(markdown(evaluations))
        print(f"\nExtraction time: {per_article * 1000:.0f} ms per article.")
    else:
        print(render_text(evaluations))
        print(f"extraction time: {per_article * 1000:.0f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
