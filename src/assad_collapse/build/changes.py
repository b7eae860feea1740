"""What changed between two builds: data rows, derived values, key findings and parameters, each with its cause.

Everything compared is data the build publishes anyway: the CSV downloads
(``reports/data/*.csv``, compared row by row on their key), each report's key
findings (``<report>.findings.json``, compared finding by finding) and each
report's parameters (from the manifest). A change records the old and new
value in words, its cause (a data row as file and id, a parameter, the code or
the environment) and the reports it touched. Standard library only.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field

KEYS = {"ratings.csv": ("evidence_id", "hypothesis_id")}
FILE_ORDER = ("figures.csv", "derived.csv", "events.csv", "interviews.csv", "hypotheses.csv", "evidence.csv",
              "ratings.csv", "checks.csv")  # the order changes are listed in  # every other download is keyed by its id column
LABEL_COLUMNS = ("measure", "title", "summary", "label", "claim", "category", "description")
WHAT = {"figures.csv": "figure", "derived.csv": "derived value", "events.csv": "event", "evidence.csv": "evidence item",
        "ratings.csv": "rating", "hypotheses.csv": "hypothesis", "checks.csv": "check", "interviews.csv": "interviews"}
COLUMN_WORDS = {
    "value": "value", "low": "lower bound", "high": "upper bound", "period_start": "period from",
    "period_end": "period to", "date_start": "from", "date_end": "to", "source_kind": "who gave it",
    "date_precision": "date precision", "turning_point": "turning point", "part_of": "part of",
    "paper_judgement": "the paper's judgement", "favoured_by": "favoured by", "source_group": "source",
}
UNIT_WORDS = {"usd_bn": "$bn", "usd_bn_per_year": "$bn a year", "percent": "%", "persons": "persons",
              "aircraft": "aircraft", "interviews": "interviews"}
DERIVED_COLUMNS = ("central", "central_is_midpoint", "quantified", "count")  # follow from other columns
DEFINITION_COLUMNS = ("formula", "sources", "measure", "unit", "topic", "note")  # of a worked-out figure; the rest is computed


@dataclass(frozen=True)
class Change:
    """One changed thing: what it is, its old and new value in words, why it changed, the reports it touched."""

    what: str  # figure, derived value, event, ..., key finding, parameter
    label: str
    old: str | None  # None: it is new
    new: str | None  # None: it was removed
    causes: tuple[dict, ...] = ()  # {"file", "id"} | {"parameter", "report"} | {"code": ...} | {"environment": ...}
    reports: tuple[str, ...] = ()
    source: dict = field(default_factory=dict)  # for a data row: {"file", "id"}; for a finding: {"report", "key"}

    def as_dict(self) -> dict:
        out = asdict(self)
        out["causes"], out["reports"] = list(self.causes), list(self.reports)
        return out


def _rows(data: bytes | None, file: str) -> dict[str, dict]:
    if not data:
        return {}
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    key = KEYS.get(file, ("id",))
    return {"/".join(row.get(k, "") for k in key): row for row in reader}


def _words(code: str) -> str:
    return COLUMN_WORDS.get(code, code.replace("_", " "))


def _label(row: dict, file: str, key: str, lookup: dict[str, str]) -> str:
    if file == "ratings.csv":
        evidence, hypothesis = key.split("/", 1)
        return f"rating of \u201c{lookup.get(evidence, 'an evidence item')}\u201d against \u201c{lookup.get(hypothesis, 'a hypothesis')}\u201d"
    text = next((row[c] for c in LABEL_COLUMNS if row.get(c)), "a row")
    group = row.get("group")
    return f"{text} ({group})" if group and file == "figures.csv" else text


def _number(text: str) -> str:
    try:
        number = float(text)
    except ValueError:
        return text.replace("_", " ")
    return f"{number:,.6g}" if abs(number) >= 1000 else f"{number:.6g}"


def _amount(row: dict) -> str:
    low, value, high = row.get("low", ""), row.get("value", ""), row.get("high", "")
    if value and (not low or low == value) and (not high or high == value):
        text = _number(value)
    elif low and high:
        text = f"{_number(low)}\u2013{_number(high)}"
    elif low:
        text = f"at least {_number(low)}"
    else:
        text = "no number"
    unit = UNIT_WORDS.get(row.get("unit", ""), "")
    return f"{text} ({unit})" if unit and text != "no number" else text


def _describe(old: dict, new: dict) -> tuple[str, str]:
    """The changed columns of a row, old and new, in words; a figure's amount as one number or range."""
    changed = [c for c in new if c in old and old[c] != new[c] and c not in DERIVED_COLUMNS]
    amount = {"value", "low", "high"} & set(changed)
    old_parts, new_parts = [], []
    if amount:
        old_parts.append(_amount(old))
        new_parts.append(_amount(new))
    for column in changed:
        if column in ("value", "low", "high"):
            continue
        old_parts.append(f"{_words(column)}: {_number(old[column]) or 'none'}")
        new_parts.append(f"{_words(column)}: {_number(new[column]) or 'none'}")
    return "; ".join(old_parts), "; ".join(new_parts)


@dataclass(frozen=True)
class RowChange:
    file: str
    id: str
    label: str
    old: str | None
    new: str | None


def row_changes(old_files: dict[str, bytes], new_files: dict[str, bytes]) -> list[RowChange]:
    """Every added, removed or altered row of the downloads, by file and key, in file order."""
    lookup = {}
    for file in ("evidence.csv", "hypotheses.csv"):
        for key, row in _rows(new_files.get(file) or old_files.get(file), file).items():
            lookup[key] = next((row[c] for c in LABEL_COLUMNS if row.get(c)), key)
    out = []
    for file in sorted(set(old_files) | set(new_files), key=lambda f: (FILE_ORDER.index(f) if f in FILE_ORDER else len(FILE_ORDER), f)):
        old, new = _rows(old_files.get(file), file), _rows(new_files.get(file), file)
        if not old:  # a download that did not exist before is not a change of the data
            continue
        for key in list(new) + [k for k in old if k not in new]:
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            label = _label(after or before, file, key, lookup)
            if before is None:
                out.append(RowChange(file, key, label, None, _amount(after) if file in ("figures.csv", "derived.csv") else "added"))
            elif after is None:
                out.append(RowChange(file, key, label, "removed", None))
            else:
                was, now = _describe(before, after)
                if was or now:
                    out.append(RowChange(file, key, label, was, now))
    return out


_NOTE = re.compile(r"\s*\[\d+(?:\s*[,\u2013-]\s*\d+)*\]")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")  # one level of nested brackets: [[3]](#x)


def plain(markdown: str) -> str:
    """A finding's Markdown as plain text: links reduced to their text, escapes and bold removed, italics (the
    reports set explanations' names in italics) turned into quotation marks."""
    text = _LINK.sub(r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+!|~>.-])", r"\1", text)
    text = _NOTE.sub("", text)  # note numbers lead nowhere outside their report
    text = re.sub(r"(\*\*|__)([^*_]+)\1", r"\2", text)
    text = re.sub(r"(?<![*\w])\*([^*]+)\*(?![*\w])", "\u201c\\1\u201d", text)  # an explanation's name: quoted, not lost
    return re.sub(r"(?<!\w)_([^_]+)_(?!\w)", r"\1", text).replace("\\$", "$").strip()


def _by_key(findings: list[dict] | None) -> dict[str, dict]:
    return {f["key"]: f for f in findings or [] if isinstance(f, dict) and "key" in f}


def compare(
    old_files: dict[str, bytes], new_files: dict[str, bytes],
    old_findings: dict[str, list[dict]], new_findings: dict[str, list[dict]],
    old_parameters: dict[str, dict], new_parameters: dict[str, dict],
    old_inputs: dict[str, dict], new_inputs: dict[str, dict],
    used_ids: dict[str, set[str]], titles: dict[str, str],
) -> list[Change]:
    """Everything that changed between the previous publication and this one (reports by catalogue name).

    Only reports present in both builds are compared (a report built for the first time changed
    nothing a reader saw before). ``used_ids`` gives the data ids each report rests on.
    """
    rows = row_changes(old_files, new_files)
    changed_ids = {r.id: r for r in rows}
    origins = _Origins(changed_ids, _rows(old_files.get("derived.csv"), "derived.csv"),
                       _rows(new_files.get("derived.csv"), "derived.csv"))
    compared = [r for r in new_findings if r in old_findings]
    touched_by: dict[str, list[str]] = {r.id: [] for r in rows}
    changes_by_report: dict[str, list[Change]] = {}

    for report in compared:
        old, new = _by_key(old_findings[report]), _by_key(new_findings[report])
        for key in list(new) + [k for k in old if k not in new]:
            before, after = old.get(key), new.get(key)
            if before is not None and after is not None and before.get("values") == after.get("values") \
                    and before.get("text") == after.get("text"):
                continue
            sources = set((after or before).get("sources") or ())
            causes = _unique(c for i in sorted(sources & set(changed_ids)) for c in origins.of(i))
            for i in sorted(sources & set(changed_ids)):
                touched_by[i].append(report)
            causes += _other_causes(report, old_parameters, new_parameters, old_inputs, new_inputs) if not causes else []
            changes_by_report.setdefault(report, []).append(Change(
                "key finding", titles.get(report, report),
                plain(before["text"]) if before else None, plain(after["text"]) if after else None,
                tuple(causes), (report,), {"report": report, "key": key}))

    out = []
    for row in rows:
        order = {name: n for n, name in enumerate(titles)}
        reports = sorted({r for r, ids in used_ids.items() if row.id in ids} | set(touched_by[row.id]),
                         key=lambda r: (order.get(r, len(order)), r))
        out.append(Change(WHAT.get(row.file, "row"), row.label, row.old, row.new,
                          tuple(origins.of(row.id)), tuple(reports), {"file": row.file, "id": row.id}))
    for report in compared:
        before, after = old_parameters.get(report) or {}, new_parameters.get(report) or {}
        for name in sorted(set(before) | set(after)):
            if before.get(name) != after.get(name):
                out.append(Change("parameter", f"{titles.get(report, report)}: {_words(name)}",
                                  _show(before.get(name)), _show(after.get(name)),
                                  ({"parameter": name, "report": report},), (report,), {"report": report, "parameter": name}))
    for report in compared:
        out.extend(changes_by_report.get(report, []))
    return out


class _Origins:
    """The data rows a changed row comes down to.

    A worked-out figure is computed, never edited: when its definition is the same, its change
    comes from the changed rows among its inputs (followed through other worked-out figures).
    """

    def __init__(self, changed: dict[str, RowChange], old_derived: dict[str, dict], new_derived: dict[str, dict]):
        self.changed, self.old, self.new = changed, old_derived, new_derived

    def of(self, row_id: str, seen: frozenset = frozenset()) -> list[dict]:
        row = self.changed[row_id]
        if row.file != "derived.csv":
            return [{"file": row.file, "id": row.id, "label": row.label}]
        before, after = self.old.get(row_id), self.new.get(row_id)
        causes = []
        if before is None or after is None or any(before.get(c) != after.get(c) for c in DEFINITION_COLUMNS):
            causes.append({"code": "the way this figure is worked out changed"})
        inputs = [i for i in (after or before).get("sources", "").split(";") if i in self.changed and i not in seen]
        causes += [c for i in inputs for c in self.of(i, seen | {row_id})]
        return _unique(causes) or [{"code": "the way this figure is worked out changed"}]


def _unique(causes) -> list[dict]:
    out = []
    for cause in causes:
        if cause not in out:
            out.append(cause)
    return out


def _show(value) -> str | None:
    if value is None:
        return "the paper's figure"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else _number(str(value))


def _other_causes(report: str, old_parameters, new_parameters, old_inputs, new_inputs) -> list[dict]:
    causes = []
    if (old_parameters.get(report) or {}) != (new_parameters.get(report) or {}):
        causes.append({"parameter": "changed", "report": report})
    old, new = old_inputs.get(report) or {}, new_inputs.get(report) or {}
    if old.get("data") != new.get("data"):
        causes.append({"data": "the data changed (in rows this report's findings do not name)"})
    if any(old.get(k) != new.get(k) for k in ("notebook", "library", "title")):
        causes.append({"code": "the report's notebook or the library changed"})
    if any(old.get(k) != new.get(k) for k in ("versions", "requirements.lock")):
        causes.append({"environment": "Python, a package version or the pinned dependencies changed"})
    return causes or [{"code": "no input of this report changed that the build can name"}]
