"""Everything the hypothesis report says about the result, as plain data, and the report's parameters."""

from __future__ import annotations

import pandas as pd

from ...paper import datasets
from ...reportparams import HYPOTHESES
from .linchpins import linchpins
from .matrix import Matrix, build_matrix
from .montecarlo import monte_carlo
from .scoring import SCHEMES, score
from .sensitivity import discount, discount_each_kind, leave_one_out


def verdict(matrix: Matrix, *, weighted: bool = True, group_sources: bool = True, prior=None, draws: int = 10_000,
            p_step: float = 0.2, weight_noise: float = 0.2, seed: int = 0, max_changes: int = 3, limit: int = 10) -> dict:
    """Everything the report says about the result, as plain data (no prose).

    The "judgement" tested is the paper's (the hypothesis whose paper_judgement is most_solid)
    being ranked first; for a question without one, the set ranked first. Per scheme: the
    top, the posterior (bayes), the Monte Carlo probability of ranking first, the items whose
    removal and the interview kinds whose dropping flip the judgement, and the linchpins.
    ``prior`` applies to the bayes scheme only.
    """
    paper = matrix.paper_hypothesis
    out = {
        "question": matrix.question,
        "paper_hypothesis": paper,
        "settings": {"weighted": weighted, "group_sources": group_sources, "prior": prior, "draws": draws,
                     "p_step": p_step, "weight_noise": weight_noise, "seed": seed, "max_changes": max_changes},
        "schemes": {},
    }
    for scheme in SCHEMES:
        options = {"weighted": weighted, "group_sources": group_sources, "prior": prior if scheme == "bayes" else None}
        out["schemes"][scheme] = _scheme_verdict(matrix, scheme, options, paper, draws, p_step, weight_noise, seed, max_changes, limit)
    return out


def _scheme_verdict(matrix, scheme, options, paper, draws, p_step, weight_noise, seed, max_changes, limit) -> dict:
    scores = score(matrix, scheme, **options)
    tops = tuple(h for h in matrix.hypotheses if h in set(scores.loc[scores["rank"] == 1, "hypothesis"]))
    mc = monte_carlo(matrix, scheme, draws=draws, p_step=p_step, weight_noise=weight_noise, seed=seed, **options)
    p_first = {h: float(p) for h, p in zip(mc["hypothesis"], mc["p_first"])}
    pins = linchpins(matrix, scheme, max_changes=max_changes, target=paper, limit=limit, **options)
    result = {
        "top": list(tops),
        "paper_is_top": None if paper is None else paper in tops,
        "p_first": p_first,
        "p_paper_first": None if paper is None else p_first[paper],
        "loo_flips": _flips(leave_one_out(matrix, scheme, **options), "item", paper, tops),
        "discount_flips": _flips(discount_each_kind(matrix, scheme, **options), "kind", paper, tops),
        "linchpins": {"size": pins.size, "exact": pins.exact, "n_solutions": pins.n_solutions, "solutions": pins.solutions()},
    }
    if scheme == "bayes":
        result["posterior"] = {h: float(p) for h, p in zip(scores["hypothesis"], scores["posterior"])}
    return result


def _flips(frame: pd.DataFrame, key: str, paper: str | None, tops: tuple[str, ...]) -> list[str]:
    if paper is None:
        return [str(k) for k in frame.loc[frame["changes_top"], key]]
    return [str(k) for k in frame.loc[(frame[paper] == 1) != (paper in tops), key]]


PARAMETERS = HYPOTHESES.specs


def parameters(**values) -> dict:
    """Check the report's parameters (the prior against the question's hypotheses) and fill defaults."""
    return HYPOTHESES.check(values, datasets.data_dir())


def matrix_for(params: dict, path=None) -> Matrix:
    """The question's matrix with the parameters' discount applied."""
    matrix = build_matrix(params["question"], path)
    if params["discount_kinds"]:
        matrix = discount(matrix, params["discount_kinds"], params["discount_factor"])
    return matrix
