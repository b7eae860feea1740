"""A report's parameters for one build, checked before any kernel starts (standard library only).

Every value is checked with the specs the notebook itself uses
(:mod:`..reportparams`): the catalogue's values always, ``-p`` values for the
chosen reports. The build injects a value for every parameter the specs
declare, so an edited and saved parameters cell cannot change a published
report. Values that differ from the catalogue's make an *exploration*: it is
written to ``explore/<report>--<hash>.html``, never over the published report,
and opens with a note that says in words which values differ.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue import Report
from ..errors import ParameterError
from ..params import Param
from ..reportparams import BY_NOTEBOOK, DataView, ReportParameters, for_notebook
from . import cache
from .nbparams import Declared

EXPLORE_DIR = "explore"


@dataclass(frozen=True)
class Resolved:
    """One report's parameters in this build."""

    specs: ReportParameters
    catalogue: dict[str, Any]  # every parameter as the catalogue sets it (defaults filled in)
    effective: dict[str, Any]  # what this build runs with
    injected: dict[str, Any]  # what papermill injects
    differing: dict[str, Any] = field(default_factory=dict)  # names whose value differs from the catalogue's

    def explore_file(self, report: str) -> str | None:
        """``explore/<report>--<hash of the differing values>.html`` for an exploration, else None."""
        return f"{EXPLORE_DIR}/{report}--{cache.digest(self.differing)[:10]}.html" if self.differing else None


def resolve(report: Report, found: Declared, overrides: dict[str, str], data_dir: Path | None) -> Resolved:
    """Check the catalogue's values and the ``-p`` texts (parsed per spec); raise ParameterError naming the report."""
    specs = for_notebook(report.notebook.name, found.defaults, found.comments)
    try:
        catalogue = specs.check(report.parameters, data_dir)
    except ParameterError as exc:
        raise exc.at(f"reports.toml, report '{report.name}'") from None
    try:
        given = {name: _parse(specs, name, text) for name, text in overrides.items()}
        effective = specs.check({**report.parameters, **given}, data_dir) if given else catalogue
    except ParameterError as exc:
        raise exc.at(f"report '{report.name}'") from None
    differing = {n: v for n, v in effective.items() if cache.canonical(v) != cache.canonical(catalogue[n])}
    if report.notebook.name in BY_NOTEBOOK:
        injected = dict(effective)  # every parameter: a saved edit of the notebook's cell changes nothing
    else:
        injected = {n: effective[n] for n in {**report.parameters, **given}}
    return Resolved(specs, catalogue, effective, dict(sorted(injected.items())), differing)


def _parse(specs: ReportParameters, name: str, text: str) -> Any:
    spec = specs.spec(name)
    if spec is None:
        known = ", ".join(p.name for p in specs.specs) or "none (no cell tagged 'parameters')"
        raise ParameterError(name, text, f"one of the report's parameters: {known}")
    return spec.parse(text)


def describe(param: Param, value: Any, titles: dict[str, str]) -> str:
    """A value in words for a reader: 35% for a share of 0.35, an event's title for its id."""
    if value is None:
        return param.none_means if param.optional else "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        if param.shown_as == "events":
            return "; ".join(titles.get(v, str(v)) for v in value) or "none"
        return ", ".join(describe(param, v, titles) for v in value) or "none"
    if isinstance(value, float):
        shown = {"share": f"{value * 100:.4g}%", "percent": f"{value:.4g}%", "usd_bn_per_year": f"${value:.4g}bn a year"}
        return shown.get(param.shown_as, f"{value:.6g}")
    if isinstance(value, str):
        return value.replace("_", " ")
    return str(value)


def banner(resolved: Resolved, data_dir: Path | None) -> str:
    """The note an explored report opens with: which values differ from the published report's, in words (HTML)."""
    titles = dict(zip(DataView(data_dir).column("events.csv", "id") or [], DataView(data_dir).column("events.csv", "title") or []))
    items = []
    for name, value in resolved.differing.items():
        param = resolved.specs.spec(name)
        items.append(
            f"<li>{html.escape(param.label)}: <strong>{html.escape(describe(param, value, titles))}</strong> "
            f"(published report: {html.escape(describe(param, resolved.catalogue[name], titles))})</li>")
    return (
        '<div class="exploration-note" role="note" style="border:2px solid #a40000;border-radius:4px;'
        'padding:.25rem 1rem;margin:0 0 1rem">'
        "<p><strong>An exploration, not the published report.</strong> It was built with "
        f"{'a value that differs' if len(items) == 1 else 'values that differ'} from the published report's, and "
        f"everything below follows from {'it' if len(items) == 1 else 'them'}:</p><ul>{''.join(items)}</ul></div>"
    )
