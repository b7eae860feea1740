"""The claims-audit report: outcomes of the checks, what rests on whom, and what the paper leaves open."""

from __future__ import annotations

import html

import matplotlib.pyplot as plt

from . import claims
from ..presentation import charts, citations, prose, style
from ..presentation.charts import short_locator
from ..reportparams import CLAIMS_AUDIT

PARAMETERS = CLAIMS_AUDIT.specs
SYMBOLS = {"equal": "=", "at_most": "≤", "less_than": "<", "greater_than": ">", "unknown": "vs"}


def parameters(**values) -> dict:
    """Check the report's parameters and fill defaults."""
    return CLAIMS_AUDIT.check(values)


def results(params: dict):
    return claims.audit(approximate_spread=params["approximate_spread_percent"] / 100)


def findings(params: dict) -> str:
    """Counts of outcomes, computed."""
    r = results(params)
    counts = r["outcome"].value_counts()
    checkable = len(r) - counts.get(claims.OPEN, 0)
    lines = [f"- **{len(r)} relations** between the paper's own figures were checked; {checkable} could be computed."]
    for outcome in (claims.CONSISTENT, claims.CENTRAL_ONLY, claims.INCONSISTENT, claims.OPEN):
        if counts.get(outcome, 0):
            lines.append(f"- **{outcome.capitalize()}**: {counts[outcome]} ({', '.join('`' + i + '`' for i in r.loc[r['outcome'] == outcome, 'id'])}).")
    if not counts.get(claims.INCONSISTENT, 0):
        lines.append("- No check found the paper contradicting itself: its parts add up to its totals and its levels move "
                     "in the directions it describes. What cannot be checked is where it compares with figures it never gives.")
    return "\n".join(lines)


def _number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}".rstrip("0").rstrip(".")


def _side(expression: str, value, low, high) -> str:
    if value != value:  # NaN: not computable
        return f"<code>{html.escape(expression)}</code>"
    bounds = "" if low == high else f" ({_number(low)}–{_number(high)})"
    return f"<code>{html.escape(expression)}</code> = {_number(value)}{bounds}"


def checks_table(params: dict) -> str:
    """HTML table: claim, the computed relation, outcome, difference, locator."""
    r = results(params)
    rows = []
    for c in r.itertuples():
        relation = f"{_side(c.left_expression, c.left, c.left_low, c.left_high)} {SYMBOLS[c.relation]} {_side(c.right_expression, c.right, c.right_low, c.right_high)}"
        difference = "" if c.difference != c.difference else ("+" if c.difference >= 0 else "−") + _number(abs(c.difference))
        where = "; ".join(html.escape(short_locator(l)) for l in c.locator.split(";"))
        rows.append((f"check-{c.id}", [html.escape(c.claim), relation, f"<strong>{html.escape(c.outcome)}</strong>", difference, where]))
    return citations.html_table(["What the paper says", "Computed", "Outcome", "Left − right", "Where"], rows)


def chart_sources() -> charts.Chart:
    """Figures by who gave them according to the paper, quantified or not."""
    style.use_house_style()
    table = claims.rest_on().iloc[::-1]
    labels = [k.replace("_", " ") for k in table.index]
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 0.5 * len(table) + 1.8))
    ax.barh(labels, table["quantified"], color=style.OKABE_ITO[0], label="with a number")
    ax.barh(labels, table["unquantified"], left=table["quantified"], color="white", edgecolor=style.OKABE_ITO[0],
            hatch="///", label="without a number ('some', 'not known')")
    for y, total in enumerate(table["total"]):
        ax.text(total + 0.3, y, str(total), va="center", fontsize=10)
    ax.grid(False)
    ax.grid(True, axis="x")
    ax.legend(loc="lower right", fontsize=10)
    ax.set_xlabel("figures in the paper")
    top = table["total"].idxmax().replace("_", " ")
    ax.set_title(f"Most of the paper's figures rest on the {top}'s own account")
    source = f"Source: Giustozzi (RUSI, 2025): all {int(table['total'].sum())} figures of figures.csv, each with its locator in the tables below."
    description = "; ".join(f"{l}: {q} with a number, {u} without" for l, q, u in zip(labels, table["quantified"], table["unquantified"]))
    return charts.finish(fig, [], description=description, source=source)


def single_source_table() -> str:
    """Figures that rest on an interviewee or an unnamed source rather than the author's reporting."""
    frame = claims.single_source()
    frame = frame.assign(where=[short_locator(l) for l in frame["locator"]], source=frame["source_kind"].str.replace("_", " "))
    return prose.table(frame[["id", "measure", "group", "source", "where"]])


def open_questions() -> str:
    """What the paper implies or mentions but never quantifies."""
    frame = claims.unquantified()
    return "\n".join(f"- {prose.esc(r.measure)} ({prose.esc(r.group)}) {citations.cite(r.id)}: {prose.esc(r.note)}" for r in frame.itertuples())


def source_ids() -> list[str]:
    """Figures cited in the audit's prose."""
    return list(claims.unquantified()["id"])
