"""analyses.hypothesis_tables: items by summary, greyed when set aside, the matrix as a download, numbers as the engine gives them."""

from __future__ import annotations

import base64
import csv
import io
import re

from assad_collapse.analyses import ach
from assad_collapse.analyses import hypotheses as hr
from assad_collapse.analyses import hypothesis_tables as tables


def test_the_matrix_is_labelled_by_summary_and_greys_what_a_version_sets_aside():
    params = hr.parameters(discount_kinds=["syrian_official"], discount_factor=0.0)
    m, s = hr.matrix(params), hr.settings(params)
    html = tables.matrix_table(m, s)
    assert html.count("<tr") == len(m.items) + 1
    assert all(m.summary(i).replace("'", "&#x27;") in html for i in m.items)
    officials = sum(k == "syrian_official" for k in m.source_kind)
    assert html.count('class="ach-off"') == officials > 0
    assert ">e01_" not in html  # ids only in link targets, never shown


def test_the_download_holds_every_item_rating_reason_and_contribution():
    params = hr.parameters()
    m, s = hr.matrix(params), hr.settings(params)
    link = tables.download_link(tables.matrix_csv(m, s), "evidence-matrix.csv", "Download")
    data = base64.b64decode(re.search(r"base64,([^\"]+)", link).group(1)).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert [r["item"] for r in rows] == list(m.items)
    contrib = ach.contributions(m, s)
    for j, h in enumerate(m.hypotheses):
        label = m.label(h)
        assert [r[f"{label}: rating"] for r in rows] == list(m.ratings[:, j])
        assert [float(r[f"{label}: contribution"]) for r in rows] == [round(x, 6) for x in contrib[h]]
        assert all(r[f"{label}: reason"] for r in rows)


def test_every_item_has_a_row_to_land_on():
    params = hr.parameters(question="intent")
    m, s = hr.matrix(params), hr.settings(params)
    html = tables.item_table(m, s)
    assert all(f'id="item-{i}"' in html for i in m.items)
    assert tables.ref(m, m.items[2]).count(">3<") == 1


def test_shares_read_as_whole_percents():
    assert tables.pct(0.4751) == "48%" and tables.pct(0.001) == "<1%" and tables.pct(0.0) == "0%"
