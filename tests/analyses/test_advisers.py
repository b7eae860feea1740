"""advisers.py: 'some' stays some, the remainder is shown, parameters are checked."""

from __future__ import annotations

import pytest

from assad_collapse.analyses import advisers
from assad_collapse.errors import ParameterError
from assad_collapse.paper.derived import derived_figures
from assad_collapse.presentation import prose


@pytest.mark.parametrize("values", [{"order": "alphabetical"}, {"approximate_spread_percent": 99.0}, {"order": 1}])
def test_bad_parameters(values):
    with pytest.raises(ParameterError):
        advisers.parameters(**values)


def test_some_stays_some_and_remainder_is_derived():
    from assad_collapse.presentation import style

    params = advisers.parameters()
    fig = advisers.chart_distribution(params).figure(style.DESKTOP)
    units = advisers.by_unit(params)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert sum("some, no number" in t for t in texts) == int((~units["quantified"]).sum())
    remainder = derived_figures().set_index("id").loc["advisers_unallocated_2024", "value"]
    assert any(f"up to ≈{remainder:,.0f} (worked out)" in t for t in texts)
    findings = " ".join(f.text for f in advisers.findings(params))
    assert all(prose.esc(g) in findings for g in units.loc[~units["quantified"], "group"])


def test_the_two_accounts_are_not_merged():
    from assad_collapse.presentation import style

    fig = advisers.chart_distribution(advisers.parameters()).figure(style.DESKTOP)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "First account" in texts and "Second account" in texts
    assert advisers.MINISTRIES not in set(advisers.by_unit(advisers.parameters())["id"])


def test_share_of_the_peak_reads_about_and_one_in_eight():
    from assad_collapse.build.changes import plain

    text = advisers.findings(advisers.parameters())[0].text
    assert "about 12% of the peak" in text and "about one in eight" in text
    assert plain(text).count(". ") == 0, "the index headline is one sentence"


def test_names_inside_sentences_are_not_capitalised_mid_sentence():
    text = advisers.findings(advisers.parameters())[1].text
    assert "military intelligence, 12; air defence, 12; some army brigades, 2" in text
    assert "the Liwa al Quds militia and the 25th Division" in text and "Military intelligence" not in text


def test_a_sum_of_stated_numbers_is_exact_and_about_only_when_a_term_is_approximate(monkeypatch):
    check = advisers.distribution(advisers.parameters())
    assert advisers._numbered_sum(check) == f"{check.parts_sum.value:,.0f}"  # 19 + 12 + 12 + 2, each as stated
    text = advisers.findings(advisers.parameters())[2].text
    assert f"come to {check.parts_sum.value:,.0f}," in text
    monkeypatch.setattr(prose, "is_approximate", lambda item_id: item_id == "advisers_air_force_2024")
    assert advisers._numbered_sum(check).startswith("about ")


def test_the_periods_of_the_two_accounts_are_each_their_own():
    limits = advisers.limits(advisers.parameters())
    assert "in general" not in limits
    assert "The total is given for October 2024, the list by unit only for 2024;" in limits


def test_the_headline_keeps_the_papers_qualification_on_operations():
    """Declining commitment ¶3: late in 2024 the Russians still coordinated operations and air strikes (expert F9)."""
    first = advisers.findings(advisers.parameters())[0]
    assert "no longer took part in operations" in first.text and "still coordinated operations and air strikes" in first.text
    assert advisers.STILL in first.sources
