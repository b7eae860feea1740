"""The reports directory: refuse one the build must not write into, before anything is written.

A build writes ``index.html``, ``manifest.json``, ``<report>.html``, ``data/*.csv``
and ``explore/*.html`` into its reports directory and deletes temporary files of
its own naming there. So the directory must be the build's own: it may not be,
hold or sit inside the project's inputs (the checkout, the data directory, the
notebooks' folders, the catalogue, the library), and if it already holds files
they must be a build's (it has a build manifest). Standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import AssadCollapseError
from ..paths import LIBRARY, ROOT
from . import manifest
from .atomic import is_our_temp
from .lock import LOCK_NAME

SUBDIRECTORIES = ("data", "explore", "notebooks")  # where the build writes below the reports directory


class UnsafeReportsDir(AssadCollapseError):
    """The reports directory is one the build must not write into."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


CHECKOUT = "the project checkout"


def protected(root: Path, data_dir: Path, notebooks: list[Path], catalogue: Path | None = None) -> dict[Path, str]:
    """The inputs a reports directory may not be or hold, with what each is; it may not sit inside any but a checkout."""
    found = {Path(root).resolve(): CHECKOUT}
    if (ROOT / "pyproject.toml").exists():
        found.setdefault(ROOT, CHECKOUT)
    found.setdefault(Path(data_dir).resolve(), "the data directory")
    found.setdefault(LIBRARY, "the library")
    for notebook in notebooks:
        found.setdefault(Path(notebook).resolve().parent, "a notebooks folder")
    if catalogue is not None:
        found.setdefault(Path(catalogue).resolve(), "the report catalogue")
    return found


def check(reports_dir: Path, inputs: dict[Path, str]) -> Path:
    """Return the resolved reports directory, or raise :class:`UnsafeReportsDir` saying why it is refused."""
    given = Path(reports_dir)
    target = given.resolve()
    for path, what in inputs.items():
        if target == path:
            raise UnsafeReportsDir(f"--reports-dir {str(given)!r} is {what}; choose an empty or new folder, e.g. reports/")
        if target in path.parents:
            raise UnsafeReportsDir(f"--reports-dir {str(given)!r} holds {what}; choose an empty or new folder, e.g. reports/")
        if what != CHECKOUT and _inside(target, path):
            raise UnsafeReportsDir(f"--reports-dir {str(given)!r} lies inside {what}; choose a folder outside it")
    if target.exists() and not target.is_dir():
        raise UnsafeReportsDir(f"--reports-dir {str(given)!r} is not a folder")
    for sub in SUBDIRECTORIES:
        path = target / sub
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            raise UnsafeReportsDir(f"{path} is not a plain folder (a link or a file); the build writes only into its own folders")
    if target.is_dir() and not _is_empty(target) and not manifest.is_build_manifest(target):
        raise UnsafeReportsDir(
            f"--reports-dir {str(given)!r} is a folder of other files, not one a build made (it has no build "
            f"{manifest.NAME}); choose an empty or new folder")
    return target


def _is_empty(directory: Path) -> bool:
    """Nothing in it but a build's lock file and temporary files (what a build killed at once leaves)."""
    return all(entry.name == LOCK_NAME or is_our_temp(Path(entry.path)) for entry in os.scandir(directory))
