"""build.manifest: what the manifest records, and what it never does."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest


from helpers import ROOT

pytestmark = pytest.mark.slow


def test_the_manifest_is_private(built):
    text = (built / "manifest.json").read_text()
    assert str(ROOT) not in text and "/tmp/" not in text and str(Path.home()) + "/" not in text
    assert socket.gethostname() not in re.findall(r"[\w.-]+", text)
    for entry in json.loads(text)["reports"].values():
        assert entry["status"] == "fresh" and not Path(entry["notebook"]).is_absolute()


def test_a_failure_is_published_without_its_message(tmp_path):
    """An exception's message may carry paths, user and host names: the manifest keeps where and what only."""
    import getpass

    from build_helpers import run_cli

    secret = f"/home/{getpass.getuser()}/{socket.gethostname()}/private.csv"
    (tmp_path / "notebooks").mkdir()
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "cells": [{"cell_type": "code", "id": "c0", "metadata": {}, "execution_count": None, "outputs": [],
                     "source": f"open({secret!r})"}]}
    (tmp_path / "notebooks" / "leaky.ipynb").write_text(json.dumps(nb))
    (tmp_path / "reports.toml").write_text('[[report]]\nname = "leaky"\nnotebook = "notebooks/leaky.ipynb"\ntitle = "L"\nsummary = "S"\n')
    out = tmp_path / "reports"
    run = run_cli("build", "--catalogue", str(tmp_path / "reports.toml"), "--reports-dir", str(out))
    assert run.returncode == 1 and "FileNotFoundError" in run.stdout and "private.csv" in run.stdout  # the log says it all
    text = (out / "manifest.json").read_text()
    assert json.loads(text)["reports"]["leaky"]["error"] == "leaky.ipynb, cell 0: FileNotFoundError"
    assert secret not in text and "private.csv" not in text and socket.gethostname() not in text
    assert str(tmp_path) not in (out / "index.html").read_text()
