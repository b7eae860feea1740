"""Command line: ``assad-collapse build | verify | list | params | validate-data | datapackage``.

Exit codes:
  0  success (for ``build``: every chosen report is up to date; for ``verify``: every report reproduced)
  1  a report failed to build (its last good HTML is kept and marked stale), or ``verify`` found a
     published report that the rebuild does not reproduce
  2  invalid data, parameters, catalogue or usage (no notebook was run)
  3  another build is running on the same reports directory (nothing was done)

``build`` imports nothing heavy until it has work to do: a rebuild with nothing
changed reads hashes and the manifest with the standard library only.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from .errors import AssadCollapseError, DataValidationError
from .paths import CATALOGUE, ROOT

EXIT_OK, EXIT_REPORT_FAILED, EXIT_INVALID, EXIT_LOCKED = 0, 1, 2, 3


def _data_dir(args) -> Path:
    from .paths import data_directory

    return data_directory(args.data_dir)


def cmd_validate(args) -> int:
    from .paper.validate import find_problems

    directory = _data_dir(args)
    tables, problems = find_problems(directory)
    if problems:
        print(f"{len(problems)} problem(s) in {directory}:", file=sys.stderr)
        for p in problems:
            print(str(p), file=sys.stderr)
        return EXIT_INVALID
    counts = ", ".join(f"{name} {len(t.frame)}" for name, t in tables.items())
    print(f"data OK: {counts} rows")
    return EXIT_OK


def cmd_datapackage(args) -> int:
    from .paper import datapackage

    target = _data_dir(args) / "datapackage.json"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != datapackage.render():
            print(f"{target} is out of date with schemas.py: run 'assad-collapse datapackage'", file=sys.stderr)
            return EXIT_INVALID
        print(f"{target} is up to date")
        return EXIT_OK
    print(f"wrote {datapackage.write(target.parent)}")
    return EXIT_OK


def _catalogue(args):
    from .catalogue import load_catalogue

    return load_catalogue(Path(args.catalogue))


def cmd_list(args) -> int:
    for r in _catalogue(args):
        print(f"{r.name}\t{r.notebook.relative_to(Path(args.catalogue).parent)}\t{r.title}")
    return EXIT_OK


def cmd_params(args) -> int:
    from .build.plan import read_notebook
    from .build.parameters import resolve

    reports = {r.name: r for r in _catalogue(args)}
    if args.report not in reports:
        raise AssadCollapseError(f"no report named {args.report!r}; known: {', '.join(reports)}")
    report = reports[args.report]
    resolved = resolve(report, read_notebook(report)[1], {}, None)
    print(f"{report.name} ({report.notebook.name}): set a value with -p NAME=VALUE (a Python literal)")
    for p in resolved.specs.specs:
        value = resolved.catalogue[p.name]
        source = "the catalogue's value" if p.name in report.parameters else "default"
        print(f"\n{p.name} = {value!r}  ({source})\n    {p.help}\n    type: {p.type_name}; allowed: {p.allowed()}")
    return EXIT_OK


def _overrides(pairs: list[str]) -> dict[str, str]:
    """``-p NAME=VALUE`` pairs as texts by name; each is parsed and checked against its spec by the build."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise AssadCollapseError(f"-p {pair[:80]!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


def cmd_build(args) -> int:
    from .build.orchestrate import FAILED, UP_TO_DATE, build
    from .paths import data_directory
    from .build.progress import for_stream

    catalogue = _catalogue(args)
    unknown = set(args.reports) - {r.name for r in catalogue}
    if unknown:
        raise AssadCollapseError(f"unknown report(s): {', '.join(sorted(unknown))}; known: {', '.join(r.name for r in catalogue)}")
    progress = for_stream(sys.stdout)
    outcomes = build(
        catalogue, Path(args.reports_dir), data_directory(args.data_dir), _overrides(args.param),
        chosen=args.reports or None, root=Path(args.catalogue).resolve().parent,
        force=args.force, jobs=args.jobs, progress=progress, catalogue_file=Path(args.catalogue),
    )
    failed = sum(o.state == FAILED for o in outcomes)
    fresh = sum(o.state == UP_TO_DATE for o in outcomes)
    progress.line(f"{len(outcomes) - failed - fresh} built, {failed} failed, {fresh} up to date")
    return EXIT_REPORT_FAILED if failed else EXIT_OK


def cmd_verify(args) -> int:
    from .build.progress import for_stream
    from .build.verify import verify
    from .paths import data_directory

    progress = for_stream(sys.stderr)
    verdicts = verify(_catalogue(args), Path(args.reports_dir), data_directory(args.data_dir),
                      root=Path(args.catalogue).resolve().parent, jobs=args.jobs, progress=progress,
                      catalogue_file=Path(args.catalogue))
    for v in verdicts:
        if v.ok:
            print(f"reproduced  {v.name}")
        else:
            print(f"DIFFERS     {v.name}: " + ", ".join(v.differing + [f"{m} (not published)" for m in v.missing]))
    bad = [v.name for v in verdicts if not v.ok]
    print(f"{len(verdicts) - len(bad)} of {len(verdicts)} reproduced" + (f"; differ: {', '.join(bad)}" if bad else ""))
    return EXIT_REPORT_FAILED if bad else EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="assad-collapse", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    def with_data(sp):
        sp.add_argument("--data-dir", help="data directory (default: $ASSAD_COLLAPSE_DATA_DIR or the repository's data/)")
        return sp

    def with_catalogue(sp):
        sp.add_argument("--catalogue", default=str(CATALOGUE), help="report catalogue (default: reports.toml)")
        return sp

    with_data(sub.add_parser("validate-data", help="check every data file; list every problem")).set_defaults(func=cmd_validate)
    dp = with_data(sub.add_parser("datapackage", help="write data/datapackage.json from the schemas"))
    dp.add_argument("--check", action="store_true", help="only check that the file is up to date")
    dp.set_defaults(func=cmd_datapackage)
    with_catalogue(sub.add_parser("list", help="list the reports of the catalogue")).set_defaults(func=cmd_list)
    pp = with_catalogue(sub.add_parser("params", help="show a report's parameters"))
    pp.add_argument("report")
    pp.set_defaults(func=cmd_params)
    bp = with_catalogue(with_data(sub.add_parser("build", help="build reports into reports/")))
    bp.add_argument("reports", nargs="*", help="report names (default: all)")
    bp.add_argument("--reports-dir", default=str(ROOT / "reports"), help="output directory (default: reports/)")
    bp.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    bp.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                    help="reports built at once, each in its own process (default: the number of cores)")
    bp.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE", help="override a parameter (a Python literal)")
    bp.set_defaults(func=cmd_build)
    vp = with_catalogue(with_data(sub.add_parser(
        "verify", help="rebuild every report in a temporary directory and check the published files are reproduced")))
    vp.add_argument("--reports-dir", default=str(ROOT / "reports"), help="the published reports (default: reports/)")
    vp.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N", help="reports rebuilt at once")
    vp.set_defaults(func=cmd_verify)
    return p


def _os_error(exc: OSError) -> str:
    what = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        what = "no space left on the device"
    where = f": {exc.filename}" if exc.filename else ""
    return f"cannot write or read a file{where} ({what})"


def main(argv: list[str] | None = None) -> int:
    from .build.lock import BuildLocked

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except BuildLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except DataValidationError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    except AssadCollapseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader of our output went away (| head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # a read-only or full disk, a file that vanished: one line, no traceback
        print(f"error: {_os_error(exc)}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
