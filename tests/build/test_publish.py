"""build.publish, end to end: what changed since the last build, the executed notebooks, how to cite, the data guide."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from build_helpers import contents, run_cli
from helpers import DATA, ROOT, set_cell

pytestmark = pytest.mark.slow
REPORTS = [line.split("\t")[0] for line in run_cli("list").stdout.splitlines()]


def set_peak(data, value: str) -> None:
    for column in ("value", "low", "high"):
        set_cell(data / "figures.csv", "fund_peak_2016_17", column, value)


def test_a_corrected_figure_is_shown_as_changed_and_its_reversal_kept_in_the_history(built, tmp_path):
    out, data = tmp_path / "reports", tmp_path / "data"
    shutil.copytree(built, out)
    shutil.copytree(DATA, data)
    set_peak(data, "2.6")
    run = run_cli("build", "--reports-dir", str(out), "--data-dir", str(data))
    assert run.returncode == 0, run.stdout + run.stderr
    index = (out / "index.html").read_text()
    section = index[index.index('id="What-changed"'):index.index("</section>", index.index('id="What-changed"'))]
    assert "2.5 ($bn a year) \u2192 2.6 ($bn a year)" in section
    assert 'href="funding-cuts.html">Russia&#x27;s funding cuts</a>' in section
    assert 'href="timeline.html"' in section  # the timeline draws the peak too
    assert index.index('id="What-changed"') < index.index('<h2 class="reports-heading">')  # on the first screen
    history = json.loads((out / "history.json").read_text())
    (entry,) = history["builds"]
    peak = next(c for c in entry["changes"] if c["source"].get("id") == "fund_peak_2016_17")
    assert [(c["file"], c["id"]) for c in peak["causes"]] == [("figures.csv", "fund_peak_2016_17")]
    assert "funding-cuts" in peak["reports"]
    level = next(c for c in entry["changes"] if c["source"].get("id") == "fund_level_2024")  # worked out from the peak
    assert [(c["file"], c["id"]) for c in level["causes"]] == [("figures.csv", "fund_peak_2016_17")]
    funding = (out / "funding-cuts.html").read_text()
    assert funding.index("Updated in build 1") < funding.index('id="Key-findings"')
    assert "Updated in build" not in (out / "manpower.html").read_text()  # untouched by the peak

    same = contents(out)  # a build with nothing changed adds nothing
    again = run_cli("build", "--reports-dir", str(out), "--data-dir", str(data), "--force")
    assert again.returncode == 0 and {k: v for k, v in contents(out).items() if k != "manifest.json"} == \
        {k: v for k, v in same.items() if k != "manifest.json"}

    set_peak(data, "2.5")  # restored: a second entry, the first kept
    back = run_cli("build", "--reports-dir", str(out), "--data-dir", str(data))
    assert back.returncode == 0, back.stdout + back.stderr
    builds = json.loads((out / "history.json").read_text())["builds"]
    assert [b["build"] for b in builds] == [1, 2]
    page = (out / "history.html").read_text()
    assert "2.6 ($bn a year) \u2192 2.5 ($bn a year)" in page and "2.5 ($bn a year) \u2192 2.6 ($bn a year)" in page


def test_every_report_links_its_executed_notebook_cites_itself_and_ends_with_a_stamp(built):
    for name in REPORTS:
        page = (built / f"{name}.html").read_text()
        assert f'href="notebooks/{name}.ipynb"' in page, name
        assert "@techreport{giustozzi2025russia" in page and f"@misc{{assadcollapse-{name}," in page
        assert 'id="Reproducibility"' in page and "Python " in page
        assert "assad-collapse:" not in page  # both markers replaced
        nb = nbformat.read(built / "notebooks" / f"{name}.ipynb", as_version=4)
        nbformat.validate(nb)
        assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells), name
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), name
        text = json.dumps(nb)
        assert str(ROOT) not in text and "/tmp/" not in text, name
        record = json.loads((built / f"{name}.findings.json").read_text())
        assert record["report"] == name and 3 <= len(record["findings"]) <= 6 and record["data_used"]["files"]


def test_the_downloads_carry_their_guide_and_package(built):
    readme = (built / "data" / "README.md").read_text()
    assert "## How to cite" in readme and "## figures.csv" in readme
    package = json.loads((built / "data" / "datapackage.json").read_text())
    assert sorted(r["path"] for r in package["resources"]) == sorted(p.name for p in (built / "data").glob("*.csv"))
    index = (built / "index.html").read_text()
    assert 'id="How-to-cite"' in index and "Nothing has changed since these reports were first built" in index
    assert json.loads((built / "history.json").read_text()) == {"format": 1, "builds": []}  # history.html links it
