"""Syrian manpower in 2024: the army against 2017, the shrinking militias, foreign militiamen, the former rebels.

Parts are checked against the totals the paper states (``part_of`` in figures.csv).
Forces are grouped by whom they fought for, the former rebels apart under their own
heading; every bar carries its month (or says the paper gives none) and who gave it.
"""

from __future__ import annotations

from dataclasses import replace

import matplotlib.pyplot as plt
import pandas as pd

from ..paper import datasets
from ..paper.derived import derived_figure
from ..paper.parts import PartsCheck, parts_vs_total
from ..presentation import charts, citations, labels, marks, prose, style
from ..presentation.charts import Chart
from ..presentation.findings import Finding
from ..presentation.style import Layout
from ..reportparams import MANPOWER

PARAMETERS = MANPOWER.specs
ARMY_ACTIVE, ARMY_TOTAL, ARMY_2017 = "army_active_2024_08", "army_total_2024_04", "army_strength_2017_07"
MILITIA_2017, MILITIA_2024, MILITIA_2021 = "militia_total_2017_07", "militia_total_2024", "militia_total_2021"
FOREIGN, REBELS, DARAA = "foreign_militia_total_2024", "former_rebels_south", "daraa_towns_ex_fighters_share"
DECLINE, SOUTH_FALLS = "militia_decline_2017_2024", "former_rebels_seize_south_2024_12"
SHORT_SOURCE = {"author": "the author's judgement", "unattributed": "per the author, who names no source",
                "unnamed_source": "per an unnamed source"}


def parameters(**values) -> dict:
    """Check the report's parameters and fill defaults."""
    return MANPOWER.check(values, datasets.data_dir())


def _spread(params: dict) -> float:
    return params["approximate_spread_percent"] / 100


def checks(params: dict) -> dict[str, PartsCheck]:
    """The parts-against-total checks this report makes."""
    return {t: parts_vs_total(t, approximate_spread=_spread(params)) for t in (MILITIA_2024, FOREIGN)}


def _row(figure_id: str) -> dict:
    return datasets.figures().set_index("id").loc[figure_id]


def dated(figure_id: str) -> bool:
    """Whether the paper dates a figure."""
    row = _row(figure_id)
    return not (pd.isna(row["period_start"]) or pd.isna(row["period_end"]))


def who(figure_id: str) -> str:
    """Who gave a figure, as a short phrase: 'per a Syrian officer', 'per the author, who names no source'."""
    kind = _row(figure_id)["source_kind"]
    return SHORT_SOURCE.get(kind, "per " + labels.source_kind(kind))


def _status_words(check: PartsCheck) -> str:
    return {"adds up": "add up exactly to", "within bounds": "agree, within the bounds, with",
            "parts exceed total": "exceed", "parts fall short": "fall short of"}[check.status]


def _parts_words(check: PartsCheck) -> str:
    return prose.join([f"{prose.esc(r.group)} {prose.stated_value(r.id)}" for r in check.parts.itertuples()])


def _decline_words() -> str:
    """The militias' fall in one wording wherever it is said: 'nearly two-thirds (about 63%)', the share itself beside
    the simple fraction near it (or alone when none is close), so the words and the worked-out figure never disagree."""
    share = prose.derived_value(DECLINE)
    fraction = prose.fraction(derived_figure(DECLINE).value)
    return f"{fraction} ({share})" if fraction else share


def findings(params: dict) -> list[Finding]:
    """The report's key findings, every number from data; the first, the clearest result, is the index headline."""
    c = checks(params)
    militia, foreign = c[MILITIA_2024], c[FOREIGN]
    cite, stated = citations.cite, citations.stated
    figures = datasets.figures().set_index("id")
    undated = "," if dated(REBELS) else ", a count the paper does not date,"
    return [
        Finding("manpower.militias",
                f"**The pro-regime militias shrank by {_decline_words()}** {cite(DECLINE)}, from {stated(MILITIA_2017)} in "
                f"{labels.figure_when(MILITIA_2017)} to {stated(MILITIA_2024)} in {labels.figure_when(MILITIA_2024)}, partly because some were folded "
                "into the army.",
                {"total_2017": figures.loc[MILITIA_2017, "central"], "total_2024": figures.loc[MILITIA_2024, "central"],
                 "decline_percent": derived_figure(DECLINE).value}, (MILITIA_2017, MILITIA_2024, DECLINE)),
        Finding("manpower.militias_left",
                "**Those left were no longer active.** The paper gives the NDF a reserve role and puts the LDF at an even "
                f"lower level of preparedness; their numbers ({_parts_words(militia)}) {_status_words(militia)} the total "
                f"{cite(*militia.parts['id'])}.",
                {"parts_status": militia.status}, tuple(militia.parts["id"])),
        Finding("manpower.army",
                f"**The army.** In {labels.figure_when(ARMY_TOTAL)} the army counted {stated(ARMY_TOTAL)} men in all ({who(ARMY_TOTAL)}), "
                f"and in {labels.figure_when(ARMY_ACTIVE)} {stated(ARMY_ACTIVE)} active fighters ({who(ARMY_ACTIVE)}). The paper calls "
                f"this almost equal to {labels.figure_when(ARMY_2017)}, but it gives no figure for {labels.figure_when(ARMY_2017)} {cite(ARMY_2017)}, "
                "so that comparison cannot be checked.",
                {"total": figures.loc[ARMY_TOTAL, "central"], "active": figures.loc[ARMY_ACTIVE, "central"]},
                (ARMY_TOTAL, ARMY_ACTIVE, ARMY_2017)),
        Finding("manpower.foreign",
                f"**Foreign militiamen** numbered {stated(FOREIGN)} in {labels.figure_when(FOREIGN)}; the groups the paper names "
                f"({_parts_words(foreign)}) {_status_words(foreign)} that total {cite(*foreign.parts['id'])}.",
                {"total": figures.loc[FOREIGN, "central"], "parts_status": foreign.status}, (FOREIGN, *foreign.parts["id"])),
        Finding("manpower.former_rebels",
                f"**Against the regime.** Russia kept {stated(REBELS)} former rebels armed in the south{undated} where "
                f"ex-fighters were present in {stated(DARAA)} of Dara'a's towns and villages; in {labels.event_when(SOUTH_FALLS)} "
                f"they turned on Assad and took the south {cite(SOUTH_FALLS)}.",
                {"low": figures.loc[REBELS, "low"], "high": figures.loc[REBELS, "high"]}, (REBELS, DARAA, SOUTH_FALLS)),
    ]


def _figure_row(figure_id: str, label: str, params: dict, group: str = "", detail: str | None = None,
                segments: tuple = ()) -> marks.Row:
    q = datasets.figure(figure_id, approximate_spread=_spread(params))
    row = _row(figure_id)
    widened = _spread(params) > 0 and row["precision"] == "approximate" and row["low"] == row["high"]
    return marks.Row(label, q.value, q.low, q.high, row["precision"], style.STATED, group=group,
                     detail=detail if detail is not None else _detail(figure_id),
                     segments=segments, assumed_range=widened)


def _detail(figure_id: str) -> str:
    """When and who, for a bar: 'April 2024, per an unnamed source'; an undated figure says the paper gives no date."""
    return f"{labels.figure_when(figure_id)}, {who(figure_id)}"


def chart_forces(params: dict) -> Chart:
    """Men under arms in 2024, grouped by whom they fought for, each bar with its month and source."""
    militia = checks(params)[MILITIA_2024]
    against = f"Against the regime: turned on it in {labels.event_when(SOUTH_FALLS)}"
    rows = [
        _figure_row(ARMY_TOTAL, "Army, total strength", params, "For the regime"),
        _figure_row(ARMY_ACTIVE, "Army, active fighters", params, "For the regime"),
        _figure_row(MILITIA_2024, "Militias, no longer active", params, "For the regime",
                    segments=tuple((r.group, r.central) for r in militia.parts.itertuples())),
        _figure_row(FOREIGN, "Foreign militiamen", params, "Foreign militias allied to the regime"),
        _figure_row(REBELS, "Former rebels in the south, kept armed by Russia's deals", params, against),
    ]
    ids = [ARMY_TOTAL, ARMY_ACTIVE, MILITIA_2024, FOREIGN, REBELS]
    title = (f"In 2024 the army counted {prose.stated_value(ARMY_ACTIVE)} active fighters and {prose.stated_value(ARMY_TOTAL)} "
             f"men in all, the militias {prose.stated_value(MILITIA_2024)}; {prose.stated_value(REBELS)} former rebels, "
             f"armed in the south, turned on the regime in {labels.event_when(SOUTH_FALLS)}")
    alt = title + ". " + "; ".join(f"{r.label} ({r.group.lower()}): {marks.value_text(r.central, r.low, r.high, r.precision, 'persons')}, "
                                   f"{r.detail}" for r in rows) + "."
    return Chart(title, lambda layout: marks.rows_figure(rows, "persons", layout, axis_label="people", divide=True), alt,
                 charts.source_words(ids), subtitle="Men under arms, by whom they fought for; each bar says when and who "
                 "gave the figure. Colour shows where a figure comes from, not which side it is on.")


def chart_militias(params: dict) -> Chart:
    """The militias in July 2017 against 2024, the 2024 bar split into its parts."""
    check = checks(params)[MILITIA_2024]
    rows = [
        _figure_row(MILITIA_2017, "Pro-regime militias", params),
        _figure_row(MILITIA_2024, "Pro-regime militias, no longer active", params,
                    detail=f"{_detail(MILITIA_2024)}; the NDF in a reserve role, the LDF less prepared still",
                    segments=tuple((r.group, r.central) for r in check.parts.itertuples())),
    ]
    rows[1] = replace(rows[1], text=" + ".join(f"{r.group} {r.central:,.0f}" for r in check.parts.itertuples())
                      + f" = {check.total.value:,.0f}")
    title = (f"The militias shrank by {_decline_words()}, from {prose.stated_value(MILITIA_2017)} in {labels.figure_when(MILITIA_2017)} to "
             f"{prose.stated_value(MILITIA_2024)} in {labels.figure_when(MILITIA_2024)}, and those left were no longer active")
    alt = (title + f" ({prose.derived_value(DECLINE)} fewer). In 2024: "
           + ", ".join(f"{r.group} {r.central:,.0f}" for r in check.parts.itertuples())
           + "; the NDF in a reserve role, the LDF less prepared still.")
    return Chart(title, lambda layout: _wide(rows, layout), alt,
                 charts.source_words([MILITIA_2017, MILITIA_2024, *check.parts["id"]]),
                 subtitle="Men in the pro-regime militias; the 2024 bar split into the two forces the paper names")


def _wide(rows: list[marks.Row], layout: Layout) -> plt.Figure:
    top = max(r.high for r in rows)
    return marks.rows_figure(rows, "persons", layout, xmax=top * (1.05 if layout.phone else 1.02), axis_label="people")


def chart_foreign(params: dict) -> Chart:
    """Foreign militiamen by group, then the sum of the groups against the total the paper states."""
    check = checks(params)[FOREIGN]
    parts = check.parts.sort_values("central", ascending=False)
    rows = [_figure_row(r.id, r.group, params, "By group", detail="") for r in parts.itertuples()]
    rows.append(_figure_row(FOREIGN, "Total, as the paper states it", params, "Against the total", detail=""))
    s = check.parts_sum
    # "worked out" is in the row's label and its colour's key, so the value label stays short enough to sit at the bar's end
    rows.append(marks.Row("Sum of the groups, worked out", s.value, s.low, s.high, "as_stated", style.DERIVED,
                          group="Against the total", text=f"{s.value:,.0f}"))
    title = (f"The groups the paper names {_status_words(check)} its total of {prose.stated_value(FOREIGN)} foreign "
             f"militiamen in {labels.figure_when(FOREIGN)}")
    alt = title + ". " + "; ".join(f"{r.group}: {prose.stated_value(r.id)}" for r in parts.itertuples()) + \
        f"; sum {s.value:,.0f}."
    return Chart(title, lambda layout: marks.rows_figure(rows, "persons", layout, axis_label="people"), alt,
                 charts.source_words([FOREIGN, *parts["id"]]),
                 subtitle=f"Foreign militiamen in Syria, {labels.figure_when(FOREIGN)}; the paper gives the total as approximate (≈) "
                          "and each group as a plain number")


def limits(params: dict) -> str:
    """What the data cannot tell."""
    spread = params["approximate_spread_percent"]
    lines = [
        f"- The army's {labels.figure_when(ARMY_2017)} strength, which 2024 is said to be almost equal to, is "
        f"{prose.stated_value(ARMY_2017)}; so the comparison cannot be checked.",
        f"- The active-fighter and total-strength figures come from different sources and months ({labels.figure_when(ARMY_ACTIVE)} and "
        f"{labels.figure_when(ARMY_TOTAL)}); the paper does not say whether the first is part of the second.",
        f"- The paper says the militias were smaller in 2024 than in 2021, but the 2021 figure is "
        f"{prose.stated_value(MILITIA_2021)} {citations.cite(MILITIA_2021)}.",
        "- The former-rebel figure is a range, and the paper does not say when it was counted."
        if not dated(REBELS) else f"- The former-rebel figure is a range, for {labels.figure_when(REBELS)}.",
    ]
    if spread == 0:
        lines.append("- Figures given as approximate are drawn without margins, because the paper gives none; this report "
                     "can be rebuilt with a margin of your choice to see whether the checks still hold.")
    else:
        lines.append(f"- Figures given as approximate are read here as ± {spread:g}%, a margin assumed for this version, "
                     "not the paper's; the charts draw that margin as assumed.")
    return "\n".join(lines)


def source_ids(params: dict) -> list[str]:
    """Every figure and derived figure this report cites, in reading order."""
    parts = [i for check in checks(params).values() for i in check.parts["id"]]
    return [ARMY_ACTIVE, ARMY_TOTAL, ARMY_2017, MILITIA_2017, MILITIA_2024, MILITIA_2021, DECLINE, FOREIGN, *parts,
            REBELS, DARAA]
