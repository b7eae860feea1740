"""ach.sensitivity: leave-one-out and discounting kinds of source."""

from __future__ import annotations

import pandas as pd
import pytest
from ach_examples import M, _ranks

from assad_collapse.analyses import ach


def test_leave_one_out_finds_the_one_decisive_item():
    m = M(["A", "B"], [["I", "C"], ["C", "I"], ["II", "C"]])
    # full: A = 1 + 2 = 3, B = 1 -> B. Without e3: A = 1, B = 1 -> tie; without e1 or e2 B stays first alone
    loo = ach.leave_one_out(m, "heuer").set_index("item")
    assert loo["changes_top"].to_dict() == {"e1": False, "e2": False, "e3": True}
    assert loo["changes_rank"].to_dict() == {"e1": False, "e2": False, "e3": True}
    assert loo.loc["e3", "top"] == "A;B" and loo.loc["e1", "top"] == "B"


@pytest.mark.parametrize("scheme", ach.SCHEMES)
def test_leave_one_out_equals_dropping_the_item(scheme):
    m = ach.build_matrix("collapse")
    loo = ach.leave_one_out(m, scheme).set_index("item")
    for item in m.items[::5]:
        assert {h: loo.loc[item, h] for h in m.hypotheses} == _ranks(m.drop([item]), scheme)


def test_discount_to_zero_equals_removing_the_items():
    m = M(["A", "B", "C"], [["I", "C", "C"], ["C", "II", "C"], ["N", "I", "I"]],
          source_kind=["author", "unattributed", "author"], source_group=["g", "g", "h"],
          credibility=["high", "low", "medium"])
    dropped, removed = ach.discount(m, ["unattributed"], 0.0), m.drop(["e2"])
    for scheme in ach.SCHEMES:
        a, b = ach.score(dropped, scheme), ach.score(removed, scheme)
        pd.testing.assert_frame_equal(a, b)
    half = ach.discount(m, ["author"], 0.5)
    assert half.factor.tolist() == [0.5, 1.0, 0.5]


@pytest.mark.parametrize("scheme", ach.SCHEMES)
def test_discounting_a_kind_to_zero_on_the_real_data(scheme):
    m = ach.build_matrix("collapse")
    unattributed = [i for i, k in zip(m.items, m.source_kind) if k == "unattributed"]
    pd.testing.assert_frame_equal(ach.score(ach.discount(m, ["unattributed"], 0), scheme), ach.score(m.drop(unattributed), scheme))
    each = ach.discount_each_kind(m, scheme).set_index("kind")
    assert list(each.index) == list(ach.INTERVIEW_KINDS)
    assert each.loc["iranian_adviser", "items"] == 0 and not each.loc["iranian_adviser", "changes_top"]
