"""Russia's funding cuts: how fast Russian money and logistics fell, from the 2016-17 peak to 2024.

The paper gives three funding figures: about $2.5bn a year at the 2016-17 peak,
$3bn in total over 2022-23, and a 2024 level 70% off the peak; and it dates the
turns: a downward trend no later than 2020, a modest first effect of the Ukraine
war, heavy cuts in late 2023-early 2024. The 2022-23 total is one two-year span: a
split between the years is an assumption, a parameter of this report, and so are
other values of the peak and the cut; whatever a parameter sets is drawn and
described as assumed, never as stated.
"""

from __future__ import annotations

import pandas as pd

from ..paper import datasets
from ..paper.quantity import Quantity
from ..presentation import citations, labels, prose
from ..presentation.findings import Finding
from ..reportparams import FUNDING, MARKED_EVENTS  # noqa: F401 (MARKED_EVENTS: the default, public here too)

PARAMETERS = FUNDING.specs
PEAK, TOTAL, CUT, LOGISTICS = "fund_peak_2016_17", "fund_total_2022_23", "fund_cut_2024_vs_peak", "logistics_decline_2024"
AVERAGE, LEVEL_2024, LOGISTICS_LEFT = "fund_avg_2022_23", "fund_level_2024", "logistics_share_of_peak_2024"
TREND_STARTS, WAR, WAR_CUTS = "russian_support_reduction_begins_2020", "ukraine_war_starts_2022_02", "russia_cuts_syria_commitments_2022"
HEAVY_CUTS, CRACKDOWN = "russia_heavy_support_cuts_2023_2024", "crackdown_pro_russian_officers_2023_2024"
DISLOYAL_CUT = "russia_cuts_funds_disloyal_units_2023"
USD_YEAR = "usd_bn_per_year"


def parameters(**values) -> dict:
    """Check the report's parameters (including that marked events exist) and fill defaults."""
    return FUNDING.check(values, datasets.data_dir())


def assumed(params: dict) -> dict[str, str]:
    """The parameters set away from the paper, each as words: {'peak': 'a peak of $3bn a year', ...}."""
    out = {}
    if params["peak_bn_per_year"] is not None:
        out["peak"] = f"a peak of {prose.number(params['peak_bn_per_year'], USD_YEAR)}"
    if params["cut_percent"] is not None:
        out["cut"] = f"a cut of {prose.number(params['cut_percent'], 'percent')} by 2024"
    if params["share_2022"] is not None:
        out["share"] = f"{prose.number(params['share_2022'] * 100, 'percent')} of the 2022–23 total falling in 2022"
    return out


def assumptions(params: dict) -> dict[str, Quantity]:
    """The inputs after applying the parameters: peak, 2022-23 total and cut."""
    def override(figure_id: str, value: float | None) -> Quantity:
        return datasets.figure(figure_id) if value is None else Quantity(value, value, value, figure_id)

    return {"peak": override(PEAK, params["peak_bn_per_year"]), "total": datasets.figure(TOTAL),
            "cut": override(CUT, params["cut_percent"])}


def _period(figure_id: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    row = datasets.figures().set_index("id").loc[figure_id]
    return row["period_start"], row["period_end"]


def spans(params: dict) -> pd.DataFrame:
    """Support levels as spans of time, in $bn a year: start, end, central, low, high, basis (stated, derived,
    assumed), whether approximate, and what it is in words."""
    a = assumptions(params)
    changed = assumed(params)
    total_start, total_end = _period(TOTAL)
    years = total_end.year - total_start.year + 1
    rows = [(*_period(PEAK), a["peak"], "assumed" if "peak" in changed else "stated", prose.is_approximate(PEAK), "peak"),
            (total_start, total_end, a["total"] / years, "derived", False, "average")]
    if "share" in changed:
        share = params["share_2022"]
        middle = pd.Timestamp(year=total_start.year, month=12, day=31)
        rows += [(total_start, middle, a["total"] * share, "assumed", False, "first year"),
                 (middle + pd.Timedelta(days=1), total_end, a["total"] * (1 - share), "assumed", False, "second year")]
    level = a["peak"] * (1 - a["cut"] / 100)
    basis = "assumed" if {"peak", "cut"} & set(changed) else "derived"
    rows.append((*_period(CUT), level, basis, "peak" not in changed and prose.is_approximate(PEAK), "2024"))
    return pd.DataFrame([{"start": s, "end": e, "central": q.value, "low": q.low, "high": q.high, "basis": b,
                          "approximate": ap, "what": w} for s, e, q, b, ap, w in rows])


def marked_events(ids: list[str]) -> pd.DataFrame:
    """The chosen events with their spans, titles and dates in words."""
    ev = datasets.events().set_index("id").loc[ids]
    return pd.DataFrame({"id": ev.index, "start": ev["date_start"].values, "end": ev["date_end"].values,
                         "label": [labels.typeset(t) for t in ev["title"]], "turning": (ev["turning_point"] == "yes").values,
                         "open_start": (ev["open_ended"] == "start").values, "day": (ev["date_precision"] == "day").values,
                         "when": [labels.event_date(a, b, o) for a, b, o in zip(ev["date_start"], ev["date_end"],
                                                                               ev["open_ended"])]})


def findings(params: dict) -> list[Finding]:
    """The report's key findings, on the paper's own figures; a last one names any assumption of this run."""
    figures = datasets.figures().set_index("id")
    trend_start = datasets.events().set_index("id").loc[TREND_STARTS, "date_start"].year
    cite = citations.cite
    peak_when = labels.figure_when(PEAK)
    total_when = labels.figure_when(TOTAL)
    level = datasets.figure(PEAK) * (1 - datasets.figure(CUT) / 100)
    turning = ", which the paper calls the turning point" if datasets.events().set_index("id").loc[
        CRACKDOWN, "turning_point"] == "yes" else ""
    items = [
        Finding("funding.timing",
                f"**Support fell slowly, then sharply**: a downward trend from no later than {trend_start}, perhaps earlier "
                f"{cite(TREND_STARTS)}, to which the Ukraine war from {labels.event_when(WAR)} {cite(WAR)} at first added little "
                f"{cite(WAR_CUTS)}, then heavy cuts in {labels.event_when(HEAVY_CUTS)} {cite(HEAVY_CUTS)}, after the regime's crackdown "
                f"on pro-Russian officers{turning} {cite(CRACKDOWN)}.",
                {"trend_no_later_than": trend_start}, (TREND_STARTS, WAR, WAR_CUTS, HEAVY_CUTS, CRACKDOWN)),
        Finding("funding.peak_and_2022_23",
                f"**From the peak to 2022–23.** At the peak, in {peak_when}, Russia spent {citations.stated(PEAK)} on the "
                f"regime; over {total_when} it still gave {citations.stated(TOTAL)} in total, {citations.derived(AVERAGE)} "
                "on average: high, but already below the peak.",
                {"peak_bn_per_year": figures.loc[PEAK, "central"], "total_2022_23_bn": figures.loc[TOTAL, "central"]},
                (PEAK, TOTAL, AVERAGE)),
        Finding("funding.level_2024",
                f"**2024.** By 2024 financial support was {citations.stated(CUT)} below the peak, "
                f"which puts it at {citations.derived(LEVEL_2024)}.",
                {"cut_percent": figures.loc[CUT, "central"], "level_bn_per_year": level.value}, (CUT, LEVEL_2024)),
        Finding("funding.logistics",
                f"**Logistics suffered less.** Logistical support fell by {citations.stated(LOGISTICS)}, leaving "
                f"{citations.derived(LOGISTICS_LEFT)} of its earlier level; the paper gives no money value for it "
                f"{citations.cite('logistics_value')}.",
                {"decline_percent": figures.loc[LOGISTICS, "central"]}, (LOGISTICS, LOGISTICS_LEFT, "logistics_value")),
    ]
    changed = assumed(params)
    if changed:
        items.append(Finding("funding.assumptions",
                             f"**Your assumptions.** This version assumes {prose.join(list(changed.values()))}; the chart and "
                             "the sums below draw and describe those values as assumed, not as the paper's.",
                             {k: params[n] for k, n in (("peak", "peak_bn_per_year"), ("cut", "cut_percent"),
                                                        ("share", "share_2022")) if k in changed}))
    return items


def comparison(params: dict) -> str:
    """How far each later level sits below the peak, on the paper's figures (or the reader's assumptions), and what
    the figures cannot show. No counterfactual: the paper gives no baseline for what support "would" have been."""
    changed = assumed(params)
    s = spans(params).set_index("what")
    peak, average, last = s.loc["peak"], s.loc["average"], s.loc["2024"]
    approx = bool(peak["approximate"])
    share_avg = prose.number(average["central"] / peak["central"] * 100, "percent", approx)
    share_2024 = prose.number(100 - assumptions(params)["cut"].value, "percent")  # what the cut leaves of the peak
    peak_when = labels.date_span(peak["start"], peak["end"])
    gap = f"{peak['end'].year + 1}–{str(average['start'].year - 1)[2:]}"
    basis = ("On the values assumed in this version (" + prose.join(list(changed.values())) + ")" if changed
             else "On the paper's figures")
    about = "about " if approx else ""
    lines = [f"{basis}, Russia's support over {labels.date_span(average['start'], average['end'])} averaged {about}"
             f"{share_avg} of its yearly level at the {peak_when} peak, and in {last['start'].year} it was {share_2024} of that "
             f"level. The paper gives no figure for {gap}, so how fast the money fell between the peak and 2022 the "
             f"figures cannot show; the paper dates the start of the downward trend to no later than "
             f"{datasets.events().set_index('id').loc[TREND_STARTS, 'date_start'].year} {citations.cite(TREND_STARTS)}."]
    if "share" in changed:
        first = average["start"].year
        lines.append(f"The assumed split puts {prose.number(s.loc['first year', 'central'], USD_YEAR)} in {first} and "
                     f"{prose.number(s.loc['second year', 'central'], USD_YEAR)} in {first + 1}.")
        if s.loc["second year", "central"] > s.loc["first year", "central"]:
            lines.append(f"With this split {first + 1} would be higher than {first}, which sits oddly with the paper's "
                         f"account of cuts beginning in {first + 1}.")
    return " ".join(lines)


def limits() -> str:
    """What the data cannot tell, stated from the data."""
    peak_end = _period(PEAK)[1].year
    total_start = _period(TOTAL)[0].year
    return "\n".join([
        f"- The paper gives no funding figure for {peak_end + 1}–{str(total_start - 1)[2:]}; the chart leaves those years "
        "empty rather than drawing a line through them.",
        "- The 2022–23 figure is a two-year total; the paper does not split it by year, so the chart draws one two-year "
        "span at the yearly average.",
        f"- The cut to units deemed disloyal in {_period('fund_disloyal_units_cut_2023')[0].year} {citations.cite(DISLOYAL_CUT)} "
        f"is dated but {prose.stated_value('fund_disloyal_units_cut_2023')} {citations.cite('fund_disloyal_units_cut_2023')}.",
        "- The peak is a round, approximate figure with no stated bounds, so everything worked out from it (the 2024 "
        "level, the 2022–23 average as a share of the peak) is approximate too; the charts blur the end of each such bar.",
        "- The paper does not say what the logistics decline is measured against; it is read here as the earlier level.",
    ])


SOURCE_IDS = [PEAK, TOTAL, AVERAGE, CUT, LEVEL_2024, LOGISTICS, LOGISTICS_LEFT, "logistics_value", "fund_disloyal_units_cut_2023"]
