"""The settings multiverse: the ranking under every combination of defensible scoring choices.

Six switches (:data:`SWITCHES`), each with PARC ACH 2.0's choice first: how ratings become scores,
source dependence, what a CC or II counts (the Bayesian CC is the C ratio to the same power as the II), not-applicable cells, credibility and relevance weights, and the
author's own judgements. Every combination is scored (3 x 2 x 3 x 2 x 2 x 2 = 144 settings). A
setting's *leaders* are the hypotheses within the practical margin of the best
(:mod:`.ties`); one leader means it leads, several a tie. For each switch the module
counts, over all combinations of the other switches, how often moving it from its first choice to
another changes the leaders; and for a hypothesis that leads alone in some settings, :func:`rests_on`
finds the one or two non-default choices those solo leads come from.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .matrix import Matrix
from .scoring import evaluate, top_ids
from .settings import Settings
from .ties import leader_set


@dataclass(frozen=True)
class Switch:
    """One scoring choice: its name, what it is about, and its options (label, settings), default first."""

    name: str
    about: str
    options: tuple[tuple[str, dict], ...]


SWITCHES = (
    Switch("scoring", "How ratings become scores", (
        ("count the evidence against (PARC)", {"scheme": "heuer"}),
        ("probabilities, evidence against only", {"scheme": "bayes", "ladder": "heuer"}),
        ("probabilities, evidence for counts too", {"scheme": "bayes", "ladder": "symmetric"}),
    )),
    Switch("dependence", "Several items from one source", (
        ("each item counts in full", {"dependence": 0.0}),
        ("a source counts once per hypothesis", {"dependence": 1.0}),
    )),
    Switch("ii_weight", "A very consistent or very inconsistent rating counts as", (
        ("two ordinary ones", {"ii_weight": 2.0}),
        ("one ordinary one", {"ii_weight": 1.0}),
        ("three ordinary ones", {"ii_weight": 3.0}),
    )),
    Switch("na", "Not applicable", (
        ("counts nothing", {"na": "zero"}),
        ("takes the item's average", {"na": "average"}),
    )),
    Switch("weighted", "Credibility and relevance", (
        ("weigh each item", {"weighted": True}),
        ("every item weighs the same", {"weighted": False}),
    )),
    Switch("author", "The author's own judgements", (
        ("kept", {"author": True}),
        ("set aside", {"author": False}),
    )),
)


@dataclass(frozen=True)
class Multiverse:
    """Every setting with its leaders, the share each hypothesis leads, and what each switch changes."""

    table: pd.DataFrame  # one row per setting: a column per switch (option label), leaders, leader
    shares: pd.DataFrame  # hypothesis, label, leads (share of settings it leads alone), shares_first (tied)
    p_tie: float
    switches: pd.DataFrame  # switch, about, option, changes (share of matched settings whose leaders change)

    @property
    def n(self) -> int:
        return len(self.table)


def multiverse(matrix: Matrix, base: Settings | None = None) -> Multiverse:
    """Score ``matrix`` under every combination of :data:`SWITCHES` (other settings, e.g. the prior, from ``base``)."""
    base = base or Settings()
    rows = []
    for choice in itertools.product(*(range(len(s.options)) for s in SWITCHES)):
        changes = {k: v for sw, c in zip(SWITCHES, choice) for k, v in sw.options[c][1].items()}
        settings = base.but(**changes, prior=base.prior if changes.get("scheme") == "bayes" else None)
        scored = evaluate(matrix, settings)
        lead = leader_set(scored.badness, settings)
        ids = list(top_ids(matrix, lead))
        rows.append({**{sw.name: c for sw, c in zip(SWITCHES, choice)}, "leaders": ";".join(ids),
                     "leader": ids[0] if len(ids) == 1 else "tie"})
    raw = pd.DataFrame(rows)
    table = raw.copy()
    for sw in SWITCHES:
        table[sw.name] = [sw.options[c][0] for c in raw[sw.name]]
    leads = raw["leader"].value_counts(normalize=True)
    tied = raw["leaders"].str.split(";")
    shares = pd.DataFrame({
        "hypothesis": matrix.hypotheses,
        "label": matrix.labels,
        "leads": [float(leads.get(h, 0.0)) for h in matrix.hypotheses],
        "shares_first": [float(np.mean([h in t and len(t) > 1 for t in tied])) for h in matrix.hypotheses],
    })
    return Multiverse(table, shares, float(leads.get("tie", 0.0)), _switch_effects(raw))


def _switch_effects(raw: pd.DataFrame) -> pd.DataFrame:
    """For each switch and each non-default option: the share of matched settings whose leaders change."""
    out = []
    for sw in SWITCHES:
        others = [s.name for s in SWITCHES if s.name != sw.name]
        default = raw[raw[sw.name] == 0].set_index(others)["leaders"]
        for c in range(1, len(sw.options)):
            moved = raw[raw[sw.name] == c].set_index(others)["leaders"]
            out.append({"switch": sw.name, "about": sw.about, "option": sw.options[c][0],
                        "changes": float((moved.reindex(default.index) != default).mean())})
    return pd.DataFrame(out)


def rests_on(table: pd.DataFrame, hypothesis: str, most: int = 2) -> dict | None:
    """The non-default choices the settings where ``hypothesis`` leads alone come from, or None if no such choice matters.

    Tries every set of up to ``most`` non-default options and keeps the one leaving the smallest share of solo
    leads among the settings that make none of its choices (then the smaller set, then the most settings left);
    None unless that share is under half the share over all settings. Returns the options, each with the solo
    leads it accounts for (the option with the highest share of solo leads first, each counting only settings
    not already counted), and for the settings
    with none of them: how many there are, how many ``hypothesis`` leads alone, and how many are ties.
    """
    alone = table["leader"] == hypothesis
    if not alone.any():
        return None
    options = [(sw.name, label) for sw in SWITCHES for label, _ in sw.options[1:]]
    best, key = None, None
    for size in range(1, most + 1):
        for chosen in itertools.combinations(options, size):
            made = np.logical_or.reduce([table[name] == label for name, label in chosen])
            rest = alone[~made]
            share = rest.mean() if len(rest) else math.inf
            k = (share, size, -len(rest))
            if key is None or k < key:
                best, key = chosen, k
    if not key[0] < alone.mean() / 2:
        return None
    made = np.logical_or.reduce([table[name] == label for name, label in best])
    order = sorted(best, key=lambda o: -alone[table[o[0]] == o[1]].mean())  # the choice that most surely gives a solo lead first
    counted, out = np.zeros(len(table), bool), []
    for name, label in order:
        here = (table[name] == label).to_numpy() & ~counted
        out.append({"switch": name, "option": label, "leads": int((alone.to_numpy() & here).sum())})
        counted |= here
    rest = table[~made]
    return {"options": out, "without": {"n": len(rest), "leads": int((rest["leader"] == hypothesis).sum()),
                                        "ties": int((rest["leader"] == "tie").sum())}}
