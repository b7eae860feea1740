"""How each derived figure was worked out, in words a reader follows ("the peak of about $2.5bn a year, less 70%").

Each working is a template over the ids the derivation rests on: ``{id}`` is that
figure's value as the paper gives it, ``{when:id}`` its date in words, ``{parts:id}``
the numbered parts of a total summed ("19 + 12 + 12 + 2 = 45"). A working reads both
after "from" and on its own ("the peak of about $2.5bn a year, less 70%"). The formula over ids stays in the downloads
(derived.csv); a derivation without a template here falls back to naming what it
was worked out from, so a new derivation never shows its formula to a reader.
"""

from __future__ import annotations

import re

from ..paper import datasets
from ..paper.derived import derived_figures
from ..paper.parts import parts_vs_total
from . import labels, prose

TEMPLATES = {
    "fund_level_2024": "the peak of {fund_peak_2016_17}, less {fund_cut_2024_vs_peak}",
    "fund_avg_2022_23": "the total of {fund_total_2022_23} over {years:fund_total_2022_23}, divided by the number of years",
    "fund_share_of_peak_2024": "what a cut of {fund_cut_2024_vs_peak} from the peak leaves",
    "logistics_share_of_peak_2024": "what a decline of {logistics_decline_2024} leaves of the earlier level",
    "advisers_share_of_peak_2024": "{advisers_total_2024_10} advisers in {when:advisers_total_2024_10} against "
                                   "{advisers_peak_2017} at the {when:advisers_peak_2017} peak",
    "advisers_unallocated_2024": "the total of {advisers_total_2024_10}, less the advisers the paper numbers by posting "
                                 "({parts:advisers_total_2024_10})",
    "militia_decline_2017_2024": "the fall from {militia_total_2017_07} in {when:militia_total_2017_07} to "
                                 "{militia_total_2024} in {when:militia_total_2024}, as a share of the earlier size",
}
_FIELD = re.compile(r"\{(?:(?P<kind>parts|years|when):)?(?P<id>[a-z][a-z0-9_]*)\}")


def ids_in(template: str) -> set[str]:
    """The figure ids a template names (the parts of a total count as their own ids)."""
    found = set()
    for m in _FIELD.finditer(template):
        found.add(m["id"])
        if m["kind"] == "parts":
            found |= set(parts_vs_total(m["id"]).parts.loc[lambda p: p["quantified"], "id"])
    return found


def _field(match: re.Match) -> str:
    kind, item = match["kind"], match["id"]
    if kind == "parts":
        check = parts_vs_total(item)
        numbered = check.parts[check.parts["quantified"]]
        terms = " + ".join(f"{v:,.0f}" for v in numbered["central"])
        return f"{terms} = {check.parts_sum.value:,.0f}"
    if kind == "when":
        row = datasets.figures().set_index("id").loc[item]
        return labels.date_span(row["period_start"], row["period_end"])
    if kind == "years":
        row = datasets.figures().set_index("id").loc[item]
        years = row["period_end"].year - row["period_start"].year + 1
        return f"{prose.WORD_NUMBERS[years] if years <= 10 else years} years ({labels.date_span(row['period_start'], row['period_end'])})"
    return prose.value(item)


def working(derived_id: str) -> str:
    """How a derived figure was worked out, in words (plain text, not yet escaped)."""
    template = TEMPLATES.get(derived_id)
    if template is None:
        sources = derived_figures().set_index("id").loc[derived_id, "sources"].split(";")
        return "worked out from " + prose.join([f"{labels.label(s)} ({prose.value(s)})" for s in sources if s])
    return _FIELD.sub(_field, template)
