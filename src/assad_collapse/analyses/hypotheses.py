"""The hypothesis report: the paper's competing explanations weighed with the ACH engine.

Everything shown is computed by :mod:`assad_collapse.ach` from hypotheses.csv,
evidence.csv and ratings.csv; this module only turns results into charts and prose.
"""

from __future__ import annotations

import html
import textwrap
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap

from . import ach
from ..paper import datasets
from ..presentation import charts, citations, prose, style
from ..presentation.charts import short_locator

PARAMETERS = ach.PARAMETERS
RATING_ORDER = ("CC", "C", "N", "I", "II", "NA")
RATING_COLORS = ("#2166ac", "#92c5de", "#f7f7f7", "#f4a582", "#b2182b", "#d9d9d9")  # colour-blind-safe diverging
RATING_WORDS = {"CC": "very consistent", "C": "consistent", "N": "neutral", "I": "inconsistent", "II": "very inconsistent", "NA": "not applicable"}


def parameters(**values) -> dict:
    """Check the report's parameters (see ach.PARAMETERS)."""
    return ach.parameters(**values)


def matrix(params: dict) -> ach.Matrix:
    """The question's matrix with the chosen discount applied."""
    return ach.matrix_for(params)


def _options(params: dict) -> dict:
    return {"weighted": params["weighted"], "group_sources": params["group_sources"]}


@lru_cache(maxsize=4)
def _verdict_cached(key: tuple) -> dict:
    params = dict(key)
    params = {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}
    return ach.verdict(matrix(params), prior=params["prior"], draws=params["draws"], p_step=params["p_step"],
                       weight_noise=params["weight_noise"], seed=params["seed"], **_options(params))


def verdict(params: dict) -> dict:
    """ach.verdict for these parameters (computed once per notebook run)."""
    return _verdict_cached(tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))


def _label(m: ach.Matrix, hypothesis: str) -> str:
    return m.labels[m.hypotheses.index(hypothesis)]


def _names(m: ach.Matrix, ids) -> str:
    return ", ".join(f"*{prose.esc(_label(m, h))}*" for h in ids)


def hypotheses_list(params: dict) -> str:
    """The question's hypotheses in our words, with who favours them and the paper's judgement."""
    hyp = datasets.hypotheses()
    hyp = hyp[hyp["question"] == params["question"]]
    judgement = {"most_solid": "the paper judges it the most solid", "weighed": "weighed by the paper",
                 "not_addressable": "the paper says the evidence cannot yet address it", "open": "left open by the paper"}
    lines = []
    for h in hyp.itertuples():
        favoured = f"; favoured by {prose.esc(h.favoured_by)}" if h.favoured_by else ""
        lines.append(f"- **{prose.esc(h.label)}** (`{h.id}`): {prose.esc(h.statement)} — {judgement[h.paper_judgement]}{favoured} "
                     f"[{', '.join(prose.esc(short_locator(l)) for l in h.locator.split(';'))}]")
    return "\n".join(lines)


def verdict_text(params: dict) -> str:
    """The plain-words verdict: does the paper's judgement hold, and under which assumptions does it not."""
    v = verdict(params)
    m = matrix(params)
    paper = v["paper_hypothesis"]
    lines = []
    if paper is None:
        lines.append("- The paper does not single out one hypothesis on this question, so the report says which the evidence favours.")
    for scheme, name in (("heuer", "Heuer's inconsistency count"), ("bayes", "the Bayesian reading")):
        s = v["schemes"][scheme]
        top = s["top"]
        tie = " (a tie)" if len(top) > 1 else ""
        line = f"- **Under {name}** the top is {_names(m, top)}{tie}"
        if paper is not None:
            line += "; the paper's judgement " + ("is among the top." if s["paper_is_top"] else "is **not** on top.")
            line += (f" With ratings and weights perturbed ({params['draws']:,} draws), *{prose.esc(_label(m, paper))}* ranks first "
                     f"in {prose.number(s['p_paper_first'] * 100, 'percent')} of draws")
            best = max(s["p_first"], key=s["p_first"].get)
            if best != paper:
                line += f", against {prose.number(s['p_first'][best] * 100, 'percent')} for *{prose.esc(_label(m, best))}*"
            line += "."
        else:
            line += "; " + ", ".join(f"*{prose.esc(_label(m, h))}* first in {prose.number(p * 100, 'percent')} of draws"
                                      for h, p in s["p_first"].items()) + "."
        flips = s["loo_flips"]
        if flips:
            line += f" Dropping any one of {len(flips)} item(s) ({', '.join('`' + i + '`' for i in flips)}) changes the top."
        kinds = s["discount_flips"]
        if kinds:
            line += f" Dropping the testimony of {', '.join(k.replace('_', ' ') for k in kinds)} changes the top."
        pins = s["linchpins"]
        if pins["size"]:
            line += f" {pins['size']} rating change(s) would change the top ({pins['n_solutions']} way(s) to do it)."
        lines.append(line)
    if paper is not None:
        lines.append("- **In short:** " + _summary(v, m))
    return "\n".join(lines)


def _summary(v: dict, m: ach.Matrix) -> str:
    paper = _label(m, v["paper_hypothesis"])
    schemes = v["schemes"].values()
    on_top = [s["paper_is_top"] for s in schemes]
    p = min(s["p_paper_first"] for s in schemes)
    fragile = any(s["loo_flips"] or s["discount_flips"] or s["linchpins"]["size"] == 1 for s in schemes)
    if all(on_top) and p >= 0.5 and not fragile:
        return f"the evidence as rated supports the paper's judgement (*{prose.esc(paper)}*) robustly."
    if any(on_top):
        return (f"the evidence as rated is consistent with the paper's judgement (*{prose.esc(paper)}*) but does not single it out: "
                f"it wins in at most {prose.number(max(s['p_paper_first'] for s in schemes) * 100, 'percent')} of perturbed draws, "
                "and small changes in rating or in whose testimony counts change the top. The paper itself says the judgement needs further investigation.")
    return f"the evidence as rated does not put the paper's judgement (*{prose.esc(paper)}*) on top under either scheme."


def chart_matrix(params: dict) -> charts.Chart:
    """The rating matrix as a heat map: items (with their paragraph) down, hypotheses across."""
    style.use_house_style()
    m = matrix(params)
    codes = np.array(m.ratings)
    index = np.vectorize(RATING_ORDER.index)(codes)
    labels = [f"{i.split('_', 1)[0]} · {_compact(l.split(';')[0])}" for i, l in zip(m.items, m.locator)]
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 1.6 + 0.26 * len(m.items)))
    ax.imshow(index, cmap=ListedColormap(RATING_COLORS), vmin=-0.5, vmax=len(RATING_ORDER) - 0.5, aspect="auto")
    for (r, c), code in np.ndenumerate(codes):
        ax.text(c, r, code, ha="center", va="center", fontsize=8, color="white" if code in ("CC", "II") else "#111111")
    ax.set_xticks(range(len(m.hypotheses)), [textwrap.fill(l, 16) for l in m.labels], fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(m.items)), labels, fontsize=8)
    ax.grid(False)
    ax.tick_params(length=0)
    counts = pd.Series(codes.ravel()).value_counts()
    ax.set_title(f"{len(m.items)} evidence items rated against {len(m.hypotheses)} hypotheses", pad=40)
    key = ["Ratings: " + ", ".join(f"{c} {RATING_WORDS[c]}" for c in RATING_ORDER)]
    description = "Heat map of ratings. Counts: " + ", ".join(f"{c} {counts.get(c, 0)}" for c in RATING_ORDER) + "."
    source = "Source: ratings.csv (our ratings of evidence items from Giustozzi, RUSI, 2025); each item's paragraph is on its row."
    return charts.finish(fig, [], key, description=description, source=source)


def _compact(locator: str) -> str:
    """'¶n Heading…' short enough for a chart row label."""
    heading, paragraph = short_locator(locator).rsplit(" ¶", 1)
    return f"¶{paragraph} {textwrap.shorten(heading, 30, placeholder='…')}"


def scores_table(params: dict) -> str:
    """Scores and ranks under both schemes."""
    m = matrix(params)
    heuer = ach.score(m, "heuer", **_options(params)).set_index("hypothesis")
    bayes = ach.score(m, "bayes", prior=params["prior"], **_options(params)).set_index("hypothesis")
    frame = pd.DataFrame({
        "hypothesis": [_label(m, h) for h in m.hypotheses],
        "inconsistency (Heuer)": [f"{heuer.loc[h, 'score']:.2f}" for h in m.hypotheses],
        "rank (Heuer)": [int(heuer.loc[h, "rank"]) for h in m.hypotheses],
        "posterior (Bayes)": [prose.number(bayes.loc[h, "posterior"] * 100, "percent") for h in m.hypotheses],
        "rank (Bayes)": [int(bayes.loc[h, "rank"]) for h in m.hypotheses],
    })
    return prose.table(frame)


def chart_monte_carlo(params: dict) -> charts.Chart:
    """Probability that each hypothesis ranks first under perturbation, for both schemes."""
    style.use_house_style()
    m = matrix(params)
    v = verdict(params)
    fig, ax = plt.subplots(figsize=(style.WIDTH_IN, 1.4 + 0.7 * len(m.hypotheses)))
    y = np.arange(len(m.hypotheses))[::-1]
    for offset, scheme, color in ((0.18, "heuer", style.OKABE_ITO[0]), (-0.18, "bayes", style.OKABE_ITO[1])):
        p = [v["schemes"][scheme]["p_first"][h] * 100 for h in m.hypotheses]
        ax.barh(y + offset, p, height=0.34, color=color, label={"heuer": "Heuer", "bayes": "Bayesian"}[scheme])
        for yi, pi in zip(y + offset, p):
            ax.text(pi + 1, yi, prose.number(pi, "percent"), va="center", fontsize=9)
    ax.set_yticks(y, [textwrap.fill(l, 22) for l in m.labels])
    ax.set_xlim(0, 110)
    ax.set_xlabel("share of perturbed draws in which the hypothesis ranks first (%)")
    ax.grid(False)
    ax.grid(True, axis="x")
    ax.legend(loc="lower right", fontsize=10)
    best = max(v["schemes"]["bayes"]["p_first"], key=v["schemes"]["bayes"]["p_first"].get)
    ax.set_title(f"No hypothesis is a clear winner: the best ranks first in {v['schemes']['bayes']['p_first'][best] * 100:.0f}% of draws"
                 if v["schemes"]["bayes"]["p_first"][best] < 0.6 else f"{_label(m, best)} ranks first in most draws")
    description = "; ".join(f"{_label(m, h)}: Heuer {v['schemes']['heuer']['p_first'][h]:.0%}, Bayes {v['schemes']['bayes']['p_first'][h]:.0%}"
                            for h in m.hypotheses)
    source = (f"Source: ACH Monte Carlo over ratings.csv: {params['draws']:,} draws, seed {params['seed']}, each rating moving one step "
              f"with probability {params['p_step']:g} and each weight level with probability {params['weight_noise']:g}.")
    return charts.finish(fig, [], description=description, source=source)


def diagnosticity_table(params: dict, top_n: int = 10) -> str:
    """The most diagnostic items and how many items do not separate the hypotheses at all."""
    m = matrix(params)
    d = ach.diagnosticity(m, **_options(params)).sort_values("diagnosticity", ascending=False)
    evidence = datasets.evidence().set_index("id")
    head = d.head(top_n)
    frame = pd.DataFrame({
        "item": head["item"],
        "evidence": [evidence.loc[i, "description"] for i in head["item"]],
        "diagnosticity": [f"{x:.2f}" for x in head["diagnosticity"]],
    })
    flat = d[d["non_diagnostic"]]
    return (prose.table(frame) + f"\n\n{len(flat)} of {len(d)} items are rated the same against every hypothesis and so "
            "cannot separate them: " + ", ".join(f"`{i}`" for i in flat["item"]) + ".")


def sensitivity_tables(params: dict) -> str:
    """Leave-one-out, discounting by source kind and linchpins, for the chosen scheme."""
    m = matrix(params)
    scheme = params["scheme"]
    opts = {**_options(params), "prior": params["prior"] if scheme == "bayes" else None}
    loo = ach.leave_one_out(m, scheme, **opts)
    changed = loo[loo["changes_top"]]
    kinds = ach.discount_each_kind(m, scheme, **opts)
    pins = ach.linchpins(m, scheme, **opts)
    parts = [f"**Leave one out ({scheme}).** {len(changed)} of {len(loo)} items change the top when dropped"
             + (": " + ", ".join(f"`{i}` (top becomes {_names(m, t.split(';'))})" for i, t in zip(changed['item'], changed['top'])) if len(changed) else "") + "."]
    parts.append(f"\n**Whose testimony ({scheme}).** Top hypothesis when each kind of source is dropped:\n")
    parts.append(prose.table(pd.DataFrame({
        "source dropped": [k.replace("_", " ") for k in kinds["kind"]],
        "items": kinds["items"],
        "top": [", ".join(_label(m, h) for h in t.split(";")) for t in kinds["top"]],
        "changes the top": ["yes" if c else "no" for c in kinds["changes_top"]],
    })))
    if pins.size:
        first = pins.changes[pins.changes["solution"] <= 6]
        rows = pd.DataFrame({
            "set": first["solution"], "item": first["item"], "hypothesis": [_label(m, h) for h in first["hypothesis"]],
            "rating": [f"{a} → {b}" for a, b in zip(first["from"], first["to"])],
            "top after": [", ".join(_label(m, h) for h in t.split(";")) for t in first["top_after"]],
        })
        parts.append(f"\n**Linchpins ({scheme}).** {pins.size} one-step rating change(s) suffice to change the top; "
                     f"{pins.n_solutions} such set(s){' (exhaustive search)' if pins.exact else ' (bounded search)'}. The first:\n")
        parts.append(prose.table(rows))
    else:
        parts.append(f"\n**Linchpins ({scheme}).** No set of up to three one-step rating changes changes the top.")
    return "\n".join(parts)


def limits() -> str:
    """What the analysis cannot tell."""
    return "\n".join([
        "- The ratings are this project's reading of the paper, not the author's: the paper weighs the hypotheses in prose. "
        "Every rating carries a one-line rationale in `ratings.csv`, and the Monte Carlo and linchpin results show how much they matter.",
        "- All evidence comes from one paper whose sources are mostly anonymous interviews; grouping by source stops one source "
        "counting many times, but it cannot detect sources that echo each other.",
        "- The Russian-Turkish hypothesis is one the paper says the evidence cannot yet address; its place in the ranking reflects "
        "mostly neutral ratings, not support.",
    ])


def evidence_sources(params: dict) -> None:
    """The closing sources section: each evidence item with its source, credibility and paragraph."""
    from IPython.display import HTML, display

    m = matrix(params)
    evidence = datasets.evidence().set_index("id")
    rows = []
    for item in m.items:
        e = evidence.loc[item]
        where = "<br>".join(html.escape(l.strip()) for l in e["locator"].split(";"))
        rows.append((f"src-{item}", [f"<code>{html.escape(item)}</code>", html.escape(e["description"]),
                     f'{html.escape(e["source_kind"].replace("_", " "))}<br><small>credibility {html.escape(e["credibility"])}, '
                     f'relevance {html.escape(e["relevance"])}</small>', where]))
    prose.show("## Sources\n\nAntonio Giustozzi, *Russia and the Collapse of the Assad Regime*, RUSI, 18 February 2025. "
                f"Evidence items of the question, with the paragraph each comes from. Cleaned data: "
                f"[evidence.csv]({citations.DATA_LINK}evidence.csv), [ratings.csv]({citations.DATA_LINK}ratings.csv), "
                f"[hypotheses.csv]({citations.DATA_LINK}hypotheses.csv).")
    display(HTML(citations.html_table(["Item", "Evidence", "Source per the paper", "Where"], rows)))
