"""Russian advisers: 671 at the 2017 peak against about 80 in October 2024, and the paper's two accounts of where they were.

The paper first places the roughly 80 in ministries and the presidency, without numbers;
then, saying its sources differ, lists postings by unit, some numbered and some only
"some". The two accounts are shown side by side, not merged; "some" stays some, and
what the numbered postings leave of the total is shown as a range, not dropped.
"""

from __future__ import annotations

from ..paper import datasets
from ..paper.parts import PartsCheck, parts_vs_total
from ..presentation import charts, citations, labels, marks, prose, style
from ..presentation.charts import Chart
from ..presentation.findings import Finding
from ..reportparams import ADVISERS

PEAK, TOTAL, MINISTRIES = "advisers_peak_2017", "advisers_total_2024_10", "advisers_ministries_2024"
SHARE, REMAINDER, SCARCE = "advisers_share_of_peak_2024", "advisers_unallocated_2024", "russian_advisers_reduced_2024"
STILL = "russian_ties_remain_late_2024"  # the paper's qualification: late in 2024 they still coordinated operations

PARAMETERS = ADVISERS.specs


def parameters(**values) -> dict:
    """Check the report's parameters and fill defaults."""
    return ADVISERS.check(values, datasets.data_dir())


def distribution(params: dict) -> PartsCheck:
    """The 2024 postings against the October 2024 total."""
    return parts_vs_total(TOTAL, approximate_spread=params["approximate_spread_percent"] / 100)


def by_unit(params: dict):
    """The second account: the postings listed by unit (every part but the ministries and presidency), in the chosen order."""
    parts = distribution(params).parts
    parts = parts[parts["id"] != MINISTRIES]
    if params["order"] == "size":
        parts = parts.sort_values("central", ascending=False, kind="stable", na_position="last")
    return parts


def _one_in() -> str:
    """'about one in eight' when the share that remained is close to one in n, else ''."""
    share = datasets.figure(TOTAL) / datasets.figure(PEAK) * 100
    one_in = prose.one_in(share.value)
    return f"about {one_in}" if one_in else ""


def findings(params: dict) -> list[Finding]:
    """The report's key findings, every number from data."""
    check = distribution(params)
    units = by_unit(params)
    numbered, some = units[units["quantified"]], units[~units["quantified"]]
    cite, stated = citations.cite, citations.stated
    ministries = datasets.figures().set_index("id").loc[MINISTRIES, "group"]
    listed = "; ".join(f"{prose.esc(labels.with_article(r.group))}, {prose.stated_value(r.id)}" for r in numbered.itertuples())
    gap = check.gap
    return [
        Finding("advisers.drawdown",
                f"**A steep drawdown**: from {stated(PEAK)} Russian advisers in Syria at the peak of Russian engagement in "
                f"{labels.figure_when(PEAK)} to {stated(TOTAL)} in {labels.figure_when(TOTAL)}, {prose.derived_value(SHARE)} of the peak {cite(SHARE)}"
                + (f" or {_one_in()}" if _one_in() else "")
                + f", and by {_event_year(SCARCE)} they no longer took part in operations {cite(SCARCE)}, though in "
                f"{labels.event_when(STILL)} the Russians still coordinated operations and air strikes with several Syrian commands "
                f"{cite(STILL)}.",
                {"peak": float(datasets.figure(PEAK).value), "october_2024": float(datasets.figure(TOTAL).value),
                 "share_percent": float((datasets.figure(TOTAL) / datasets.figure(PEAK) * 100).value)},
                (PEAK, TOTAL, SHARE, SCARCE, STILL)),
        Finding("advisers.two_accounts",
                f"**Two accounts of where they were.** The paper first places them in {prose.esc(labels.in_sentence(ministries))}, "
                f"without numbers {cite(MINISTRIES)}; then, saying its sources differ, it lists postings by unit: {listed} "
                f"{cite(*numbered['id'])}, and some, with no number, with "
                f"{prose.join([prose.esc(labels.with_article(g)) for g in some['group']])} {cite(*some['id'])}.",
                {"numbered_sum": float(check.parts_sum.value)}, (MINISTRIES, *units["id"])),
        Finding("advisers.remainder",
                f"**What the numbers leave.** The numbered postings come to {_numbered_sum(check)}, "
                f"which leaves up to {citations.derived(REMAINDER)} for the postings named without a number; how many of "
                "those were with each, and whether the list by unit is complete, the paper does not say.",
                {"remainder": float(gap.value), "low": float(gap.low), "high": float(gap.high)}, (REMAINDER,)),
    ]


def _event_year(event_id: str) -> int:
    return datasets.events().set_index("id").loc[event_id, "date_start"].year


def _numbered_sum(check: PartsCheck) -> str:
    """What the numbered postings add up to: '45' when every term is a number the paper states, 'about 45' only when
    one of them is approximate."""
    numbered = check.parts[check.parts["quantified"]]
    approximate = any(prose.is_approximate(i) for i in numbered["id"])
    return prose.quantity(check.parts_sum, "persons", approximate)


def _unit_list_when(params: dict) -> str:
    """When the list by unit is dated: one span if its postings share one ('2024'), else each span."""
    return prose.join(list(dict.fromkeys(labels.figure_when(i) for i in by_unit(params)["id"])))


def chart_drawdown(params: dict) -> Chart:
    """The 2017 peak against October 2024."""
    spread = params["approximate_spread_percent"] / 100
    peak, now = datasets.figure(PEAK), datasets.figure(TOTAL, approximate_spread=spread)
    figures = datasets.figures().set_index("id")
    rows = [marks.Row("At the peak of engagement", peak.value, peak.low, peak.high, figures.loc[PEAK, "precision"], style.STATED,
                      detail=labels.figure_when(PEAK)),
            marks.Row("Still in Syria", now.value, now.low, now.high, figures.loc[TOTAL, "precision"], style.STATED,
                      detail=labels.figure_when(TOTAL), assumed_range=spread > 0)]
    share = prose.derived_value(SHARE)
    title = (f"By {labels.figure_when(TOTAL)} {_one_in() + ' (' + share + ')' if _one_in() else share} of the {labels.figure_when(PEAK)} peak of "
             f"Russian advisers remained: {prose.stated_value(TOTAL)} of {prose.stated_value(PEAK)}")
    alt = title + f". {prose.stated_value(PEAK).capitalize()} advisers in {labels.figure_when(PEAK)}; {prose.stated_value(TOTAL)} in {labels.figure_when(TOTAL)}."
    return Chart(title, lambda layout: marks.rows_figure(rows, "persons", layout, axis_label="advisers"), alt,
                 charts.source_words([PEAK, TOTAL]), subtitle="Russian military advisers in Syria")


def chart_distribution(params: dict) -> Chart:
    """The two accounts: ministries and presidency (no numbers), and the list by unit with the remainder as a range."""
    check = distribution(params)
    units = by_unit(params)
    total = datasets.figure(TOTAL, approximate_spread=params["approximate_spread_percent"] / 100)
    figures = datasets.figures().set_index("id")
    first, second = "First account: where the roughly 80 worked", "Second account: by unit, where the paper says its sources differ"
    rows = [marks.Row(figures.loc[MINISTRIES, "group"], total.value, total.low, total.high, "approximate", style.STATED,
                      group=first, text=f"≈{total.value:,.0f} in all, no split given")]
    for r in units.itertuples():
        precision = figures.loc[r.id, "precision"]
        rows.append(marks.Row(r.group, r.central, r.low, r.high, precision, style.STATED, group=second,
                              text="some, no number given" if not r.quantified else ""))
    gap = check.gap
    rows.append(marks.Row("Left by the numbered postings", gap.value, 0.0, gap.high if gap.high > gap.value else gap.value,
                          "approximate", style.DERIVED, group=second,
                          text=f"up to ≈{gap.high:,.0f} (worked out)" if gap.high > gap.value else f"up to ≈{gap.value:,.0f} (worked out)"))
    title = (f"The paper gives two accounts of where the roughly {total.value:,.0f} advisers were; its list by unit numbers "
             f"{_numbered_sum(check)} of them")
    alt = (title + ". First account: ministries and the presidency, no numbers. Second account: " +
           "; ".join(f"{r.group}: {prose.stated_value(r.id)}" for r in units.itertuples()) +
           f"; left by the numbered postings: up to about {gap.high:,.0f}.")
    return Chart(title, lambda layout: marks.rows_figure(rows, "persons", layout, axis_label="advisers"), alt,
                 charts.source_words([TOTAL, *check.parts["id"]]),
                 subtitle=f"Russian advisers in Syria, {labels.figure_when(TOTAL)}; ≈ marks a number the paper gives as approximate, "
                          "a hatched stub a posting it names without a number")


def limits(params: dict) -> str:
    """What the data cannot tell."""
    spread = params["approximate_spread_percent"]
    return "\n".join([
        "- The paper says its sources differ somewhat on the distribution and hedges the list by unit; its numbers are "
        "taken as the paper gives them.",
        f"- The total is given for {labels.figure_when(TOTAL)}, the list by unit only for {_unit_list_when(params)}"
        + ("; the two may not describe the same month." if _unit_list_when(params) != labels.figure_when(TOTAL) else "."),
        "- The two accounts cannot be reconciled from the paper: the first places the advisers in ministries and the presidency, "
        "the second lists military units, and neither gives numbers for the ministries, the presidency, the Liwa al Quds militia "
        "or the 25th Division.",
        "- Deployments were also shortened, so a head count understates how much less advice was being given."
        if spread == 0 else f"- Approximate figures are read here as ± {spread:g}%, a margin assumed for this version, not the paper's.",
    ])


def source_ids(params: dict) -> list[str]:
    """Every figure and derived figure this report cites."""
    return [PEAK, TOTAL, SHARE, SCARCE, STILL, *distribution(params).parts["id"], REMAINDER]
