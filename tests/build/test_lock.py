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
