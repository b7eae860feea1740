"""One build at a time per reports directory: an advisory ``flock`` on ``<reports>/.build.lock``.

The kernel releases the lock when the holding process dies, however it dies
(even SIGKILL), so a lock file left on disk never blocks the next build. The
holder writes its pid into the file so that a refused build can name it.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from ..errors import AssadCollapseError

LOCK_NAME = ".build.lock"


class BuildLocked(AssadCollapseError):
    """Another process holds the build lock."""

    def __init__(self, path: Path, pid: int | None):
        self.path, self.pid = path, pid
        holder = f"pid {pid}" if pid else "pid unknown"
        super().__init__(f"another build is running ({holder}; lock {path}); try again when it has finished")


class BuildLock:
    """Context manager: take the lock at once or raise :class:`BuildLocked`; never waits."""

    def __init__(self, reports_dir: Path):
        self.path = Path(reports_dir) / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> "BuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise BuildLocked(self.path, pid) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)  # the file stays: unlinking a lock file races with the next taker
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _read_pid(fd: int) -> int | None:
    """The holder's pid; it is written just after the lock is taken, so wait a moment for it."""
    for _ in range(20):
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if text.isdigit():
            return int(text)
        time.sleep(0.01)
    return None
