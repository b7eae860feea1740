"""The claims-audit report, written for a reader: what was checked, what holds, what cannot be checked, whose figures."""

from __future__ import annotations

import html
import re

import pandas as pd

from . import claims
from ..paper import datasets
from ..paper.derived import derived_figures
from ..paper.expression import names
from ..presentation import charts, citations, labels, marks, prose, style
from ..presentation.charts import Chart
from ..presentation.findings import Finding
from ..reportparams import CLAIMS_AUDIT

PARAMETERS = CLAIMS_AUDIT.specs
RESULT_WORDS = {claims.CONSISTENT: "holds", claims.CENTRAL_ONLY: "holds for the stated values, not across every bound",
                claims.INCONSISTENT: "does not hold", claims.OPEN: "cannot be checked",
                claims.TENSION: "a tension to note, not a sum to check"}
RELATION_WORDS = {"equal": "against", "at_most": "within", "less_than": "below", "greater_than": "above", "unknown": "against"}
KIND_PHRASES = {"author": "are the author's own judgement", "unattributed": "are stated with no source named",
                "unnamed_source": "come from sources the paper does not name"}
_SUM = re.compile(r"^\s*sum\(\s*([a-z][a-z0-9_]*)\s*\)\s*$")


def parameters(**values) -> dict:
    """Check the report's parameters and fill defaults."""
    return CLAIMS_AUDIT.check(values)


def results(params: dict) -> pd.DataFrame:
    """Every check of checks.csv evaluated with the chosen margin."""
    return claims.audit(approximate_spread=params["approximate_spread_percent"] / 100)


def _unit(expression: str) -> str | None:
    figures = datasets.figures().set_index("id")
    derived = derived_figures().set_index("id")
    for i in sorted(names(expression)):
        if i in figures.index:
            return figures.loc[i, "unit"]
        if i in derived.index:
            return derived.loc[i, "unit"]
    return None


def _what(expression: str) -> str:
    """What one side of a check is, in words."""
    match = _SUM.match(expression)
    if match:
        return "The parts the paper gives, added up"
    ids = sorted(names(expression))
    if not ids:
        return "the threshold"
    if len(ids) == 1 and expression.strip() == ids[0]:
        return labels.label(ids[0])
    return "Worked out from: " + "; ".join(labels.label(i) for i in ids)


def _side(expression: str, value: float, low: float, high: float, unit: str) -> str:
    what = html.escape(_what(expression))
    if value != value:
        return f"{what}: not given in the paper"
    number = prose.quantity(_Bounds(value, low, high), unit)
    return f"{what}: <strong>{html.escape(number)}</strong>"


class _Bounds:
    def __init__(self, value, low, high):
        self.value, self.low, self.high = value, low, high

    @property
    def is_point(self) -> bool:
        return self.low == self.high


def _kind_sentence(total: int) -> tuple[str, dict]:
    table = claims.rest_on()
    kind, count = table["total"].idxmax(), int(table["total"].max())
    phrase = KIND_PHRASES.get(kind, f"come from {labels.source_kind(kind)}")
    quantifier = "Most" if count * 2 > total else "The largest group"
    return (f"{quantifier} of the paper's {total} figures ({count}) {phrase}",
            {k: int(v) for k, v in table["total"].items()})


def findings(params: dict) -> list[Finding]:
    """What was checked, what holds, what cannot be checked, and whose figures they are: all counted from data."""
    r = results(params)
    counts = r["outcome"].value_counts()
    checkable = len(r) - int(counts.get(claims.OPEN, 0)) - int(counts.get(claims.TENSION, 0))
    holds, partly, fails = (int(counts.get(o, 0)) for o in (claims.CONSISTENT, claims.CENTRAL_ONLY, claims.INCONSISTENT))
    figures = datasets.figures()
    kinds, by_kind = _kind_sentence(len(figures))
    unquantified = int((~figures["quantified"]).sum())
    verdict = [f"{prose.count(holds, 'holds', 'hold')} across every bound"]
    if partly:
        verdict.append(f"{partly} only for the stated values")
    if fails:
        verdict.append(f"{prose.count(fails, 'does not hold', 'do not hold')}: " +
                       prose.join([prose.esc(c.lower().rstrip('.')) for c in r.loc[r["outcome"] == claims.INCONSISTENT, "claim"]]))
    open_rows = r[r["outcome"] == claims.OPEN]
    missing = sorted({i for e in open_rows["right_expression"].tolist() + open_rows["left_expression"].tolist() for i in names(e)
                      if i in set(figures.loc[~figures["quantified"], "id"])})
    return [
        Finding("claims.checked",
                f"**What was checked.** {prose.count(len(r), 'statement')} in which the paper's own figures should agree "
                "with each other (parts against totals, levels against the falls it describes) were recomputed from those "
                f"figures; {checkable} of them could be.",
                {"checks": len(r), "checkable": checkable}),
        Finding("claims.holds",
                (f"**What holds.** All {checkable} hold across every bound." if holds == checkable else
                 f"**What holds.** Of those {checkable}, " + prose.join(verdict) + ".") +
                (" The paper's arithmetic is consistent with itself." if not fails and not partly else ""),
                {"holds": holds, "central_only": partly, "fails": fails}),
        Finding("claims.open",
                f"**What cannot be checked.** {prose.count(len(open_rows), 'statement')} compare with figures the paper never "
                "gives: " + "; ".join(f"{prose.esc(labels.label(i))} {citations.cite(i)}" for i in missing) + ".",
                {"open": len(open_rows)}, tuple(missing)),
        Finding("claims.sources",
                f"**Whose figures.** {kinds}; {unquantified} of the {len(figures)} are not quantified at all "
                "(\"some\", \"not known\").",
                {"by_source_kind": by_kind, "unquantified": unquantified}),
    ]


def checks_table(params: dict) -> str:
    """HTML table: what the paper says, what its figures give, the result, and where in the paper."""
    rows = []
    for c in results(params).itertuples():
        tension = c.outcome == claims.TENSION
        unit = "persons" if tension else _unit(c.left_expression) or _unit(c.right_expression) or "persons"
        if tension:
            given = html.escape(c.note)
        elif c.outcome == claims.OPEN:
            given = f"{html.escape(_what(c.left_expression))} {RELATION_WORDS[c.relation]} {html.escape(_what(c.right_expression))}"
        else:
            given = (f"{_side(c.left_expression, c.left, c.left_low, c.left_high, unit)}<br>{RELATION_WORDS[c.relation]} "
                     f"{_side(c.right_expression, c.right, c.right_low, c.right_high, unit)}")
        result = RESULT_WORDS[c.outcome]
        if c.outcome == claims.INCONSISTENT:
            result += f" (off by {prose.number(abs(c.difference), unit)})"
        where = "<br>".join(html.escape(l) for l in labels.locators(c.locator))
        claim = f"{html.escape(c.claim)}<br><small>{html.escape(c.basis_words)}</small>"
        rows.append((f"check-{c.id}", [claim, given, f"<strong>{html.escape(result)}</strong>", where]))
    return citations.html_table(["What the paper says", "What its figures give", "Result", "Where in the paper"], rows,
                                css="sources notes")


def chart_sources() -> Chart:
    """Figures by who gave them according to the paper, with how many are not quantified."""
    table = claims.rest_on()
    total = int(table["total"].sum())
    rows = [marks.Row(labels.source_kind(kind).capitalize(), row.total, row.total, row.total, "as_stated", style.STATED,
                      text=f"{row.total}" + (f" ({row.unquantified} not quantified)" if row.unquantified else ""))
            for kind, row in table.iterrows()]
    sentence, _ = _kind_sentence(total)
    title = sentence
    alt = title + ". " + "; ".join(f"{labels.source_kind(k)}: {prose.count(r.total, 'figure')}, {r.unquantified} not quantified"
                                   for k, r in table.iterrows()) + "."
    return Chart(title, lambda layout: marks.rows_figure(rows, "figures", layout, axis_label="figures in the paper"), alt,
                 f"Source: {charts.CITATION}: every figure the paper gives, by who gave it according to the paper "
                 "(each figure's place in the paper is in the tables below).",
                 subtitle="Who gave each of the paper's figures, according to the paper")


def single_source_table() -> str:
    """Figures that rest on one interviewee or on no named source, rather than the author's own reporting."""
    frame = claims.single_source()
    rows = [(None, [html.escape(labels.label(r.id)), html.escape(prose.stated_value(r.id)),
                    html.escape(labels.source_kind(r.source_kind)), html.escape("; ".join(labels.locators(r.locator)))])
            for r in frame.itertuples()]
    return citations.html_table(["Figure", "Value", "Who gave it", "Where in the paper"], rows, css="sources notes")


def open_questions() -> str:
    """What the paper implies or mentions but never quantifies."""
    frame = claims.unquantified()
    return "\n".join(f"- **{prose.esc(labels.label(r.id))}** {citations.cite(r.id)}: {prose.esc(r.note)}" for r in frame.itertuples())


def source_ids() -> list[str]:
    """Figures cited in the audit's prose."""
    return list(claims.unquantified()["id"])
