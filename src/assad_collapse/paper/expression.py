"""Safe arithmetic over figure ids: parse with ``ast``, allow only names, numbers, + - * / and sum(id).

Used by the claims audit so that checks can be data (``checks.csv``) without any
``eval``: a name is a figure id or a derived-figure id, ``sum(x)`` is the sum of
the quantified parts of figure ``x``; everything evaluates to a
:class:`~assad_collapse.quantity.Quantity` carrying bounds, formula and sources.

:func:`check` applies the whole whitelist, a length and a depth limit, and the
data files' number reader to every literal: validation calls it on every
expression, and :func:`evaluate` calls it again, so nothing validation accepts
can fail to evaluate for its form (what it refers to is validation's business).
"""

from __future__ import annotations

import ast
import operator
from dataclasses import dataclass
from typing import Callable

from ..errors import AssadCollapseError
from .numbers import parse_number
from .quantity import Quantity

_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
MAX_CHARS = 500
MAX_DEPTH = 40
ALLOWED = "figure ids, numbers in digits, + - * /, parentheses and sum(id)"


class ExpressionError(AssadCollapseError):
    """An expression that uses anything but ids, numbers, + - * / and sum(id), or is too long or deep."""


@dataclass(frozen=True)
class Checked:
    """An expression that passed :func:`check`: its tree, the ids it names and the ids it sums the parts of."""

    tree: ast.Expression
    names: frozenset[str]
    sums: frozenset[str]


def check(expression: str) -> Checked:
    """Parse ``expression`` and check every node against the whitelist; raise :class:`ExpressionError` saying why."""
    text = expression.strip()
    if len(text) > MAX_CHARS:
        raise ExpressionError(f"an expression of {len(text)} characters; at most {MAX_CHARS} are allowed")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"{text!r} is not an arithmetic expression ({exc.msg})") from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError(f"{text[:60]!r}... is nested too deeply (at most {MAX_DEPTH} levels)") from None
    names, sums = set(), set()
    stack = [(tree.body, 1, False)]
    while stack:  # no recursion: any depth is refused in words, never by a RecursionError
        node, depth, summed = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(f"{text[:60]!r} is nested too deeply (at most {MAX_DEPTH} levels)")
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            stack += [(node.left, depth + 1, False), (node.right, depth + 1, False)]
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            stack.append((node.operand, depth + 1, False))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            _check_number(text, node)
        elif isinstance(node, ast.Name) and node.id != "sum":
            (sums if summed else names).add(node.id)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum"
              and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and not node.keywords):
            stack.append((node.args[0], depth + 1, True))
        else:
            raise ExpressionError(f"{text!r}: only {ALLOWED} are allowed")
    return Checked(tree, frozenset(names | sums), frozenset(sums))


def _check_number(text: str, node: ast.Constant) -> None:
    """A literal must be written as the data files write numbers (no 1e309, 2_5, 0x10)."""
    written = ast.get_source_segment(text, node) or ""
    try:
        parse_number(written)
    except ValueError:
        raise ExpressionError(f"{text!r}: {written!r} is not a number written with the digits 0-9") from None


def names(expression: str) -> set[str]:
    """The ids an expression refers to (including those inside sum())."""
    return set(check(expression).names)


def evaluate(expression: str, lookup: Callable[[str], Quantity], parts_sum: Callable[[str], Quantity]) -> Quantity:
    """Evaluate ``expression``; ``lookup`` resolves an id, ``parts_sum`` resolves sum(id)."""
    checked = check(expression)

    def visit(node: ast.AST) -> Quantity:
        if isinstance(node, ast.BinOp):
            return _OPERATORS[type(node.op)](visit(node.left), visit(node.right))
        if isinstance(node, ast.UnaryOp):
            return 0 - visit(node.operand)
        if isinstance(node, ast.Constant):
            return Quantity.constant(node.value)
        if isinstance(node, ast.Name):
            return lookup(node.id)
        return parts_sum(node.args[0].id)  # sum(id), the only call check() lets through

    return visit(checked.tree.body)
