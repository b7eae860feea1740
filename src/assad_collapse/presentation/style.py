"""The house style of every chart: one palette, one size, one set of matplotlib settings.

Okabe-Ito colour-blind-safe palette, titles that state the finding, light
horizontal grid only, no top/right spines, sized for an HTML report and legible
when scaled to a phone's width.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
MUTED = "#6b6b6b"
WIDTH_IN, HEIGHT_IN = 7.0, 4.4  # narrow enough that 12 pt text stays legible scaled to a phone

HOUSE_STYLE = {
    "figure.figsize": (WIDTH_IN, HEIGHT_IN),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": "tight",
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "legend.frameon": False,
    "svg.hashsalt": "assad-collapse",
    "text.parse_math": False,  # '$2.5bn ... $0.75bn' is money, not mathtext
    "svg.fonttype": "none",
}


def use_house_style() -> None:
    """Apply the house style to matplotlib (call once per notebook)."""
    plt.rcParams.update(HOUSE_STYLE)
