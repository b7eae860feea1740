"""quantity.py: interval arithmetic carries bounds, formula and sources."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assad_collapse.paper.quantity import Quantity

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


def q(value, low, high, name):
    return Quantity(value, low, high, name, (name,))


def test_hand_computed_bounds():
    peak, cut = q(2.5, 2.0, 3.0, "peak"), q(70, 60, 80, "cut")
    level = peak * (1 - cut / 100)
    assert (level.value, level.low, level.high) == pytest.approx((0.75, 0.4, 1.2))
    assert level.sources == ("peak", "cut")
    assert level.plain_formula == "peak × (1 − (cut ÷ 100))"


def test_division_by_an_interval_containing_zero_is_refused():
    with pytest.raises(ZeroDivisionError, match="bounds include zero"):
        q(1, 1, 1, "a") / q(0, -1, 1, "b")


@given(finite, finite, finite, finite)
def test_bounds_always_contain_the_value(a, b, c, d):
    x = Quantity(a, min(a, b), max(a, b), "x")
    y = Quantity(c, min(c, d), max(c, d), "y")
    for result in (x + y, x - y, x * y):
        assert result.low <= result.value + 1e-6 * (1 + abs(result.value))
        assert result.value <= result.high + 1e-6 * (1 + abs(result.value))
