"""What the build takes out of an executed notebook besides its HTML: key findings, data used, the notebook itself.

A report attaches its key findings and the data it used as JSON outputs under
their own MIME types (nbconvert's HTML export ignores them); the build stores
them next to the HTML (``<report>.findings.json``) so that the next build can
compare findings as data, and publishes the executed notebook itself
(``notebooks/<report>.ipynb``, outputs kept, run-to-run drift already removed).
"""

from __future__ import annotations

import json

FINDINGS_MIME = "application/vnd.assad-collapse.findings+json"
DATA_USED_MIME = "application/vnd.assad-collapse.data-used+json"


def _payloads(nb, mime: str) -> list:
    out = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data") or {}
            if mime in data:
                value = data[mime]
                out.append(json.loads(value) if isinstance(value, str) else value)
    return out


def findings(nb) -> list[dict]:
    """Every key finding the notebook attached, in order (each a dict with key, text, values, sources)."""
    found = []
    for payload in _payloads(nb, FINDINGS_MIME):
        items = payload.get("findings", payload) if isinstance(payload, dict) else payload
        found.extend(dict(item) for item in items if isinstance(item, dict))
    return found


def data_used(nb) -> dict[str, list[str]]:
    """The data files and ids the notebook says it used: {"files": [...], "ids": [...]}, sorted and unique."""
    files, ids = set(), set()
    for payload in _payloads(nb, DATA_USED_MIME):
        if isinstance(payload, dict):
            files.update(map(str, payload.get("files") or []))
            ids.update(map(str, payload.get("ids") or []))
    return {"files": sorted(files), "ids": sorted(ids)}


def findings_json(items: list[dict]) -> bytes:
    return (json.dumps(items, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def notebook_bytes(nb) -> bytes:
    """The executed notebook as published: valid nbformat 4, outputs kept, the injected parameters cell visible."""
    import nbformat

    return (nbformat.writes(nb, version=4) + "\n").encode("utf-8")
