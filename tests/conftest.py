"""Shared fixtures: a private copy of data/ that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DATA


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
