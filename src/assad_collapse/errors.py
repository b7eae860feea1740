"""The project's exceptions: one base, narrow subclasses that carry their context."""

from __future__ import annotations

from dataclasses import dataclass


class AssadCollapseError(Exception):
    """Base of every error this package raises on purpose (the CLI prints these without a traceback)."""

    def _render_traceback_(self) -> list[str]:
        """What IPython (JupyterLab, a notebook) shows for this error: its own message, not a traceback
        through the library. IPython calls this hook for any exception that defines it."""
        return [f"{type(self).__name__}: {self}"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one data file, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None  # physical line in the file, 1 = header
    column: str | None = None
    value: str | None = None
    expected: str | None = None
    text: str | None = None  # the line as it stands in the file

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f"column '{self.column}': " if self.column else ""
        detail = self.message
        if self.value is not None:
            detail += f" {self.value!r}"
        if self.expected:
            detail += f"; expected {self.expected}"
        out = f"{where}: {what}{detail}"
        if self.text is not None:
            shown = self.text if len(self.text) <= 160 else self.text[:157] + "..."
            out += f"\n    | {shown}"
        return out

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or "", self.message)


class DataValidationError(AssadCollapseError):
    """The data directory holds one or more invalid files; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        files = sorted({p.file for p in self.problems})
        super().__init__(
            f"{len(self.problems)} problem(s) in {', '.join(files)}:\n"
            + "\n".join(str(p) for p in self.problems)
        )


class ParameterError(AssadCollapseError, ValueError):
    """A report parameter with a wrong type or value; names the report (when known), the parameter, the value
    (shortened if long) and what is allowed."""

    def __init__(self, name: str, given: object, allowed: str, where: str | None = None):
        self.name, self.given, self.allowed, self.where = name, given, allowed, where
        super().__init__(f"{where + ', ' if where else ''}parameter '{name}': got {shown(given)}; allowed: {allowed}")

    def at(self, where: str) -> "ParameterError":
        """The same error, saying where the value came from (``report 'manpower'``)."""
        return ParameterError(self.name, self.given, self.allowed, where)


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to about ``limit`` characters if longer, saying how long the value was."""
    text = repr(value)
    if len(text) <= limit:
        return text
    size = len(value) if isinstance(value, str) else len(str(value))
    return f"{text[:limit - 20]}... ({size:,} characters)"


class CatalogueError(AssadCollapseError):
    """reports.toml is malformed or names something that does not exist."""


class BuildError(AssadCollapseError):
    """One or more reports failed to build."""
