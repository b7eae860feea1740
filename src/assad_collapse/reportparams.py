"""Every report's parameters, defined once: read by the notebooks (through the analyses) and by the build.

Standard library only, so that the build checks every value, from ``-p`` and
from ``reports.toml`` alike, before any kernel starts, with the very specs and
checks the notebook applies. A check that needs data (an event id must exist)
reads the few columns it needs with the csv module; if that file cannot be read
the check is left to the notebook, after the data has been validated.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import ParameterError
from .inputs import InputFileError, read_bytes
from .params import Param, check_parameters, inferred
from .paper.vocabulary import ACTORS, EVENT_CATEGORIES, EVENTS_SCOPE, LADDERS, NA_MODES, QUESTIONS, SCHEMES, SOURCE_KINDS


class DataView:
    """A few columns of the data directory's files, read without pandas (None where a file is unreadable)."""

    def __init__(self, data_dir: Path | None):
        self.data_dir = data_dir

    def column(self, file: str, column: str, where: dict[str, str] | None = None) -> list[str] | None:
        if self.data_dir is None:
            return None
        try:
            text = read_bytes(Path(self.data_dir) / file).decode("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
        except (InputFileError, UnicodeDecodeError, csv.Error):
            return None
        if rows and column not in rows[0]:
            return None
        return [r[column] for r in rows if all(r.get(k) == v for k, v in (where or {}).items())]


@dataclass(frozen=True)
class ReportParameters:
    """One notebook's parameter specs and the checks across them (and against the data)."""

    specs: tuple[Param, ...]
    cross_check: Callable[[dict, DataView], None] | None = None

    def spec(self, name: str) -> Param | None:
        return next((p for p in self.specs if p.name == name), None)

    @property
    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.specs}

    def check(self, values: dict[str, Any], data_dir: Path | None = None) -> dict[str, Any]:
        """Every value checked and normalised, defaults filled in; raises :class:`ParameterError`."""
        checked = check_parameters(self.specs, values)
        if self.cross_check:
            self.cross_check(checked, DataView(data_dir))
        return checked


def _none(checked: dict, data: DataView) -> None:
    return None


# --- funding ---------------------------------------------------------------------------------------
MARKED_EVENTS = (
    "russian_support_reduction_begins_2020",
    "ukraine_war_starts_2022_02",
    "russia_cuts_funds_disloyal_units_2023",
    "crackdown_pro_russian_officers_2023_2024",
    "russia_heavy_support_cuts_2023_2024",
)


def _funding_checks(checked: dict, data: DataView) -> None:
    known = data.column("events.csv", "id")
    unknown = [e for e in checked["marked_events"] if known is not None and e not in known]
    if unknown or not all(isinstance(e, str) for e in checked["marked_events"]):
        raise ParameterError("marked_events", unknown or checked["marked_events"],
                             "a list of ids of events.csv, e.g. " + ", ".join(MARKED_EVENTS))


FUNDING = ReportParameters((
    Param("share_2022", float, None, "Assumed share of the 2022–23 total that fell in 2022 (the paper gives no split); "
          "None draws 2022–23 as one two-year span.", minimum=0.0, maximum=1.0, optional=True,
          none_means="no split: 2022–23 as one two-year span", shown_as="share"),
    Param("peak_bn_per_year", float, None, "Annual peak level used as the baseline, in $bn; None uses the paper's figure.",
          minimum=0.1, maximum=20.0, optional=True, shown_as="usd_bn_per_year"),
    Param("cut_percent", float, None, "Cut from the peak by 2024, in percent; None uses the paper's figure.",
          minimum=0.0, maximum=100.0, optional=True, shown_as="percent"),
    Param("marked_events", list, list(MARKED_EVENTS), "Events marked on the time axis (ids from events.csv).",
          shown_as="events"),
), _funding_checks)

# --- manpower, advisers, claims audit ----------------------------------------------------------------
SPREAD = Param("approximate_spread_percent", float, 0.0,
               "Margin read around figures the paper gives as approximate ('some', 'about', 'roughly'), in percent "
               "either side.", minimum=0.0, maximum=50.0, shown_as="percent")
MANPOWER = ReportParameters((SPREAD,), _none)
ADVISERS = ReportParameters((
    SPREAD,
    Param("order", str, "size", "Order of the 2024 postings: by size, or as the paper lists them.", choices=("size", "paper")),
), _none)
CLAIMS_AUDIT = ReportParameters((SPREAD,), _none)

# --- timeline --------------------------------------------------------------------------------------
FIRST, LAST = int(EVENTS_SCOPE[0][:4]), int(EVENTS_SCOPE[1][:4])


def _timeline_checks(checked: dict, data: DataView) -> None:
    if checked["end_year"] < checked["start_year"]:
        raise ParameterError("end_year", checked["end_year"], f"a year from start_year ({checked['start_year']}) to {LAST}")
    for name in ("actors", "categories"):
        if not checked[name]:
            raise ParameterError(name, checked[name], "at least one value")


TIMELINE = ReportParameters((
    Param("start_year", int, FIRST, "First year of the window shown.", minimum=FIRST, maximum=LAST),
    Param("end_year", int, LAST, "Last year of the window shown.", minimum=FIRST, maximum=LAST),
    Param("actors", list, list(ACTORS), "Show only events involving any of these actors.", choices=ACTORS, many=True),
    Param("categories", list, list(EVENT_CATEGORIES), "Show only events of these categories.", choices=EVENT_CATEGORIES,
          many=True),
), _timeline_checks)

# --- hypotheses (the ACH engine) ---------------------------------------------------------------------


def _hypotheses_checks(checked: dict, data: DataView) -> None:
    prior = checked["prior"]
    if prior is None:
        return
    if checked["scheme"] != "bayes":
        raise ParameterError("prior", prior, "None unless scheme='bayes'")
    ids = data.column("hypotheses.csv", "id", {"question": checked["question"]})
    n = len(prior) if ids is None else len(ids)
    allowed = f"None, or {n} positive finite numbers, one per hypothesis of the question in file order"
    if len(prior) != n or not all(_positive(v) for v in prior):
        raise ParameterError("prior", prior, allowed + (f" ({', '.join(ids)})" if ids else ""))


def _positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < float("inf")


HYPOTHESES = ReportParameters((
    Param("question", str, "collapse", "Which question's hypotheses to weigh: why the regime collapsed, or whether "
          "Russia weakened it on purpose.", choices=QUESTIONS),
    Param("scheme", str, "heuer", "Scoring: PARC's weighted inconsistency or the Bayesian reading.", choices=SCHEMES),
    Param("weighted", bool, True, "Weight items by credibility x relevance (low 1/√2, medium 1, high √2)."),
    Param("ladder", str, "heuer", "Bayesian likelihood ratios: only inconsistency counts, or consistency too.",
          choices=LADDERS),
    Param("ii_weight", float, 2.0, "How many inconsistencies a very inconsistent rating counts for (and, in the "
          "Bayesian reading, what a very consistent one counts).", minimum=1.0, maximum=4.0),
    Param("na", str, "zero", "Not applicable counts nothing, or takes the item's average.", choices=NA_MODES),
    Param("dependence", float, 0.0, "Source dependence: 0, every item counts in full; 1, a source counts once per "
          "hypothesis.", minimum=0.0, maximum=1.0, shown_as="share"),
    Param("author_judgements", bool, True, "Keep the author's own judgements as evidence."),
    Param("prior", list, None, "Prior weight of each hypothesis (bayes only), in file order; None is uniform.",
          optional=True),
    Param("p_step", float, 0.2, "Monte Carlo: chance that a rating moves one step, half up, half down, on the scale "
          "the scoring counts.",
          minimum=0.0, maximum=1.0, shown_as="share"),
    Param("weight_noise", float, 0.2, "Monte Carlo: chance that a credibility or relevance level moves one level.",
          minimum=0.0, maximum=1.0, shown_as="share"),
    Param("draws", int, 10_000, "Monte Carlo: number of draws.", minimum=100, maximum=200_000),
    Param("seed", int, 0, "Monte Carlo: seed of the random draws (same seed, same result).", minimum=0, maximum=2**32 - 1),
    Param("discount_kinds", list, [], "Kinds of source whose evidence items are discounted.", choices=SOURCE_KINDS,
          many=True),
    Param("discount_factor", float, 0.5, "Weight multiplier for the discounted kinds of source (0 drops them).",
          minimum=0.0, maximum=1.0),
), _hypotheses_checks)

BY_NOTEBOOK: dict[str, ReportParameters] = {
    "01-funding-cuts.ipynb": FUNDING,
    "02-manpower.ipynb": MANPOWER,
    "03-adviser-distribution.ipynb": ADVISERS,
    "04-hypothesis-assessment.ipynb": HYPOTHESES,
    "05-claims-audit.ipynb": CLAIMS_AUDIT,
    "06-timeline.ipynb": TIMELINE,
}


def for_notebook(notebook_name: str, declared: dict[str, Any], comments: dict[str, str] | None = None) -> ReportParameters:
    """The specs of a notebook: its declared ones, else one per name in its parameters cell, typed by its default."""
    if notebook_name in BY_NOTEBOOK:
        return BY_NOTEBOOK[notebook_name]
    comments = comments or {}
    return ReportParameters(tuple(inferred(n, v, comments.get(n, "")) for n, v in declared.items()))
