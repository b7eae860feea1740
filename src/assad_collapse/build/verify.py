"""Check that the published reports are reproduced: rebuild everything into a temporary directory and compare bytes.

The rebuild starts from what the published set records about its own past (the
manifest, the change history and each report's key findings), so that the
notes and history it writes are the ones a faithful rebuild must write; every
other file is regenerated from the inputs. Then every published file is
compared byte for byte, report by report (the manifest without its durations).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Report
from ..errors import AssadCollapseError
from . import history, manifest
from .publish import FINDINGS_SUFFIX

STATE = (manifest.NAME, history.NAME)  # the published set's memory of earlier builds
SKIPPED_DIRS = ("explore",)  # explorations are not part of the published set


@dataclass
class Verdict:
    """One report (or the shared files, under the name ``index``): reproduced, or the files that differ."""

    name: str
    differing: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differing and not self.missing


def published_files(reports_dir: Path) -> list[str]:
    """Every file of the published set, relative to the reports directory (lock, temporaries and explorations aside)."""
    out = []
    for path in sorted(Path(reports_dir).rglob("*")):
        rel = path.relative_to(reports_dir)
        if not path.is_file() or rel.parts[0] in SKIPPED_DIRS or path.name.startswith("."):
            continue
        out.append(rel.as_posix())
    return out


def owner(rel: str, names: list[str]) -> str:
    """Which report a published file belongs to (``index`` for the shared ones)."""
    base = rel.rsplit("/", 1)[-1]
    for name in names:
        if base in (f"{name}.html", f"{name}{FINDINGS_SUFFIX}", f"{name}.ipynb"):
            return name
    return "index"


def _same(rel: str, published: Path, rebuilt: Path) -> bool:
    if rel == manifest.NAME:
        read = lambda p: manifest.without_durations(json.loads(p.read_text(encoding="utf-8")))  # noqa: E731
        return read(published) == read(rebuilt)
    return published.read_bytes() == rebuilt.read_bytes()


def prepare(reports_dir: Path, target: Path) -> None:
    """Give ``target`` the published set's memory of earlier builds, and nothing it could pass off as rebuilt."""
    for name in STATE:
        if (reports_dir / name).is_file():
            shutil.copy2(reports_dir / name, target / name)
    for path in Path(reports_dir).glob(f"*{FINDINGS_SUFFIX}"):
        shutil.copy2(path, target / path.name)


def compare(reports_dir: Path, rebuilt: Path, names: list[str]) -> list[Verdict]:
    """Report by report, the published files that the rebuild does not reproduce byte for byte."""
    verdicts = {name: Verdict(name) for name in [*names, "index"]}
    published, made = set(published_files(reports_dir)), set(published_files(rebuilt))
    for rel in sorted(published | made):
        verdict = verdicts[owner(rel, names)]
        if rel not in made:
            verdict.differing.append(f"{rel} (not rebuilt)")
        elif rel not in published:
            verdict.missing.append(rel)
        elif not _same(rel, reports_dir / rel, rebuilt / rel):
            verdict.differing.append(rel)
    return list(verdicts.values())


def verify(catalogue: list[Report], reports_dir: Path, data_dir: Path, *, root: Path, jobs: int | None = None,
           progress=None, catalogue_file: Path | None = None) -> list[Verdict]:
    """Rebuild the whole catalogue into a temporary directory and compare it with ``reports_dir``."""
    from .orchestrate import FAILED, build

    reports_dir = Path(reports_dir)
    if not (reports_dir / manifest.NAME).is_file():
        raise AssadCollapseError(f"{reports_dir} holds no published reports (no {manifest.NAME}): nothing to verify")
    with tempfile.TemporaryDirectory(prefix="assad-collapse-verify-") as tmp:
        target = Path(tmp) / "reports"
        target.mkdir()
        prepare(reports_dir, target)
        outcomes = build(catalogue, target, data_dir, {}, root=root, force=True, jobs=jobs, progress=progress,
                         catalogue_file=catalogue_file)
        failed = [o.name for o in outcomes if o.state == FAILED]
        if failed:
            raise AssadCollapseError("the rebuild failed for " + ", ".join(failed) + ": nothing could be compared")
        return compare(reports_dir, target, [r.name for r in catalogue])
