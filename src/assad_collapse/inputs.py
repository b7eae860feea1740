"""Read an input file only if it is a regular file of bounded size (standard library only).

A data file, notebook or catalogue that is a directory, a FIFO (which would hang
a reader), a device such as ``/dev/zero`` (which never ends) or a file of
gigabytes gets one clear error instead of a traceback, a hang or an exhausted
machine. Symbolic links to regular files are followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import AssadCollapseError

MAX_BYTES = 20_000_000  # far above any file of this project (the largest is ~100 KB)


class InputFileError(AssadCollapseError):
    """An input file that cannot be read: missing, not a regular file, or too large."""


def regular_file_problem(path: Path, limit: int = MAX_BYTES) -> str | None:
    """Why ``path`` cannot be read as an input file, in words; None if it can."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "does not exist"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISDIR(info.st_mode):
        return "is a directory, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a pipe, device or socket)"
    if info.st_size > limit:
        return f"is {info.st_size:,} bytes, more than the {limit:,} an input file may have"
    return None


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, or :class:`InputFileError` naming the file and what is wrong with it."""
    problem = regular_file_problem(path, limit)
    if problem:
        raise InputFileError(f"{path} {problem}")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InputFileError(f"{path} cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced between the check and the open
            raise InputFileError(f"{path} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(f"{path} is more than the {limit:,} bytes an input file may have")
    return data
