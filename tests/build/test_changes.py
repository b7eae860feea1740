"""build.changes: data rows, findings and parameters compared between two builds, each change with its cause."""

from __future__ import annotations

from assad_collapse.build.changes import compare, plain, row_changes

FIGURES = (b"id,measure,group,value,low,high,unit,precision,central\n"
           b"peak,Spending at the peak,Syrian regime,2.5,2.5,2.5,usd_bn_per_year,approximate,2.5\n"
           b"rebels,Former rebels,South,,20000,25000,persons,approximate,22500\n")


def test_a_corrected_figure_is_one_row_change_with_old_and_new_in_words():
    new = FIGURES.replace(b"2.5,2.5,2.5,usd_bn_per_year,approximate,2.5", b"2.6,2.6,2.6,usd_bn_per_year,approximate,2.6")
    (change,) = row_changes({"figures.csv": FIGURES}, {"figures.csv": new})
    assert (change.file, change.id) == ("figures.csv", "peak")
    assert change.label == "Spending at the peak (Syrian regime)"
    assert change.old == "2.5 ($bn a year)" and change.new == "2.6 ($bn a year)"


def test_ranges_other_columns_added_and_removed_rows():
    new = FIGURES.replace(b",20000,25000,persons,approximate", b",21000,25000,persons,as_stated")
    (change,) = row_changes({"figures.csv": FIGURES}, {"figures.csv": new})
    assert change.old == "20,000\u201325,000 (persons); precision: approximate"
    assert change.new == "21,000\u201325,000 (persons); precision: as stated"
    removed = FIGURES.split(b"\n")[0] + b"\n" + FIGURES.split(b"\n")[1] + b"\n"
    (gone,) = row_changes({"figures.csv": FIGURES}, {"figures.csv": removed})
    assert gone.id == "rebels" and gone.new is None
    assert row_changes({"figures.csv": removed}, {"figures.csv": FIGURES})[0].old is None
    assert row_changes({}, {"figures.csv": FIGURES}) == []  # a first build changes nothing
    assert row_changes({"figures.csv": FIGURES}, {"figures.csv": FIGURES}) == []


def test_a_finding_that_changed_names_the_data_row_that_caused_it_and_its_report():
    new_files = {"figures.csv": FIGURES.replace(b"2.5,2.5,2.5", b"2.6,2.6,2.6")}
    finding = {"key": "funding.peak", "text": "At the peak Russia spent **about $2.5bn** a year [[1]](#src-peak).",
               "values": {"peak": 2.5}, "sources": ["peak"]}
    changed = dict(finding, text=finding["text"].replace("2.5", "2.6"), values={"peak": 2.6})
    other = {"key": "manpower.rebels", "text": "Some 20,000 to 25,000.", "values": {"low": 20000}, "sources": ["rebels"]}
    changes = compare(
        {"figures.csv": FIGURES}, new_files,
        {"funding-cuts": [finding], "manpower": [other]}, {"funding-cuts": [changed], "manpower": [other]},
        {}, {}, {}, {},
        used_ids={"funding-cuts": {"peak"}, "timeline": {"peak"}, "manpower": {"rebels"}},
        titles={"funding-cuts": "Russia's funding cuts", "manpower": "Manpower", "timeline": "Timeline"},
    )
    row, found = changes
    assert row.what == "figure" and row.old == "2.5 ($bn a year)" and row.new == "2.6 ($bn a year)"
    peak = {"file": "figures.csv", "id": "peak", "label": "Spending at the peak (Syrian regime)"}
    assert row.reports == ("funding-cuts", "timeline") and row.causes == (peak,)
    assert found.what == "key finding" and found.reports == ("funding-cuts",)
    assert found.old == "At the peak Russia spent about $2.5bn a year."
    assert found.causes == (peak,)


DERIVED = ("id,measure,unit,value,low,high,precision,formula,sources\n"
           "level,Support in 2024,usd_bn_per_year,0.75,0.75,0.75,approximate,peak \u00d7 0.3,peak\n"
           "half,Half the 2024 level,usd_bn_per_year,0.375,0.375,0.375,approximate,level \u00f7 2,level\n")


def test_a_worked_out_figure_owes_its_change_to_the_data_row_it_is_computed_from():
    new_figures = FIGURES.replace(b"2.5,2.5,2.5", b"2.6,2.6,2.6")
    new_derived = DERIVED.replace("0.75,0.75,0.75", "0.78,0.78,0.78").replace("0.375,0.375,0.375", "0.39,0.39,0.39")
    finding = {"key": "k", "text": "Half.", "values": {"x": 0.375}, "sources": ["half"]}
    changes = compare({"figures.csv": FIGURES, "derived.csv": DERIVED.encode()},
                      {"figures.csv": new_figures, "derived.csv": new_derived.encode()},
                      {"r": [finding]}, {"r": [dict(finding, text="Half!", values={"x": 0.39})]},
                      {}, {}, {}, {}, {"r": {"half"}}, {"r": "R"})
    level, half = (c for c in changes if c.what == "derived value")
    assert level.causes == half.causes == ({"file": "figures.csv", "id": "peak", "label": "Spending at the peak (Syrian regime)"},)
    (found,) = (c for c in changes if c.what == "key finding")
    assert found.causes == level.causes  # through both worked-out figures to the corrected row
    redefined = DERIVED.replace("peak \u00d7 0.3", "peak \u00d7 0.31").replace("0.75,0.75,0.75", "0.775,0.775,0.775")
    (only,) = compare({"derived.csv": DERIVED.encode()}, {"derived.csv": redefined.encode()}, {}, {}, {}, {}, {}, {}, {}, {})
    assert only.causes == ({"code": "the way this figure is worked out changed"},)


def test_parameters_and_code_are_causes_when_no_data_row_explains_a_change():
    finding = {"key": "k", "text": "Old.", "values": {"x": 1}, "sources": []}
    changes = compare({}, {}, {"r": [finding]}, {"r": [dict(finding, text="New.", values={"x": 2})]},
                      {"r": {"share_2022": 0.5}}, {"r": {"share_2022": 0.35}},
                      {"r": {"notebook": "a"}}, {"r": {"notebook": "b"}}, {}, {"r": "Report"})
    parameter, found = changes
    assert parameter.what == "parameter" and parameter.label == "Report: share 2022"
    assert (parameter.old, parameter.new) == ("0.5", "0.35")
    assert {"parameter": "changed", "report": "r"} in found.causes
    assert any("code" in c for c in found.causes)


def test_nothing_changed_means_no_change():
    finding = {"key": "k", "text": "Same.", "values": {"x": 1}, "sources": ["peak"]}
    assert compare({"figures.csv": FIGURES}, {"figures.csv": FIGURES}, {"r": [finding]}, {"r": [finding]},
                   {"r": {}}, {"r": {}}, {"r": {"notebook": "a"}}, {"r": {"notebook": "a"}}, {}, {"r": "R"}) == []


def test_plain_text_of_a_finding():
    assert plain(r"**About \$0.75bn** a year [[3]](#src-x \"where\") \_ok") == "About $0.75bn a year _ok"


def test_plain_text_keeps_the_names_the_reports_set_in_italics_as_quotations():
    text = plain(r"*Viable but a drain* ties with *Russo\-Turkish deal*; **2024.** a_b stays")
    assert text == "\u201cViable but a drain\u201d ties with \u201cRusso-Turkish deal\u201d; 2024. a_b stays"
