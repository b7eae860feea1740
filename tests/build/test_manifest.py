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
