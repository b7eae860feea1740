"""A chart's key, read from the drawn figure itself: what each colour and mark it uses means.

Colours are looked up in :data:`.style.MEANINGS` (a bar's face, or the edge of a hatched
bar, a line, a marker); marks that carry uncertainty tag their artists with a gid from
:data:`MARKS`. The key therefore lists exactly what a chart draws, in the set's one
fixed order, and cannot drift from the drawing.
"""

from __future__ import annotations

import html

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.spines import Spine

from . import style

# gid -> how it is drawn and what it means, in words
MARKS = {
    "range": "lighter stretch: a range, from its low end to its high end",
    "about": "blurred end: the paper says “about” and gives no bounds",
    "at_least": "arrow: “at least”",
    "margin": "hatched margin: a ± margin you assumed, not the paper's",
    "open_start": "fading start: the paper says “no later than”",
    "continues": "arrowhead at the edge: it runs on beyond these months",
}
_INK = style.MUTED
MARK_SWATCHES = {
    "range": f"linear-gradient(90deg,{_INK} 0 50%,{_INK}55 50% 100%)",
    "about": f"linear-gradient(90deg,{_INK} 35%,#fff)",
    "margin": f"repeating-linear-gradient(45deg,{style.ASSUMED} 0 2px,#fff 2px 5px)",
    "open_start": f"linear-gradient(90deg,#fff,{_INK} 65%)",
}
MARK_SYMBOLS = {"at_least": "→", "continues": "◂"}
HATCHED = {style.ASSUMED: style.ASSUMED_HATCH, style.GAP: style.GAP_HATCH}


def _hex(color) -> str | None:
    try:
        return mcolors.to_hex(color, keep_alpha=False).upper()
    except (ValueError, TypeError):
        return None


def _colours(artist) -> list[str]:
    if isinstance(artist, Patch):
        face = _hex(artist.get_facecolor())
        if artist.get_hatch() or face == "#FFFFFF":
            return [c for c in (_hex(artist.get_edgecolor()),) if c]
        return [face] if face else []
    if isinstance(artist, Line2D):
        return [c for c in (_hex(artist.get_color()), _hex(artist.get_markerfacecolor())) if c]
    return []


def key_items(fig: plt.Figure) -> list[tuple[str, str]]:
    """What the figure's colours and marks mean, as (meaning key, words), in the set's fixed order."""
    meanings = {c.upper(): c for c in style.MEANINGS}
    frames = {id(fig.patch), *(id(ax.patch) for ax in fig.axes)}
    colours, marks = set(), set()
    for artist in fig.findobj(lambda a: isinstance(a, (Patch, Line2D)) and not isinstance(a, Spine)):
        if not artist.get_visible() or id(artist) in frames or artist.axes is None:
            continue
        colours |= {meanings[c] for c in _colours(artist) if c in meanings}
        if artist.get_gid() in MARKS:
            marks.add(artist.get_gid())
    return ([(c, style.MEANINGS[c]) for c in style.MEANINGS if c in colours]
            + [(m, MARKS[m]) for m in MARKS if m in marks])


def merge(*lists: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Several renders' keys as one, each item once, in the set's fixed order."""
    order = [*style.MEANINGS, *MARKS]
    items = dict(i for items in lists for i in items)
    return sorted(items.items(), key=lambda i: order.index(i[0]))


# The key's layout is inline (not in the report's CSS), so that it reads the same in JupyterLab,
# which does not load that CSS (the items would otherwise run together with no swatches).
_SWATCH = "display:inline-block;height:0.8em;margin-right:0.3em;vertical-align:-0.05em;border:1px solid #0003;"
_ITEM = "display:inline-block;margin-right:0.9em;"


def _swatch(item: str) -> str:
    if item in MARK_SYMBOLS:
        return f'<span class="symbol" style="margin-right:0.3em;font-weight:700" aria-hidden="true">{MARK_SYMBOLS[item]}</span>'
    if item in MARK_SWATCHES:
        return (f'<span class="swatch wide" style="{_SWATCH}width:1.8em;background:{MARK_SWATCHES[item]}" '
                'aria-hidden="true"></span>')
    if item not in style.MEANINGS:
        return ""
    if item in HATCHED:
        fill = f"repeating-linear-gradient(45deg,{item} 0 2px,#fff 2px 5px)"
    else:
        fill = item
    return f'<span class="swatch" style="{_SWATCH}width:0.8em;background:{fill}" aria-hidden="true"></span>'


def key_html(items: list[tuple[str, str]]) -> str:
    """The key as one HTML line under a chart's subtitle ('' when there is nothing to explain)."""
    if not items:
        return ""
    parts = [f'<span class="key-item" style="{_ITEM}">{_swatch(k)}{html.escape(words)}</span>' for k, words in items]
    return f'<p class="chart-key">{"".join(parts)}</p>'
