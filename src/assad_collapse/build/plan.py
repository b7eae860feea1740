"""The build's plan: which reports are out of date and why, from input hashes alone (standard library only).

For every catalogue report, :func:`plan` reads the notebook's declared
parameters without a kernel (:mod:`.nbparams`), hashes its inputs (:mod:`.cache`)
and compares them with the last manifest: a report is rebuilt only if an input
changed, its HTML is missing or altered, or its last build failed (or with
``force``). The CSV downloads are kept when the manifest shows they are current.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Report
from ..errors import ParameterError
from . import cache, manifest, nbparams


@dataclass
class Spec:
    """One catalogue report as this build sees it."""

    report: Report
    chosen: bool
    notebook: str  # relative to the catalogue's directory
    injected: dict = field(default_factory=dict)  # parameters papermill injects
    effective: dict = field(default_factory=dict)  # defaults + catalogue + overrides
    inputs: dict | None = None  # None: the catalogue gives it parameters its notebook lacks
    entry: dict | None = None  # its entry in the last manifest
    status: str = manifest.MISSING


@dataclass
class Plan:
    """What a build will do: every catalogue report's spec, the reports to build (with reasons), the downloads."""

    specs: list[Spec]
    todo: dict[str, list[str]]  # report name -> why it is rebuilt
    env: cache.Environment
    downloads: dict | None  # the manifest's downloads entry if still current, else None (rewrite them)


def plan(catalogue: list[Report], reports_dir: Path, data_dir: Path, overrides: dict | None = None, *,
         chosen: list[str] | None = None, root: Path, force: bool = False) -> Plan:
    """Compare every input's hash with the manifest; standard library only, no kernel."""
    reports_dir, data_dir, root = Path(reports_dir), Path(data_dir), Path(root)
    names = set(chosen) if chosen is not None else {r.name for r in catalogue}
    env = cache.environment(data_dir)
    old = manifest.read(reports_dir)
    specs = [_spec(r, r.name in names, overrides or {}, env, old, reports_dir, root) for r in catalogue]
    todo = {s.report.name: _reasons(s, force) for s in specs if s.chosen and (force or s.status != manifest.FRESH)}
    return Plan(specs, todo, env, None if force else _current_downloads(old, env, reports_dir))


def _spec(report: Report, chosen: bool, overrides: dict, env: cache.Environment, old: dict,
          reports_dir: Path, root: Path) -> Spec:
    raw = report.notebook.read_bytes()
    spec = Spec(report, chosen, os.path.relpath(report.notebook, root), entry=old["reports"].get(report.name))
    try:
        spec.injected, spec.effective = nbparams.effective(
            report.notebook.name, nbparams.declared(raw), report.parameters, overrides if chosen else {})
    except ParameterError:
        if chosen:
            raise
        spec.effective = dict(report.parameters)
    else:
        spec.inputs = cache.report_inputs(cache.sha256_bytes(raw), spec.effective, report.title, env)
    spec.status = manifest.status(spec.entry, spec.inputs, reports_dir)
    return spec


def _reasons(spec: Spec, force: bool) -> list[str]:
    if force:
        return ["forced"]
    entry = spec.entry or {}
    if entry.get("error"):
        return ["its last build failed"]
    if spec.status == manifest.MISSING:
        return ["HTML missing or altered" if entry.get("html") else "never built"]
    return [f"{kind} changed" for kind in cache.changed(entry.get("inputs"), spec.inputs or {})]


def _current_downloads(old: dict, env: cache.Environment, reports_dir: Path) -> dict | None:
    """The manifest's downloads entry if the files on disk are those of the current inputs, else None."""
    entry = old.get("downloads") or {}
    if entry.get("inputs") != cache.downloads_inputs(env) or not entry.get("files"):
        return None
    for name, sha in entry["files"].items():
        path = reports_dir / "data" / name
        if not path.exists() or cache.sha256_file(path) != sha:
            return None
    return entry
