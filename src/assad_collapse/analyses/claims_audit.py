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
RESULT_WORDS = {claims.CONSISTENT: "holds", claims.CENTRAL_ONLY: "holds for the figures as given, not across the paper's range",
                claims.INCONSISTENT: "does not hold", claims.OPEN: "cannot be checked",
                claims.TENSION: "a tension to note, not a sum to check"}
RELATION_WORDS = {"equal": "against", "at_most": "within", "less_than": "below", "greater_than": "above", "unknown": "against"}
KIND_PHRASES = {"author": "are the author's own judgement", "unattributed": "are stated by the author with no source given",
                "unnamed_source": "come from an unnamed source or interviewee"}
PAPERS = ("stated", "implied")  # checks of the paper's own statements; the rest are this project's inferences
INFERENCE_OPENING = "Our reading: "  # how the claim of an inference opens in checks.csv
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
        return "The threshold"
    if len(ids) == 1 and expression.strip() == ids[0]:
        return labels.label(ids[0])
    return "A value worked out from " + "; ".join(labels.label(i) for i in ids)


def _side(expression: str, value: float, low: float, high: float, unit: str) -> str:
    what = html.escape(_what(expression))
    if value != value:
        return f"{what}: not given in the paper"
    match = _SUM.match(expression)
    ids = sorted(names(expression)) if not match else []
    approximate = any(prose.is_approximate(i) for i in ids)  # 'some 13,000', 'roughly 80' read 'about', as the paper hedges
    number = prose.quantity(_Bounds(value, low, high), unit, approximate)
    return f"{what}: <strong>{html.escape(number)}</strong>"


class _Bounds:
    def __init__(self, value, low, high):
        self.value, self.low, self.high = value, low, high

    @property
    def is_point(self) -> bool:
        return self.low == self.high


def _kind_sentence(total: int) -> tuple[str, dict]:
    """'Most of the 38 quantities the paper mentions (26) are stated by the author…': figures and the quantities it
    mentions without a number alike, so they are counted as quantities, not figures."""
    table = claims.rest_on()
    kind, count = table["total"].idxmax(), int(table["total"].max())
    phrase = KIND_PHRASES.get(kind, f"come from {labels.source_kind(kind)}")
    quantifier = "Most" if count * 2 > total else "The largest group"
    return (f"{quantifier} of the {prose.count(total, 'quantity', 'quantities')} the paper mentions ({count}) {phrase}",
            {k: int(v) for k, v in table["total"].items()})


def _statement(claim: str, basis: str) -> str:
    """A check's claim as a clause inside a sentence: 'that the army's 2024 strength was…'; this project's inference
    says so ('this report's own inference, that …'), its 'Our reading:' opening dropped."""
    text = labels.typeset(claim).rstrip(".").removeprefix(INFERENCE_OPENING)
    clause = "that " + labels.in_sentence(text)
    return clause if basis in PAPERS else "this report's own inference, " + clause


def _open_count(open_rows: pd.DataFrame) -> str:
    """'two of the paper's statements and one of this report's inferences', counted from the data."""
    papers = int(open_rows["basis"].isin(PAPERS).sum())
    counts = ((papers, "the paper's statements"), (len(open_rows) - papers, "this report's inferences"))
    return prose.join([f"{_number(n)} of {whose}" for n, whose in counts if n]) or "no statement"


def _statements(rows: pd.DataFrame, unquantified_ids: set[str]) -> str:
    """The open checks as statements, the paper's first, each cited to the figure it never gives."""
    ordered = pd.concat([rows[rows["basis"].isin(PAPERS)], rows[~rows["basis"].isin(PAPERS)]])
    clauses = [f"{prose.esc(_statement(r.claim, r.basis))} "
               + citations.cite(*sorted(i for i in names(r.left_expression) | names(r.right_expression) if i in unquantified_ids))
               for r in ordered.itertuples()]
    return "; ".join(clauses[:-1]) + "; and " + clauses[-1] if len(clauses) > 1 else "".join(clauses)


def _number(n: int) -> str:
    return prose.WORD_NUMBERS[n] if 0 <= n < len(prose.WORD_NUMBERS) else f"{n:,}"


def _tally(r: pd.DataFrame) -> dict:
    """How many checks of each kind: computed (the paper's, this project's inferences), holding, open, tensions."""
    computed = r[~r["outcome"].isin([claims.OPEN, claims.TENSION])]
    papers = computed[computed["basis"].isin(PAPERS)]
    ours = computed[~computed["basis"].isin(PAPERS)]
    return {"checks": len(r), "papers": len(papers), "papers_hold": int((papers["outcome"] == claims.CONSISTENT).sum()),
            "ours": len(ours), "ours_hold": int((ours["outcome"] == claims.CONSISTENT).sum()),
            "open": int((r["outcome"] == claims.OPEN).sum()), "tensions": int((r["outcome"] == claims.TENSION).sum()),
            "fails": int((computed["outcome"] == claims.INCONSISTENT).sum()),
            "partly": int((computed["outcome"] == claims.CENTRAL_ONLY).sum())}


def _words(n: int, noun: str) -> str:
    """'one check', 'eight checks', '12 checks'."""
    return f"{_number(n)} {noun if n == 1 else noun + 's'}"


def _held(n: int, held: int, what: str) -> str:
    """'all eight checks ... hold', 'both ... hold', 'the one ... holds', 'six of eight ... hold'."""
    if held == n:
        return {0: f"no {what}s", 1: f"the one {what}"}.get(n, f"{'both' if n == 2 else 'all ' + _words(n, what).split()[0]} {what}s")
    return f"{prose.WORD_NUMBERS[held] if held < 11 else held} of {_words(n, what)}"


def findings(params: dict) -> list[Finding]:
    """What holds, what cannot be checked, where the wording needs care, and whose figures they are: all counted from data."""
    r = results(params)
    t = _tally(r)
    figures = datasets.figures()
    kinds, by_kind = _kind_sentence(len(figures))
    unquantified = int((~figures["quantified"]).sum())
    open_rows = r[r["outcome"] == claims.OPEN]
    unquantified_ids = set(figures.loc[~figures["quantified"], "id"])
    missing = sorted({i for e in open_rows["right_expression"].tolist() + open_rows["left_expression"].tolist() for i in names(e)
                      if i in unquantified_ids})
    tensions = r[r["outcome"] == claims.TENSION]
    computed = r[~r["outcome"].isin([claims.OPEN, claims.TENSION])]
    sums = int(computed["left_expression"].str.match(_SUM).sum())
    agree = "they do" if t["papers_hold"] == t["papers"] and t["ours_hold"] == t["ours"] else "they mostly do"
    headline = (f"Where the paper's own figures should agree with each other, {agree}: {_held(t['papers'], t['papers_hold'], 'check')} "
                f"of what the paper states or implies hold, as do {_held(t['ours'], t['ours_hold'], 'further inference')} of "
                f"this report's own, while {_open_count(open_rows)} cannot be checked, the paper never giving a figure "
                f"they need, and {_words(t['tensions'], 'tension')} in its wording are noted.")
    caveat = []
    if t["partly"]:
        caveat.append(f"{prose.count(t['partly'], 'check')} {'holds' if t['partly'] == 1 else 'hold'} only for the figures as given")
    if t["fails"]:
        caveat.append(f"{prose.count(t['fails'], 'check')} {'fails' if t['fails'] == 1 else 'fail'}: " +
                      prose.join([prose.esc(c.lower().rstrip('.')) for c in r.loc[r["outcome"] == claims.INCONSISTENT, "claim"]]))
    spread = params["approximate_spread_percent"]
    approx = ("Figures the paper gives as \"about\" or \"some\" are taken as given" if spread == 0 else
              f"Figures the paper gives as \"about\" or \"some\" are read as ±{spread:g}%")
    return [
        Finding("claims.checked", headline + (" " + labels.capitalised("; ".join(caveat)) + "." if caveat else ""),
                {**t}),
        Finding("claims.holds",
                f"**What holds.** {labels.capitalised(_words(sums, 'check'))} of parts against the totals the paper gives and "
                f"{_words(t['papers'] + t['ours'] - sums, 'comparison')} of levels, falls and parts of a whole were recomputed. "
                + approx + "; ranges and bounds the paper gives are checked across their whole width.",
                {"holds": t["papers_hold"] + t["ours_hold"], "central_only": t["partly"], "fails": t["fails"]}),
        Finding("claims.open",
                f"**What cannot be checked.** {labels.capitalised(_open_count(open_rows))} compare with figures the paper never gives: "
                + _statements(open_rows, unquantified_ids) + ".",
                {"open": len(open_rows)}, tuple(missing)),
        Finding("claims.tensions",
                f"**Where the wording needs care.** {labels.capitalised(_number(len(tensions)))} places where statements of the paper seem "
                "to pull apart, noted by this report (the table below says how each can be read): "
                + " ".join(prose.esc(labels.typeset(c).rstrip(".")) + "." for c in tensions["claim"]),
                {"tensions": len(tensions)}),
        Finding("claims.sources",
                f"**Whose figures.** {kinds}; {len(figures) - unquantified} of them have a number and {unquantified} do not "
                "(\"some\", \"not known\").",
                {"by_source_kind": by_kind, "unquantified": unquantified}),
    ]


def checks_table(params: dict) -> str:
    """HTML table: what the paper says, what its figures give, the result, and where in the paper."""
    rows = []
    for c in results(params).itertuples():
        tension = c.outcome == claims.TENSION
        left_unit = None if tension else _unit(c.left_expression) or _unit(c.right_expression) or "persons"
        right_unit = None if tension else _unit(c.right_expression) or left_unit
        if tension:
            given = html.escape(labels.typeset(c.note))
        elif c.outcome == claims.OPEN:
            given = (f"{html.escape(_what(c.left_expression))}<br><em>{RELATION_WORDS[c.relation]}</em><br>"
                     f"{html.escape(_what(c.right_expression))}")
        else:  # the relation on a line of its own, so each side opens its own line and keeps its capital
            given = (f"{_side(c.left_expression, c.left, c.left_low, c.left_high, left_unit)}<br><em>{RELATION_WORDS[c.relation]}</em>"
                     f"<br>{_side(c.right_expression, c.right, c.right_low, c.right_high, right_unit)}")
        result = RESULT_WORDS[c.outcome]
        if c.outcome == claims.INCONSISTENT:
            result += f" (off by {prose.number(abs(c.difference), left_unit)})"
        where = "<br>".join(html.escape(l) for l in labels.locators(c.locator))
        claim = f"{html.escape(labels.typeset(c.claim))}<br><small>{html.escape(c.basis_words)}</small>"
        rows.append((f"check-{c.id}", [claim, given, f"<strong>{html.escape(result)}</strong>", where]))
    return citations.html_table(["What the paper says", "What its figures give", "Result", "Where in the paper"], rows,
                                css="sources notes")


def source_rows(table: pd.DataFrame) -> list[marks.Row]:
    """One bar per kind of source: as long as its figures with a number; those without one are counted beside it."""
    return [marks.Row(labels.capitalised(labels.source_kind(kind)), row.quantified, row.quantified, row.quantified, "as_stated", style.STATED,
                      text=(f"{row.quantified} with a number" + (f", {row.unquantified} more not quantified" if row.unquantified else ""))
                      if row.quantified else f"none with a number, {row.unquantified} not quantified")
            for kind, row in table.iterrows()]


def chart_sources() -> Chart:
    """Figures by who gave them according to the paper, with how many are not quantified."""
    table = claims.rest_on()
    total = int(table["total"].sum())
    rows = source_rows(table)
    sentence, _ = _kind_sentence(total)
    title = sentence
    alt = title + ". " + "; ".join(f"{labels.source_kind(k)}: {prose.count(r.total, 'quantity', 'quantities')}, "
                                   f"{r.unquantified} not quantified"
                                   for k, r in table.iterrows()) + "."
    return Chart(title, lambda layout: marks.rows_figure(rows, "figures", layout, axis_label="figures with a number in the paper"), alt,
                 f"Source: {charts.CITATION}: every quantity the paper mentions, by who gave it according to the paper "
                 "(each one's place in the paper is in the tables below).",
                 subtitle="Who gave each of the paper's figures, according to the paper; the bars count the figures with a "
                 "number, and the quantities the paper mentions without one are counted beside them")


def single_source_table() -> str:
    """Figures the paper gives to one interviewee or to a source it does not name, rather than stating them itself."""
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
