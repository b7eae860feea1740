"""build.page: the markers of a report page replaced by its note, links, citation and stamp."""

from __future__ import annotations

import pytest

from assad_collapse.build import page
from assad_collapse.build.citation import Stamp

STAMP = Stamp("d" * 12, "p" * 12, "l" * 12, "b" * 12, {"python": "3.11.7"})


def test_markers_are_replaced_once_each():
    html = b"<h1>T</h1>" + page.TOP + b"<p>body</p>" + page.END + b"</body>"
    end = page.end_block("funding-cuts", "Russia's funding cuts", STAMP, ["figures.csv", "derived.csv"])
    done = page.finish(html, '<aside class="changed">Changed</aside>', end).decode()
    assert done.index("Changed") < done.index("body") < done.index("How to cite") < done.index("Reproducibility")
    assert 'href="notebooks/funding-cuts.ipynb"' in done and 'href="data/derived.csv"' in done
    assert "assad-collapse:" not in done


def test_a_page_without_its_markers_is_refused():
    with pytest.raises(ValueError):
        page.finish(b"<p>no markers</p>", "", "")
    with pytest.raises(ValueError):
        page.finish(page.TOP * 2 + page.END, "", "")


def test_an_exploration_page_links_back_up():
    html = b'<a href="index.html">All</a><a href="data/figures.csv">f</a><a href="#x">x</a>'
    assert page.relocate(html, "../") == b'<a href="../index.html">All</a><a href="../data/figures.csv">f</a><a href="#x">x</a>'
    end = page.end_block("funding-cuts", "T", STAMP, ["figures.csv"], notebook="explore/funding-cuts--ab.ipynb", up="../")
    assert 'href="../explore/funding-cuts--ab.ipynb"' in end and 'href="../data/figures.csv"' in end
