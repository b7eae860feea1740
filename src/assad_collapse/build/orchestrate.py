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
5. runs the notebooks in worker processes (:mod:`.runner`, :mod:`.worker`), each
   writing its HTML atomically, and meanwhile writes the CSV downloads;
6. writes the manifest and index, each only if its bytes changed.

A report whose notebook fails keeps its last good HTML, marked stale. An
exploration (``-p`` values that differ from the catalogue's) writes only its own
``explore/`` file. The no-op path (nothing changed) uses the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cache, indexpage, manifest, outdir
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
            _execute(work, entries, outcomes, reports_dir, data_dir, root, force, jobs, progress)
        finally:
            progress.close()
        if work.publishes:
            write_if_changed(reports_dir / manifest.NAME, _manifest(work, entries, reports_dir))
            write_if_changed(reports_dir / "index.html", _index(work.specs, entries, reports_dir))
    return list(outcomes.values())


def _execute(work: "Plan", entries: dict, outcomes: dict, reports_dir: Path, data_dir: Path, root: Path,
             force: bool, jobs: int | None, progress: Plain) -> None:
    """Validate, run the notebooks in worker processes and meanwhile write the downloads."""
    by_name = {s.report.name: s for s in work.specs}
    runner = Runner(min(jobs or default_jobs(), len(work.todo)), kernel_environment(data_dir)) if work.todo else None

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
            progress.line(f"wrote {outcome.html}")
        elif work.publishes:
            write_if_changed(reports_dir / manifest.NAME, _manifest(work, entries, reports_dir))  # keep finished work

    try:
        if force or work.downloads is None:  # else these very inputs passed validation before
            from ..paper.validate import validate_data_dir

            validate_data_dir(data_dir)  # raises before any notebook runs
        if runner:  # longest first (by the last build's durations), so that no report starts last and alone
            order = sorted(work.todo, key=lambda n: -((by_name[n].entry or {}).get("duration") or float("inf")))
            runner.submit([_job(by_name[n], reports_dir, data_dir) for n in order])
        if work.downloads is None and work.publishes:
            work.downloads = _write_downloads(work.env, data_dir, reports_dir)
        if runner:
            runner.collect(progress.started, on_result)
    except BaseException:
        if runner:
            runner.close(kill=True)
        raise
    if runner:
        runner.close()


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
            "html": {"file": f"{name}.html", "sha256": result["html_sha256"]},
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
    items = []
    for spec in specs:
        entry = entries.get(spec.report.name)
        status = manifest.status(entry, spec.inputs, reports_dir)
        if status == manifest.STALE and (entry or {}).get("error"):
            status = "stale-failed"
        items.append(indexpage.Entry(spec.report.name, spec.report.title, spec.report.summary, status,
                                     manifest.html_intact(entry, reports_dir)))
    return indexpage.render(items)


def _write_downloads(env: cache.Environment, data_dir: Path, reports_dir: Path) -> dict:
    from . import downloads

    files = downloads.render(data_dir)
    for name, data in files.items():
        write_if_changed(reports_dir / "data" / name, data)
    return {"inputs": cache.downloads_inputs(env), "files": {n: cache.sha256_bytes(d) for n, d in files.items()}}
