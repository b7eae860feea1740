"""Time ``assad-collapse build`` against the ways a user would run the same notebooks without it.

Scenarios, all on the catalogue's notebooks (reports.toml) as they are now:

* naive chain: ``papermill`` CLI, then ``jupyter nbconvert --to html`` CLI, one notebook after another;
* bare papermill: ``papermill.execute_notebook`` for each notebook, in one Python process, no export;
* forced build with 1 job, with one job per core, and over-subscribed (more jobs than cores);
* no-op rebuild (nothing changed);
* one data file changed (a note in a copy of data/figures.csv).

Each is timed as wall-clock seconds of a fresh process (median of ``--repeat`` runs) and
given as a ratio to the naive chain and to bare papermill. Results go to stdout and to
benchmarks/results/build.md. Run with ``make bench`` or
``.venv/bin/python benchmarks/bench_build.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assad_collapse.build.atomic import write_atomic  # noqa: E402
from assad_collapse.catalogue import load_catalogue  # noqa: E402
from assad_collapse.build.runner import default_jobs  # noqa: E402

BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results" / "build.md"
NOOP_RUNS = 7
REJECTED = "a bad parameter rejected before any kernel (exit 2)"
VERIFY = "verify: rebuild into a temporary folder and compare every published file"


def timed(command: list[str], expect: int = 0, **kw) -> float:
    """Wall-clock seconds of one subprocess, which must exit with ``expect`` (0: succeed)."""
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, **kw)
    elapsed = time.perf_counter() - start
    if run.returncode != expect:
        raise SystemExit(f"failed: {' '.join(command)}\n{run.stdout}\n{run.stderr}")
    return elapsed


def median(run, repeat: int) -> float:
    return statistics.median(run() for _ in range(repeat))


def naive_chain(reports, work: Path) -> float:
    """papermill CLI then nbconvert CLI, notebook after notebook, as a shell script would."""
    total = 0.0
    for r in reports:
        executed = work / f"{r.name}.ipynb"
        total += timed([str(BIN / "papermill"), str(r.notebook), str(executed), "-k", "python3", "--no-progress-bar",
                        "--cwd", str(r.notebook.parent), "-y", json.dumps(r.parameters)])
        total += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed), "--output-dir", str(work)])
    return total


BARE = """
import json, sys, papermill
for notebook, out, params in json.loads(sys.argv[1]):
    papermill.execute_notebook(notebook, out, parameters=params, kernel_name="python3", progress_bar=False,
                               cwd=str(__import__("pathlib").Path(notebook).parent))
"""


def bare_papermill(reports, work: Path) -> float:
    jobs = [[str(r.notebook), str(work / f"{r.name}.ipynb"), r.parameters] for r in reports]
    return timed([sys.executable, "-c", BARE, json.dumps(jobs)])


def build(reports_dir: Path, *extra: str) -> float:
    return timed([str(BIN / "assad-collapse"), "build", "--reports-dir", str(reports_dir), *extra])


def edit_one_data_file(data_dir: Path, n: int) -> None:
    """Change the note of the first row of figures.csv (the data stays valid)."""
    path = data_dir / "figures.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["note"] = (rows[0]["note"] + f" [benchmark edit {n}]").strip()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": str(default_jobs()), "cpu": model, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.machine()}"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs per scenario (the median is kept)")
    args = ap.parse_args(argv)
    reports = load_catalogue(ROOT / "reports.toml")
    cores = default_jobs()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        out = tmp / "reports"
        print(f"{len(reports)} reports, {cores} cores; {args.repeat} run(s) per scenario", flush=True)

        def record(name: str, seconds: float) -> None:
            results[name] = seconds
            print(f"  {name}: {seconds:.2f}s", flush=True)

        record("naive chain (papermill CLI + nbconvert CLI)", median(lambda: naive_chain(reports, tmp), args.repeat))
        record("bare papermill, in-process, no export", median(lambda: bare_papermill(reports, tmp), args.repeat))
        build(out)  # warm the file cache and leave a complete build behind
        for jobs in sorted({1, cores, cores + 1, 2 * cores}):
            label = "forced build, 1 job" if jobs == 1 else f"forced build, {jobs} jobs" + (
                " (= cores)" if jobs == cores else " (over-subscribed)")
            record(label, median(lambda: build(out, "--force", "--jobs", str(jobs)), args.repeat))
        record("no-op rebuild", median(lambda: build(out), max(NOOP_RUNS, args.repeat)))
        data = tmp / "data"
        shutil.copytree(ROOT / "data", data)
        build(out, "--data-dir", str(data))  # the copy is the same data: up to date

        edits = itertools.count()

        def one_change() -> float:
            edit_one_data_file(data, next(edits))
            return build(out, "--data-dir", str(data))

        record(f"one data file changed ({len(reports)} reports rebuilt)", median(one_change, args.repeat))
        cli = str(BIN / "assad-collapse")
        record(REJECTED, median(lambda: timed([cli, "build", "funding-cuts", "-p", "share_2022=5", "--reports-dir", str(out),
                                               "--data-dir", str(data)], expect=2), max(NOOP_RUNS, args.repeat)))
        record(VERIFY, median(lambda: timed([cli, "verify", "--reports-dir", str(out), "--data-dir", str(data)]), args.repeat))
    report = render(results, reports, cores, args.repeat)
    print("\n" + report)
    write_atomic(RESULTS, report.encode("utf-8"))
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


def render(results: dict[str, float], reports, cores: int, repeat: int) -> str:
    naive = results["naive chain (papermill CLI + nbconvert CLI)"]
    bare = results["bare papermill, in-process, no export"]
    forced = results[f"forced build, {cores} jobs (= cores)" if cores > 1 else "forced build, 1 job"]
    one = results["forced build, 1 job"]
    noop = results["no-op rebuild"]
    lines = [
        "# Build benchmark",
        "",
        f"Run on {time.strftime('%Y-%m-%d', time.gmtime())} by `benchmarks/bench_build.py` (`make bench`); "
        f"wall-clock seconds of a fresh process, median of {repeat} run(s) ({max(NOOP_RUNS, repeat)} for the no-op).",
        "",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in machine().items()) + ".",
        f"Catalogue: {len(reports)} reports ({', '.join(r.name for r in reports)}).",
        "",
        "| scenario | seconds | × naive chain | × bare papermill |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in results.items():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / naive:.3f} | {seconds / bare:.3f} |")
    goals = [
        (f"forced build ({cores} jobs) ≤ 0.35 × naive chain", forced / naive, forced / naive <= 0.35),
        (f"no-op rebuild < 2% of forced build ({cores} jobs)", noop / forced, noop / forced < 0.02),
        (f"forced build, {cores} jobs ≤ 0.75 × 1 job", forced / one, forced / one <= 0.75),
    ]
    lines += ["", "| goal | measured | met |", "|---|---:|---|"]
    lines += [f"| {goal} | {ratio:.3f} | {'yes' if ok else 'NO'} |" for goal, ratio, ok in goals]
    if REJECTED in results:
        lines.append(f"| a bad parameter rejected in under a second (s) | {results[REJECTED]:.3f} | "
                     f"{'yes' if results[REJECTED] < 1 else 'NO'} |")
    over = {k: v for k, v in results.items() if "over-subscribed" in k}
    if over:
        lines += ["", "Over-subscription (more jobs than cores): " + "; ".join(
            f"{k.split(', ')[1].split(' (')[0]}: {v / forced:.2f} × the {cores}-job build" for k, v in over.items()) + "."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
