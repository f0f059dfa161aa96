"""The CI gate: check what a change adds to the claims against everything else, under the base's rules,
with a baseline of accepted findings. `run_gate` is the one way in; the CLI only maps its outcome to
exit codes and formats."""

from factcheck.gate.baseline import DEFAULT_BASELINE, BaselineEntry, BaselineFile, load_baseline
from factcheck.gate.errors import GateError
from factcheck.gate.gate import FAIL_ON, UNREVIEWED, GateRequest, GateResult, run_gate
from factcheck.engine.identity import anchor_claim, fingerprint

__all__ = [
    "DEFAULT_BASELINE", "FAIL_ON", "UNREVIEWED", "BaselineEntry", "BaselineFile", "GateError", "GateRequest",
    "GateResult", "anchor_claim", "fingerprint", "load_baseline", "run_gate",
]
