"""Quantities that carry their bounds, their formula and the figure ids they came from.

Arithmetic on :class:`Quantity` is interval arithmetic: the bounds of a result
are the extreme values over the operands' bounds, so uncertainty is carried
through every derivation. The formula text and the set of source ids travel
with the value, so a derived figure can always say where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from numbers import Real


@dataclass(frozen=True)
class Quantity:
    """A central value with low/high bounds, the formula that produced it and its source ids."""

    value: float
    low: float
    high: float
    formula: str
    sources: tuple[str, ...] = ()

    @classmethod
    def constant(cls, number: float) -> "Quantity":
        return cls(float(number), float(number), float(number), f"{number:g}")

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    def named(self, formula: str) -> "Quantity":
        """The same quantity, and the same sources, under a new formula text."""
        return Quantity(self.value, self.low, self.high, formula, self.sources)

    def _combine(self, other: "Quantity | Real", symbol: str, op) -> "Quantity":
        other = other if isinstance(other, Quantity) else Quantity.constant(other)
        corners = [op(a, b) for a, b in product((self.low, self.high), (other.low, other.high))]
        sources = tuple(dict.fromkeys(self.sources + other.sources))
        return Quantity(op(self.value, other.value), min(corners), max(corners), f"({self.formula} {symbol} {other.formula})", sources)

    def __add__(self, other):
        return self._combine(other, "+", lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, "−", lambda a, b: a - b)

    def __mul__(self, other):
        return self._combine(other, "×", lambda a, b: a * b)

    def __truediv__(self, other):
        other_q = other if isinstance(other, Quantity) else Quantity.constant(other)
        if other_q.low <= 0 <= other_q.high:
            raise ZeroDivisionError(f"cannot divide by {other_q.formula}: its bounds include zero")
        return self._combine(other_q, "÷", lambda a, b: a / b)

    def __rsub__(self, other):
        return Quantity.constant(other) - self

    def __radd__(self, other):
        return Quantity.constant(other) + self

    def __rmul__(self, other):
        return Quantity.constant(other) * self

    @property
    def plain_formula(self) -> str:
        """The formula without its outermost parentheses."""
        f = self.formula
        return f[1:-1] if f.startswith("(") and f.endswith(")") else f
