"""How to cite a report, and the reproducibility stamp it ends with: HTML blocks the build adds to each page.

Both are computed from what the build already knows (the catalogue entry, the
input hashes of :mod:`.cache`, the package versions), so they are as
reproducible as the report: no date, path, user or host. The paper's reference
is given in full without a link, since its publisher's address could not be
confirmed from here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import metadata

PAPER = {
    "author": "Antonio Giustozzi",
    "title": "Russia and the Collapse of the Assad Regime",
    "publisher": "Royal United Services Institute (RUSI)",
    "publisher_short": "RUSI",
    "date": "18 February 2025",
    "year": "2025",
}
PROJECT = "assad-collapse"
SHORT = 12  # hex digits of a hash shown to a reader (enough to tell two builds apart)


def project_version() -> str:
    try:
        return metadata.version(PROJECT)
    except metadata.PackageNotFoundError:
        return "unknown"


def paper_reference() -> str:
    """The paper's full reference as plain text."""
    return f"{PAPER['author']}, {PAPER['title']}, {PAPER['publisher_short']}, {PAPER['date']}."


def paper_bibtex() -> str:
    return (
        "@techreport{giustozzi2025russia,\n"
        f"  author      = {{{PAPER['author'].split()[-1]}, {' '.join(PAPER['author'].split()[:-1])}}},\n"
        f"  title       = {{{PAPER['title']}}},\n"
        f"  institution = {{{PAPER['publisher']}}},\n"
        f"  year        = {{{PAPER['year']}}},\n"
        "  month       = feb,\n"
        "  day         = {18},\n"
        "}"
    )


@dataclass(frozen=True)
class Stamp:
    """Short hashes of everything a report was built from, and the versions that shaped it."""

    data: str
    parameters: str
    lock: str
    library: str
    versions: dict[str, str]

    @classmethod
    def from_inputs(cls, inputs: dict[str, str], versions: dict[str, str]) -> "Stamp":
        """From a report's input hashes (:func:`.cache.report_inputs`) and :func:`.cache.versions`."""
        short = {k: str(v)[:SHORT] for k, v in inputs.items()}
        return cls(short["data"], short["parameters"], short["requirements.lock"], short["library"], dict(versions))


def report_reference(name: str, title: str, stamp: Stamp) -> str:
    """The report's own reference as plain text."""
    return (f"The {PROJECT} contributors, \u201c{title}\u201d, a report on {PAPER['author']}, "
            f"{PAPER['title']} ({PAPER['publisher_short']}, {PAPER['year']}), {PROJECT} version {project_version()}.")


def report_bibtex(name: str, title: str, stamp: Stamp) -> str:
    key = PROJECT.replace("-", "") + "-" + name
    return (
        f"@misc{{{key},\n"
        f"  author       = {{{{The {PROJECT} contributors}}}},\n"
        f"  title        = {{{title}}},\n"
        f"  howpublished = {{Report {name} of {PROJECT} {project_version()}}},\n"
        f"  note         = {{On {PAPER['author']}, {PAPER['title']} ({PAPER['publisher_short']}, {PAPER['year']}). "
        f"Data {stamp.data}, parameters {stamp.parameters}, library {stamp.library}}},\n"
        "}"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _prose(text: str) -> str:
    """Escaped for HTML, the project's name set as the title it is (a reader would take it for code otherwise)."""
    return _e(text).replace(PROJECT, f"<cite>{PROJECT}</cite>")


def cite_block(name: str | None, title: str | None, stamp: Stamp | None) -> str:
    """The "How to cite" section: the paper's reference and, for a report, the report's own; each with BibTeX."""
    parts = [
        '<section class="cite" aria-labelledby="How-to-cite"><h2 id="How-to-cite">How to cite</h2>',
        f"<p><strong>The paper:</strong> {_e(paper_reference())}</p>",
        f'<details data-reuse="bibtex"><summary>BibTeX for the paper</summary><pre>{_e(paper_bibtex())}</pre></details>',
    ]
    if name and title and stamp:
        parts += [
            f"<p><strong>This report:</strong> {_prose(report_reference(name, title, stamp))}</p>",
            f'<details data-reuse="bibtex"><summary>BibTeX for this report</summary><pre>{_e(report_bibtex(name, title, stamp))}</pre></details>',
        ]
    else:
        parts.append(f"<p><strong>These reports:</strong> {_prose(f'The {PROJECT} contributors, {PROJECT} version {project_version()}')}; "
                     "each report gives its own reference.</p>")
    parts.append("</section>")
    return "\n".join(parts)


def stamp_block(stamp: Stamp) -> str:
    """The closing reproducibility stamp: what the report was built from, in short fingerprints and versions."""
    versions = ", ".join(f"{_e(k if k != 'python' else 'Python')} {_e(v)}" for k, v in stamp.versions.items())
    rows = [
        ("Data", stamp.data), ("Settings", stamp.parameters), ("Code", stamp.library),
        ("Pinned dependencies", stamp.lock),
    ]
    cells = "".join(f'<tr><th scope="row">{_e(k)}</th><td><code>{_e(v)}</code></td></tr>' for k, v in rows)
    return (
        '<section class="stamp" aria-labelledby="Reproducibility"><h2 id="Reproducibility">Reproducibility</h2>'
        f"<p>Built by <cite>{PROJECT}</cite> {_e(project_version())} with {versions}. The same inputs give the same bytes: the "
        "project's verify command rebuilds every report and checks that it is reproduced "
        f'<span data-reuse="command">(<code>{PROJECT} verify</code>)</span>. Fingerprints of what this page was '
        "built from (the first 12 characters of each SHA-256):</p>"
        f'<table class="stamp-table" data-reuse="fingerprints"><tbody>{cells}</tbody></table></section>'
    )
