"""The report catalogue (reports.toml): which notebook, which parameters, title and summary."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CatalogueError
from .inputs import InputFileError, read_bytes, regular_file_problem

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KEYS = {"name", "notebook", "title", "summary", "parameters"}


@dataclass(frozen=True)
class Report:
    """One entry of the catalogue."""

    name: str
    notebook: Path
    title: str
    summary: str
    parameters: dict[str, Any] = field(default_factory=dict)


def load_catalogue(path: Path) -> list[Report]:
    """Read and check ``reports.toml``; every problem names the entry and key."""
    if regular_file_problem(path) == "does not exist":
        raise CatalogueError(f"{path}: the report catalogue is missing")
    try:
        data = tomllib.loads(read_bytes(path).decode("utf-8"))
    except InputFileError as exc:
        raise CatalogueError(f"the report catalogue: {exc}") from None
    except UnicodeDecodeError:
        raise CatalogueError(f"{path}: not UTF-8 text") from None
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise CatalogueError(f"{path}: not valid TOML: {exc}") from None
    entries = data.get("report")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{path}: expected one or more [[report]] tables")
    reports, seen = [], set()
    for n, entry in enumerate(entries, 1):
        where = f"{path}: report #{n}"
        if not isinstance(entry, dict):
            raise CatalogueError(f"{where}: expected a [[report]] table")
        unknown = set(entry) - KEYS
        missing = {"name", "notebook", "title", "summary"} - set(entry)
        if unknown or missing:
            raise CatalogueError(f"{where}: unknown keys {sorted(unknown)}; missing keys {sorted(missing)}")
        name = entry["name"]
        if not isinstance(name, str) or not NAME.fullmatch(name):
            raise CatalogueError(f"{where}: name {name!r} must be lower-case letters, digits and '-'")
        if name in seen:
            raise CatalogueError(f"{where}: name {name!r} is used twice")
        seen.add(name)
        for key in ("notebook", "title", "summary"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise CatalogueError(f"{where} ({name}): {key} must be text")
        notebook = Path(path).parent / entry["notebook"]
        if not notebook.is_file():
            raise CatalogueError(f"{where} ({name}): notebook {entry['notebook']!r} does not exist")
        params = entry.get("parameters", {})
        if not isinstance(params, dict):
            raise CatalogueError(f"{where} ({name}): parameters must be a table")
        reports.append(Report(name, notebook, entry["title"], entry["summary"], params))
    return reports
