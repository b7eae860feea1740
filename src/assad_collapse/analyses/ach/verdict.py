"""Everything the hypothesis report says about the result, as plain data, and the report's parameters.

The verdict names a leader only when its lead is beyond the practical margin (:mod:`.ties`) in the
scores and beyond both Monte Carlo error (two standard errors of the difference) and a practical margin of
five points in the share of perturbed draws it leads; otherwise it calls a tie among the hypotheses still in
contention. "The top" has one meaning throughout: the hypotheses within the practical margin of the best
score. "What would change the top" (:mod:`.linchpins`), leave-one-out and discounting all ask whether that
set changes, as the multiverse does for each setting.
"""

from __future__ import annotations

import numpy as np

from ...paper import datasets
from ...reportparams import HYPOTHESES
from .linchpins import linchpins
from .matrix import Matrix, build_matrix
from .montecarlo import monte_carlo, wilson
from .multiverse import multiverse, rests_on
from .ties import leader_set, practical_margin
from .scoring import _TOL, effective_factor, evaluate, top_ids
from .sensitivity import discount, discount_each_kind, leave_one_out
from .settings import Settings

MC_MARGIN = 0.05
"""Shares of Monte Carlo draws that differ by less than this (five points) are called a tie."""


def verdict(matrix: Matrix, settings: Settings | None = None, *, draws: int = 10_000, p_step: float = 0.2,
            weight_noise: float = 0.2, seed: int = 0, max_changes: int = 3, limit: int = 10) -> dict:
    """Everything the report says about the result under ``settings``, as plain data (no prose)."""
    s = settings or Settings()
    scored = evaluate(matrix, s)
    margin = practical_margin(s)
    base_leaders = top_ids(matrix, leader_set(scored.badness, s))
    mc = monte_carlo(matrix, s, draws=draws, p_step=p_step, weight_noise=weight_noise, seed=seed)
    mc_leaders = _mc_leaders(mc)
    contenders = tuple(h for h in matrix.hypotheses if h in set(base_leaders) | set(mc_leaders))
    pins = linchpins(matrix, s, max_changes=max_changes, limit=limit)
    order = np.argsort(scored.badness, kind="stable")
    out = {
        "question": matrix.question,
        "paper_hypothesis": matrix.paper_hypothesis,
        "settings": s.as_dict(),
        "margin": margin,
        "scores": _scores(matrix, scored),
        "exact_top": list(top_ids(matrix, scored.ranks == 1)),
        "base_leaders": list(base_leaders),
        "lead": float(scored.badness[order[1]] - scored.badness[order[0]]) if len(order) > 1 else float("inf"),
        "contenders": list(contenders),
        "call": contenders[0] if len(contenders) == 1 else "tie",
        "mc": _mc_data(mc, mc_leaders),
        "change_top": {"size": pins.size, "exact": pins.exact, "n_solutions": pins.n_solutions,
                       "solutions": pins.solutions(), "outcomes": list(pins.outcomes)},
        "loo_flips": _flips(leave_one_out(matrix, s)),
        "discount_flips": _flips(discount_each_kind(matrix, s), "kind"),
        "against": _against(matrix, scored),
        "author": _author(matrix, s, scored),
        "multiverse": _multiverse_data(matrix, s),
    }
    out["separating"] = _separating(matrix, scored, contenders[:2] if len(contenders) > 1 else tuple(matrix.hypotheses[k] for k in order[:2]))
    return out


def _scores(m: Matrix, scored) -> dict:
    c = scored.contributions
    out = {}
    for k, h in enumerate(m.hypotheses):
        row = {"total": float(scored.totals[k]), "rank": int(scored.ranks[k]), "against": float(np.minimum(c[:, k], 0).sum()),
               "for": float(np.maximum(c[:, k], 0).sum())}
        if scored.settings.scheme == "bayes":
            row["posterior"] = float(scored.posterior[k])
        out[h] = row
    return out


def _mc_leaders(mc) -> tuple[str, ...]:
    """Hypotheses whose share of draws led alone (under the tie rule) is within MC error or five points of the best."""
    table = mc.table
    best = table.loc[table["p_first"].idxmax(), "hypothesis"]
    keep = [h for h in table["hypothesis"]
            if h == best or mc.p(best) - mc.p(h) < max(2 * mc.difference_se(best, h), MC_MARGIN)]
    return tuple(h for h in table["hypothesis"] if h in keep)


def _mc_data(mc, mc_leaders) -> dict:
    t = mc.table.set_index("hypothesis")
    low, high = wilson(np.array([mc.p_tie]), mc.draws)
    return {"draws": mc.draws, "p_tie": mc.p_tie, "tie_interval": (float(low[0]), float(high[0])), "leaders": list(mc_leaders),
            "p_first": {h: float(t.loc[h, "p_first"]) for h in t.index},
            "interval": {h: (float(t.loc[h, "p_first_low"]), float(t.loc[h, "p_first_high"])) for h in t.index},
            "p_shared": {h: float(t.loc[h, "p_shared"]) for h in t.index},
            "percentiles": {h: {c: float(t.loc[h, c]) for c in t.columns if c.endswith(("_p05", "_p50", "_p95"))} for h in t.index}}


def _flips(frame, key: str = "item") -> list[str]:
    return [str(k) for k in frame.loc[frame["changes_top"], key]]


def _against(m: Matrix, scored) -> dict:
    """Per hypothesis, the items rated I or II against it that count (not set aside), strongest first: item, rating, contribution."""
    out = {}
    c = scored.contributions
    for k, h in enumerate(m.hypotheses):
        rows = [(float(c[i, k]), i) for i in range(len(m.items)) if m.ratings[i, k] in ("I", "II") and c[i, k] < 0]
        out[h] = [{"item": m.items[i], "rating": m.ratings[i, k], "contribution": v} for v, i in sorted(rows)]
    return out


def _author(m: Matrix, s: Settings, scored) -> dict:
    """How much rests on the author's own judgements: their share of what separates the hypotheses, and the top without them."""
    own = np.array(m.source_kind, dtype=str) == "author"
    c = scored.contributions
    spread = c.max(axis=1) - c.min(axis=1) if len(m.items) else np.zeros(0)
    without = evaluate(m, s.but(author=False))
    return {"items": int(own.sum()), "share_of_spread": float(spread[own].sum() / spread.sum()) if spread.sum() > 0 else 0.0,
            "leaders_without": list(top_ids(m, leader_set(without.badness, s))),
            "kept": bool(s.author), "active": int((effective_factor(m, s)[own] > 0).sum())}


def _separating(m: Matrix, scored, pair) -> dict:
    """The items whose contributions differ between two hypotheses, largest gap first, and how many are the author's."""
    if len(pair) < 2:
        return {"pair": list(pair), "items": [], "author_items": 0}
    a, b = (m.hypotheses.index(h) for h in pair)
    gap = scored.contributions[:, a] - scored.contributions[:, b]
    rows = sorted(((float(g), i) for i, g in enumerate(gap) if abs(g) > _TOL), key=lambda r: -abs(r[0]))
    items = [{"item": m.items[i], "gap": g, "favours": pair[0] if g > 0 else pair[1], "author": m.source_kind[i] == "author"}
             for g, i in rows]
    return {"pair": list(pair), "items": items, "author_items": sum(r["author"] for r in items)}


def _multiverse_data(m: Matrix, s: Settings) -> dict:
    mv = multiverse(m, s)
    leads = {r.hypothesis: r.leads for r in mv.shares.itertuples()}
    return {"n": mv.n, "p_tie": mv.p_tie,
            "rests_on": {h: rests_on(mv.table, h) for h in m.hypotheses if leads[h] > 0},
            "leads": leads,
            "shares_first": {r.hypothesis: r.shares_first for r in mv.shares.itertuples()},
            "switches": mv.switches.to_dict("records"), "table": mv.table.to_dict("records")}


PARAMETERS = HYPOTHESES.specs


def parameters(**values) -> dict:
    """Check the report's parameters (the prior against the question's hypotheses) and fill defaults."""
    return HYPOTHESES.check(values, datasets.data_dir())


def settings_for(params: dict) -> Settings:
    """The scoring settings the report's parameters choose."""
    return Settings(scheme=params["scheme"], weighted=params["weighted"], ladder=params["ladder"], ii_weight=params["ii_weight"],
                    na=params["na"], dependence=params["dependence"], author=params["author_judgements"],
                    prior=tuple(params["prior"]) if params["prior"] is not None else None)


def matrix_for(params: dict, path=None) -> Matrix:
    """The question's matrix with the parameters' discount applied."""
    matrix = build_matrix(params["question"], path)
    if params["discount_kinds"]:
        matrix = discount(matrix, params["discount_kinds"], params["discount_factor"])
    return matrix
