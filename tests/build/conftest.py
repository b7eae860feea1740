"""Built reports shared by the build tests: the real catalogue, and a tiny one of their own."""

from __future__ import annotations

import pytest

from build_helpers import Tiny, run_cli


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")  # built once per session; tests copy it before changing anything
    run = run_cli("build", "--reports-dir", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    return out


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    t = Tiny(tmp_path_factory.mktemp("tiny"))
    run = t.run(t.reports)
    assert run.returncode == 0, run.stdout + run.stderr
    return t
