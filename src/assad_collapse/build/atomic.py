"""Whole files only: write to a temporary file in the same directory, then rename it into place.

A reader (or a build killed half-way) sees either the old file or the new one,
never a partial one. Temporary files are named ``.<name>.<8 random>.assad-collapse.tmp``;
the next build removes those a killed build left behind, and never any other file.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path

TMP_SUFFIX = ".assad-collapse.tmp"
# mkstemp's random part is 8 characters of [a-z0-9_]; nothing else matches our naming.
_OUR_TEMP = re.compile(r"^\.(?P<name>[^/]+)\.[a-z0-9_]{8}" + re.escape(TMP_SUFFIX) + r"$")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
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
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    write_atomic(path, data)
    return True


def is_our_temp(path: Path) -> bool:
    """``path`` is a regular file named as :func:`write_atomic` names its temporary files."""
    if not _OUR_TEMP.match(Path(path).name):
        return False
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_stale_temps(*directories: Path) -> list[Path]:
    """Delete temporary files a killed build left behind (call only while holding the build lock).

    Only regular files of our own naming are removed; anything else is left alone.
    """
    removed = []
    for directory in directories:
        try:
            candidates = sorted(Path(directory).iterdir())
        except (FileNotFoundError, NotADirectoryError):
            continue
        for tmp in candidates:
            if is_our_temp(tmp):
                tmp.unlink(missing_ok=True)
                removed.append(tmp)
    return removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
