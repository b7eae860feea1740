"""The house style of every chart: one meaning per colour, two layouts (desktop and phone), matplotlib settings.

One meaning per colour across the whole set of reports (Okabe-Ito, colour-blind safe);
never use a colour below for anything but its meaning, and never re-colour a meaning:

- ``STATED`` blue: a figure stated in the paper, whoever it is about or on whichever side.
- ``DERIVED`` vermillion: a figure worked out from the paper's figures by this project.
- ``ASSUMED`` reddish purple, hatched on white: a value assumed by this report or by the
  reader's parameters (never by the paper).
- ``GAP`` grey, hatched: something the paper does not quantify (drawn as a short stub, never
  as a bar of any length, since the number could be anything).
- ``EVENT`` grey: an event; ``TURNING`` black: a turning point in the paper's account.
- ``SUPPORTS`` bluish green: evidence consistent with, or a result in favour of, a
  hypothesis; ``AGAINST`` orange: evidence inconsistent with it, or a result against it.
  Their tints for tables (the ACH matrix) are in :data:`RATING_FILLS`.
- ``SIMULATED`` taupe, a neutral: a share of simulated (Monte Carlo) draws, which is
  neither a figure of the paper nor evidence for or against.

Marks carry the rest: a lighter stretch at a bar's end is a range the paper gives, a
blurred end is an "about" figure the paper gives without bounds, an arrow "at least".
Every chart lists, under its subtitle, what the colours and marks it uses mean
(:func:`assad_collapse.presentation.charts.key_items`), so no reader has to know this list.

Every chart is drawn twice: at desktop width, and at a phone width at which it is shown
unscaled, so that its smallest text stays above ~11 CSS px on a 390 px screen.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
STATED = "#0072B2"
DERIVED = "#D55E00"
ASSUMED = "#CC79A7"
GAP = "#9a9a9a"
EVENT = "#6b6b6b"
TURNING = "#000000"
INK = "#1a1a1a"
MUTED = "#595959"
SUPPORTS = "#009E73"
AGAINST = "#E69F00"
SIMULATED = "#8C7B6B"
MEANINGS = {STATED: "stated in the paper", DERIVED: "worked out from the paper's figures",
            ASSUMED: "assumed by this report or by you", GAP: "not quantified in the paper",
            EVENT: "an event", TURNING: "a turning point in the paper's account",
            SUPPORTS: "consistent with the explanation, or in its favour",
            AGAINST: "inconsistent with the explanation, or against it",
            SIMULATED: "a share of simulated draws"}
# Table fills for ratings of evidence against a hypothesis (background, text): the SUPPORTS and AGAINST
# families, darker for the stronger rating; N is neutral grey and NA blank. Each meets WCAG AA contrast.
RATING_FILLS = {"CC": ("#00664A", "#ffffff"), "C": ("#B5E3D3", INK), "N": ("#ECECEC", INK),
                "I": ("#F7D08A", INK), "II": ("#8F5200", "#ffffff"), "NA": ("#ffffff", MUTED)}
ASSUMED_HATCH = "////"
GAP_HATCH = "xx"
WIDTH_IN, HEIGHT_IN = 7.0, 4.4  # the legacy single-layout size (hypothesis charts)
CSS_PX_PER_INCH = 100  # a chart is shown at 100 CSS px per inch of figure width, never wider than its column
PHONE_COLUMN_PX = 366  # the text column at a 390 px screen (body padding 12 px each side)


@dataclass(frozen=True)
class Layout:
    """A chart size: its width in inches, font sizes in points, characters per label line and PNG resolution."""

    name: str
    width_in: float
    font: float
    small: float
    wrap: int
    dpi: int

    @property
    def phone(self) -> bool:
        return self.name == "phone"

    @property
    def css_width(self) -> int:
        return round(self.width_in * CSS_PX_PER_INCH)


DESKTOP = Layout("desktop", 8.2, 11.0, 10.0, 60, 125)
PHONE = Layout("phone", PHONE_COLUMN_PX / CSS_PX_PER_INCH, 9.5, 8.5, 30, 250)
LAYOUTS = (DESKTOP, PHONE)

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
    "grid.color": "#e3e3e3",
    "grid.linewidth": 0.8,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "legend.frameon": False,
    "svg.hashsalt": "assad-collapse",
    "text.parse_math": False,  # '$2.5bn ... $0.75bn' is money, not mathtext
    "svg.fonttype": "none",
    "text.color": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}


def use_house_style(layout: Layout | None = None) -> None:
    """Apply the house style to matplotlib; with a layout, its font sizes too."""
    plt.rcParams.update(HOUSE_STYLE)
    if layout is not None:
        plt.rcParams.update({
            "font.size": layout.font, "axes.labelsize": layout.font, "xtick.labelsize": layout.small,
            "ytick.labelsize": layout.font, "axes.titlesize": layout.font + 1, "savefig.bbox": None,
        })
