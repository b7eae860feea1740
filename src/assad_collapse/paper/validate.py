"""Validate a data directory: every file against its schema, then the files against each other.

:func:`find_problems` returns every problem in one pass (never only the first);
:func:`validate_data_dir` raises :class:`DataValidationError` carrying them all.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import crosscheck
from .csvread import Table, read_table
from ..errors import DataValidationError, Problem
from .outline import Heading, LocatorError, check_locator, split_locators
from .pandera_schemas import pandera_schema
from .schemas import RESOURCES

# pandera names its built-in checks after the call (e.g. "isin(('a', 'b'))"): match the prefix.
_MESSAGES = (
    ("isin", "unknown value"),
    ("pattern", "malformed value"),
    ("calendar_date", "not a real date"),
    ("number", "not a number"),
    ("whole_number", "not a whole number"),
    ("minimum", "too small"),
    ("plain_text", "control character in text"),
)
_EXPECTED = {"plain_text": "text without control or bidirectional-override characters (tabs and line breaks aside)"}


def _message(check: str) -> str:
    return next((text for prefix, text in _MESSAGES if check.startswith(prefix)), f"fails {check}")


def _schema_for(table: Table) -> pa.DataFrameSchema:
    """The file's schema, narrowed to the columns present (missing ones are already reported)."""
    schema = pandera_schema(table.resource)
    present = set(table.frame.columns)
    if present == set(table.resource.columns):
        return schema
    checks = [
        check
        for check, rule in zip(schema.checks, table.resource.row_rules)
        if set(rule.reads) <= present
    ]
    return pa.DataFrameSchema(
        {name: column for name, column in schema.columns.items() if name in present},
        checks=checks,
        unique=[c for c in (schema.unique or []) if c in present] or None,
        name=schema.name,
    )


def _schema_problems(table: Table) -> list[Problem]:
    if table.frame.empty:
        return []
    try:
        _schema_for(table).validate(table.frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    rules = {r.name: r for r in table.resource.row_rules}
    key = "+".join(table.resource.primary_key)
    problems: dict[tuple, Problem] = {}
    for case in cases.itertuples(index=False):
        check, column, index = str(case.check), case.column, case.index
        if index is None or pd.isna(index):
            if check in rules:
                continue  # a consequence of cells already reported one by one
            problems[(check, column)] = Problem(table.file, f"check {check} failed: {case.failure_case}", column=column)
            continue
        index = int(index)
        line, text = table.locate(index)
        if check in rules:
            rule = rules[check]
            value = table.frame.iloc[index][rule.column]
            problems[(line, rule.name)] = Problem(table.file, f"fails {rule.name}:", line, rule.column, value, rule.expected, text)
            continue
        if check == "multiple_fields_uniqueness":
            value = "+".join(str(table.frame.iloc[index][c]) for c in table.resource.primary_key)
            problems[(line, key)] = Problem(table.file, "duplicate key", line, key, value, "each combination once", text)
            continue
        field = table.resource.field(column)
        if check == "field_uniqueness":
            others = [table.lines[i] for i in table.frame.index[table.frame[column] == case.failure_case] if i != index]
            message = f"duplicate (also on line {', '.join(map(str, others))}):"
            problems[(line, column)] = Problem(table.file, message, line, column, case.failure_case, "a value used once", text)
            continue
        elif check == "not_nullable":
            problems[(line, column)] = Problem(table.file, "empty cell", line, column, None, f"{field.expected()} (required)", text)
            continue
        else:
            message = _message(check) + ":"
        expected = _EXPECTED.get(check) or field.expected()
        problems.setdefault((line, column), Problem(table.file, message, line, column, case.failure_case, expected, text))
    return list(problems.values())


def _locator_problems(table: Table, headings: list[Heading]) -> list[Problem]:
    problems = []
    for column in table.resource.locator_columns:
        if column not in table.frame:
            continue
        for index, cell in table.frame[column].items():
            if cell is None:
                continue
            if not split_locators(cell):
                line, text = table.locate(index)
                problems.append(Problem(table.file, "no locator in the cell:", line, column, cell, "at least one 'Section › Subsection › ¶n'", text))
            for locator in split_locators(cell):
                try:
                    check_locator(locator, headings)
                except LocatorError as exc:
                    line, text = table.locate(index)
                    problems.append(Problem(table.file, f"bad locator: {exc}", line, column, expected="a paragraph listed in outline.csv", text=text))
    return problems


def _reference_problems(tables: dict[str, Table]) -> list[Problem]:
    figures = crosscheck.Figures(tables["figures"]) if tables["figures"].readable else None
    problems = crosscheck.foreign_key_problems(tables) + crosscheck.rating_coverage_problems(tables)
    if figures is not None:
        derived, derived_problems = crosscheck.derived_problems(figures)
        problems += crosscheck.parts_tree_problems(figures) + crosscheck.interview_problems(tables, figures)
        problems += derived_problems + crosscheck.expression_problems(tables, figures, derived)
    return problems


def find_problems(data_dir: Path) -> tuple[dict[str, Table], list[Problem]]:
    """Read and check every file of ``data_dir``; return the tables and all problems found."""
    data_dir = Path(data_dir)
    tables = {name: read_table(data_dir / r.path, r) for name, r in RESOURCES.items()}
    problems = [p for t in tables.values() for p in t.problems]
    for table in tables.values():
        problems.extend(_schema_problems(table))
    outline_ok = not any(p.file == "outline.csv" for p in problems)
    if outline_ok:
        o = tables["outline"].frame
        headings = [Heading(s, sub or "", int(n)) for s, sub, n in zip(o["section"], o["subsection"], o["paragraphs"])]
        for table in tables.values():
            problems.extend(_locator_problems(table, headings))
    problems.extend(_reference_problems(tables))
    return tables, sorted(problems, key=lambda p: p.sort_key)


def validate_data_dir(data_dir: Path) -> dict[str, Table]:
    """Validate ``data_dir``; raise :class:`DataValidationError` listing every problem, else return the tables."""
    tables, problems = find_problems(data_dir)
    if problems:
        raise DataValidationError(problems)
    return tables
