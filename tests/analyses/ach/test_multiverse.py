"""ach.multiverse: every combination of the scoring choices, the share each hypothesis leads, what each switch does."""

from __future__ import annotations

import math

import pytest
from ach_examples import M

from assad_collapse.analyses import ach


def test_every_combination_is_scored_and_the_default_is_parc():
    m = ach.build_matrix("collapse")
    mv = ach.multiverse(m)
    assert mv.n == math.prod(len(s.options) for s in ach.SWITCHES) == 144
    assert mv.shares["leads"].sum() + mv.p_tie == pytest.approx(1.0)
    default = mv.table.iloc[0]
    assert [default[s.name] for s in ach.SWITCHES] == [s.options[0][0] for s in ach.SWITCHES]
    scored = ach.evaluate(m, ach.Settings())
    expected = [h for h, keep in zip(m.hypotheses, ach.leaders(scored.badness, ach.practical_margin(ach.Settings()))) if keep]
    assert default["leaders"] == ";".join(expected)


def test_a_switch_that_decides_the_result_is_found():
    # only the author's item separates A from B: setting the author aside makes them tie
    m = M(["A", "B"], [["N", "II"], ["C", "C"]], source_kind=["author", "unattributed"], credibility="high", relevance="high")
    mv = ach.multiverse(m)
    effects = mv.switches.set_index("option")["changes"]
    kept, aside = mv.table[mv.table["author"] == "kept"], mv.table[mv.table["author"] == "set aside"]
    assert (aside["leaders"] == "A;B").all() and (kept["leader"] == "A").mean() > 0.5
    assert effects["set aside"] == pytest.approx((kept["leader"] == "A").mean())
    assert effects["a source counts once per hypothesis"] == 0.0  # one item per source: nothing to combine
    assert mv.shares.set_index("hypothesis").loc["A", "leads"] + mv.p_tie == pytest.approx(1.0)


def test_the_practical_margin_is_one_ordinary_inconsistency():
    assert ach.practical_margin(ach.Settings()) == 1.0
    # Bayesian: a medium item (reliability 1/2) with an I (ratio 1/2) conveys 3/4
    assert ach.practical_margin(ach.Settings(scheme="bayes")) == pytest.approx(math.log(4 / 3))


def test_the_very_switch_sets_what_cc_counts_where_consistency_counts():
    # no II anywhere: the switch still changes the Bayesian reading in which consistency counts, through CC
    m = M(["A", "B"], [["CC", "C"], ["N", "C"]])
    sym = ach.Settings(scheme="bayes", ladder="symmetric")
    one, two = (ach.score(m, sym.but(ii_weight=w)).set_index("hypothesis")["score"] for w in (1.0, 2.0))
    assert one["A"] == pytest.approx(one["B"] / 2) and two["A"] > one["A"]
    assert "very consistent" in next(s.about for s in ach.SWITCHES if s.name == "ii_weight")
    # under PARC's scoring neither CC nor the switch counts
    assert ach.score(m, ii_weight=1.0)["score"].tolist() == ach.score(m, ii_weight=3.0)["score"].tolist() == [0.0, 0.0]


def test_the_choices_solo_leads_come_from_are_found():
    # A and B face nothing; B's not-applicable cells sit beside C's very inconsistent ones, so only "NA takes the
    # item's average" makes B pay for them (never neutral where only inconsistency counts) and A lead alone
    m = M(["A", "B", "C"], [["N", "NA", "II"]] * 3, credibility="high", relevance="high")
    mv = ach.multiverse(m)
    found = ach.multiverse_rests_on(mv.table, "A")
    assert [(o["switch"], o["option"]) for o in found["options"]] == [("na", "takes the item's average")]
    made = mv.table["na"] == "takes the item's average"
    assert found["options"][0]["leads"] == int((mv.table["leader"] == "A").sum()) == int((mv.table[made]["leader"] == "A").sum()) > 0
    assert found["without"] == {"n": int((~made).sum()), "leads": 0, "ties": int((~made).sum())}


def test_solo_leads_that_need_no_alternative_choice_rest_on_nothing():
    # A leads alone under PARC's own choices (the author's item counts against B): no alternative explains that
    m = M(["A", "B"], [["N", "II"], ["C", "C"]], source_kind=["author", "unattributed"], credibility="high", relevance="high")
    mv = ach.multiverse(m)
    assert (mv.table["leader"] == "A").any() and ach.multiverse_rests_on(mv.table, "A") is None
    assert ach.multiverse_rests_on(mv.table, "B") is None  # B never leads alone
