"""cli.py: list, params and datapackage --check."""

from __future__ import annotations

import subprocess
import sys


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
