"""Writes into one claims file that cannot destroy it (issue 9, items 5 and 6): two `extract` processes
into one claims file take turns under a lock (no lost write, reviewed claims untouched), and an
`extract` killed with SIGKILL at any moment leaves the old file intact or the new one complete."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.load.corpus import read_claims_file
from factcheck.load.write import dump_claims_file, file_lock
from tests.extract.extract_helpers import CLAIMS, ROOT

SOURCE = "bloomberg-2019-08-22"
EXTRA = {
    "a": "\nThe ministry said 4,200 troops took part in the drill on Monday.\n",
    "b": "\nOfficials said exports fell 12 percent in July, the trade ministry said on Tuesday.\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """claims/ with the seeds' claims, the Bloomberg one cut to its first 20 (reviewed) claims, so that
    extraction has new claims to merge; two versions of its article, each with a paragraph of its own."""
    shutil.copytree(CLAIMS, tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    claims_path = tmp_path / "claims" / f"{SOURCE}.yaml"
    full = read_claims_file(claims_path)
    cut = full.model_copy(update={"claims": full.claims[:20]})
    claims_path.write_text(dump_claims_file(cut), encoding="utf-8")
    seed = (tmp_path / "claims" / full.source.text).read_bytes().decode("utf-8")
    for name, paragraph in EXTRA.items():
        (tmp_path / f"article-{name}.txt").write_text(seed + paragraph, encoding="utf-8")
    return tmp_path


def extract_args(project: Path, version: str) -> list[str]:
    """--keep-stale: each writer's claims must survive the other's, so a lost write shows."""
    return [str(project / f"article-{version}.txt"), "--id", SOURCE, "--published", "2019-08-22", "--publisher",
            "Bloomberg", "--title", "South Korea to Withdraw", "-o", str(project / "claims" / f"{SOURCE}.yaml"),
            "--keep-stale"]


def start_extract(project: Path, version: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factcheck", "extract", *extract_args(project, version)],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def claim_ids(path: Path) -> list[str]:
    return [c.id for c in read_claims_file(path).claims]


def reviewed(path: Path) -> list[dict]:
    return [c.model_dump(mode="json") for c in read_claims_file(path).claims if c.status.value == "reviewed"]


def sequential(project: Path, order: str, scratch: Path) -> set[str]:
    """The claim ids after the extracts run one after the other, in this order."""
    copy = scratch / order
    shutil.copytree(project, copy)
    for version in order:
        done = subprocess.run([sys.executable, "-m", "factcheck", "extract", *extract_args(copy, version)], cwd=copy,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    return set(claim_ids(copy / "claims" / f"{SOURCE}.yaml"))


def test_two_concurrent_extracts_into_one_claims_file_lose_nothing(project, tmp_path_factory):
    claims_path = project / "claims" / f"{SOURCE}.yaml"
    before = reviewed(claims_path)
    ab, ba = sequential(project, "ab", tmp_path_factory.mktemp("ab")), sequential(project, "ba", tmp_path_factory.mktemp("ba"))
    only_a = set(sequential(project, "a", tmp_path_factory.mktemp("a"))) - set(claim_ids(claims_path))
    only_b = set(sequential(project, "b", tmp_path_factory.mktemp("b"))) - set(claim_ids(claims_path))
    assert only_a - only_b and only_b - only_a, "each writer must bring claims of its own"
    for held in (True, False):  # both wait on a lock the test holds, then race freely
        original = claims_path.read_bytes()
        if held:
            with file_lock(claims_path):
                writers = [start_extract(project, "a"), start_extract(project, "b")]
                time.sleep(3)  # both are past extraction and waiting for the lock
                assert all(w.poll() is None for w in writers)
        else:
            writers = [start_extract(project, "a"), start_extract(project, "b")]
        for writer in writers:
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
        ids = claim_ids(claims_path)
        assert len(ids) == len(set(ids))
        assert set(ids) in (ab, ba)  # as if one ran after the other: no write lost, none torn
        assert (only_a - only_b) <= set(ids) and (only_b - only_a) <= set(ids)
        assert reviewed(claims_path) == before
        claims_path.write_bytes(original)


def test_a_second_writer_gives_up_with_a_clear_message_after_the_timeout(project):
    claims_path = project / "claims" / f"{SOURCE}.yaml"
    original = claims_path.read_bytes()
    with file_lock(claims_path):
        done = subprocess.run([sys.executable, "-m", "factcheck", "extract", *extract_args(project, "a")], cwd=project,
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "FACTCHECK_LOCK_TIMEOUT": "0.5"})
    assert done.returncode == 2
    assert "another factcheck run is writing it" in done.stderr and str(claims_path) in done.stderr
    assert "Traceback" not in done.stderr
    assert claims_path.read_bytes() == original


KILLS = 200


@pytest.mark.slow
def test_extract_killed_at_random_moments_leaves_the_old_file_or_the_new_one(project, monkeypatch):
    """Fork (the imports are paid once), run `ingest` in the child, SIGKILL it after a random delay
    spread over its whole run, the merge and write included. Each time the claims file is the old
    one byte for byte, or the complete new one (valid, reviewed claims untouched)."""
    from factcheck.extract.ingest import ingest

    monkeypatch.chdir(project)
    claims_path = project / "claims" / f"{SOURCE}.yaml"
    old = claims_path.read_bytes()
    before = reviewed(claims_path)
    options = {"id": SOURCE, "published": "2019-08-22", "publisher": "Bloomberg", "title": "South Korea to Withdraw"}
    article = project / "article-a.txt"
    ingest(article, options, output=claims_path)  # warms the caches the children share
    new = claims_path.read_bytes()
    assert new != old

    def fork_extract() -> int:
        claims_path.write_bytes(old)
        pid = os.fork()
        if pid == 0:  # the child: one extract, then out without cleanup
            try:
                ingest(article, options, output=claims_path)
            finally:
                os._exit(0)
        return pid

    durations = []
    for _ in range(3):  # how long a forked extract takes here, now: the kills must span all of it
        started = time.monotonic()
        os.waitpid(fork_extract(), 0)
        durations.append(time.monotonic() - started)
        assert claims_path.read_bytes() == new
    duration = max(durations)
    rng = random.Random(9)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        pid = fork_extract()
        time.sleep(rng.uniform(0, duration * 1.3))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        now = claims_path.read_bytes()
        if now == old:
            outcomes["old"] += 1
        else:
            assert now == new, "a partial or different claims file"
            assert reviewed(claims_path) == before
            outcomes["new"] += 1
        for stale in claims_path.parent.glob(f".{claims_path.name}.*.tmp"):  # what a killed writer leaves
            stale.unlink()
    assert sum(outcomes.values()) == KILLS
    assert outcomes["old"] and outcomes["new"], outcomes  # the kills landed before and after the rename
