"""Build the reports: plan from input hashes, validate the data, run notebooks in parallel, publish atomically.

A build (:func:`build`):

1. refuses a reports directory it must not write into (:mod:`.outdir`) and checks
   every parameter (:mod:`.parameters`), before it writes anything;
2. takes the build lock (:mod:`.lock`; a second build is refused at once) and
   removes temporary files of its own naming that a killed build left behind;
3. plans (:mod:`.plan`): hashes every input (:mod:`.cache`) and compares with ``reports/manifest.json``:
   a report is rebuilt only if an input changed, its HTML is missing or altered,
   or its last build failed (or with ``force``);
4. validates the data unless the manifest shows that these very data files were
   validated by this library before: invalid data stops the build before any
   notebook runs;
5. runs the notebooks in worker processes (:mod:`.runner`, :mod:`.worker`) and
   meanwhile renders the CSV downloads;
6. publishes (:mod:`.publish`): compares what it made with the previous build and
   records the changes, then writes every report, its key findings and executed
   notebook, and the downloads, each atomically and only if its bytes changed;
7. writes the manifest and index, likewise.

A report whose notebook fails keeps its last good HTML, marked stale. An
exploration (``-p`` values that differ from the catalogue's) writes only its own
``explore/`` file. The no-op path (nothing changed) uses the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cache, history, indexpage, manifest, outdir
from .atomic import remove_stale_temps, write_atomic, write_if_changed
from ..catalogue import Report
from .lock import BuildLock
from .parameters import banner
from .plan import Plan, Spec, plan, resolve_all
from .progress import Plain
from .runner import Runner, default_jobs

BUILT, FAILED, UP_TO_DATE = "built", "failed", "up to date"


@dataclass
class Outcome:
    """What happened to one chosen report in this build."""

    name: str
    state: str  # BUILT, FAILED or UP_TO_DATE
    message: str = ""
    duration: float | None = None
    html: Path | None = None  # the file written (explorations)

    @property
    def ok(self) -> bool:
        return self.state != FAILED


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


def build(catalogue: list[Report], reports_dir: Path, data_dir: Path, overrides: dict[str, str] | None = None, *,
          chosen: list[str] | None = None, root: Path, force: bool = False, jobs: int | None = None,
          progress: Plain | None = None, catalogue_file: Path | None = None) -> list[Outcome]:
    """Bring the ``chosen`` reports (default: all) of ``catalogue`` up to date; return one outcome per chosen report.

    ``overrides`` are ``-p`` texts by parameter name. Raises UnsafeReportsDir,
    ParameterError (naming report, parameter, value and what is allowed),
    BuildLocked (another build holds the lock) or DataValidationError, each
    before any notebook runs.
    """
    progress = progress or Plain()
    reports_dir, data_dir, root = Path(reports_dir), Path(data_dir), Path(root)
    reports_dir = outdir.check(reports_dir, outdir.protected(root, data_dir, [r.notebook for r in catalogue], catalogue_file))
    resolved = resolve_all(catalogue, data_dir, overrides, chosen)  # every parameter, before anything is written
    with BuildLock(reports_dir):
        if not (reports_dir / manifest.NAME).exists():  # mark the folder as the build's before anything else
            write_atomic(reports_dir / manifest.NAME, manifest.render(manifest.empty()))
        remove_stale_temps(reports_dir, *(reports_dir / sub for sub in outdir.SUBDIRECTORIES))
        work = plan(catalogue, reports_dir, data_dir, chosen=chosen, root=root, force=force, resolved=resolved)
        progress.plan(work.todo, sum(s.chosen for s in work.specs) - len(work.todo))
        entries = {s.report.name: s.entry for s in work.specs}
        outcomes = {s.report.name: Outcome(s.report.name, UP_TO_DATE) for s in work.specs if s.chosen}
        try:
            made, files = _execute(work, entries, outcomes, reports_dir, data_dir, root, force, jobs, progress)
        finally:
            progress.close()
        if made or files is not None:
            _publish(work, made, files, entries, reports_dir)
        for m in made:
            if not m.published:
                progress.line(f"wrote {reports_dir / m.html_file}")
        if work.publishes:
            write_if_changed(reports_dir / manifest.NAME, _manifest(work, entries, reports_dir))
            write_if_changed(reports_dir / "index.html", _index(work.specs, entries, reports_dir))
    return list(outcomes.values())


def _publish(work: Plan, made: list, files: dict | None, entries: dict, reports_dir: Path) -> None:
    """Record what changed and write every file this build made (see :mod:`.publish`)."""
    from . import publish

    titles = {s.report.name: s.report.title for s in work.specs}
    previous = {s.report.name: s.entry for s in work.specs}
    hashes = publish.publish(made, reports_dir, titles, previous, files, work.env.versions, work.env.data_hash)
    for m in made:
        if m.published:
            entries[m.name]["html"] = {"file": m.html_file, "sha256": hashes[m.name]}
    if files is not None:
        work.downloads = {"inputs": cache.downloads_inputs(work.env), "files": {n: cache.sha256_bytes(d) for n, d in files.items()}}


def _execute(work: "Plan", entries: dict, outcomes: dict, reports_dir: Path, data_dir: Path, root: Path,
             force: bool, jobs: int | None, progress: Plain) -> tuple[list, dict | None]:
    """Validate, run the notebooks in worker processes and meanwhile render the downloads; write nothing.

    Returns what the workers made (:class:`.publish.Made`, one per report built) and the new files of
    reports/data/ (None when they are current).
    """
    by_name = {s.report.name: s for s in work.specs}
    runner = Runner(min(jobs or default_jobs(), len(work.todo)), kernel_environment(data_dir)) if work.todo else None
    made: list = []
    files = None

    def on_result(result: dict) -> None:
        spec = by_name[result["name"]]
        outcome = outcomes[result["name"]] = _record(spec, result, entries, root, data_dir)
        if not outcome.ok:
            progress.failed(outcome.name, outcome.message)
            return
        progress.built(outcome.name, outcome.duration or 0.0)
        for text in result.get("stderr", []):
            first = next((line for line in text.splitlines() if line.strip()), "")
            progress.line(f"warning: {outcome.name} wrote to stderr (left out of the report): {first[:200]}")
        if spec.explore:
            outcome.html = reports_dir / spec.explore
        made.append(_made(spec, result))

    try:
        if force or work.downloads is None:  # else these very inputs passed validation before
            from ..paper.validate import validate_data_dir

            validate_data_dir(data_dir)  # raises before any notebook runs
        if runner:  # longest first (by the last build's durations), so that no report starts last and alone
            order = sorted(work.todo, key=lambda n: -((by_name[n].entry or {}).get("duration") or float("inf")))
            runner.submit([_job(by_name[n], reports_dir, data_dir) for n in order])
        if work.downloads is None and work.publishes:
            from . import downloads, publish

            files = publish.download_files(downloads.render(data_dir))
        if runner:
            runner.collect(progress.started, on_result)
    except BaseException:
        if runner:
            runner.close(kill=True)
        raise
    if runner:
        runner.close()
    order = {s.report.name: n for n, s in enumerate(work.specs)}
    return sorted(made, key=lambda m: order[m.name]), files


def _made(spec: Spec, result: dict):
    """A worker's result for one report, with where it goes and what it was built from."""
    from .page import NOTEBOOKS
    from .publish import Made

    name = spec.report.name
    html_file = spec.explore or f"{name}.html"
    notebook_file = html_file.removesuffix(".html") + ".ipynb" if spec.explore else f"{NOTEBOOKS}/{name}.ipynb"
    return Made(name, spec.report.title, html_file, notebook_file, {**spec.inputs, "notebook": result["notebook_sha256"]},
                spec.published, result["html"], result["findings"], result["data_used"], result["executed"],
                published=not spec.explore)


def _job(spec: Spec, reports_dir: Path, data_dir: Path) -> dict:
    notebook = spec.report.notebook.resolve()
    job = {
        "name": spec.report.name, "notebook": str(notebook), "cwd": str(notebook.parent),
        "title": spec.report.title, "parameters": spec.injected,
        "html": str((reports_dir / f"{spec.report.name}.html").resolve()), "banner": None,
    }
    if spec.explore:
        job.update(title=f"{spec.report.title} (exploration)", banner=banner(spec.resolved, data_dir),
                   html=str(reports_dir.resolve() / spec.explore))
    return job


def _record(spec: Spec, result: dict, entries: dict, root: Path, data_dir: Path) -> Outcome:
    """Turn a worker's result into the report's new manifest entry (never for an exploration) and its outcome.

    The manifest is published: a failure is recorded there only as where it happened and the exception's
    type (``01-funding-cuts.ipynb, cell 4: KeyError``); its message, which may carry paths, user or host
    names, goes to the build's log only.
    """
    name = spec.report.name
    duration = None if result.get("duration") is None else round(result["duration"], 1)
    message = _scrub(result.get("message", ""), root, data_dir)
    if spec.explore:
        return Outcome(name, BUILT, duration=duration) if result["ok"] else Outcome(name, FAILED, message, duration)
    if result["ok"]:
        entries[name] = {
            "notebook": spec.notebook, "title": spec.report.title,
            "parameters": cache.canonical(spec.published),
            "inputs": {**spec.inputs, "notebook": result["notebook_sha256"]},  # the bytes that actually ran
            "html": None,  # the file and its hash once published
            "duration": duration,
        }
        return Outcome(name, BUILT, duration=duration)
    previous = spec.entry if spec.entry and spec.entry.get("html") else None
    entry = {k: v for k, v in previous.items() if k != "status"} if previous else {
        "notebook": spec.notebook, "title": spec.report.title, "parameters": cache.canonical(spec.published)}
    entries[name] = {**entry, "error": result.get("summary") or "the build failed", "duration": duration}
    return Outcome(name, FAILED, message, duration)


def _scrub(text: str, root: Path, data_dir: Path) -> str:
    """No absolute path (and so no user name) in what the build records."""
    for path, label in ((data_dir, "<data-dir>"), (root, "."), (Path.home(), "~")):
        for form in {str(path), str(Path(path).resolve())}:
            if len(Path(form).parts) > 1:  # never replace a bare "/"
                text = text.replace(form, label)
    return text


def _manifest(work: Plan, entries: dict, reports_dir: Path) -> bytes:
    reports = {}
    for spec in work.specs:
        entry = dict(entries.get(spec.report.name) or {
            "notebook": spec.notebook, "title": spec.report.title, "parameters": cache.canonical(spec.published)})
        entry["status"] = manifest.status(entry, spec.inputs, reports_dir)
        reports[spec.report.name] = entry
    env = work.env
    return manifest.render({
        "format": manifest.FORMAT, "versions": env.versions, "data": env.data, "library": env.library,
        "requirements.lock": env.lock, "downloads": work.downloads, "reports": reports,
    })


def _index(specs: list[Spec], entries: dict, reports_dir: Path) -> bytes:
    """The index page: the latest changes, then every report with its headline, data used and status."""
    from .publish import index_details

    items = []
    for spec in specs:
        entry = entries.get(spec.report.name)
        status = manifest.status(entry, spec.inputs, reports_dir)
        if status == manifest.STALE and (entry or {}).get("error"):
            status = "stale-failed"
        headline, files = index_details(reports_dir, spec.report.name)
        items.append(indexpage.Entry(spec.report.name, spec.report.title, spec.report.summary, status,
                                     manifest.html_intact(entry, reports_dir), headline, files))
    titles = {s.report.name: s.report.title for s in specs}
    return indexpage.render(items, history.latest_section(history.read(reports_dir), titles))
