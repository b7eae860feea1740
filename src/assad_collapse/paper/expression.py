"""Safe arithmetic over figure ids: parse with ``ast``, allow only names, numbers, + - * / and sum().

Used by the claims audit so that checks can be data (``checks.csv``) without any
``eval``: a name is a figure id or a derived-figure id, ``sum(x)`` is the sum of
the quantified parts of figure ``x``; everything evaluates to a
:class:`~assad_collapse.quantity.Quantity` carrying bounds, formula and sources.
"""

from __future__ import annotations

import ast
import operator
from typing import Callable

from ..errors import AssadCollapseError
from .quantity import Quantity

_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class ExpressionError(AssadCollapseError):
    """An expression that uses anything but ids, numbers, + - * / and sum()."""


def names(expression: str) -> set[str]:
    """The ids an expression refers to (including those inside sum())."""
    return {n.id for n in ast.walk(_parse(expression)) if isinstance(n, ast.Name) and n.id != "sum"}


def _parse(expression: str) -> ast.Expression:
    try:
        return ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"{expression!r} is not an arithmetic expression ({exc.msg})") from None


def evaluate(expression: str, lookup: Callable[[str], Quantity], parts_sum: Callable[[str], Quantity]) -> Quantity:
    """Evaluate ``expression``; ``lookup`` resolves an id, ``parts_sum`` resolves sum(id)."""

    def visit(node: ast.AST) -> Quantity:
        if isinstance(node, ast.Expression):
            return visit(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](visit(node.left), visit(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return 0 - visit(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return Quantity.constant(node.value)
        if isinstance(node, ast.Name):
            return lookup(node.id)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum"
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and not node.keywords):
            return parts_sum(node.args[0].id)
        raise ExpressionError(f"{expression!r}: only figure ids, numbers, + - * / and sum(id) are allowed")

    return visit(_parse(expression))
