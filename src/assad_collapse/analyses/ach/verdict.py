"""Everything the hypothesis report says about the result, as plain data, and the report's parameters."""

from __future__ import annotations

import pandas as pd

from ...errors import ParameterError
from ...paper import datasets
from ...paper.vocabulary import QUESTIONS, SOURCE_KINDS
from ...params import Param, check_parameters
from .linchpins import linchpins
from .matrix import Matrix, build_matrix
from .montecarlo import monte_carlo
from .scoring import SCHEMES, check_prior, score
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


PARAMETERS = (
    Param("question", str, "collapse", "Which question's hypotheses to weigh.", choices=QUESTIONS),
    Param("scheme", str, "heuer", "Scoring: Heuer's weighted inconsistency or the Bayesian reading.", choices=SCHEMES),
    Param("weighted", bool, True, "Weight items by credibility x relevance (low 1/√2, medium 1, high √2)."),
    Param("group_sources", bool, True, "Let the items of one source share the weight of one item."),
    Param("prior", list, None, "Prior over the question's hypotheses (bayes only), in file order; None is uniform.", optional=True),
    Param("p_step", float, 0.2, "Monte Carlo: chance that a rating moves one step (half up, half down).", minimum=0.0, maximum=1.0),
    Param("weight_noise", float, 0.2, "Monte Carlo: chance that a credibility or relevance level moves one level.", minimum=0.0, maximum=1.0),
    Param("draws", int, 10_000, "Monte Carlo draws.", minimum=100, maximum=200_000),
    Param("seed", int, 0, "Monte Carlo seed (same seed, same result).", minimum=0),
    Param("discount_kinds", list, [], "Source kinds whose items are discounted.", choices=SOURCE_KINDS, many=True),
    Param("discount_factor", float, 0.5, "Weight multiplier for the discounted kinds (0 drops them).", minimum=0.0, maximum=1.0),
)


def parameters(**values) -> dict:
    """Check the report's parameters (the prior against the question's hypotheses) and fill defaults."""
    checked = check_parameters(PARAMETERS, values)
    if checked["prior"] is not None:
        if checked["scheme"] != "bayes":
            raise ParameterError("prior", checked["prior"], "None unless scheme='bayes'")
        hyps = datasets.hypotheses()
        check_prior(checked["prior"], tuple(hyps.loc[hyps["question"] == checked["question"], "id"]))
    return checked


def matrix_for(params: dict, path=None) -> Matrix:
    """The question's matrix with the parameters' discount applied."""
    matrix = build_matrix(params["question"], path)
    if params["discount_kinds"]:
        matrix = discount(matrix, params["discount_kinds"], params["discount_factor"])
    return matrix
