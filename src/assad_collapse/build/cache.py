"""What a report depends on, as hashes, with the standard library only (no pandas, no papermill).

A report's inputs are its notebook file, its effective parameters and title,
every data file (``*.csv`` and ``datapackage.json`` in the data directory), every
file of the library under ``src/assad_collapse/`` (templates included),
``requirements.lock``, and the Python and package versions. Equal inputs give an
equal :func:`key`; the build rebuilds a report only when its key changes.
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from ..inputs import InputFileError, regular_file_problem
from ..paths import LIBRARY, LOCK_FILE

PACKAGES = ("pandas", "numpy", "matplotlib", "papermill", "nbconvert")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def data_files(data_dir: Path) -> list[Path]:
    """The files the schemas describe: every CSV of the data directory, and its datapackage.json."""
    files = sorted(Path(data_dir).glob("*.csv"))
    package = Path(data_dir) / "datapackage.json"
    return files + ([package] if package.exists() else [])


def library_files() -> list[Path]:
    """Every file of the package (modules, templates), without bytecode caches or hidden files (editor swap files)."""
    return sorted(
        p for p in LIBRARY.rglob("*")
        if p.is_file() and p.suffix not in (".pyc", ".pyo")
        and not any(part == "__pycache__" or part.startswith(".") for part in p.relative_to(LIBRARY).parts)
    )


def hash_tree(files: list[Path], root: Path) -> str:
    """One hash over file names (relative to ``root``) and contents."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + sha256_file(path).encode() + b"\n")
    return h.hexdigest()


def versions() -> dict[str, str]:
    """Python and the versions of the packages that shape a report (read from metadata, not imported)."""
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


@dataclass(frozen=True)
class Environment:
    """The inputs every report shares."""

    data: dict[str, str]  # data file name -> sha256
    library: str
    lock: str
    versions: dict[str, str]

    @property
    def data_hash(self) -> str:
        return digest(self.data)


def environment(data_dir: Path, lock_file: Path | None = None) -> Environment:
    """Hash the shared inputs once per build."""
    lock_file = Path(lock_file or LOCK_FILE)
    for path in data_files(data_dir):  # a FIFO would hang the hash, /dev/zero would never end it
        problem = regular_file_problem(path)
        if problem:
            raise InputFileError(f"data file {path} {problem}")
    data = {p.name: sha256_file(p) for p in data_files(data_dir)}
    lock = sha256_file(lock_file) if lock_file.exists() else "missing"
    return Environment(data, hash_tree(library_files(), LIBRARY), lock, versions())


def canonical(value: Any) -> Any:
    """A JSON-able form of a parameter value that does not depend on dict or set order."""
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple__": [canonical(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"__set__": sorted((canonical(v) for v in value), key=repr)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return {"__repr__": repr(value)}


def digest(value: Any) -> str:
    """sha256 of the canonical JSON of ``value``."""
    text = json.dumps(canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return sha256_bytes(text.encode("utf-8"))


def report_inputs(notebook_sha: str, parameters: dict, title: str, env: Environment) -> dict[str, str]:
    """Everything one report's HTML depends on, one entry per kind (so a rebuild can say what changed)."""
    return {
        "notebook": notebook_sha,
        "parameters": digest(parameters),
        "title": digest(title),
        "data": env.data_hash,
        "library": env.library,
        "requirements.lock": env.lock,
        "versions": digest(env.versions),
    }


def downloads_inputs(env: Environment) -> dict[str, str]:
    """What the CSV downloads under reports/data/ depend on."""
    return {"data": env.data_hash, "library": env.library, "requirements.lock": env.lock, "versions": digest(env.versions)}


def key(inputs: dict[str, str]) -> str:
    return digest(inputs)


def changed(old: dict | None, new: dict) -> list[str]:
    """Which kinds of input differ between two input records."""
    if not old:
        return ["never built"]
    return [kind for kind in new if old.get(kind) != new[kind]] or ([] if old == new else ["inputs"])
