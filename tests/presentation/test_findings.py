"""presentation.findings: the Key findings section, and the same findings attached as JSON in one output."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assad_collapse.presentation import findings


def _capture(monkeypatch) -> list:
    shown = []
    monkeypatch.setattr(findings, "display", lambda obj, raw=False: shown.append((obj, raw)))
    return shown


def test_key_findings_show_as_a_section_and_travel_as_json(monkeypatch):
    shown = _capture(monkeypatch)
    items = [findings.Finding("funding.level_2024", "Support fell to about $0.75bn a year [3].", {"value": np.float64(0.75)},
                              ("fund_level_2024",)),
             findings.Finding("funding.peak", "At the peak, about $2.5bn a year.", {"value": 2.5, "missing": float("nan")})]
    findings.show_key_findings(items)
    (output, raw), = shown
    assert raw
    assert output["text/markdown"].startswith("## Key findings\n\n- Support fell to about \\$0.75bn a year [3].")
    record = output[findings.FINDINGS_MIME]["findings"]
    assert json.loads(json.dumps(record)) == record  # JSON-able as it stands
    assert record[0] == {"key": "funding.level_2024", "text": "Support fell to about $0.75bn a year [3].",
                         "values": {"value": 0.75}, "sources": ["fund_level_2024"]}
    assert record[1]["values"]["missing"] is None


def test_finding_keys_are_unique(monkeypatch):
    _capture(monkeypatch)
    with pytest.raises(ValueError, match="unique"):
        findings.show_key_findings([findings.Finding("a", "x", {}), findings.Finding("a", "y", {})])
