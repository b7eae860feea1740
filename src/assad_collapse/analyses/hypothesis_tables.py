"""The hypothesis report's tables, chart and downloads: every item by its one-line summary, never by its id.

Evidence items are numbered by their place in the evidence file, the same number in every report (an
item keeps its number whichever question it bears on), and cited as ``[n]``, a link to their row in the
item-by-item table, which gives the item in full, who gave it according to the paper, its
weight, its rating against every hypothesis with the reason, what it counts, and where it is
in the paper. The matrix is an HTML table that scrolls in its own box on a phone, and it can be
downloaded as a spreadsheet (CSV) from the report itself.
"""

from __future__ import annotations

import base64
import html
import math
from functools import lru_cache

import numpy as np
import pandas as pd

from . import ach
from ..paper import datasets
from ..presentation import citations, labels, prose
from ..presentation.charts import Chart
from ..presentation.marks import Row, rows_figure
from ..presentation import style

SIMULATED, RATING_FILLS = style.SIMULATED, style.RATING_FILLS  # one meaning per colour across the set

RATING_WORDS = {"CC": "very consistent", "C": "consistent", "N": "neutral: can be read either way", "I": "inconsistent",
                "II": "very inconsistent", "NA": "does not bear on it"}
STYLE = (
    "<style>.ach-box{border:1px solid #c99700;border-left-width:5px;background:#fff8e1;padding:.5rem 1rem;margin:1rem 0}"
    ".ach-box p{margin:.3rem 0}.ach-matrix{font-size:.8rem;width:auto;max-width:100%}.ach-matrix th,.ach-matrix td{padding:.25rem .3rem}"
    ".ach-matrix th.h{font-size:.72rem;line-height:1.2}.ach-matrix td.s{min-width:7.5rem;max-width:16rem}"
    ".ach-matrix td.r{text-align:center;font-weight:700;white-space:nowrap}"
    + "".join(f".ach-{code}{{background:{fill}!important;color:{ink}}}" for code, (fill, ink) in RATING_FILLS.items()) +
    "tr.ach-off td{color:#555}tr.ach-off td.r{background:#f0f0f0!important;color:#555;font-weight:400;text-decoration:line-through}"
    ".ach-why{color:#555;font-size:.92em}</style>"
)
DATA_FILES = ("hypotheses.csv", "evidence.csv", "ratings.csv")


def number_of(m: ach.Matrix, item: str) -> int:  # noqa: ARG001 (the number does not depend on the matrix)
    """An item's number in every report: its place in the evidence file."""
    return _numbers()[item]


@lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    return {item: k + 1 for k, item in enumerate(datasets.evidence()["id"])}


def ref(m: ach.Matrix, *items: str) -> str:
    """Citations of evidence items: '[3, 12]', each a link to the item's row (inline HTML)."""
    links = [f'<a class="cite" href="#item-{prose.attr(i)}" title="{prose.attr(m.summary(i))}">{number_of(m, i)}</a>'
             for i in dict.fromkeys(items)]
    return f"[{', '.join(links)}]" if links else ""


def set_aside(m: ach.Matrix, s: ach.Settings, item: str) -> str:
    """Why an item counts less than in full ('' when it counts in full)."""
    k = m.items.index(item)
    if not s.author and m.source_kind[k] == "author":
        return "set aside in this version: the author's own judgement"
    if m.factor[k] < 1:
        share = "set aside" if m.factor[k] == 0 else f"counts at {m.factor[k]:.0%} of its weight"
        return f"{share} in this version: given by {labels.source_kind(m.source_kind[k])}"
    return ""


def _e(text: object) -> str:
    return html.escape(str(text))


def hypotheses_table(m: ach.Matrix) -> str:
    """The question's hypotheses: statement, what sets it apart, who favours it, the paper's judgement."""
    hyp = datasets.hypotheses().set_index("id")
    judgement = {"most_solid": "judged the most solid, tentatively: it needs further investigation, the paper says",
                 "probable": "called probable in the conclusion", "weighed": "weighed",
                 "not_addressable": "too little evidence to discuss it, the paper says", "open": "left open",
                 "split_from_lean": "this report's reading: part of the conclusion's lean to leverage, split off here"}
    rows = []
    for h in m.hypotheses:
        r = hyp.loc[h]
        where = "; ".join(labels.locators(r["locator"]))
        rows.append((None, [f"<strong>{_e(r['label'])}</strong><br>{_e(r['statement'])}", _e(r["sets_apart"]),
                            _e(r["favoured_by"] or "not said"), f"{_e(judgement[r['paper_judgement']])}<br><small>{_e(where)}</small>"]))
    return citations.html_table(["Explanation", "What sets it apart", "Who would favour it", "The paper's judgement"], rows,
                                css="sources notes")


def _weight(m: ach.Matrix, k: int) -> str:
    return f"credibility {m.credibility[k]}, relevance {m.relevance[k]}"


def against_table(m: ach.Matrix, v: dict) -> str:
    """Per hypothesis, the evidence rated inconsistent with it, strongest first, and the total against it."""
    rows = []
    for h in m.hypotheses:
        items = v["against"][h]
        listed = "<br>".join(f"{_e(m.summary(a['item']))} {ref(m, a['item'])}: {_e(RATING_WORDS[a['rating']])} "
                             f"<small>({_e(_weight(m, m.items.index(a['item'])))})</small>" for a in items)
        rows.append((None, [f"<strong>{_e(m.label(h))}</strong>", listed or "nothing", _e(_against_total(v, h))]))
    return citations.html_table(["Explanation", "What contradicts it", "Weight of the contradiction"], rows, css="sources notes")


def _against_total(v: dict, h: str) -> str:
    total = -v["scores"][h]["against"]
    if v["settings"]["scheme"] == "heuer":
        return "none" if total == 0 else f"{total:.1f} (inconsistency score)"
    return "none" if total == 0 else f"odds ×{math.exp(-total):.2f}"


def scores_table(m: ach.Matrix, v: dict) -> str:
    """Scores, the shares of random draws each leads alone and of tied draws, with the simulation's 95% range."""
    bayes, mc = v["settings"]["scheme"] == "bayes", v["mc"]
    rows = []
    for h in sorted(m.hypotheses, key=lambda h: v["scores"][h]["rank"]):
        sc = v["scores"][h]
        score = f"{sc['posterior']:.0%}" if bayes else f"{abs(sc['total']):.1f}"
        rows.append((None, [f"<strong>{_e(m.label(h))}</strong>", score, str(len(v["against"][h])),
                            _share(mc["p_first"][h], mc["interval"][h]), pct(mc["p_shared"][h])]))
    rows.append((None, ["<em>The top is tied</em>", "", "", _share(mc["p_tie"], mc["tie_interval"]), ""]))
    head = "Probability, Bayesian reading" if bayes else "Inconsistency score (lower is better)"
    return citations.html_table(["Explanation", head, "Items against it",
                                 "Leads the draws alone in (range from the simulation's noise alone)",
                                 "Among the tied leaders in"], rows, css="sources notes")


def _share(p: float, low_high: tuple[float, float]) -> str:
    return f"{pct(p)} <small>({pct(low_high[0], False)}–{pct(low_high[1])})</small>"


def pct(x: float, sign: bool = True) -> str:
    """A share of draws or settings as a whole percent ('47%'); under one percent reads '<1%'."""
    if 0 < x < 0.005:
        return "<1%" if sign else "0"
    return f"{x * 100:.0f}" + ("%" if sign else "")


def chart_monte_carlo(m: ach.Matrix, v: dict, title: str) -> Chart:
    """The share of random draws each hypothesis leads alone, and the share whose top is tied, with the simulation's 95% range."""
    mc = v["mc"]
    order = sorted(m.hypotheses, key=lambda h: -mc["p_first"][h])
    shares = [(m.label(h), mc["p_first"][h], mc["interval"][h], "Leads alone") for h in order]
    shares.append(("Tied at the top", mc["p_tie"], mc["tie_interval"], "No explanation leads alone"))
    rows = [Row(label=label, central=p * 100, low=lh[0] * 100, high=lh[1] * 100, precision="as_stated", color=SIMULATED,
                group=group, text=f"{pct(p)} ({pct(lh[0], False)}–{pct(lh[1])})") for label, p, lh, group in shares]
    alt = (f"{title}. " + "; ".join(f"{m.label(h)} leads alone in {pct(mc['p_first'][h])} of draws "
                                     f"(95% range from the simulation's noise {pct(mc['interval'][h][0], False)}–{pct(mc['interval'][h][1])})" for h in order)
           + f"; the top is tied in {pct(mc['p_tie'])} of draws.")
    source = (f"Source: this report's ratings of the evidence in Giustozzi 2025; {mc['draws']:,} draws in which each rating moves "
              "one step up or down at random, and each credibility and relevance level likewise.")
    return Chart(title=title, draw=lambda layout: rows_figure(rows, "percent", layout, xmax=108, divide=True,
                                                              axis_label="share of draws (%)"),
                 alt=alt, source=source, subtitle=f"Share of {mc['draws']:,} random draws in which each explanation leads alone, "
                 "ahead of every other by more than what one ordinary inconsistent item counts, and share in which the top is tied "
                 "(two or more within that margin). The ranges are the simulation's own noise.")


def multiverse_table(v: dict) -> str:
    """What each scoring switch does: PARC's choice, the alternative, and how often moving to it changes who leads."""
    rows = []
    defaults = {sw.name: sw.options[0][0] for sw in ach.SWITCHES}
    for r in v["multiverse"]["switches"]:
        rows.append((None, [_e(r["about"]), _e(defaults[r["switch"]]), _e(r["option"]), pct(r["changes"])]))
    return citations.html_table(["Choice", "PARC's (the default)", "Alternative", "Changes who leads in"], rows, css="sources notes")


def matrix_table(m: ach.Matrix, s: ach.Settings) -> str:
    """The evidence matrix: one row per item by its summary, one column per hypothesis; items set aside greyed."""
    head = "".join(f'<th class="h" title="{_e(label)}">{_e(short)}</th>' for short, label in zip(m.short_labels, m.labels))
    body = []
    for k, item in enumerate(m.items):
        off = set_aside(m, s, item)
        cells = "".join(f'<td class="r ach-{code}" title="{_e(RATING_WORDS[code])}">{code}</td>' for code in m.ratings[k])
        note = f'<br><small>{_e(off)}</small>' if off else ""
        css = ' class="ach-off"' if off else ""
        body.append(f'<tr{css}><td class="s">{k + 1}. <a href="#item-{_e(item)}">{_e(m.summary(item))}</a>{note}</td>{cells}</tr>')
    columns = "; ".join(f"{short}: {label}" for short, label in zip(m.short_labels, m.labels))
    key = "; ".join(f"{code} {words}" for code, words in RATING_WORDS.items())
    return (f'{STYLE}<p class="ach-why">Columns: {_e(columns)}. Ratings: {_e(key)}.</p><table class="ach-matrix"><thead><tr>'
            f'<th>Evidence</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')


def _contribution(value: float, scheme: str) -> str:
    if abs(value) < 1e-12:
        return "counts nothing"
    if scheme == "heuer":
        return f"counts {-value:.2f} against"
    return f"odds ×{math.exp(value):.2f}"


def item_table(m: ach.Matrix, s: ach.Settings) -> str:
    """Every item in full: summary, description, source, weight and place in the paper; its ratings with reasons and contributions."""
    evidence = datasets.evidence().set_index("id")
    reasons = datasets.ratings().set_index(["evidence_id", "hypothesis_id"])["rationale"]
    contrib = ach.contributions(m, s)
    weight = ach.reliability(m, weighted=s.weighted) if s.scheme == "bayes" else ach.item_weights(m, weighted=s.weighted)
    rows = []
    for k, item in enumerate(m.items):
        e = evidence.loc[item]
        off = set_aside(m, s, item)
        where = "; ".join(labels.locators(e["locator"]))
        how = ("set aside" if weight[k] == 0 else
               f"reliability {weight[k]:.2f}" if s.scheme == "bayes" else f"weight {weight[k]:.2f}")
        what = (f"<strong>{_e(m.summary(item))}</strong><br>{_e(e['description'])}"
                + (f"<br><em>{_e(off)}</em>" if off else "")
                + f'<br><small>Source: {_e(labels.source_kind(m.source_kind[k]))}; {_e(_weight(m, k))}, {how}. {_e(where)}.</small>')
        ratings = "<br>".join(
            f"<strong>{_e(m.label(h))}</strong>: {_e(RATING_WORDS[m.ratings[k, j]])}, {_e(_contribution(contrib.iloc[k, j], s.scheme))}"
            f' <span class="ach-why">— {_e(reasons.loc[(item, h)])}</span>' for j, h in enumerate(m.hypotheses))
        rows.append((f"item-{item}", [str(k + 1), what, ratings]))
    return citations.html_table(["No.", "Evidence, who gave it and where it is", "Rating against each explanation, and why"],
                                rows, css="sources notes")


def matrix_csv(m: ach.Matrix, s: ach.Settings) -> str:
    """The matrix as CSV text: one row per item with its summary, source, weight, and per hypothesis rating, reason, contribution."""
    reasons = datasets.ratings().set_index(["evidence_id", "hypothesis_id"])["rationale"]
    contrib = ach.contributions(m, s)
    frame = m.frame(weighted=s.weighted)[["item", "summary", "source_kind", "credibility", "relevance", "weight", "reliability", "factor"]]
    frame = frame.assign(source=[labels.source_kind(k) for k in frame.pop("source_kind")], locator=[";".join(labels.locators(l))
                         for l in m.locator])
    for j, h in enumerate(m.hypotheses):
        label = m.label(h)
        frame[f"{label}: rating"] = m.ratings[:, j]
        frame[f"{label}: reason"] = [reasons.loc[(i, h)] for i in m.items]
        frame[f"{label}: contribution"] = np.round(contrib[h].to_numpy(), 6)
    return _neutralised(frame).to_csv(index=False, lineterminator="\n")


def _neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula get a leading apostrophe."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = [f"'{x}" if isinstance(x, str) and x[:1] in "=+-@" else x for x in out[column]]
    return out


def download_link(text: str, filename: str, label: str) -> str:
    """A link that downloads ``text`` as a CSV file from the report itself (no other file needed)."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f'<p><a download="{_e(filename)}" href="data:text/csv;charset=utf-8;base64,{data}">{_e(label)}</a></p>'


def multiverse_csv(v: dict) -> str:
    """Every setting of the multiverse with the explanations that lead under it (labels, not ids)."""
    m_labels = {h: datasets.hypotheses().set_index("id").loc[h, "label"] for h in v["scores"]}
    frame = pd.DataFrame(v["multiverse"]["table"])
    frame["leaders"] = [" and ".join(m_labels[h] for h in cell.split(";")) for cell in frame["leaders"]]
    frame["leader"] = ["tie" if x == "tie" else m_labels[x] for x in frame["leader"]]
    return _neutralised(frame.rename(columns={sw.name: sw.about for sw in ach.SWITCHES})).to_csv(index=False, lineterminator="\n")


def sources_section() -> None:
    """The closing sources section: the paper, what the item numbers point to, and the data files used."""
    from IPython.display import display

    prose.show(f"## Sources\n\n{citations.REFERENCE} Each evidence item's place in the paper is in the item-by-item table "
               "above, given as section › subsection, then the paragraph (¶) counted from the start of that part, a quotation "
               "or a whole list counting as one paragraph. The evidence, its ratings and the reasons for them are this "
               "project's reading of the paper, in its own words.")
    display({"text/markdown": prose.reader_markdown(citations.downloads_line(list(DATA_FILES))),
             citations.DATA_USED_MIME: {"files": list(DATA_FILES)}}, raw=True)
