"""Report parameters: declared once with type, default, allowed values and a line of help, checked on entry.

A notebook's ``parameters`` cell holds the defaults papermill needs; the
matching :class:`Param` specs live in :mod:`.reportparams` (standard library
only, so the build checks every value before any kernel starts), and a test
checks that the two agree. Values from the command line are parsed as Python
literals (never evaluated, bounded in length and depth) and checked like any other.
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from typing import Any

from .errors import ParameterError

MAX_LITERAL_CHARS = 2_000
MAX_LITERAL_DEPTH = 8
KINDS = {float: "number", int: "whole number", str: "text", bool: "True or False", list: "list", None: "any literal"}


@dataclass(frozen=True)
class Param:
    """One parameter: its type, default, bounds or choices, and a line of help.

    ``shown_as`` says how a reader is told its value: ``share`` (0.35 is 35%),
    ``percent``, ``usd_bn_per_year``, ``events`` (event ids, named by their titles)
    or ``""`` (as it is).
    """

    name: str
    kind: type | None  # None: any literal (a parameter inferred from a default of None)
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple | None = None
    optional: bool = False  # None is allowed; it means ``none_means``
    none_means: str = "the paper's figure"
    many: bool = False  # a list of values, each checked against ``choices``
    shown_as: str = ""

    @property
    def type_name(self) -> str:
        return "list of text" if self.many else KINDS[self.kind]

    def allowed(self) -> str:
        if self.shown_as == "events":
            return "a list of event ids from events.csv"
        if self.choices is not None:
            text = ("a list of any of " if self.many else "one of ") + ", ".join(map(repr, self.choices))
        else:
            text = {float: "a number", int: "a whole number", str: "text", bool: "True or False", list: "a list",
                    None: "a Python literal"}[self.kind]
            if self.minimum is not None and self.maximum is not None:
                text += f" from {self.minimum:g} to {self.maximum:g}"
            elif self.minimum is not None:
                text += f" >= {self.minimum:g}"
        return text + (f" (or None for {self.none_means})" if self.optional else "")

    @property
    def label(self) -> str:
        """The help text's first clause, for a sentence that names the parameter to a reader."""
        text = self.help
        for stop in (" (", "; ", ". ", ": "):
            text = text.split(stop, 1)[0]
        return text.rstrip(".")

    def check(self, value: Any) -> Any:
        """Return ``value`` normalised to this parameter's type, or raise :class:`ParameterError`."""
        if value is None and self.optional:
            return None
        if self.kind is None:
            return value
        if self.many:
            if not isinstance(value, (list, tuple)) or any(not _hashable(v) or v not in self.choices for v in value):
                raise ParameterError(self.name, value, self.allowed())
            return [v for v in self.choices if v in value]  # canonical order
        given = value
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value) if abs(value) < 2 ** 1000 else math.inf  # a huge whole number is out of range
        wrong = (not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool))
                 or (isinstance(value, float) and not math.isfinite(value))
                 or (self.choices is not None and value not in self.choices)
                 or (self.minimum is not None and value < self.minimum)
                 or (self.maximum is not None and value > self.maximum))
        if wrong:
            raise ParameterError(self.name, given, self.allowed())
        return value

    def parse(self, text: str) -> Any:
        """A command-line value: a Python literal, or plain words for a text parameter; then checked."""
        try:
            value = parse_literal(text)
        except ValueError as exc:
            if self.kind is str and not self.many and len(text) <= MAX_LITERAL_CHARS:
                return self.check(text)  # plain words for a text parameter: -p scheme=bayes
            raise ParameterError(self.name, text, f"{self.allowed()} (the value given is {exc})") from None
        return self.check(value)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def inferred(name: str, default: Any, help: str = "") -> Param:
    """A spec for a notebook parameter that has none declared: its type is its default's."""
    kind = type(default) if type(default) in KINDS else None
    return Param(name, kind, default, help or "(no description in the notebook)", optional=default is None)


def check_parameters(specs: tuple[Param, ...], values: dict[str, Any]) -> dict[str, Any]:
    """Check every value against its spec; unknown names are an error. Missing names take defaults."""
    known = {p.name: p for p in specs}
    for name in values:
        if name not in known:
            raise ParameterError(name, values[name], "one of the report's parameters: " + ", ".join(known))
    return {name: spec.check(values.get(name, spec.default)) for name, spec in known.items()}


def parse_literal(text: str) -> Any:
    """Parse ``text`` as a Python literal (number, string, list, dict, None, bool), never evaluating it.

    Raises ValueError, saying why, for anything else, for text over
    :data:`MAX_LITERAL_CHARS` characters and for nesting deeper than :data:`MAX_LITERAL_DEPTH`.
    """
    if len(text) > MAX_LITERAL_CHARS:
        raise ValueError(f"longer than {MAX_LITERAL_CHARS} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise ValueError("not a Python literal") from None
    if _depth(tree.body) > MAX_LITERAL_DEPTH:
        raise ValueError(f"nested deeper than {MAX_LITERAL_DEPTH} levels")
    try:
        return ast.literal_eval(tree)
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        raise ValueError("not a Python literal") from None


def _depth(node: ast.AST) -> int:
    """How deeply ``node`` nests (without recursion, so any depth is measured safely)."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_LITERAL_DEPTH:
            break
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(current))
    return deepest
