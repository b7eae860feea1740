"""Build the reports: validate data, execute each notebook with papermill, export self-contained HTML.

Every file is written to a temporary name and renamed into place, so a report
on disk is always a whole one; a report whose notebook fails keeps its last good
HTML and the build exits non-zero naming the notebook, cell and exception.
"""

from __future__ import annotations

import csv
import html
import io
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Report
from .errors import AssadCollapseError, ParameterError

TEMPLATES = Path(__file__).parent / "templates"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Outcome:
    report: Report
    ok: bool
    message: str = ""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644 & ~_umask())  # mkstemp makes 0600; reports are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def kernel_environment(data_dir: Path) -> dict[str, str]:
    """Environment for report kernels: the data directory, and no source of drift."""
    return {
        "ASSAD_COLLAPSE_DATA_DIR": str(data_dir),
        "PYTHONHASHSEED": "0",
        "TZ": "UTC",
        "LC_ALL": "C.UTF-8",
        "SOURCE_DATE_EPOCH": "0",
        "MPLBACKEND": "Agg",
    }


def check_parameter_names(report: Report, overrides: dict) -> dict:
    """Merge catalogue and command-line parameters; reject names the notebook does not declare."""
    import papermill

    declared = papermill.inspect_notebook(str(report.notebook))
    merged = {**report.parameters, **overrides}
    for name in merged:
        if name not in declared:
            raise ParameterError(name, merged[name], f"a parameter of {report.notebook.name}: " + ", ".join(declared))
    return merged


def execute(report: Report, parameters: dict, data_dir: Path):
    """Run the report's notebook with papermill; return the executed notebook node."""
    import papermill

    os.environ.update(kernel_environment(data_dir))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / report.notebook.name
        papermill.execute_notebook(
            str(report.notebook), str(out), parameters=parameters, kernel_name="python3",
            progress_bar=False, log_output=False, cwd=str(report.notebook.parent),
        )
        import nbformat

        return nbformat.read(out, as_version=4)


def strip_volatile(nb) -> None:
    """Remove metadata that changes from run to run (timings, papermill run info)."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.get("cell_type") == "code":
            cell.execution_count = None
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = None


def export_html(nb, title: str) -> bytes:
    """One self-contained HTML page: code hidden, images embedded, nothing loaded from another host."""
    from nbconvert import HTMLExporter

    strip_volatile(nb)
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="report", extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body.encode("utf-8")


def neutralise(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def export_data(reports_dir: Path, data_dir: Path) -> None:
    """Write the cleaned datasets (and derived figures) as CSV downloads under reports/data/."""
    from . import datasets

    frames = {
        "figures": datasets.figures(data_dir),
        "derived": datasets.derived_figures(data_dir),
        "events": datasets.events(data_dir).drop(columns=["actor_list"]),
        "interviews": datasets.interviews(data_dir),
        "hypotheses": datasets.hypotheses(data_dir),
        "evidence": datasets.evidence(data_dir),
        "ratings": datasets.ratings(data_dir),
    }
    for name, frame in frames.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(frame.columns)
        text_columns = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "string"]
        for row in frame.itertuples(index=False):
            writer.writerow([
                neutralise(str(v)) if c in text_columns and isinstance(v, str) else _cell(v)
                for c, v in zip(frame.columns, row)
            ])
        write_atomic(reports_dir / "data" / f"{name}.csv", buffer.getvalue().encode("utf-8"))


def _cell(value) -> str:
    import pandas as pd

    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def render_index(outcomes: list[Outcome], reports_dir: Path) -> bytes:
    """The index page: every report with title, summary, status and link."""
    items = []
    for o in outcomes:
        exists = (reports_dir / f"{o.report.name}.html").exists()
        status = "fresh" if o.ok else ("stale: its last build failed" if exists else "failed: never built")
        link = f'<a href="{html.escape(o.report.name)}.html">{html.escape(o.report.title)}</a>' if exists else html.escape(o.report.title)
        items.append(f"<li><h2>{link}</h2><p>{html.escape(o.report.summary)}</p><p class=\"status\">Status: {status}</p></li>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Russia and the collapse of the Assad regime: reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:760px;margin:0 auto;padding:1rem;line-height:1.5}}
ul{{list-style:none;padding:0}}li{{border-bottom:1px solid #ddd;padding:.5rem 0}}h2{{font-size:1.2rem;margin:.2rem 0}}.status{{color:#555;font-size:.9rem}}</style>
</head><body><main>
<h1>Russia and the collapse of the Assad regime</h1>
<p>Reports on the figures of Antonio Giustozzi, <em>Russia and the Collapse of the Assad Regime</em> (RUSI, 2025).
The cleaned data is in <a href="data/figures.csv">data/</a>.</p>
<ul>
{chr(10).join(items)}
</ul></main></body></html>
"""
    return page.encode("utf-8")


def build(reports: list[Report], reports_dir: Path, data_dir: Path, overrides: dict | None = None, log=print) -> list[Outcome]:
    """Validate the data, then build every report; return one outcome per report."""
    from .validate import validate_data_dir

    validate_data_dir(data_dir)  # raises before any notebook runs
    checked = {r.name: check_parameter_names(r, overrides or {}) for r in reports}
    outcomes = []
    for report in reports:
        log(f"building {report.name} ({report.notebook.name})")
        try:
            nb = execute(report, checked[report.name], data_dir)
        except Exception as exc:  # papermill raises its own errors for failing cells
            message = describe_failure(report, exc)
            log(message)
            outcomes.append(Outcome(report, False, message))
            continue
        write_atomic(reports_dir / f"{report.name}.html", export_html(nb, report.title))
        outcomes.append(Outcome(report, True))
        log(f"built {report.name}")
    export_data(reports_dir, data_dir)
    write_atomic(reports_dir / "index.html", render_index(outcomes, reports_dir))
    return outcomes


def describe_failure(report: Report, exc: BaseException) -> str:
    """Name the notebook, the cell and the exception of a failed run."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return (f"FAILED {report.name}: {report.notebook.name}, cell {exc.cell_index} "
                f"(execution count {exc.exec_count}): {exc.ename}: {exc.evalue}")
    return f"FAILED {report.name}: {report.notebook.name}: {type(exc).__name__}: {exc}"
