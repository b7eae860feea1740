"""build.publication: the markers of a report page replaced by its note, links, citation and stamp."""

from __future__ import annotations

import pytest

from assad_collapse.build import publication
from assad_collapse.build.citation import Stamp

STAMP = Stamp("d" * 12, "p" * 12, "l" * 12, "b" * 12, "n" * 12, {"python": "3.11.7"})


def test_markers_are_replaced_once_each():
    page = b"<h1>T</h1>" + publication.TOP + b"<p>body</p>" + publication.END + b"</body>"
    end = publication.end_block("funding-cuts", "Russia's funding cuts", STAMP, ["figures.csv", "derived.csv"])
    done = publication.finish(page, '<aside class="changed">Changed</aside>', end).decode()
    assert done.index("Changed") < done.index("body") < done.index("How to cite") < done.index("Reproducibility")
    assert 'href="notebooks/funding-cuts.ipynb"' in done and 'href="data/derived.csv"' in done
    assert "assad-collapse:" not in done


def test_a_page_without_its_markers_is_refused():
    with pytest.raises(ValueError):
        publication.finish(b"<p>no markers</p>", "", "")
    with pytest.raises(ValueError):
        publication.finish(publication.TOP * 2 + publication.END, "", "")
