"""The parts of a report page only the build can write: its change note, its data and notebook links, how to cite it.

The report template leaves two markers in every page: :data:`TOP` right after
the title and question, and :data:`END` at the close. Once every report of a
build has run and the build knows what changed, :func:`finish` replaces them.
"""

from __future__ import annotations

import html

from ..paper.vocabulary import data_file_words
from .citation import Stamp, cite_block, stamp_block

TOP = b"<!--assad-collapse:top-->"
END = b"<!--assad-collapse:end-->"
NOTEBOOKS = "notebooks"
DATA = "data"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def links_block(notebook: str, data_files: list[str], up: str = "") -> str:
    """Where to get what the report was built from: its executed notebook (``notebook``, a path relative to the
    reports directory) and the data files it used; ``up`` leads from the page's folder to the reports directory."""
    data_dir = f"{up}{DATA}"
    files = "; ".join(f'<a href="{data_dir}/{_e(f)}">{_e(data_file_words(f))}</a>' for f in data_files)
    what = (f"The data it used, as spreadsheet (CSV) files: {files}. " if data_files else "")
    file = notebook.rsplit("/", 1)[-1]
    return (
        '<section class="rerun" aria-labelledby="Re-run-and-check"><h2 id="Re-run-and-check">Re-run and check</h2>'
        f'<p>The notebook behind this page, as it ran, with its settings and results: <a href="{_e(up + notebook)}" '
        f'download>the executed notebook</a> <span data-reuse="file">({_e(file)})</span>, which opens in JupyterLab.</p>'
        f'<p>{what}What every column means, where each value comes from and how to cite the data: '
        f'<a href="{data_dir}/README.md">the data guide</a>, and its machine-readable form, '
        f'<a href="{data_dir}/datapackage.json">the data package</a>.</p></section>'
    )


def end_block(name: str, title: str, stamp: Stamp, data_files: list[str], notebook: str | None = None, up: str = "") -> str:
    """Everything the build adds at the close of a report: links, how to cite, the reproducibility stamp."""
    notebook = notebook or f"{NOTEBOOKS}/{name}.ipynb"
    return "\n".join([links_block(notebook, data_files, up), cite_block(name, title, stamp), stamp_block(stamp)])


def relocate(page: bytes, up: str) -> bytes:
    """A page moved ``up`` levels below the reports directory (an exploration): its links to the index and the
    data lead back up."""
    for target in (b'href="index.html', b'href="data/', b'href="history.html'):
        page = page.replace(target, target[:6] + up.encode() + target[6:])
    return page


def finish(page: bytes, note: str, end: str) -> bytes:
    """The exported page with its markers replaced; a page without markers is an error of the template."""
    if page.count(TOP) != 1 or page.count(END) != 1:
        raise ValueError("the report template must leave exactly one top and one end marker in each page")
    return page.replace(TOP, note.encode("utf-8")).replace(END, end.encode("utf-8"))
