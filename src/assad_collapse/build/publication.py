"""The parts of a report page only the build can write: its change note, its data and notebook links, how to cite it.

The report template leaves two markers in every page: :data:`TOP` right after
the title and question, and :data:`END` at the close. Once every report of a
build has run and the build knows what changed, :func:`finish` replaces them.
"""

from __future__ import annotations

import html

from .citation import Stamp, cite_block, stamp_block

TOP = b"<!--assad-collapse:top-->"
END = b"<!--assad-collapse:end-->"
NOTEBOOKS = "notebooks"
DATA = "data"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def links_block(name: str, data_files: list[str]) -> str:
    """Where to get what the report was built from: its executed notebook and the data files it used."""
    files = " · ".join(f'<a href="{DATA}/{_e(f)}">{_e(f)}</a>' for f in data_files)
    data = (f"<p>The data it used: {files}, described column by column in "
            f'<a href="{DATA}/README.md">the data README</a> and <a href="{DATA}/datapackage.json">datapackage.json</a>.</p>'
            if data_files else
            f'<p>The data: <a href="{DATA}/README.md">the data README</a> lists every file published with these reports.</p>')
    return (
        '<section class="rerun" aria-labelledby="Re-run-and-check"><h2 id="Re-run-and-check">Re-run and check</h2>'
        f'<p>The executed notebook behind this page, with its parameters and outputs: '
        f'<a href="{NOTEBOOKS}/{_e(name)}.ipynb" download>{_e(name)}.ipynb</a> (opens in JupyterLab).</p>{data}</section>'
    )


def end_block(name: str, title: str, stamp: Stamp, data_files: list[str]) -> str:
    """Everything the build adds at the close of a report: links, how to cite, the reproducibility stamp."""
    return "\n".join([links_block(name, data_files), cite_block(name, title, stamp), stamp_block(stamp)])


def finish(page: bytes, note: str, end: str) -> bytes:
    """The exported page with its markers replaced; a page without markers is an error of the template."""
    if page.count(TOP) != 1 or page.count(END) != 1:
        raise ValueError("the report template must leave exactly one top and one end marker in each page")
    return page.replace(TOP, note.encode("utf-8")).replace(END, end.encode("utf-8"))
