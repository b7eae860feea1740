"""No program text where a reader looks: every built page (reports and index) is walked for code-like fragments.

The rules live in reader_text.py and are general (snake_case, "(s)", file names, Python
values, empty lists, calls over identifiers, code elements, lower-case proper names);
the planted-fragment tests prove that each rule fails a page, and the clean-text test
that ordinary report prose passes.
"""

from __future__ import annotations

import re

import pytest
from build_helpers import run_cli
from helpers import ROOT
from reader_text import code_fragments, visible_text

from assad_collapse.catalogue import load_catalogue

PAGES = ["index"] + [r.name for r in load_catalogue(ROOT / "reports.toml")]
VISIBLE = [*PAGES, "history"]  # every page a reader can open: the reports, the index, the change history


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    run = run_cli("build", "--reports-dir", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    return out


@pytest.mark.parametrize("name", VISIBLE)
def test_no_code_like_fragment_in_what_a_reader_sees(site, name):
    page = (site / f"{name}.html").read_text(encoding="utf-8")
    assert code_fragments(page) == []


CLEAN = ("<p>Russia spent about $2.5bn a year [<a class='cite' href='#src-x' title='Deteriorating relations › "
         "Russia's declining commitment and influence, ¶1'>1</a>] in 2016–17; 20,000–25,000 former rebels; "
         "None of the advisers took part; 1 event; 2 events; the Syrian army; Türkiye; ¶1 was cited.</p>")


@pytest.mark.parametrize("planted", [
    "fund_peak_2016_17", "1 rating change(s)", "see figures.csv", "peak None", "cannot separate them: []",
    "years(fund_total_2022_23)", "<code>approximate</code>", "syrian official", "13 way(s)", "value nan",
    "1 events",
])
def test_a_planted_fragment_fails_the_page(planted):
    page = f"<html><head><title>t</title></head><body>{CLEAN}<p>{planted}</p></body></html>"
    assert code_fragments(page), planted


def test_planted_in_alt_text_fails_too():
    assert code_fragments('<img alt="Chart of militia_total_2024">')


def test_clean_report_prose_passes():
    assert code_fragments(f"<html><body>{CLEAN}</body></html>") == []


def test_hidden_text_is_not_visible_text():
    text, _ = visible_text("<html><head><title>x_y</title><style>a_b{}</style></head>"
                           "<body><script>var c_d;</script><a class='anchor-link'>¶</a>shown</body></html>")
    assert text.strip() == "shown"


def test_material_marked_for_reuse_is_left_out_and_only_it():
    page = ('<p>Cite it: <details data-reuse="bibtex"><pre>@misc{a_b, note = {x_y}}</pre></details> '
            'or run <span data-reuse="command"><code>assad-collapse verify</code></span>.</p>')
    assert code_fragments(page) == []
    assert code_fragments(page.replace('data-reuse="bibtex"', 'class="bibtex"'))


MAX_BYTES = 1_500_000  # small enough to e-mail


@pytest.mark.parametrize("name", PAGES)
def test_each_report_is_small_enough_to_email(site, name):
    assert (site / f"{name}.html").stat().st_size <= MAX_BYTES


def test_key_findings_come_first_and_travel_with_the_data_used(site):
    """Every report of this branch opens with Key findings before any other section."""
    import re

    for name in PAGES:
        if name == "index" or name.startswith("hypothesis-"):
            continue
        page = (site / f"{name}.html").read_text(encoding="utf-8")
        headings = re.findall(r'<h2 id="([^"]+)"', page)
        assert headings[:2] == ["Key-findings", "Contents"], (name, headings[:3])


def test_at_phone_width_charts_show_their_phone_render_unscaled(site):
    from test_browser import ARGS, CHROMIUM, missing

    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        for name in PAGES:
            if name == "index" or name.startswith("hypothesis-"):
                continue
            page.goto((site / f"{name}.html").as_uri(), wait_until="load")
            shown = page.evaluate("""() => [...document.querySelectorAll('figure.chart picture')].map(p => {
                const s = p.querySelector('source'), i = p.querySelector('img');
                return {phone: i.currentSrc === s.srcset, width: i.getBoundingClientRect().width, drawn: +s.getAttribute('width')};
            })""")
            problems += [f"{name} chart {n + 1}: {c}" for n, c in enumerate(shown) if not c["phone"] or c["width"] < c["drawn"] - 1]
            if not shown:
                problems.append(f"{name}: no chart")
        browser.close()
    assert problems == []


YEAR_SPAN_WITH_HYPHEN = re.compile(r"\b(?:19|20)\d\d-\d\d(?:\d\d)?\b(?!-)")  # '2022-23'; an ISO date '2024-10-01' is not one


@pytest.mark.parametrize("name", VISIBLE)
def test_a_year_span_takes_an_en_dash(site, name):
    """'2022–23' as everywhere else, never '2022-23'."""
    text, _ = visible_text((site / f"{name}.html").read_text(encoding="utf-8"))
    assert YEAR_SPAN_WITH_HYPHEN.findall(text) == []


def test_a_hyphenated_year_span_is_caught():
    assert YEAR_SPAN_WITH_HYPHEN.findall("in 2022-23 and 2016–17, on 2024-10-01") == ["2022-23"]
