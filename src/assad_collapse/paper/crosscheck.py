"""Checks across rows and files: references, the parts tree, interview counts, derived figures and check expressions.

Each check works on the files as read (text cells, :class:`~.csvread.Table`) and
returns :class:`~..errors.Problem` objects with file, line, column and value. A
check that reads a file which could not be read at all is skipped, so that one
undecodable file is not buried under spurious "dangling reference" errors.
Derived figures and check expressions are computed here with the numbers as
the loader will read them, so that what validation accepts can be computed.
"""

from __future__ import annotations

import math

import pandas as pd

from ..errors import Problem
from .csvread import Table
from .derivations import DERIVATIONS
from .expression import ExpressionError, check, evaluate
from .numbers import parse_number
from .quantity import Quantity


def _readable(tables: dict[str, Table], *names: str) -> bool:
    return all(tables[n].readable for n in names)


def foreign_key_problems(tables: dict[str, Table]) -> list[Problem]:
    problems = []
    for table in tables.values():
        for fk in table.resource.foreign_keys:
            (column,), (target_column,) = fk.fields, fk.reference
            target = tables[fk.resource].frame
            if column not in table.frame or target_column not in target or not tables[fk.resource].readable:
                continue
            known = set(target[target_column].dropna())
            for index, value in table.frame[column].items():
                if value is not None and value not in known:
                    line, text = table.locate(index)
                    problems.append(Problem(table.file, f"dangling reference: no {fk.resource} row with {target_column}", line, column, value, f"an {target_column} from {fk.resource}.csv", text))
    evidence, figures = tables["evidence"].frame, tables["figures"].frame
    if "figure_ids" in evidence and "id" in figures and tables["figures"].readable:
        known = set(figures["id"].dropna())
        for index, cell in evidence["figure_ids"].items():
            for figure_id in (cell or "").split(";"):
                if figure_id and figure_id not in known:
                    line, text = tables["evidence"].locate(index)
                    problems.append(Problem("evidence.csv", "dangling reference: no figure with id", line, "figure_ids", figure_id, "ids from figures.csv", text))
    return problems


def rating_coverage_problems(tables: dict[str, Table]) -> list[Problem]:
    """Every evidence item is rated, and against every hypothesis of each question it bears on."""
    ratings, hypotheses, evidence = (tables[n].frame for n in ("ratings", "hypotheses", "evidence"))
    needed = {"evidence_id", "hypothesis_id"} <= set(ratings) and {"id", "question"} <= set(hypotheses) and "id" in evidence
    if not needed or not _readable(tables, "ratings", "hypotheses", "evidence"):
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


class Figures:
    """figures.csv as the loader will read it: each quantified figure as a Quantity, rows by id, parts by total."""

    def __init__(self, table: Table):
        self.table = table
        frame = table.frame
        self.rows = {fid: i for i, fid in frame["id"].items() if fid is not None} if "id" in frame else {}
        self.quantities: dict[str, Quantity] = {}
        self.unreadable: set[str] = set()  # figures with a cell that is not a number (reported by the file's checks)
        columns = {"id", "value", "low", "high", "precision", "unit", "part_of", "period_start", "period_end"}
        self.complete = columns <= set(frame)
        if not self.complete:
            return
        for fid, index in self.rows.items():
            row = frame.loc[index]
            if row["precision"] == "unspecified":
                continue
            try:
                low = parse_number(row["low"])
                high = parse_number(row["high"]) if row["high"] is not None else math.inf
                value = parse_number(row["value"]) if row["value"] is not None else (low + high) / 2
            except (ValueError, TypeError):
                self.unreadable.add(fid)  # reported by the file's own checks
                continue
            self.quantities[fid] = Quantity(value, low, high, fid, (fid,))

    def cell(self, fid: str, column: str):
        return self.table.frame.loc[self.rows[fid], column]

    def locate(self, fid: str) -> tuple[int | None, str | None]:
        return self.table.locate(self.rows[fid]) if fid in self.rows else (None, None)

    def parts(self, total: str) -> list[str]:
        return [fid for fid, i in self.rows.items() if self.table.frame.loc[i, "part_of"] == total]

    def parts_sum(self, total: str) -> Quantity:
        values = [self.quantities[p] for p in self.parts(total) if p in self.quantities]
        return sum(values[1:], values[0]) if values else Quantity.constant(0)

    def years(self, fid: str) -> Quantity:
        start, end = (pd.Timestamp(self.cell(fid, c)) for c in ("period_start", "period_end"))
        return Quantity.constant(end.year - start.year + 1)


def parts_tree_problems(figures: Figures) -> list[Problem]:
    """``part_of`` relations form a forest: no figure is its own part, no loop, and a part has its total's unit."""
    if not figures.complete:
        return []
    problems, table = [], figures.table
    for fid in figures.rows:
        total = figures.cell(fid, "part_of")
        if total is None or total not in figures.rows:
            continue  # no total, or a dangling one (reported as such)
        line, text = figures.locate(fid)
        seen, current = [fid], total
        while current is not None and current in figures.rows and current not in seen:
            seen.append(current)
            current = figures.cell(current, "part_of")
        if current == fid:
            loop = " -> ".join(seen + [fid])
            problems.append(Problem(table.file, "part_of forms a loop:", line, "part_of", total,
                                    f"a chain of totals that ends at a figure with no part_of (here {loop})", text))
        elif figures.cell(fid, "unit") != figures.cell(total, "unit"):
            problems.append(Problem(table.file, f"a part in {figures.cell(fid, 'unit')!r} of a total in "
                                    f"{figures.cell(total, 'unit')!r}:", line, "unit", figures.cell(fid, "unit"),
                                    f"the unit of its total {total!r}, so that parts can be added to it", text))
    return problems


def interview_problems(tables: dict[str, Table], figures: Figures) -> list[Problem]:
    """Each interview category's count is a whole number of interviews that the paper states as one number."""
    interviews = tables["interviews"]
    if "figure_id" not in interviews.frame or not figures.complete:
        return []
    problems = []
    for index, fid in interviews.frame["figure_id"].items():
        if fid not in figures.rows or fid in figures.unreadable:
            continue  # dangling, or with unreadable numbers: reported as such
        line, text = interviews.locate(index)
        q = figures.quantities.get(fid)
        wrong = None
        if figures.cell(fid, "unit") != "interviews":
            wrong = f"is in {figures.cell(fid, 'unit')!r}"
        elif q is None:
            wrong = "has no number"
        elif not (q.is_point and q.value == q.low and figures.cell(fid, "value") is not None):
            wrong = "is not one stated number (a range, or a value apart from its bounds)"
        elif not q.value.is_integer():
            wrong = f"is {q.value:g}, not a whole number"
        if wrong:
            problems.append(Problem(interviews.file, f"the interview count {fid!r} {wrong}:", line, "figure_id", fid,
                                    "a figure with one whole number of interviews (value = low = high, unit interviews)", text))
    return problems


class _Missing(Exception):
    pass


class _Unreadable(Exception):
    """A figure whose numbers could not be read: its own cells are reported, nothing more to say here."""


class _Access:
    """What a derivation may ask of the figures, answered from the figures as the loader will read them."""

    def __init__(self, figures: Figures):
        self.figures, self.used = figures, []

    def __getitem__(self, fid: str) -> Quantity:
        self.used.append(fid)
        if fid in self.figures.unreadable:
            raise _Unreadable(fid)
        if fid not in self.figures.quantities:
            raise _Missing(fid)
        return self.figures.quantities[fid]

    def years(self, fid: str) -> Quantity:
        if fid not in self.figures.rows:
            raise _Missing(fid)
        return self.figures.years(fid)

    def sum_of_parts(self, fid: str) -> Quantity:
        return self.figures.parts_sum(fid)


def derived_problems(figures: Figures) -> tuple[dict[str, Quantity], list[Problem]]:
    """Compute every derived figure; a figure it needs that is missing or has no number, or a division by a
    figure whose bounds include zero, is a problem. Also: no figure may take a derived figure's id."""
    if not figures.complete:
        return {}, []
    file, problems, derived = figures.table.file, [], {}
    for d in DERIVATIONS:
        if d.id in figures.rows:
            line, text = figures.locate(d.id)
            problems.append(Problem(file, "the id of a derived figure:", line, "id", d.id, "an id no derived figure has", text))
        access = _Access(figures)
        try:
            if d.period_of not in figures.rows:
                raise _Missing(d.period_of)
            derived[d.id] = d.compute(access).named(d.id)
        except _Missing as exc:
            fid = exc.args[0]
            line, text = figures.locate(fid)
            what = "has no number" if fid in figures.rows else "is missing"
            problems.append(Problem(file, f"the derived figure {d.id!r} needs figure {fid!r}, which {what}", line,
                                    "id" if line else None, fid if line else None, "a quantified figure with this id", text))
        except _Unreadable:
            continue
        except (ArithmeticError, ValueError) as exc:
            problems.append(Problem(file, f"the derived figure {d.id!r} cannot be computed: {exc}"))
    return derived, problems


def expression_problems(tables: dict[str, Table], figures: Figures, derived: dict[str, Quantity]) -> list[Problem]:
    """Every expression passes the evaluator's own whitelist, names known ids, sums figures that have parts,
    and can be evaluated with the figures' numbers (no division by a quantity whose bounds include zero)."""
    checks = tables["checks"]
    if not figures.complete or not {"left", "right", "relation"} <= set(checks.frame):
        return []
    known = set(figures.rows) | {d.id for d in DERIVATIONS}
    problems = []
    for index, row in checks.frame.iterrows():
        line, text = checks.locate(index)
        sides = {}
        for column in ("left", "right"):
            if not isinstance(row[column], str):  # an empty cell (a tension has no expressions)
                continue
            try:
                sides[column] = checked = check(row[column])
            except ExpressionError as exc:
                problems.append(Problem(checks.file, f"bad expression: {exc}", line, column, text=text))
                continue
            for name in sorted(checked.names - known):
                problems.append(Problem(checks.file, "dangling reference: no figure or derived figure with id", line, column, name, "ids from figures.csv or derived.py", text))
            for name in sorted(n for n in checked.sums if n in figures.rows and not any(p in figures.quantities for p in figures.parts(n))):
                problems.append(Problem(checks.file, "sum() of a figure with no quantified parts:", line, column, name, "a figure that other figures are part_of", text))
        used = set().union(*(c.names for c in sides.values())) if sides else set()
        if len(sides) == 2 and row["relation"] != "unknown" and used <= set(figures.quantities) | set(derived):
            for column, checked in sides.items():
                problems.extend(_evaluation_problem(checks, line, text, column, row[column], figures, derived))
    return problems


def _evaluation_problem(checks: Table, line, text, column: str, expression: str, figures: Figures,
                        derived: dict[str, Quantity]) -> list[Problem]:
    try:
        evaluate(expression, lambda n: derived.get(n) or figures.quantities[n], figures.parts_sum)
    except (ArithmeticError, ValueError) as exc:
        return [Problem(checks.file, f"expression cannot be computed: {exc}", line, column, expression,
                        "an expression whose divisors cannot be zero within their bounds", text)]
    return []
