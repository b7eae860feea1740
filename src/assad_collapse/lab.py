"""In JupyterLab: render the notebook you are exploring as an HTML report, with your values, in one line.

    from assad_collapse.lab import render; render()

:func:`render` reads the current value of every parameter of the report from
the notebook's namespace (what you typed into the parameters cell and ran) and
runs ``assad-collapse build REPORT -p NAME=VALUE ...`` in a new process. Values
that differ from the catalogue's make an exploration, written to
``reports/explore/<report>--<hash>.html``; the published reports, index and
manifest are never touched. The report is the notebook's own (found from the
kernel's session), or the one you name when a notebook serves several reports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .catalogue import Report, load_catalogue
from .errors import AssadCollapseError
from .paths import CATALOGUE, ROOT


def render(report: str | None = None, *, reports_dir: str | os.PathLike | None = None, **values: Any) -> Path:
    """Build ``report`` (default: this notebook's) with this notebook's current parameter values; return its HTML path.

    ``values`` override what is read from the notebook's namespace.
    """
    from .build.nbparams import declared
    from .inputs import read_bytes
    from .reportparams import for_notebook

    chosen = _report(report, load_catalogue(CATALOGUE))
    found = declared(read_bytes(chosen.notebook))
    namespace = _namespace()
    for spec in for_notebook(chosen.notebook.name, found.defaults, found.comments).specs:
        if spec.name not in values and spec.name in namespace:
            values[spec.name] = _plain(namespace[spec.name])
    out = Path(reports_dir or ROOT / "reports")
    args = [sys.executable, "-m", "assad_collapse.cli", "build", chosen.name, "--reports-dir", str(out)]
    for name, value in sorted(values.items()):
        args += ["-p", f"{name}={value!r}"]
    run = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    lines = (run.stdout + run.stderr).splitlines()
    if run.returncode != 0:
        reason = next((line for line in lines if line.startswith(("error:", "FAILED"))), lines[-1] if lines else "")
        raise AssadCollapseError(f"the report was not rendered: {reason}")
    written = next((line[len("wrote "):] for line in lines if line.startswith("wrote ")), None)
    path = Path(written) if written else out / f"{chosen.name}.html"
    kind = "exploration" if written else "published report (your values are the catalogue's)"
    print(f"{kind}: {path}")
    return path


def _report(name: str | None, catalogue: list[Report]) -> Report:
    by_name = {r.name: r for r in catalogue}
    if name is not None:
        if name not in by_name:
            raise AssadCollapseError(f"no report named {name!r}; known: {', '.join(by_name)}")
        return by_name[name]
    session = os.environ.get("JPY_SESSION_NAME")  # set by Jupyter Server for a notebook's kernel
    mine = [r for r in catalogue if session and Path(session).resolve() == r.notebook.resolve()]
    if len(mine) == 1:
        return mine[0]
    if mine:
        raise AssadCollapseError(f"this notebook makes several reports; name one: render({mine[0].name!r}) "
                                 f"(or {', '.join(repr(r.name) for r in mine[1:])})")
    raise AssadCollapseError(f"cannot tell which report this notebook is; name one: render('funding-cuts'); known: "
                             f"{', '.join(by_name)}")


def _namespace() -> dict[str, Any]:
    try:
        from IPython import get_ipython
    except ImportError:
        return {}
    shell = get_ipython()
    return dict(shell.user_ns) if shell is not None else {}


def _plain(value: Any) -> Any:
    """A value as a Python literal can write it (numpy numbers become Python numbers)."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value
