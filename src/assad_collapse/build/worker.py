"""Runs inside a build worker process: one notebook, executed by papermill in its own kernel, exported to HTML.

Only worker processes import this module (it loads papermill and nbconvert).
Each worker runs one report at a time, so papermill's process-wide state (its
``cwd`` handling, papermill#473) is never shared; the kernel's working directory
is passed to nbclient instead of changing ours. Kernels talk over Unix sockets
with a per-worker prefix, so parallel kernels never race for TCP ports
(papermill#511). A worker dies with the process that started it (Linux
``PR_SET_PDEATHSIG``), and its kernel follows (ipykernel polls its parent), so a
killed build leaves nothing running that could write into reports/.
"""

from __future__ import annotations

import sys

# jsonschema builds a large grammar (~0.9 s) when the optional rfc3987_syntax is
# importable; it serves only the "iri" formats, which notebook validation never
# uses. Workers are separate processes, so this affects nothing else.
sys.modules.setdefault("rfc3987_syntax", None)

import contextlib  # noqa: E402
import ctypes  # noqa: E402
import glob  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import nbformat  # noqa: E402
import papermill  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402
from jupyter_core.paths import jupyter_runtime_dir  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402
from papermill.exceptions import PapermillExecutionError  # noqa: E402

from . import extract  # noqa: E402
from .cache import sha256_bytes  # noqa: E402
from .nbclean import original_cell_index, stabilise  # noqa: E402
from .nbparams import declared  # noqa: E402

TEMPLATES = Path(__file__).resolve().parents[1] / "presentation" / "templates"
KERNEL = "python3"  # the kernel of the Python running the build (the project's venv)
START_TIMEOUT = 60  # seconds for a kernel to start
CELL_TIMEOUT = 900  # seconds for one cell: a hung notebook must not hang a scheduled build

_events = None
_exporter: HTMLExporter | None = None


class IPCKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels listen on Unix sockets in a private directory, not TCP ports."""

    def __init__(self, **kwargs):
        prefix = _ipc_prefix()
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", prefix)
        kwargs.setdefault("connection_file", prefix + ".json")
        super().__init__(**kwargs)


_KERNELS = itertools.count()
IPC_NAME = "assad-collapse-{pid}-{n}"  # sockets are <name>-<port>, the connection file <name>.json


def _ipc_directory() -> str:
    runtime = jupyter_runtime_dir()
    if len(runtime) > 70:  # a Unix socket path has at most 107 bytes
        runtime = os.path.join(tempfile.gettempdir(), f"assad-collapse-{os.getuid()}")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    return runtime


def _ipc_prefix() -> str:
    return os.path.join(_ipc_directory(), IPC_NAME.format(pid=os.getpid(), n=next(_KERNELS)))


def _remove_orphaned_ipc_files() -> None:
    """Sockets and connection files of kernels whose worker was killed (a normal shutdown removes them)."""
    for path in glob.glob(os.path.join(_ipc_directory(), "assad-collapse-*-*")):
        try:
            pid = int(os.path.basename(path).split("-")[2])
            os.kill(pid, 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                os.unlink(path)
        except (ValueError, IndexError, PermissionError):
            continue


def initialise(env: dict[str, str], events, main_pid: int) -> None:
    """Worker start-up: die with the build, give kernels the reproducible environment, keep the event queue."""
    global _events
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != main_pid:  # the build died before we could ask to die with it
        os._exit(1)
    threading.Thread(target=_exit_when_orphaned, args=(main_pid,), daemon=True).start()  # elsewhere than Linux
    os.environ.update(env)  # kernels inherit the worker's environment
    _events = events
    _remove_orphaned_ipc_files()


def _exit_when_orphaned(main_pid: int) -> None:
    while os.getppid() == main_pid:
        time.sleep(1)
    os._exit(1)


def exporter() -> HTMLExporter:
    """One HTML exporter per worker: the report template, code and prompts hidden, nothing fetched from elsewhere."""
    global _exporter
    if _exporter is None:
        _exporter = HTMLExporter(
            template_name="report", extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        )
    return _exporter


def export_html(nb, title: str) -> bytes:
    nb.metadata["title"] = title
    body, _ = exporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body.encode("utf-8")


def run_report(job: dict) -> dict:
    """Execute ``job['notebook']`` with ``job['parameters']`` and export it; the build publishes what comes back.

    Returns a plain dict (exceptions from papermill do not survive pickling):
    ``ok``, ``duration``, ``notebook_sha256`` (of the bytes actually run), and on
    success ``html`` (the exported page), ``findings`` and ``data_used`` (what the
    notebook attached as data), ``executed`` (the notebook as published) and
    ``stderr``; on failure ``message`` naming the cell and exception.
    """
    started = time.perf_counter()
    if _events is not None:
        _events.put(("started", job["name"]))
    raw = Path(job["notebook"]).read_bytes()
    result = {"name": job["name"], "notebook_sha256": sha256_bytes(raw), "ok": False}
    nb = None
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        original_ids = {c.get("id") for c in nb.cells if c.get("id")}
        executed = papermill.execute_notebook(
            nb, None, parameters=job["parameters"] or None, kernel_name=KERNEL,
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            start_timeout=START_TIMEOUT, execution_timeout=CELL_TIMEOUT,
            # nbclient options: our kernel manager, no per-cell timestamps, the kernel's cwd
            kernel_manager_class=IPCKernelManager, record_timing=False, shutdown_kernel="immediate",
            resources={"metadata": {"path": job["cwd"]}},
        )
        stderr = stabilise(executed, original_ids)
        if job.get("banner"):
            add_banner(executed, job["banner"])
        html = export_html(executed, job["title"])
        result.update(ok=True, html=html, findings=extract.findings(executed), data_used=extract.data_used(executed),
                      executed=extract.notebook_bytes(executed), stderr=stderr)
    except PapermillExecutionError as exc:
        cell, described = cell_of_error(job, raw, nb, exc)
        result.update(message=f"{described}: {exc.ename}: {exc.evalue}", summary=f"{cell}: {exc.ename}")
    except Exception as exc:  # kernel died, timed out, unreadable notebook, export failed, disk full...
        name = Path(job["notebook"]).name
        result.update(message=f"{name}: {type(exc).__name__}: {exc}", summary=f"{name}: {type(exc).__name__}")
    result["duration"] = time.perf_counter() - started
    return result


def add_banner(nb, banner: str) -> None:
    """Open the report with ``banner`` (HTML): at the top of its first Markdown cell, before the title."""
    first = nb.cells[0] if nb.cells else None
    if first is not None and first.cell_type == "markdown":
        first.source = banner + "\n\n" + first.source
    else:
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(banner, id="exploration-note"))


def cell_of_error(job: dict, raw: bytes, nb, exc: PapermillExecutionError) -> tuple[str, str]:
    """``(<notebook>, cell <n>, <notebook>, cell <n> (<first line>))``, with n counted in the notebook file."""
    found = declared(json.loads(raw))
    index = original_cell_index(exc.cell_index, found.cell_index, bool(job["parameters"]))
    name = Path(job["notebook"]).name
    if index is None:
        return f"{name}, the injected parameters cell", f"{name}, the injected parameters cell"
    first = ""
    if nb is not None and index < len(nb.cells):
        first = next((line for line in nb.cells[index].source.splitlines() if line.strip()), "")
    shown = f" ({first[:60]}{'...' if len(first) > 60 else ''})" if first else ""
    return f"{name}, cell {index}", f"{name}, cell {index}{shown}"
