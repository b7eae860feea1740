"""expression.py: arithmetic over ids, never eval."""

from __future__ import annotations

import pytest

from assad_collapse.paper.expression import ExpressionError, check, evaluate, names
from assad_collapse.paper.quantity import Quantity

VALUES = {"a": Quantity(10, 8, 12, "a", ("a",)), "b": Quantity(4, 4, 4, "b", ("b",))}


def run(text):
    return evaluate(text, VALUES.__getitem__, lambda n: Quantity(5, 5, 5, f"sum({n})", ("p1", "p2")))


def test_arithmetic_with_bounds_and_sources():
    q = run("(a - b) / 2")
    assert (q.value, q.low, q.high) == (3, 2, 4) and q.sources == ("a", "b")
    assert run("sum(a) * 2").value == 10 and run("-b").value == -4


@pytest.mark.parametrize("text", ["__import__('os')", "a.real", "b ** 2", "open('x')", "sum(a, b)", "a if b else a", "'a'", "a +",
                                  "sum(3)", "sum(a + b)", "a * 1e309", "a * 2_5", "a * 0x10", "True + a", "a * 1j",
                                  "-" * 3000 + "a", "-" * 45 + "a", "+".join(["a"] * 100)])
def test_anything_else_is_refused(text):
    with pytest.raises(ExpressionError):
        run(text)


def test_names_include_sum_arguments():
    assert names("sum(a) / b + 3") == {"a", "b"}


def test_check_says_which_ids_are_named_and_which_are_summed():
    checked = check("sum(a) / b + 3.5")
    assert checked.names == {"a", "b"} and checked.sums == {"a"}
