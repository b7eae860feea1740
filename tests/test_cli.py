"""cli.py: list, params and datapackage --check."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

import pytest
from helpers import DATA


def run(*args):
    return subprocess.run([sys.executable, "-m", "assad_collapse.cli", *args], capture_output=True, text=True)


def test_list_shows_the_catalogue():
    out = run("list")
    assert out.returncode == 0 and out.stdout.startswith("funding-cuts\tnotebooks/01-funding-cuts.ipynb")


def test_params_shows_defaults_and_help():
    out = run("params", "funding-cuts")
    assert out.returncode == 0 and "share_2022 = None" in out.stdout
    missing = run("params", "nope")
    assert missing.returncode == 2 and "no report named 'nope'" in missing.stderr


def test_datapackage_check():
    out = run("datapackage", "--check")
    assert out.returncode == 0, out.stderr


def test_params_shows_type_default_allowed_values_and_description_for_every_parameter():
    out = run("params", "hypothesis-assessment-intent")
    assert out.returncode == 0, out.stderr
    assert "question = 'intent'  (the catalogue's value)" in out.stdout and "draws = 10000  (default)" in out.stdout
    assert "type: whole number; allowed: a whole number from 100 to 200000" in out.stdout
    assert "Monte Carlo: number of draws." in out.stdout and "# None" not in out.stdout


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_full_or_read_only_disk_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys, error):
    import types

    from assad_collapse import cli
    from assad_collapse.build import atomic

    def refuse(*args, **kwargs):
        raise OSError(error, os.strerror(error), str(tmp_path / "reports" / ".manifest.json.x.tmp"))

    monkeypatch.setattr(atomic, "tempfile", types.SimpleNamespace(mkstemp=refuse))
    code = cli.main(["build", "--reports-dir", str(tmp_path / "reports")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: cannot write or read a file") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_data_file_that_is_a_fifo_stops_the_build_at_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "events.csv").unlink()
    os.mkfifo(data / "events.csv")
    out = subprocess.run([sys.executable, "-m", "assad_collapse.cli", "build", "--data-dir", str(data),
                          "--reports-dir", str(tmp_path / "reports")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "events.csv is not a regular file" in out.stderr and "Traceback" not in out.stderr
