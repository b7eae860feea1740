"""Matrices and settings the ACH tests share: a hand-made constructor, Heuer's worked example, strategies."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import strategies as st

from assad_collapse.analyses import ach
from assad_collapse.paper.vocabulary import LEVELS, RATINGS

M = ach.Matrix.from_lists


R2 = math.sqrt(2)


def ranks(frame: pd.DataFrame) -> dict[str, int]:
    return dict(zip(frame["hypothesis"], frame["rank"]))


def scores(frame: pd.DataFrame) -> dict[str, float]:
    return dict(zip(frame["hypothesis"], frame["score"]))


def iraq() -> ach.Matrix:
    """Heuer (1999), *Psychology of Intelligence Analysis*, ch. 8, Figure 15: "Will Iraq retaliate
    for US bombing of its intelligence headquarters?" (a hypothetical matrix; + read as C, - as I,
    -- as II). H1 Iraq will not retaliate; H2 it will sponsor some minor terrorist actions; H3 it
    is planning a major terrorist attack, perhaps against CIA installations. The signs are our
    reconstruction of the figure; the ranking it yields is the one the source reports (also
    restated in US Army TC 2-33.4, 2009, para 2-55: H2 most likely, then H3, then H1).
    """
    return M(
        ["H1_no_retaliation", "H2_minor_terrorism", "H3_major_attack"],
        [
            ["C", "C", "C"],  # E1 Saddam's public statement that he will not retaliate
            ["C", "C", "I"],  # E2 no terrorist offensive during the 1991 Gulf War
            ["C", "C", "I"],  # E3 assumption: Iraq would not want to provoke another US attack
            ["I", "C", "C"],  # E4 more and longer monitored Iraqi agent radio broadcasts
            ["I", "C", "C"],  # E5 Iraqi embassies told to tighten security
            ["II", "C", "C"],  # E6 assumption: not retaliating would be an unacceptable loss of face
        ],
    )


@st.composite
def matrices(draw, min_items=1, max_items=6):
    n_hyp = draw(st.integers(2, 4))
    n_items = draw(st.integers(min_items, max_items))
    codes = st.sampled_from(RATINGS)
    ratings = [[draw(codes) for _ in range(n_hyp)] for _ in range(n_items)]
    levels = st.lists(st.sampled_from(LEVELS), min_size=n_items, max_size=n_items)
    groups = draw(st.lists(st.sampled_from(["g1", "g2", "g3"]), min_size=n_items, max_size=n_items))
    kinds = draw(st.lists(st.sampled_from(["author", "unattributed", "syrian_officer"]), min_size=n_items, max_size=n_items))
    return M([f"h{k}" for k in range(n_hyp)], ratings, credibility=draw(levels), relevance=draw(levels), source_group=groups,
             source_kind=kinds)


@st.composite
def settings(draw):
    """Any valid scoring settings (no prior)."""
    return ach.Settings(
        scheme=draw(st.sampled_from(ach.SCHEMES)), weighted=draw(st.booleans()), ladder=draw(st.sampled_from(ach.LADDERS)),
        ii_weight=draw(st.sampled_from([1.0, 2.0, 3.0, 1.5])), na=draw(st.sampled_from(ach.NA_MODES)),
        dependence=draw(st.sampled_from([0.0, 0.5, 1.0])), author=draw(st.booleans()),
    )


def _ranks(m: ach.Matrix, scheme, **options) -> dict[str, int]:
    return ranks(ach.score(m, scheme, **options))
