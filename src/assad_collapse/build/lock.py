"""One build at a time per reports directory: an advisory ``flock`` on ``<reports>/.build.lock``.

The kernel releases the lock when the holding process dies, however it dies
(even SIGKILL), so a lock file left on disk never blocks the next build. The
holder writes its pid into the file so that a refused build can name it.

The lock file is opened without following a symbolic link, and written (its
old pid replaced) only if it is a regular file that holds nothing but a pid: a
link, a directory, a hard-linked or foreign file in its place is refused, never
truncated.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from pathlib import Path

from ..errors import AssadCollapseError

LOCK_NAME = ".build.lock"
_MAX_LOCK_BYTES = 32


class BuildLocked(AssadCollapseError):
    """Another process holds the build lock."""

    def __init__(self, path: Path, pid: int | None):
        self.path, self.pid = path, pid
        holder = f"pid {pid}" if pid else "pid unknown"
        super().__init__(f"another build is running ({holder}; lock {path}); try again when it has finished")


class LockFileError(AssadCollapseError):
    """The lock's path holds something that is not a build lock (a link, a directory, someone's file)."""


class BuildLock:
    """Context manager: take the lock at once or raise :class:`BuildLocked`; never waits."""

    def __init__(self, reports_dir: Path):
        self.path = Path(reports_dir) / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> "BuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = _open(self.path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise BuildLocked(self.path, pid) from None
        os.ftruncate(fd, 0)  # a regular file holding at most a pid (checked by _open)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)  # the file stays: unlinking a lock file races with the next taker
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _open(path: Path) -> int:
    """Open (or create) the lock file without following links; refuse anything but a build's lock file."""
    refuse = f"{path} is not a build lock file"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LockFileError(f"{refuse}: it is a symbolic link (remove it; the build never writes through a link)") from None
        if exc.errno == errno.EISDIR:
            raise LockFileError(f"{refuse}: it is a directory (remove it)") from None
        raise
    info = os.fstat(fd)
    problem = None
    if not stat.S_ISREG(info.st_mode):
        problem = "it is not a regular file"
    elif info.st_nlink != 1:
        problem = "it has other hard links"
    elif info.st_size > _MAX_LOCK_BYTES or not _holds_a_pid_or_nothing(fd):
        problem = "it holds something other than a process id"
    if problem:
        os.close(fd)
        raise LockFileError(f"{refuse}: {problem} (move it away)")
    return fd


def _holds_a_pid_or_nothing(fd: int) -> bool:
    text = os.pread(fd, _MAX_LOCK_BYTES + 1, 0)
    return text.strip() == b"" or text.strip().isdigit()


def _read_pid(fd: int) -> int | None:
    """The holder's pid; it is written just after the lock is taken, so wait a moment for it."""
    for _ in range(20):
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if text.isdigit():
            return int(text)
        time.sleep(0.01)
    return None
