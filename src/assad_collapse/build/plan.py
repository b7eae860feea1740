"""The build's plan: which reports are out of date and why, from input hashes alone (standard library only).

For every catalogue report, :func:`resolve_all` reads the notebook's declared
parameters without a kernel (:mod:`.nbparams`) and checks every value
(:mod:`.parameters`); :func:`plan` hashes each report's inputs (:mod:`.cache`)
and compares them with the last manifest: a report is rebuilt only if an input
changed, its HTML is missing or altered, or its last build failed (or with
``force``). A chosen report whose ``-p`` values differ from the catalogue's is an
exploration: always built, into ``explore/``, and never part of the published set.
The CSV downloads are kept when the manifest shows they are current.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Report
from ..errors import CatalogueError
from ..inputs import read_bytes
from . import cache, manifest, nbparams
from .parameters import Resolved, resolve


@dataclass
class Spec:
    """One catalogue report as this build sees it."""

    report: Report
    chosen: bool
    notebook: str  # relative to the catalogue's directory
    notebook_sha256: str
    resolved: Resolved
    inputs: dict  # the published report's inputs
    entry: dict | None = None  # its entry in the last manifest
    status: str = manifest.MISSING
    explore: str | None = None  # for an exploration: its HTML file, relative to the reports directory

    @property
    def injected(self) -> dict:
        """What papermill injects when this build runs the report."""
        return self.resolved.injected if self.explore else self._published_injection()

    @property
    def published(self) -> dict:
        """Every parameter of the published report (the catalogue's values, defaults filled in)."""
        return self.resolved.catalogue

    def _published_injection(self) -> dict:
        return {n: self.resolved.catalogue[n] for n in self.resolved.injected}


@dataclass
class Plan:
    """What a build will do: every catalogue report's spec, the reports to build (with reasons), the downloads."""

    specs: list[Spec]
    todo: dict[str, list[str]]  # report name -> why it is rebuilt
    env: cache.Environment
    downloads: dict | None  # the manifest's downloads entry if still current, else None (rewrite them)

    @property
    def publishes(self) -> bool:
        """Whether this build touches the published set (False when every chosen report is an exploration)."""
        return any(s.chosen and not s.explore for s in self.specs)


def read_notebook(report: Report) -> tuple[bytes, nbparams.Declared]:
    """The notebook's bytes and declared parameters; a notebook that is no notebook is a catalogue error."""
    raw = read_bytes(report.notebook)
    try:
        return raw, nbparams.declared(raw)
    except (ValueError, RecursionError) as exc:
        raise CatalogueError(f"report '{report.name}': {report.notebook.name} is not a notebook (not valid JSON: {exc})") from None


def resolve_all(catalogue: list[Report], data_dir: Path, overrides: dict[str, str] | None = None,
                chosen: list[str] | None = None) -> dict[str, tuple[bytes, Resolved]]:
    """Every report's parameters checked (``overrides`` apply to the chosen ones); raises before anything runs."""
    names = set(chosen) if chosen is not None else {r.name for r in catalogue}
    out = {}
    for report in catalogue:
        raw, found = read_notebook(report)
        out[report.name] = raw, resolve(report, found, (overrides or {}) if report.name in names else {}, data_dir)
    return out


def plan(catalogue: list[Report], reports_dir: Path, data_dir: Path, overrides: dict[str, str] | None = None, *,
         chosen: list[str] | None = None, root: Path, force: bool = False,
         resolved: dict[str, tuple[bytes, Resolved]] | None = None) -> Plan:
    """Compare every input's hash with the manifest; standard library only, no kernel.

    ``overrides`` are ``-p`` texts by parameter name; ``resolved`` (from :func:`resolve_all`) saves checking again.
    """
    reports_dir, data_dir, root = Path(reports_dir), Path(data_dir), Path(root)
    names = set(chosen) if chosen is not None else {r.name for r in catalogue}
    resolved = resolved or resolve_all(catalogue, data_dir, overrides, chosen)
    env = cache.environment(data_dir)
    old = manifest.read(reports_dir)
    specs = []
    for report in catalogue:
        raw, params = resolved[report.name]
        sha = cache.sha256_bytes(raw)
        spec = Spec(report, report.name in names, os.path.relpath(report.notebook, root), sha, params,
                    cache.report_inputs(sha, params.catalogue, report.title, env), old["reports"].get(report.name))
        spec.status = manifest.status(spec.entry, spec.inputs, reports_dir)
        spec.explore = params.explore_file(report.name) if spec.chosen else None
        specs.append(spec)
    todo = {s.report.name: _reasons(s, force) for s in specs
            if s.chosen and (s.explore or force or s.status != manifest.FRESH)}
    return Plan(specs, todo, env, None if force else _current_downloads(old, env, reports_dir))


def _reasons(spec: Spec, force: bool) -> list[str]:
    if spec.explore:
        shown = ", ".join(f"{n}={json.dumps(cache.canonical(v))}" for n, v in spec.resolved.differing.items())
        return [f"exploring {shown}"]
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
        if not path.is_file() or cache.sha256_file(path) != sha:
            return None
    return entry
