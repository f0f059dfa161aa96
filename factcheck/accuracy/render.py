"""The evaluation's output: figures per event and in all, then every miss and every false conflict,
each with the evidence of both sides, so a reader can see why without running anything."""

from __future__ import annotations

import json
import re

from factcheck.accuracy.score import CorpusScore, ReportedConflict
from factcheck.model.sourced import SourcedClaim

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str, limit: int = 160) -> str:
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _claim(item: SourcedClaim) -> str:
    claim = item.claim
    extras = "".join(f" {name}={value}" for name, value in (("event", claim.event), ("modality", claim.modality and
                                                              claim.modality.value)) if value)
    return (f"{item.source_id} {claim.kind} {claim.subject} · {claim.property}{extras} "
            f"[{claim.status.value}]: \"{_clean(claim.evidence.text)}\"")


def _conflict_lines(reported: ReportedConflict) -> list[str]:
    lines = [f"  {reported.rule_id} {reported.finding_id}" + (f"  (trap: {', '.join(reported.traps)})" if reported.traps
                                                               else ""),
             f"    - {_claim(reported.first)}", f"    - {_claim(reported.second)}",
             f"    why: {_clean(reported.explanation, 300)}"]
    return lines


def render_text(score: CorpusScore) -> str:
    lines = ["event                          sources  claims  reported  true  expected  found  precision  recall"]
    for event in score.events:
        precision = event.true_positives / len(event.reported) if event.reported else 1.0
        recall = len(event.found) / len(event.expected) if event.expected else 1.0
        lines.append(f"{_clean(event.event, 30):<30} {event.sources:>7}  {event.claims:>6}  {len(event.reported):>8}  "
                     f"{event.true_positives:>4}  {len(event.expected):>8}  {len(event.found):>5}  "
                     f"{precision:>9.2f}  {recall:>6.2f}")
    lines.append(f"{'all':<30} {sum(e.sources for e in score.events):>7}  {sum(e.claims for e in score.events):>6}  "
                 f"{score.reported:>8}  {score.true_positives:>4}  {score.expected:>8}  {score.found:>5}  "
                 f"{score.precision:>9.2f}  {score.recall:>6.2f}")
    for event in score.events:
        if event.missed:
            lines += ["", f"Missed in {event.event} ({len(event.missed)}):"]
            for expected in event.missed:
                lines += [f"  {expected.id}: {_clean(expected.about)}"]
                lines += [f"    {side} {s.source}: \"{_clean(s.text)}\"" for side, snippets in (("a", expected.a),
                                                                                             ("b", expected.b))
                          for s in snippets]
                lines += [f"    why: {_clean(reason, 300)}" for reason in event.diagnoses.get(expected.id, [])]
        if event.false_conflicts:
            lines += ["", f"False conflicts in {event.event} ({len(event.false_conflicts)}):"]
            for reported in event.false_conflicts:
                lines += _conflict_lines(reported)
    lines += ["", f"Conflict precision {score.precision:.2f} ({score.true_positives}/{score.reported}), "
                  f"recall {score.recall:.2f} ({score.found}/{score.expected})."]
    return "\n".join(lines) + "\n"


def render_json(score: CorpusScore) -> str:
    def claim(item: SourcedClaim) -> dict:
        c = item.claim
        return {"source": item.source_id, "id": c.id, "kind": c.kind, "subject": c.subject, "property": c.property,
                "event": c.event, "modality": c.modality.value if c.modality else None, "status": c.status.value,
                "evidence": c.evidence.text}

    data = {
        "precision": round(score.precision, 4), "recall": round(score.recall, 4), "reported": score.reported,
        "true_positives": score.true_positives, "expected": score.expected, "found": score.found,
        "events": [{
            "event": e.event, "sources": e.sources, "claims": e.claims, "reported": len(e.reported),
            "true_positives": e.true_positives, "expected": len(e.expected), "found": sorted(e.found),
            "missed": [m.id for m in e.missed],
            "why_missed": e.diagnoses,
            "false_conflicts": [{"finding": r.finding_id, "rule": r.rule_id, "traps": list(r.traps),
                                 "claims": [claim(r.first), claim(r.second)], "explanation": r.explanation}
                                for r in e.false_conflicts],
        } for e in score.events],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
