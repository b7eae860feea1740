"""Validate a data directory: every file against its schema, then the files against each other.

:func:`find_problems` returns every problem in one pass (never only the first);
:func:`validate_data_dir` raises :class:`DataValidationError` carrying them all.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .csvread import Table, read_table
from ..errors import DataValidationError, Problem
from .outline import Heading, LocatorError, check_locator, split_locators
from .pandera_schemas import pandera_schema
from .schemas import RESOURCES

# pandera names its built-in checks after the call (e.g. "isin(('a', 'b'))"): match the prefix.
_MESSAGES = (
    ("isin", "unknown value"),
    ("str_matches", "malformed value"),
    ("calendar_date", "not a real date"),
    ("greater_than_or_equal_to", "too small"),
)


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
    uncoercible = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        if check.startswith(("coerce_dtype", "dtype")) and case.index is not None:
            uncoercible.add(case.column)
    for case in cases.itertuples(index=False):
        check, column, index = str(case.check), case.column, case.index
        if index is None or pd.isna(index):
            if column in uncoercible or check in rules:
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
        if check.startswith(("coerce_dtype", "dtype")):
            message = "not a number:" if field.type in ("number", "integer") else "wrong type:"
        elif check == "field_uniqueness":
            others = [table.lines[i] for i in table.frame.index[table.frame[column] == case.failure_case] if i != index]
            message = f"duplicate (also on line {', '.join(map(str, others))}):"
            problems[(line, column)] = Problem(table.file, message, line, column, case.failure_case, "a value used once", text)
            continue
        elif check == "not_nullable":
            problems[(line, column)] = Problem(table.file, "empty cell", line, column, None, f"{field.expected()} (required)", text)
            continue
        else:
            message = _message(check) + ":"
        problems.setdefault((line, column), Problem(table.file, message, line, column, case.failure_case, field.expected(), text))
    return list(problems.values())


def _locator_problems(table: Table, headings: list[Heading]) -> list[Problem]:
    problems = []
    for column in table.resource.locator_columns:
        if column not in table.frame:
            continue
        for index, cell in table.frame[column].items():
            if cell is None:
                continue
            for locator in split_locators(cell):
                try:
                    check_locator(locator, headings)
                except LocatorError as exc:
                    line, text = table.locate(index)
                    problems.append(Problem(table.file, f"bad locator: {exc}", line, column, expected="a paragraph listed in outline.csv", text=text))
    return problems


def _reference_problems(tables: dict[str, Table]) -> list[Problem]:
    problems = []
    for table in tables.values():
        for fk in table.resource.foreign_keys:
            (column,), (target_column,) = fk.fields, fk.reference
            target = tables[fk.resource].frame
            if column not in table.frame or target_column not in target:
                continue
            known = set(target[target_column].dropna())
            for index, value in table.frame[column].items():
                if value is not None and value not in known:
                    line, text = table.locate(index)
                    problems.append(Problem(table.file, f"dangling reference: no {fk.resource} row with {target_column}", line, column, value, f"an {target_column} from {fk.resource}.csv", text))
    evidence, figures = tables["evidence"].frame, tables["figures"].frame
    if "figure_ids" in evidence and "id" in figures:
        known = set(figures["id"].dropna())
        for index, cell in evidence["figure_ids"].items():
            for figure_id in (cell or "").split(";"):
                if figure_id and figure_id not in known:
                    line, text = tables["evidence"].locate(index)
                    problems.append(Problem("evidence.csv", "dangling reference: no figure with id", line, "figure_ids", figure_id, "ids from figures.csv", text))
    problems.extend(_rating_coverage_problems(tables))
    problems.extend(_expression_problems(tables))
    return problems


def _expression_problems(tables: dict[str, Table]) -> list[Problem]:
    """Every id in a check's expressions names a figure or a derived figure."""
    from .derivations import DERIVATIONS
    from .expression import ExpressionError, names

    checks, figures = tables["checks"], tables["figures"].frame
    known = set(figures["id"].dropna()) | {d.id for d in DERIVATIONS} if "id" in figures else set()
    problems = []
    for column in ("left", "right"):
        if column not in checks.frame:
            continue
        for index, expression in checks.frame[column].items():
            if expression is None:
                continue
            line, text = checks.locate(index)
            try:
                unknown = sorted(names(expression) - known)
            except ExpressionError as exc:
                problems.append(Problem(checks.file, f"bad expression: {exc}", line, column, text=text))
                continue
            for name in unknown:
                problems.append(Problem(checks.file, "dangling reference: no figure or derived figure with id", line, column, name, "ids from figures.csv or derived.py", text))
    return problems


def _rating_coverage_problems(tables: dict[str, Table]) -> list[Problem]:
    """Every evidence item is rated, and against every hypothesis of each question it bears on."""
    ratings, hypotheses, evidence = (tables[n].frame for n in ("ratings", "hypotheses", "evidence"))
    needed = {"evidence_id", "hypothesis_id"} <= set(ratings) and {"id", "question"} <= set(hypotheses) and "id" in evidence
    if not needed:
        return []
    question_of = dict(zip(hypotheses["id"], hypotheses["question"]))
    by_question = hypotheses.groupby("question")["id"].apply(set).to_dict()
    rated = ratings.dropna(subset=["evidence_id", "hypothesis_id"])
    problems = []
    for index, item in evidence["id"].items():
        mine = set(rated.loc[rated["evidence_id"] == item, "hypothesis_id"])
        line, text = tables["evidence"].locate(index)
        if item is not None and not mine:
            problems.append(Problem("evidence.csv", "evidence item has no rating in ratings.csv:", line, "id", item, "ratings against every hypothesis of its question", text))
        for question in sorted({question_of[h] for h in mine if h in question_of}):
            missing = sorted(by_question[question] - mine)
            if missing:
                problems.append(Problem("ratings.csv", f"evidence {item!r} is rated on question {question!r} but not against", None, "hypothesis_id", ", ".join(missing), "a rating against every hypothesis of the question"))
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
