"""Whole files only: write to a temporary file in the same directory, then rename it into place.

A reader (or a build killed half-way) sees either the old file or the new one,
never a partial one. Temporary files are named ``.<name>.<random>.tmp``; those
left by a killed build are removed by the next one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TMP_PATTERN = ".*.tmp"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644 & ~_umask())  # mkstemp makes 0600; reports are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless ``path`` already holds exactly these bytes; return whether it wrote."""
    try:
        if Path(path).read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True


def remove_stale_temps(*directories: Path) -> list[Path]:
    """Delete temporary files a killed build left behind (call only while holding the build lock)."""
    removed = []
    for directory in directories:
        for tmp in Path(directory).glob(TMP_PATTERN):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
