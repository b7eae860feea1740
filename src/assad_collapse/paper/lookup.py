"""Find any id of the paper's data (a figure, a derived figure or an event) and say where the paper gives it."""

from __future__ import annotations

from ..errors import AssadCollapseError
from . import datasets
from .derived import derived_figures
from .outline import split_locators


def locators_of(item_id: str, path=None) -> list[str]:
    """The paper locators behind a figure, event or derived-figure id (a derived one: its sources')."""
    figs = datasets.figures(path).set_index("id")
    if item_id in figs.index:
        return split_locators(figs.loc[item_id, "locator"])
    ev = datasets.events(path).set_index("id")
    if item_id in ev.index:
        return split_locators(ev.loc[item_id, "locator"])
    derived = derived_figures(path).set_index("id")
    if item_id in derived.index:
        sources = derived.loc[item_id, "sources"].split(";")
        return list(dict.fromkeys(l for s in sources for l in locators_of(s, path)))
    raise AssadCollapseError(f"no figure, event or derived figure with id {item_id!r}")
