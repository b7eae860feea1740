"""build.lock: one build at a time."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from assad_collapse.build.lock import BuildLock, BuildLocked

from build_helpers import snapshot

pytestmark = pytest.mark.slow


def test_a_second_build_is_refused_at_once_with_the_holders_pid_and_exit_3(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    before = snapshot(out)
    with BuildLock(out):
        started = time.monotonic()
        run = tiny.run(out, "--force")
        elapsed = time.monotonic() - started
    assert run.returncode == 3, run.stdout + run.stderr
    assert "another build is running" in run.stderr and f"pid {os.getpid()}" in run.stderr
    assert elapsed < 5 and "building" not in run.stdout
    assert snapshot(out) == before


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom assad_collapse.build.lock import BuildLock\n"
         "BuildLock(sys.argv[1]).__enter__()\nprint('locked', flush=True)\ntime.sleep(60)", str(tmp_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(BuildLocked) as refused:
            BuildLock(tmp_path).__enter__()
        assert refused.value.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    assert (tmp_path / ".build.lock").exists()
    with BuildLock(tmp_path):
        assert (tmp_path / ".build.lock").read_text().strip() == str(os.getpid())


@pytest.mark.parametrize("make, says", [
    (lambda lock, target: lock.symlink_to(target), "symbolic link"),
    (lambda lock, target: os.link(target, lock), "hard links"),
    (lambda lock, target: lock.write_text("my notes, not a pid\n"), "something other than a process id"),
    (lambda lock, target: lock.mkdir(), "directory"),
    (lambda lock, target: os.mkfifo(lock), "not a regular file"),
])
def test_a_lock_path_that_is_not_a_build_lock_is_refused_and_nothing_is_truncated(tmp_path, make, says):
    from assad_collapse.build.lock import LockFileError

    target = tmp_path / "precious.txt"
    target.write_text("someone's work\n")
    make(tmp_path / ".build.lock", target)
    with pytest.raises(LockFileError, match=says):
        BuildLock(tmp_path).__enter__()
    assert target.read_text() == "someone's work\n"


def test_the_build_refuses_a_symlinked_lock_with_exit_2_and_leaves_its_target_whole(tiny, tmp_path):
    out = tiny.copy(tmp_path / "reports")
    target = tmp_path / "precious.txt"
    target.write_text("someone's work\n")
    (out / ".build.lock").unlink()
    (out / ".build.lock").symlink_to(target)
    before = snapshot(out)
    run = tiny.run(out, "--force")
    assert run.returncode == 2 and "symbolic link" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert target.read_text() == "someone's work\n" and snapshot(out) == before
