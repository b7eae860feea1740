"""Key findings: the three to five sentences that answer a report's question, shown first and kept as data.

A :class:`Finding` is the reader's sentence (Markdown, with its uncertainty word and
its citation) together with the numbers behind it and the data ids it rests on.
:func:`show_key_findings` displays them as the report's "Key findings" section and
attaches them, in the same output, as JSON under :data:`FINDINGS_MIME`; nbconvert's
HTML ignores that mime type, and the build can store it next to the HTML to say
what changed from one build to the next.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from IPython.display import display

from . import labels, prose

FINDINGS_MIME = "application/vnd.assad-collapse.findings+json"
HEADING = "Key findings"


@dataclass(frozen=True)
class Finding:
    """One key finding: a stable machine key ('funding.level_2024'), the reader's Markdown sentence,
    the JSON-able numbers behind it and the data ids it rests on."""

    key: str
    text: str
    values: dict
    sources: tuple[str, ...] = ()

    def record(self) -> dict:
        """The finding as JSON-able data (numbers as plain floats, NaN and infinities as None; the text as typeset)."""
        return {"key": self.key, "text": labels.typeset(self.text), "values": _jsonable(self.values), "sources": list(self.sources)}


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int):
        return value
    return str(value)


def markdown(findings: list[Finding]) -> str:
    """The Key findings section as Markdown: a heading and one bullet per finding."""
    return f"## {HEADING}\n\n" + "\n".join(f"- {f.text}" for f in findings)


def show_key_findings(findings: list[Finding]) -> None:
    """Display the Key findings section and attach the findings as JSON in the same output."""
    keys = [f.key for f in findings]
    if len(set(keys)) != len(keys):
        raise ValueError(f"finding keys must be unique, got {keys}")
    display({"text/markdown": prose.reader_markdown(markdown(findings)),
             FINDINGS_MIME: {"findings": [f.record() for f in findings]}}, raw=True)
