"""The timeline: in what order the Russian-Syrian relationship unravelled, against the fall in money and advisers.

A focused chart draws the events that carry the story, each as the span its date
allows, with the paper's turning points marked on the bars; funding and advisers
sit in their own panels, each in its own unit, on the same time axis; a zoomed
chart shows the crowded last months; every event of the data follows as a table,
dates in words. The report's parameters filter the charts and the table alike.
"""

from __future__ import annotations

import html

import pandas as pd

from ..paper import datasets
from ..paper.vocabulary import EVENTS_SCOPE
from ..presentation import citations, labels, prose
from ..presentation.findings import Finding
from ..reportparams import FIRST, LAST, TIMELINE  # noqa: F401 (the window's bounds, public here too)

PARAMETERS = TIMELINE.specs
# The events that carry the story of the falling-out (an editorial choice; every event is in the table).
STORY = (
    "russian_intervention_2015", "transition_deal_in_principle_2016", "russia_pushes_assad_handover_2017_2018",
    "russian_support_reduction_begins_2020", "regime_moves_on_russian_units_early_2022", "ukraine_war_starts_2022_02",
    "russia_cuts_syria_commitments_2022", "russia_cuts_funds_disloyal_units_2023", "gaza_crisis_starts_2023_10",
    "suhail_replaced_late_2023", "crackdown_pro_russian_officers_2023_2024", "russia_heavy_support_cuts_2023_2024",
    "twenty_fifth_division_fails_north_2024_11", "former_rebels_seize_south_2024_12", "regime_collapse_2024_12",
)
OPEN_START = ("russian_support_reduction_begins_2020",)  # the paper says 'no later than': the start may be earlier
EARLY = ("transition_deal_in_principle_2016", "russia_pushes_assad_handover_2017_2018", "russo_syrian_tensions_rise_2017_2018")
DRIFT = ("russian_support_reduction_begins_2020", "ukraine_war_starts_2022_02", "russia_cuts_syria_commitments_2022")
BREAK = ("russia_heavy_support_cuts_2023_2024",)
END = ("twenty_fifth_division_fails_north_2024_11", "former_rebels_seize_south_2024_12", "regime_collapse_2024_12")


def parameters(**values) -> dict:
    """Check the parameters; the window must not end before it starts, and must keep some actor and category."""
    return TIMELINE.check(values)


def filtered(params: dict) -> bool:
    """Whether the parameters leave out any event (a window, actors or categories narrower than all)."""
    defaults = {p.name: p.default for p in PARAMETERS}
    return any(sorted(params[k]) != sorted(v) if isinstance(v, list) else params[k] != v for k, v in defaults.items())


def select(params: dict) -> pd.DataFrame:
    """Events overlapping the window that involve a chosen actor and belong to a chosen category."""
    ev = datasets.events()
    start, end = pd.Timestamp(f"{params['start_year']}-01-01"), pd.Timestamp(f"{params['end_year']}-12-31")
    keep = (ev["date_end"] >= start) & (ev["date_start"] <= end)
    keep &= ev["actor_list"].apply(lambda actors: bool(set(actors) & set(params["actors"])))
    keep &= ev["category"].isin(params["categories"])
    return ev[keep].reset_index(drop=True)


def story(params: dict) -> pd.DataFrame:
    """The story's events (and every turning point) among those selected, in date order."""
    ev = select(params)
    return ev[ev["id"].isin(STORY) | (ev["turning_point"] == "yes")].reset_index(drop=True)


def zoom_window() -> tuple[pd.Timestamp, pd.Timestamp]:
    """The crowded last stretch: from the start of the earliest turning point to the end of the data's scope."""
    ev = datasets.events()
    return ev.loc[ev["turning_point"] == "yes", "date_start"].min(), pd.Timestamp(EVENTS_SCOPE[1])


def when(event_id: str) -> str:
    """An event's date in words; one whose start the paper leaves open reads 'from 2020 at the latest'."""
    row = datasets.events().set_index("id").loc[event_id]
    if event_id in OPEN_START:
        return f"from {row['date_start'].year} at the latest"
    return labels.date_span(row["date_start"], row["date_end"])


def _clauses(ids) -> str:
    known = set(datasets.events()["id"])
    titles = datasets.events().set_index("id")["title"]
    return "; ".join(f"{prose.esc(titles[i])} ({when(i)}) {citations.cite(i)}" for i in ids if i in known)


def findings(params: dict) -> list[Finding]:
    """The order of the falling-out in four sentences; the turning points come from the data."""
    ev = datasets.events()
    turning = ev[ev["turning_point"] == "yes"]
    items = [
        Finding("timeline.early_distrust", f"**Distrust came early.** {_clauses(EARLY)}.", {}, EARLY),
        Finding("timeline.support_drifts", f"**Support drifted down before the Ukraine war, which at first changed little.** {_clauses(DRIFT)}.",
                {}, DRIFT),
        Finding("timeline.turning_point",
                f"**The break: {prose.count(len(turning), 'turning point')} in the paper's account.** "
                f"{_clauses(turning['id'])}; and {_clauses(BREAK)}.",
                {"turning_points": list(turning["id"])}, (*turning["id"], *BREAK)),
        Finding("timeline.collapse", f"**A year later the regime fell.** {_clauses(END)}.", {}, END),
    ]
    if filtered(params):
        chosen = select(params)
        items.append(Finding("timeline.selection",
                             f"**This version is filtered.** Its charts and table show {prose.count(len(chosen), 'event')} of "
                             f"{len(ev)}: {params['start_year']}–{params['end_year']}, involving "
                             f"{prose.join([labels.words(labels.ACTOR_WORDS, a) for a in params['actors']], 'or')}.",
                             {"shown": len(chosen), "of": len(ev)}))
    return items


def narrative(params: dict) -> str:
    """The story's events in order, one dated sentence each, as one paragraph."""
    ev = story(params)
    if ev.empty:
        return "None of the story's events falls within this version's filters; the table below lists what does."
    return " ".join(f"**{labels.date_span(e.date_start, e.date_end).capitalize()}.** {prose.esc(e.title)}"
                    + (" (a turning point in the paper's account)" if e.turning_point == "yes" else "")
                    + f" {citations.cite(e.id)}." for e in ev.itertuples())


def events_table(params: dict) -> str:
    """HTML table of every selected event: date in words, what happened, who, kind, where in the paper."""
    rows = []
    for e in select(params).itertuples():
        what = html.escape(e.title) + (' <span class="tag">turning point</span>' if e.turning_point == "yes" else "")
        rows.append((f"event-{e.id}", [html.escape(labels.date_span(e.date_start, e.date_end)), what,
                                        html.escape(labels.actors(e.actors)), html.escape(labels.category(e.category)),
                                        "<br>".join(html.escape(l) for l in labels.locators(e.locator))]))
    return citations.html_table(["When", "What happened", "Who", "Kind", "Where in the paper"], rows, css="sources notes")


def source_ids(params: dict) -> list[str]:
    """The events cited in this report."""
    return list(story(params)["id"])
