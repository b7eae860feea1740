"""Which data ids a report drew on outside its citations (the ids behind its charts), for its data-used record.

A notebook's kernel runs one report, so a module-level set is that report's record;
:func:`..citations.sources_section` adds it to the ids the report cites.
"""

from __future__ import annotations

from typing import Iterable

DRAWN: set[str] = set()


def drew(ids: Iterable[str]) -> None:
    """Note the ids a chart is drawn from."""
    DRAWN.update(ids)


def reset() -> None:
    DRAWN.clear()
