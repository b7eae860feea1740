"""Syrian manpower: the army in 2024 against 2017, the shrinking militias, foreign militiamen, former rebels.

Parts are checked against the totals the paper states (``part_of`` in figures.csv).
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..paper import datasets
from ..paper.derived import derived_figures
from ..presentation import charts, citations, prose, style
from ..paper.parts import PartsCheck, parts_vs_total
from ..reportparams import MANPOWER

PARAMETERS = MANPOWER.specs

ARMY_ACTIVE, ARMY_TOTAL, ARMY_2017 = "army_active_2024_08", "army_total_2024_04", "army_strength_2017_07"
MILITIA_2017, MILITIA_2024, MILITIA_2021 = "militia_total_2017_07", "militia_total_2024", "militia_total_2021"
FOREIGN, REBELS, DARAA = "foreign_militia_total_2024", "former_rebels_south", "daraa_towns_ex_fighters_share"


def parameters(**values) -> dict:
    """Check the report's parameters and fill defaults."""
    return MANPOWER.check(values, datasets.data_dir())


def _spread(params: dict) -> float:
    return params["approximate_spread_percent"] / 100


def checks(params: dict) -> dict[str, PartsCheck]:
    """The parts-against-total checks this report makes."""
    return {t: parts_vs_total(t, approximate_spread=_spread(params)) for t in (MILITIA_2024, FOREIGN)}


def _persons(c: float, lo: float, hi: float) -> str:
    return f"{lo:,.0f}–{hi:,.0f}" if hi > lo else f"{c:,.0f}"


def _when(figure_id: str) -> str:
    """The period of a figure in words: 'July 2017' for a month, '2024' for a year."""
    row = datasets.figures().set_index("id").loc[figure_id]
    start, end = row["period_start"], row["period_end"]
    return start.strftime("%B %Y") if (start.year, start.month) == (end.year, end.month) else start.strftime("%Y")


def chart_forces(params: dict) -> charts.Chart:
    """Men under arms on the regime's side and against it in 2024, each with its bounds."""
    style.use_house_style()
    ids = [ARMY_TOTAL, ARMY_ACTIVE, MILITIA_2024, FOREIGN, REBELS]
    labels = ["Army, total strength", "Army, active fighters", "Militias (NDF + LDF)", "Foreign militiamen", "Former rebels in the south"]
    qs = [datasets.figure(i, approximate_spread=_spread(params)) for i in ids]
    colors = [style.OKABE_ITO[0], style.OKABE_ITO[0], style.OKABE_ITO[1], style.OKABE_ITO[4], style.OKABE_ITO[3]]
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 4.2))
    ax.set_xlim(0, max(q.high for q in qs) * 1.3)
    charts.hbars(ax, labels, [q.value for q in qs], [q.low for q in qs], [q.high for q in qs], colors=colors, unit_format=_persons)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x / 1000:.0f}k")
    ax.set_xlabel("persons")
    army, rebels = qs[0], qs[4]
    ax.set_title(f"In 2024 the army counted {army.value / 1000:.0f}k men; {rebels.low / 1000:.0f}–{rebels.high / 1000:.0f}k armed ex-rebels held the south")
    description = "; ".join(f"{l}: {_persons(q.value, q.low, q.high)}" for l, q in zip(labels, qs))
    return charts.finish(fig, ids, description=description)


def chart_militias(params: dict) -> charts.Chart:
    """Militias in July 2017 against 2024, with the 2024 NDF/LDF split stacked."""
    style.use_house_style()
    before = datasets.figure(MILITIA_2017)
    check = checks(params)[MILITIA_2024]
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 4.2))
    ax.bar(0, before.value, color=style.OKABE_ITO[1], width=0.55)
    ax.text(0, before.value, f"{before.value:,.0f}", ha="center", va="bottom", fontsize=11)
    bottom = 0.0
    for (row, color) in zip(check.parts.itertuples(), (style.OKABE_ITO[1], style.OKABE_ITO[5], style.OKABE_ITO[2])):
        ax.bar(1, row.central, bottom=bottom, color=color, width=0.55)
        ax.text(1, bottom + row.central / 2, f"{row.group}\n{row.central:,.0f}", ha="center", va="center", fontsize=10, color="black")
        bottom += row.central
    ax.text(1, bottom, f"{check.total.value:,.0f}", ha="center", va="bottom", fontsize=11)
    ax.set_xticks([0, 1], [_when(MILITIA_2017), _when(MILITIA_2024)])
    ax.set_ylim(0, before.value * 1.15)
    ax.yaxis.set_major_formatter(lambda x, _: f"{x / 1000:.0f}k")
    decline = derived_figures().set_index("id").loc["militia_decline_2017_2024", "value"]
    ax.set_title(f"The militias shrank by {decline:.0f}% and what remained was reservists")
    ids = [MILITIA_2017, MILITIA_2024, *check.parts["id"]]
    return charts.finish(fig, ids, description=f"Militias: {before.value:,.0f} in July 2017, {check.total.value:,.0f} in 2024, of which " + ", ".join(f"{r.group} {r.central:,.0f}" for r in check.parts.itertuples()) + ".")


def chart_foreign(params: dict) -> charts.Chart:
    """Foreign militiamen by group, stacked, next to the total the paper states."""
    style.use_house_style()
    check = checks(params)[FOREIGN]
    parts = check.parts.sort_values("central", ascending=False)
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 3.6))
    left = 0.0
    palette = [style.OKABE_ITO[i] for i in (4, 0, 2, 5, 1, 3)]
    for row, color in zip(parts.itertuples(), palette):
        ax.barh(0, row.central, left=left, color=color, height=0.5, label=f"{row.group} ({row.central:,.0f})")
        left += row.central
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=2, fontsize=10)
    total = check.total
    ax.barh(1, total.value, color="#bbbbbb", height=0.5)
    if total.high > total.low:
        ax.errorbar(total.value, 1, xerr=[[total.value - total.low], [total.high - total.value]], fmt="none", ecolor="#222222", capsize=4)
    ax.text(total.value / 2, 1, f"total as stated: {_persons(total.value, total.low, total.high)}", ha="center", va="center", fontsize=10)
    ax.set_yticks([0, 1], ["sum of groups", "stated total"])
    ax.xaxis.set_major_formatter(lambda x, _: f"{x / 1000:.0f}k")
    ax.grid(False)
    ax.set_title(f"Foreign militiamen, mid-2024: the groups {_status_words(check)} the stated total")
    ids = [FOREIGN, *parts["id"]]
    return charts.finish(fig, ids, description="Foreign militiamen by group: " + ", ".join(f"{r.group} {r.central:,.0f}" for r in parts.itertuples()) + f"; stated total {total.value:,.0f}.")


def _status_words(check: PartsCheck) -> str:
    return {"adds up": "add up to", "within bounds": "fall within the bounds of",
            "parts exceed total": "exceed", "parts fall short": "fall short of"}[check.status]



def findings(params: dict) -> str:
    """The report's findings in prose, every number formatted from data."""
    c = checks(params)
    militia, foreign = c[MILITIA_2024], c[FOREIGN]
    return "\n".join([
        f"- **The army.** A Syrian officer put the army's active fighters at {citations.stated(ARMY_ACTIVE)} in August 2024; "
        f"another source put its total strength at {citations.stated(ARMY_TOTAL)} in April 2024. The paper calls this almost "
        f"equal to July 2017, but the July 2017 figure is {prose.stated_value(ARMY_2017)} {citations.cite(ARMY_2017)}.",
        f"- **The militias** fell from {citations.stated(MILITIA_2017)} to {citations.stated(MILITIA_2024)}: "
        f"{citations.derived('militia_decline_2017_2024')}, partly because militias were folded into the army.",
        "- **Parts against totals.** " + "; ".join(_check_sentence(k) for k in (militia, foreign)) + ".",
        f"- **Former rebels.** Russia kept {citations.stated(REBELS)} former rebels armed in the south; in "
        f"{citations.stated(DARAA)} of Dara'a's towns and villages ex-fighters were present.",
    ])


def _check_sentence(check: PartsCheck) -> str:
    parts = " + ".join(f"{prose.esc(r.group)} {r.central:,.0f}" for r in check.parts.itertuples())
    total = datasets.figures().set_index("id").loc[check.total_id]
    verdict = {"adds up": "the parts add up exactly",
               "within bounds": "the parts agree within the bounds",
               "parts exceed total": f"the parts exceed the total by {-check.gap.value:,.0f}",
               "parts fall short": f"the parts fall short of the total by {check.gap.value:,.0f}"}[check.status]
    return f"{prose.esc(total['group'].lower())}: {parts} = {check.parts_sum.value:,.0f} against {check.total.value:,.0f} stated; {verdict} {citations.cite(check.total_id)}"


def limits(params: dict) -> str:
    """What the data cannot tell."""
    spread = params["approximate_spread_percent"]
    lines = [
        f"- The army's 2017 strength, which 2024 is said to be almost equal to, is {prose.stated_value(ARMY_2017)}; "
        "so the comparison cannot be checked.",
        "- The active-fighter and total-strength figures come from different sources and months (August and April 2024); "
        "the paper does not say whether the first is part of the second.",
        f"- The paper says the militias were smaller in 2024 than in 2021, but the 2021 figure is {prose.stated_value(MILITIA_2021)} "
        f"{citations.cite(MILITIA_2021)}.",
        "- The former-rebel figure is a range, and the period it describes is not precisely dated.",
    ]
    if spread == 0:
        lines.append("- Figures marked approximate are drawn without bounds because the paper gives none; set "
                     "`approximate_spread_percent` to see how the checks hold if they are read as ± a margin.")
    else:
        lines.append(f"- Figures marked approximate are read here as ± {spread:g}% (a parameter of this report, not the paper's).")
    return "\n".join(lines)


def source_ids(params: dict) -> list[str]:
    """Every figure and derived figure this report cites, in reading order."""
    parts = [i for check in checks(params).values() for i in check.parts["id"]]
    return [ARMY_ACTIVE, ARMY_TOTAL, ARMY_2017, MILITIA_2017, MILITIA_2024, MILITIA_2021, "militia_decline_2017_2024",
            FOREIGN, *parts, REBELS, DARAA]
