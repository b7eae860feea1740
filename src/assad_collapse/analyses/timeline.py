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
TREND, HEAVY = "russian_support_reduction_begins_2020", "russia_heavy_support_cuts_2023_2024"
COLLAPSE = "regime_collapse_2024_12"
# What each event of the key findings says, as a clause in the past tense (the data's titles are headlines).
CLAUSES = {
    "transition_deal_in_principle_2016": "Russia agreed in principle with Türkiye, Saudi Arabia and the UAE on a transition "
                                         "without Assad",
    "russia_pushes_assad_handover_2017_2018": "Russia pressed Assad to step aside for a successor more acceptable to others",
    "relations_tense_by_mid_2017": "Syrian-Russian relations were already tense",
    "russo_syrian_tensions_rise_2017_2018": "Syrian-Russian tensions grew as the rebel threat receded",
    TREND: "Russia started scaling down its support to the regime",
    "ukraine_war_starts_2022_02": "Russia launched its full-scale war on Ukraine",
    "russia_cuts_syria_commitments_2022": "Russia withdrew some forces and trimmed its funding in Syria",
    "crackdown_pro_russian_officers_2023_2024": "the regime purged prominent pro-Russian officers from the security forces",
    "suhail_replaced_late_2023": "the regime removed Russia's protégé Suhail al Hasan from command",
    "russia_heavy_support_cuts_2023_2024": "Russia started deep cuts in funding and support",
    "twenty_fifth_division_fails_north_2024_11": "the 25th Division failed to hold ground in the north",
    "former_rebels_seize_south_2024_12": "southern ex-rebels, the 8th Brigade prominent among them, turned on Assad and "
                                         "took the south",
    COLLAPSE: "the Assad regime collapsed",
}
# Friction over a transition without Assad (2016), relations tense by mid-2017, distrust growing in 2017–18: the paper
# first calls relations tense by mid-2017, so the early stage is friction, then distrust, not distrust from 2016.
DEAL, HANDOVER = "transition_deal_in_principle_2016", "russia_pushes_assad_handover_2017_2018"
EARLY = (DEAL, "relations_tense_by_mid_2017", HANDOVER, "russo_syrian_tensions_rise_2017_2018")
DRIFT = ("russian_support_reduction_begins_2020", "ukraine_war_starts_2022_02", "russia_cuts_syria_commitments_2022")
BREAK = ("crackdown_pro_russian_officers_2023_2024", "suhail_replaced_late_2023", "russia_heavy_support_cuts_2023_2024")
END = ("twenty_fifth_division_fails_north_2024_11", "former_rebels_seize_south_2024_12", "regime_collapse_2024_12")


def parameters(**values) -> dict:
    """Check the parameters; the window must not end before it starts, and must keep some actor and category."""
    return TIMELINE.check(values)


def filtered(params: dict) -> bool:
    """Whether the parameters leave out any event (a window, actors or categories narrower than all)."""
    defaults = {p.name: p.default for p in PARAMETERS}
    return any(sorted(params[k]) != sorted(v) if isinstance(v, list) else params[k] != v for k, v in defaults.items())


def chronological(ev: pd.DataFrame) -> pd.DataFrame:
    """Events in the order they happened, as far as their dates allow: by the middle of each span ('February 2022'
    before '2022'; 'October 2023' and 'late 2023' before 'late 2023–early 2024'), then by start and end."""
    middle = ev["date_start"] + (ev["date_end"] - ev["date_start"]) / 2
    order = sorted(range(len(ev)), key=lambda i: (middle.iloc[i], ev["date_start"].iloc[i], ev["date_end"].iloc[i]))
    return ev.iloc[order].reset_index(drop=True)


def select(params: dict) -> pd.DataFrame:
    """Events overlapping the window that involve a chosen actor and belong to a chosen category, in order."""
    ev = datasets.events()
    start, end = pd.Timestamp(f"{params['start_year']}-01-01"), pd.Timestamp(f"{params['end_year']}-12-31")
    keep = (ev["date_end"] >= start) & (ev["date_start"] <= end)
    keep &= ev["actor_list"].apply(lambda actors: bool(set(actors) & set(params["actors"])))
    keep &= ev["category"].isin(params["categories"])
    return chronological(ev[keep])


def story(params: dict) -> pd.DataFrame:
    """The story's events (and every turning point) among those selected, in date order."""
    ev = select(params)
    return chronological(ev[ev["id"].isin(STORY) | (ev["turning_point"] == "yes")])


def zoom_window() -> tuple[pd.Timestamp, pd.Timestamp]:
    """The crowded last stretch: from the start of the earliest turning point to the end of the data's scope."""
    ev = datasets.events()
    return ev.loc[ev["turning_point"] == "yes", "date_start"].min(), pd.Timestamp(EVENTS_SCOPE[1])


def _turning(event_id: str, turning: set[str]) -> str:
    if event_id not in turning:
        return ""
    return ", the turning point in the paper's account" if len(turning) == 1 else ", a turning point in the paper's account"


def _clauses(ids, turning: set[str] = frozenset()) -> str:
    """The events as dated clauses in the order they happened, each cited: 'in 2016 Russia agreed … [1]; in 2017–18 …',
    events of the same date under one date ('… [2], and …'). An event without a clause here reads as its title; a
    turning point in the data says so."""
    ev = datasets.events()
    chosen = chronological(ev[ev["id"].isin(list(ids))])
    runs: list[tuple[str, list[str]]] = []
    for e in chosen.itertuples():
        clause = f"{prose.esc(CLAUSES.get(e.id) or labels.typeset(e.title))}{_turning(e.id, turning)} {citations.cite(e.id)}"
        date = labels.event_when(e.id)
        if runs and runs[-1][0] == date:
            runs[-1][1].append(clause)
        else:
            runs.append((date, [clause]))
    parts = [f"{'' if date.startswith('no later') else 'in '}{date} {_and(clauses)}" for date, clauses in runs]
    return labels.capitalised("; ".join(parts))


def _and(clauses: list[str]) -> str:
    """Clauses joined by 'and', with a comma before it when a clause has commas of its own."""
    if len(clauses) > 1 and any(", " in c for c in clauses[:-1]):
        return ", ".join(clauses[:-1]) + ", and " + clauses[-1]
    return prose.join(clauses)


def findings(params: dict) -> list[Finding]:
    """The order of the falling-out: a one-sentence answer first (the index headline), then its three stages;
    the turning points come from the data."""
    ev = datasets.events()
    turning = chronological(ev[ev["turning_point"] == "yes"])
    marked = set(turning["id"])
    first = break_event()
    cite = citations.cite
    items = [
        Finding("timeline.steps",
                f"**The falling-out came in steps**: friction over a transition without Assad from {labels.event_when(DEAL)} and "
                f"distrust growing in {labels.event_when(HANDOVER)} {cite(*EARLY)}, Russian support drifting "
                f"down from {labels.event_when(TREND)} {cite(TREND)}, then a break in {labels.event_when(first)}, when "
                f"{prose.esc(CLAUSES.get(first, ev.set_index('id').loc[first, 'title']))} {cite(first)} and Russia cut "
                f"deep {cite(HEAVY)}; in {labels.event_when(COLLAPSE)} the regime collapsed {cite(COLLAPSE)}.",
                {"turning_points": list(turning["id"])}, (*EARLY, TREND, first, HEAVY, COLLAPSE)),
        Finding("timeline.early_distrust", f"**Friction came early, then distrust.** {_clauses(EARLY, marked)}.", {}, EARLY),
        Finding("timeline.support_drifts", f"**Support drifted down before the Ukraine war, which at first changed "
                f"little.** {_clauses(DRIFT, marked)}.", {}, DRIFT),
        Finding("timeline.break",
                f"**The break, and within a year the fall.** {_clauses((*BREAK, *marked), marked)}; then "
                f"{_lower_first(_clauses(END, marked))}.",
                {"turning_points": list(turning["id"])}, (*BREAK, *marked, *END)),
    ]
    if filtered(params):
        chosen = select(params)
        items.append(Finding("timeline.selection",
                             f"**This version is filtered.** Its charts and table show {prose.count(len(chosen), 'event')} of "
                             f"{len(ev)}: {params['start_year']}–{params['end_year']}, involving "
                             f"{prose.join([labels.words(labels.ACTOR_WORDS, a) for a in params['actors']], 'or')}.",
                             {"shown": len(chosen), "of": len(ev)}))
    return items


def break_event() -> str:
    """The event that marks the break: the first of the break's events the data marks a turning point (the paper's
    is the crackdown on pro-Russian officers), else the data's earliest turning point, else the crackdown."""
    ev = datasets.events()
    turning = chronological(ev[ev["turning_point"] == "yes"])
    return next((i for i in BREAK if i in set(turning["id"])), turning.iloc[0]["id"] if len(turning) else BREAK[0])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def narrative(params: dict) -> str:
    """The story's events in the order they happened, one dated line each, as a list."""
    ev = story(params)
    if ev.empty:
        return "None of the story's events falls within this version's filters; the table below lists what does."
    marked = set(datasets.events().query("turning_point == 'yes'")["id"])
    return "\n".join(f"- **{prose.esc(labels.capitalised(labels.event_when(e.id)))}.** {prose.esc(labels.typeset(e.title))}"
                     + (f" ({_turning(e.id, marked)[2:]})" if e.id in marked else "")
                     + f" {citations.cite(e.id)}" for e in ev.itertuples())


def events_table(params: dict) -> str:
    """HTML table of every selected event: date in words, what happened, who, kind, where in the paper."""
    rows = []
    for e in select(params).itertuples():
        what = html.escape(labels.typeset(e.title)) + (' <span class="tag">turning point</span>' if e.turning_point == "yes" else "")
        rows.append((f"event-{e.id}", [html.escape(labels.capitalised(labels.event_when(e.id))), what,
                                        html.escape(labels.actors(e.actors)), html.escape(labels.category(e.category)),
                                        "<br>".join(html.escape(l) for l in labels.locators(e.locator))]))
    return citations.html_table(["When", "What happened", "Who", "Kind", "Where in the paper"], rows, css="sources notes")


def source_ids(params: dict) -> list[str]:
    """The events cited in this report."""
    return list(story(params)["id"])
