"""Where things are: the package, the repository, and the data directory a run reads.

Standard library only, so that the build's no-op path can use it without pandas.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import AssadCollapseError

LIBRARY = Path(__file__).resolve().parent  # src/assad_collapse
ROOT = LIBRARY.parents[1]  # the repository
LOCK_FILE = ROOT / "requirements.lock"
CATALOGUE = ROOT / "reports.toml"
DATA_DIR_ENV = "ASSAD_COLLAPSE_DATA_DIR"


def data_directory(path: str | os.PathLike | None = None) -> Path:
    """The data directory: ``path``, else ``$ASSAD_COLLAPSE_DATA_DIR``, else the repository's data/."""
    chosen = Path(path or os.environ.get(DATA_DIR_ENV) or ROOT / "data")
    if not chosen.is_dir():
        raise AssadCollapseError(f"data directory {str(chosen)!r} does not exist")
    return chosen.resolve()
