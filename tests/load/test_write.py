"""Atomic writes (issue 9, item 5): the mode is kept, a new file gets the umask, a failure is a
`WriteError` naming the path with the old file untouched, and outputs recognise what factcheck wrote.
A text given in pieces (issue 11: a report streamed to `-o FILE`) is written as they come, to the same
bytes as the one string, and a piece that fails to be made leaves the old file and no temporary."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.load import write
from factcheck.load.write import (OutputRefused, WriteError, check_output, check_proposals_output, file_lock,
                                  previous_output, write_atomic)

ROOT = Path(__file__).resolve().parents[2]


def in_pieces(text: str, size: int = 7) -> Iterator[str]:
    """`text` as a generator of `size`-character pieces (a multi-byte character may end a piece)."""
    return (text[start:start + size] for start in range(0, len(text), size))


def in_utf8_pieces(text: str, size: int = 7) -> Iterator[bytes]:
    """`text` in UTF-8 as a generator of `size`-byte pieces (a piece may end inside a character), as a
    JSON report is written: bytes as orjson encoded them."""
    raw = text.encode("utf-8")
    return (raw[start:start + size] for start in range(0, len(raw), size))


AS_GIVEN = {"one string": lambda text: text, "pieces": in_pieces, "bytes": in_utf8_pieces}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("given", AS_GIVEN)
def test_a_rewrite_keeps_the_mode(tmp_path, given):
    target = tmp_path / "claims.yaml"
    target.write_text("old\n")
    for kept in (0o640, 0o600, 0o664, 0o755):
        target.chmod(kept)
        write_atomic(target, AS_GIVEN[given]("a new text, longer than a piece\n"))
        assert mode(target) == kept and target.read_text() == "a new text, longer than a piece\n"


@pytest.mark.parametrize("given", AS_GIVEN)
@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_a_new_file_gets_the_users_umask_not_0600(tmp_path, umask, given):
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.yaml", AS_GIVEN[given]("a text of several pieces\n"))
    finally:
        os.umask(previous)
    assert mode(tmp_path / "new.yaml") == 0o666 & ~umask


def test_a_symlink_is_written_through(tmp_path):
    (tmp_path / "real.json").write_text("{}\n")
    (tmp_path / "link.json").symlink_to("real.json")
    write_atomic(tmp_path / "link.json", "[]\n")
    assert (tmp_path / "link.json").is_symlink() and (tmp_path / "real.json").read_text() == "[]\n"


def test_a_long_name_gets_a_short_temporary_name(tmp_path):
    target = tmp_path / ("x" * 245 + ".yaml")  # 250 characters: a legal name
    write_atomic(target, "text\n")
    assert target.read_text() == "text\n" and not leftovers(tmp_path)


@pytest.mark.parametrize("name, reason", [
    ("y" * 300 + ".json", "File name too long"),
    ("a-file/report.json", "Not a directory"),
])
def test_a_failed_write_is_a_write_error_naming_the_path(tmp_path, name, reason):
    (tmp_path / "a-file").write_text("I am a file\n")
    with pytest.raises(WriteError) as raised:
        write_atomic(tmp_path / name, "text\n")
    assert str(raised.value).startswith(f"cannot write {tmp_path / name}: ") and reason in str(raised.value)
    assert (tmp_path / "a-file").read_text() == "I am a file\n" and not leftovers(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only directory")
def test_a_read_only_directory_is_a_write_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "report.json").write_text("old\n")
    locked.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="Permission denied"):
            write_atomic(locked / "report.json", "new\n")
    finally:
        locked.chmod(0o700)
    assert (locked / "report.json").read_text() == "old\n"


@pytest.mark.parametrize("given", AS_GIVEN)
@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, step, given):
    target = tmp_path / "claims.yaml"
    target.write_text("reviewed\n")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(write.os, step, full)
    with pytest.raises(WriteError, match="No space left on device"):
        write_atomic(target, AS_GIVEN[given]("half of a text"))
    assert target.read_text() == "reviewed\n" and not leftovers(tmp_path)


SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("size", [1, 7, 4096, 10**7])
def test_pieces_write_the_same_bytes_as_one_string(tmp_path, seed, size):
    text = seed.read_text(encoding="utf-8")
    assert not text.isascii()  # curly quotes: pieces end inside a character's UTF-8 bytes
    write_atomic(tmp_path / "whole.txt", text)
    write_atomic(tmp_path / "pieces.txt", in_pieces(text, size))
    write_atomic(tmp_path / "bytes.txt", in_utf8_pieces(text, size))
    assert (tmp_path / "pieces.txt").read_bytes() == (tmp_path / "whole.txt").read_bytes() == seed.read_bytes()
    assert (tmp_path / "bytes.txt").read_bytes() == seed.read_bytes()
    write_atomic(tmp_path / "empty.txt", iter(()))
    assert (tmp_path / "empty.txt").read_bytes() == b"" and not leftovers(tmp_path)


def test_each_piece_is_on_disk_before_the_next_is_made(tmp_path):
    """The pieces are written as they come, never joined: while the 40th piece is made, the temporary
    file already holds the 39 before it (a joined text would hold nothing yet)."""
    piece = "x" * 65536
    seen: list[int] = []

    def report() -> Iterator[str]:
        for number in range(40):
            [temporary] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            seen.append(temporary.stat().st_size)
            yield piece
    write_atomic(tmp_path / "report.json", report())
    assert all(size >= (number - 1) * len(piece) for number, size in enumerate(seen)), seen
    assert seen[-1] >= 38 * len(piece) and (tmp_path / "report.json").stat().st_size == 40 * len(piece)


class ReportBroke(Exception):
    """What a renderer's bug raises halfway through a report."""


@pytest.mark.parametrize("raised", [ReportBroke("finding 3 broke"), OSError(errno.ENOENT, "a source went away"),
                                    KeyboardInterrupt()])
def test_a_piece_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, raised):
    target = tmp_path / "report.json"
    target.write_text('{"old": "report"}\n')
    target.chmod(0o640)

    def report() -> Iterator[str]:
        yield '{"schema_version":2,\n'
        yield "x" * 100_000  # written through to the temporary file before the failure
        raise raised
    with pytest.raises(type(raised)) as caught:  # the renderer's own error, not a WriteError
        write_atomic(target, report())
    assert caught.value is raised and not isinstance(caught.value, WriteError)
    assert target.read_text() == '{"old": "report"}\n' and mode(target) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    with pytest.raises(ReportBroke):
        write_atomic(tmp_path / "new.json", (_ for _ in ()).throw(ReportBroke()))  # no old file: none made
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_file_size_limit_reached_midway_is_a_write_error(tmp_path):
    """A real write failure partway through the pieces (RLIMIT_FSIZE: `File too large`): a WriteError
    naming the path, the old file as it was, no temporary."""
    target = tmp_path / "report.json"
    target.write_text("old report\n")
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails (EFBIG) instead of a signal
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, limits[1]))
    try:
        with pytest.raises(WriteError, match=f"cannot write {target}: File too large"):
            write_atomic(target, ("y" * 65536 for _ in range(10)))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)
    assert target.read_text() == "old report\n" and not leftovers(tmp_path)


def test_shipped_inputs_are_never_taken_for_outputs():
    inputs = [*ROOT.glob("claims/*.yaml"), *ROOT.glob("rules/**/*.yaml"), *ROOT.glob("seeds/*"),
              ROOT / "factcheck" / "data" / "cues.yaml"]
    assert len(inputs) > 5
    assert [p for p in inputs if previous_output(p) is not None] == []
    for path in inputs:
        with pytest.raises(OutputRefused, match="not an earlier factcheck output"):
            check_output(path)


def test_an_output_may_replace_an_empty_or_missing_file_but_not_an_input(tmp_path):
    check_output(tmp_path / "new.json")
    (tmp_path / "empty.json").write_text("")
    check_output(tmp_path / "empty.json")
    with pytest.raises(OutputRefused, match="an input of this command"):
        check_output(tmp_path / "new.json", inputs=[tmp_path / "new.json"])
    with pytest.raises(OutputRefused, match="not a regular file"):
        check_output(tmp_path)


def test_proposals_replace_only_proposals(tmp_path):
    entities = tmp_path / "entities.yaml"
    entities.write_text("entities:\n  - id: x\n    name: X\n    kind: person\n")
    with pytest.raises(OutputRefused, match="the entities file"):
        check_proposals_output(entities)
    proposals = tmp_path / "proposed.yaml"
    proposals.write_text(write.PROPOSALS_MARKER + " for names it could not resolve.\nentities: []\n")
    check_proposals_output(proposals)
    with pytest.raises(OutputRefused, match="the claims file this extract writes"):
        check_proposals_output(tmp_path / "c.yaml", claims_output=tmp_path / "c.yaml")


def test_a_held_lock_times_out_with_a_message(tmp_path):
    target = tmp_path / "claims.yaml"
    with file_lock(target):
        with pytest.raises(WriteError, match="another factcheck run is writing it"):
            with file_lock(target, timeout=0.2):
                pass
    with file_lock(target, timeout=0.2):  # released with its holder
        pass


def test_the_lock_file_goes_with_its_release(tmp_path):
    target = tmp_path / "claims.yaml"
    with file_lock(target):
        assert (tmp_path / ".claims.yaml.lock").exists()
    assert not (tmp_path / ".claims.yaml.lock").exists()
    (tmp_path / ".claims.yaml.lock").write_text("")  # left by a killed run: taken as it is
    with file_lock(target, timeout=0.2):
        pass


def test_text_that_utf8_cannot_encode_is_a_write_error(tmp_path):
    """A lone surrogate in a piece of text (pieces are encoded as they are written): a WriteError, the old
    file as it was, no temporary, as when the file was written as text."""
    target = tmp_path / "report.json"
    target.write_text("old report\n")
    with pytest.raises(WriteError, match="surrogate"):
        write_atomic(target, iter(["a first piece\n", "a lone \ud800 surrogate\n"]))
    assert target.read_text() == "old report\n" and not leftovers(tmp_path)
