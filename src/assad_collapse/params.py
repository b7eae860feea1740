"""Report parameters: declared once with type, default and allowed values, checked on entry.

A notebook's ``parameters`` cell holds the defaults papermill needs; the
matching :class:`Param` specs live in the report's analysis module, and a test
checks that the two agree. Values from the command line are parsed as Python
literals (never evaluated) and checked like any other.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from typing import Any

from .errors import ParameterError


@dataclass(frozen=True)
class Param:
    """One parameter: its type, default, bounds or choices, and a line of help."""

    name: str
    kind: type
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple | None = None
    optional: bool = False  # None is allowed and means "the paper's own figure"
    many: bool = False  # a list of values, each checked against ``choices``

    def allowed(self) -> str:
        if self.choices is not None:
            text = ("a list of any of " if self.many else "one of ") + ", ".join(map(repr, self.choices))
        else:
            text = {float: "a number", int: "a whole number", str: "text", bool: "True or False", list: "a list"}[self.kind]
            if self.minimum is not None and self.maximum is not None:
                text += f" from {self.minimum:g} to {self.maximum:g}"
            elif self.minimum is not None:
                text += f" >= {self.minimum:g}"
        return text + (" (or None for the paper's figure)" if self.optional else "")

    def check(self, value: Any) -> Any:
        """Return ``value`` normalised to this parameter's type, or raise :class:`ParameterError`."""
        if value is None and self.optional:
            return None
        if self.many:
            if not isinstance(value, (list, tuple)) or any(v not in self.choices for v in value):
                raise ParameterError(self.name, value, self.allowed())
            return [v for v in self.choices if v in value]  # canonical order
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise ParameterError(self.name, value, self.allowed())
        if isinstance(value, float) and not math.isfinite(value):
            raise ParameterError(self.name, value, self.allowed())
        if self.choices is not None and value not in self.choices:
            raise ParameterError(self.name, value, self.allowed())
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise ParameterError(self.name, value, self.allowed())
        return value


def check_parameters(specs: tuple[Param, ...], values: dict[str, Any]) -> dict[str, Any]:
    """Check every value against its spec; unknown names are an error. Missing names take defaults."""
    known = {p.name: p for p in specs}
    for name in values:
        if name not in known:
            raise ParameterError(name, values[name], "one of the report's parameters: " + ", ".join(known))
    return {name: spec.check(values.get(name, spec.default)) for name, spec in known.items()}


def parse_literal(text: str) -> Any:
    """Parse a command-line value as a Python literal (number, string, list, None, bool); plain words stay text."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
