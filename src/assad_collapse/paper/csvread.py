"""Read a hand-edited CSV file as text, keeping each record's line and catching structural breakage.

pandas would silently pad a short row with NaN or shift an extra field into the
index; we read with the csv module instead so that every record keeps the
physical line it starts on and every structural fault becomes a :class:`Problem`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Problem
from ..inputs import MAX_BYTES, InputFileError, read_bytes, regular_file_problem
from .resource import Resource


@dataclass
class Table:
    """The cells of one file as text (empty cells as NA), with the line each row starts on."""

    resource: Resource
    file: str
    frame: pd.DataFrame  # columns: the expected columns present in the file
    lines: list[int]  # lines[i] is the line where frame row i starts
    texts: list[str]  # the raw text of that line
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False: the file could not be read at all (other files' references to it are not checked)

    def locate(self, index: int) -> tuple[int, str]:
        return self.lines[index], self.texts[index]


def _header_problems(resource: Resource, header: list[str], file: str, text: str) -> list[Problem]:
    expected = resource.columns
    problems = []
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    for name in missing:
        position = expected.index(name)
        found = header[position] if position < len(header) and header[position] in extra else None
        hint = f" (column {position + 1} is named {found!r}: renamed?)" if found else ""
        problems.append(Problem(file, f"missing column{hint}", 1, name, expected=f"columns {', '.join(expected)}", text=text))
    for name in extra:
        problems.append(Problem(file, "unexpected column", 1, name or "(blank)", expected=f"only {', '.join(expected)}", text=text))
    duplicated = sorted({c for c in header if header.count(c) > 1})
    for name in duplicated:
        problems.append(Problem(file, "column appears more than once", 1, name, text=text))
    if not problems and header != expected:
        problems.append(Problem(file, "columns out of order", 1, expected=", ".join(expected), text=text))
    return problems


def read_table(path: Path, resource: Resource, display_name: str | None = None) -> Table:
    """Read ``path`` as the file ``resource`` describes; structural faults go to ``Table.problems``."""
    file = display_name or path.name
    empty = Table(resource, file, pd.DataFrame(columns=resource.columns, dtype=object), [], [], readable=False)
    problem = regular_file_problem(path)
    if problem == "does not exist":
        empty.problems.append(Problem(file, "file is missing", expected=f"a CSV file with columns {', '.join(resource.columns)}"))
        return empty
    try:
        raw = read_bytes(path)
    except InputFileError:
        empty.problems.append(Problem(file, f"cannot be read: it {problem or 'changed while being read'}",
                                      expected=f"a CSV file of at most {MAX_BYTES:,} bytes"))
        return empty
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        empty.problems.append(Problem(file, f"not valid UTF-8 (byte {exc.start})", line, expected="a UTF-8 encoded file"))
        return empty
    physical = re.split(r"\r\n|\r|\n", content)  # lines as the csv module counts them (not str.splitlines)
    if not content.strip():
        empty.problems.append(Problem(file, "file is empty", expected=f"a header row: {','.join(resource.columns)}"))
        return empty

    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        empty.problems.append(Problem(file, f"cannot be parsed as CSV ({exc})", reader.line_num, text=physical[reader.line_num - 1] if reader.line_num <= len(physical) else None))
        return empty

    header_line, header = records[0]
    header = [h.strip() for h in header]
    table = Table(resource, file, empty.frame, [], [])
    table.problems.extend(_header_problems(resource, header, file, physical[header_line - 1]))
    usable = [c for c in resource.columns if c in header and header.count(c) == 1]
    positions = [header.index(c) for c in usable]

    rows = []
    for line, record in records[1:]:
        text = physical[line - 1]
        if len(record) != len(header):
            kind = "short row" if len(record) < len(header) else "long row"
            table.problems.append(
                Problem(file, f"{kind}: {len(record)} fields", line, expected=f"{len(header)} fields, one per column (a comma inside a cell needs quotes)", text=text)
            )
            continue
        rows.append([record[p].replace("\r\n", "\n") for p in positions])  # a quoted line break saved on Windows
        table.lines.append(line)
        table.texts.append(text)
    frame = pd.DataFrame(rows, columns=usable, dtype=object)
    table.frame = frame.where(frame.apply(lambda col: col.str.strip() != ""), None) if len(frame) else frame
    if not rows and not table.problems:
        table.problems.append(Problem(file, "file has a header but no rows", 1, expected="at least one data row"))
    return table
