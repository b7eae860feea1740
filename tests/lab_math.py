"""What JupyterLab typesets as maths in a Markdown output (test helper).

JupyterLab 4 renders Markdown in two steps that can each find ``$...$``:

1. ``removeMath`` (@jupyterlab/rendermime, latex.ts) splits the Markdown source on
   math delimiters before it is parsed; an unescaped ``$`` opens inline maths that
   the next ``$`` in the same paragraph closes (``\\$`` is not a delimiter, code spans
   are skipped);
2. MathJax then typesets the rendered page, looking for ``$...$`` in each run of
   text that no element boundary interrupts (``br`` and comments aside; ``code``,
   ``pre`` and the like are skipped). Markdown has turned ``\\$`` into ``$`` by then,
   so escaping alone is not enough: two dollars in one run of text are maths.

:func:`maths` returns what either step would typeset; an empty list means the
output shows as it does in the HTML report.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import mistune

# latex.ts: /(\$\$?|\\(?:begin|end)\{[a-z]*\*?\}|\\[{}$]|[{}]|(?:\n\s*)+|@@\d+@@|\\\\[()[\]])/i
_MATHSPLIT = re.compile(r"(\$\$?|\\(?:begin|end)\{[a-z]*\*?\}|\\[{}$]|[{}]|(?:\n\s*)+|@@\d+@@|\\\\[()\[\]])", re.I)
_CODE = re.compile(r"(^|[^\\])(`+)([^\n]*?[^`\n])\2(?!`)", re.M)
_SKIPPED = {"script", "noscript", "style", "textarea", "pre", "code", "annotation", "annotation-xml"}
_INLINE_KEPT = {"br", "wbr"}


def _source_maths(markdown: str) -> list[str]:
    """Step 1: the ``$...$`` spans removeMath takes out of the Markdown source."""
    text = _CODE.sub(lambda m: m.group(0).replace("$", "~D"), markdown)
    blocks = _MATHSPLIT.split(text.replace("\r\n", "\n"))
    found, start, end = [], None, None
    for i in range(1, len(blocks), 2):
        block = blocks[i]
        if start is not None:
            if block == end:
                found.append("".join(blocks[start:i + 1]))
                start = end = None
            elif re.search(r"\n.*\n", block):
                start = end = None  # a blank line ends an unclosed span
        elif block in ("$", "$$"):
            start, end = i, block
    return found


class _Runs(HTMLParser):
    """Runs of text as MathJax reads them: broken at every element boundary except br and wbr."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs, self.current, self.skipping = [], [], 0

    def _push(self):
        if self.current:
            self.runs.append("".join(self.current))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _INLINE_KEPT:
            return
        self._push()
        self.skipping += tag in _SKIPPED

    def handle_endtag(self, tag):
        if tag in _INLINE_KEPT:
            return
        self._push()
        self.skipping -= tag in _SKIPPED and self.skipping > 0

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)


def _page_maths(markdown: str) -> list[str]:
    """Step 2: the runs of rendered text in which MathJax finds a ``$...$`` pair (``\\$`` stays a dollar)."""
    parser = _Runs()
    parser.feed(mistune.html(markdown))
    parser._push()
    return [run for run in parser.runs if len(re.findall(r"(?<!\\)\$", run)) >= 2]


def html_maths(markup: str) -> list[str]:
    """Everything JupyterLab would typeset as maths in an HTML output (MathJax's pass only)."""
    parser = _Runs()
    parser.feed(markup)
    parser._push()
    return [run for run in parser.runs if len(re.findall(r"(?<!\\)\$", run)) >= 2]


def maths(markdown: str) -> list[str]:
    """Everything JupyterLab would typeset as maths in this Markdown output."""
    return _source_maths(markdown) + _page_maths(markdown)
