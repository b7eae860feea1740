"""What would change the top: the fewest one-step rating changes that overturn the ACH result.

One definition everywhere, the verdict's own tie rule (:mod:`.ties`): the *top* is the set of hypotheses
within the practical margin of the best, and a *change of the top* is any change in that set (a new
leader, or a tie appearing or disappearing); with a ``target`` hypothesis, that it stops being (or
becomes) one of them. A one-step change moves one rated cell one place along
CC-C-N-I-II; a set of changes touches distinct cells.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...errors import ParameterError
from .matrix import _NA_STEP, SCALE, Matrix
from .scoring import _TOL, badness, cell_values, evaluate, settings_of, top_ids, totals
from .settings import Settings
from .ties import leader_set

_MAX_COMBOS = 2_000_000  # sets of one size tried at most; beyond this the search is bounded (exact=False)
_BLOCK = 20_000  # sets recomputed at once when cells interact (memory bound; results do not depend on it)


@dataclass(frozen=True)
class Linchpins:
    """The fewest one-step rating changes that overturn the result.

    ``size`` is the number of changes (None if none within ``max_changes``); ``exact`` says the
    search at every size tried was exhaustive (so ``size`` is the true minimum, or no solution of at
    most ``max_changes`` exists); ``changes`` lists every solution found (up to ``limit``) as one row
    per change: solution, item, hypothesis, from, to, score_change, top_after; ``outcomes`` groups every
    solution found (not only the listed ones) by the top it leaves: top_after (ids), count, and the first
    solution in the listing order as an example, most frequent outcome first.
    """

    size: int | None
    exact: bool
    n_solutions: int
    baseline_top: tuple[str, ...]
    target: str | None
    changes: pd.DataFrame
    outcomes: tuple[dict, ...] = ()

    def solutions(self) -> list[list[dict]]:
        """The solutions as lists of {item, hypothesis, from, to} records."""
        cols = ["item", "hypothesis", "from", "to"]
        return [group[cols].to_dict("records") for _, group in self.changes.groupby("solution", sort=True)]


@dataclass(frozen=True)
class _Candidates:
    item: np.ndarray  # row of the changed cell
    hyp: np.ndarray  # column of the changed cell
    new_step: np.ndarray
    delta: np.ndarray  # (candidates, hypotheses): change in badness of every column when made alone

    @property
    def cell(self) -> np.ndarray:
        return self.item * 1_000_003 + self.hyp

    def subset(self, keep: np.ndarray) -> _Candidates:
        return _Candidates(self.item[keep], self.hyp[keep], self.new_step[keep], self.delta[keep])


def _badness_of(m: Matrix, s: Settings, steps: np.ndarray, log_prior: np.ndarray) -> np.ndarray:
    return badness(s, totals(m, s, cell_values(m, s, steps=steps)), log_prior)


def _candidates(m: Matrix, s: Settings, base: np.ndarray, log_prior: np.ndarray) -> _Candidates:
    """Every one-step change of a rated cell, with its exact effect on every column when made alone."""
    steps = m.steps.astype(np.int8)
    rows, cols = np.nonzero(steps != _NA_STEP)
    old = np.repeat(steps[rows, cols], 2).astype(int)
    rows, cols = np.repeat(rows, 2), np.repeat(cols, 2)
    new = old + np.tile([-1, 1], len(old) // 2)
    ok = (new >= 0) & (new < _NA_STEP)
    rows, cols, new = rows[ok], cols[ok], new[ok]
    batch = np.repeat(steps[None], len(rows), axis=0)
    batch[np.arange(len(rows)), rows, cols] = new
    delta = _badness_of(m, s, batch, log_prior) - base if len(rows) else np.zeros((0, len(m.hypotheses)))
    return _Candidates(rows, cols, new, delta)


def _helpful(c: _Candidates, base_top: np.ndarray, target: int | None) -> np.ndarray:
    """Moves that can be part of a minimal solution when cells add up (the others can always be dropped).

    Overturning the top set needs a non-top hypothesis to gain on a top one (or, on a tie, the tied
    ones to part); unseating ``target`` needs a rival to gain on it; crowning it needs it to gain on a leader.
    """
    gain = c.delta[:, :, None] - c.delta[:, None, :]  # [k, a, b] < 0: a gains on b
    rival, lead = ~base_top, base_top
    if target is None:
        hit = (gain[:, rival][:, :, lead] < -_TOL).any(axis=(1, 2))
        if base_top.sum() > 1:
            hit |= (np.abs(gain[:, lead][:, :, lead]) > _TOL).any(axis=(1, 2))
        return hit
    others = np.arange(len(base_top)) != target
    if base_top[target]:
        return (gain[:, others, target] < -_TOL).any(axis=1)
    return (gain[:, target][:, lead] < -_TOL).any(axis=1)


def _flipped(s: Settings, new_badness: np.ndarray, base_top: np.ndarray, target: int | None) -> tuple[np.ndarray, np.ndarray]:
    new_top = leader_set(new_badness, s)
    if target is None:
        return (new_top != base_top).any(axis=-1), new_top
    return new_top[..., target] != base_top[target], new_top


def _distinct(combos: np.ndarray, c: _Candidates) -> np.ndarray:
    cells = c.cell[combos]
    keep = np.ones(len(combos), bool)
    for a in range(combos.shape[1]):
        for b in range(a + 1, combos.shape[1]):
            keep &= cells[:, a] != cells[:, b]
    return combos[keep]


def _evaluate(m, s, combos, c: _Candidates, base, base_top, target, log_prior):
    """The sets among ``combos`` that overturn the result, and the top after each."""
    combos = _distinct(combos, c)
    if s.additive:
        new_bad = base + c.delta[combos].sum(axis=1)
    else:  # cells interact (source dependence, NA averages): recompute each set exactly
        parts = []
        for start in range(0, len(combos), _BLOCK):
            block = combos[start:start + _BLOCK]
            steps = np.repeat(m.steps.astype(np.int8)[None], len(block), axis=0)
            for k in range(block.shape[1]):
                steps[np.arange(len(block)), c.item[block[:, k]], c.hyp[block[:, k]]] = c.new_step[block[:, k]]
            parts.append(_badness_of(m, s, steps, log_prior))
        new_bad = np.concatenate(parts) if parts else np.zeros((0, len(base)))
    hit, new_top = _flipped(s, new_bad, base_top, target)
    return combos[hit], new_top[hit]


def _combos(n: int, size: int):
    """Index combinations of ``size`` among ``n`` candidates, yielded in vectorised blocks."""
    if size == 1:
        yield np.arange(n)[:, None]
    elif size == 2:
        yield np.column_stack(np.triu_indices(n, 1))
    else:
        for first in range(n - 2):
            rest = np.column_stack(np.triu_indices(n - first - 1, 1)) + first + 1
            yield np.column_stack([np.full(len(rest), first), rest])


def linchpins(matrix: Matrix, scheme: str | Settings = "heuer", *, max_changes: int = 3, target: str | None = None,
              limit: int = 50, **switches) -> Linchpins:
    """The smallest sets of one-step rating changes that change the top (see the module docstring).

    When every cell counts on its own (the default settings), a set's effect is the sum of its
    changes' effects, so all sets of one size are scored at once, and only moves that can belong to a
    minimal solution are tried (:func:`_helpful`); otherwise every set is recomputed exactly. Sets of
    each size are enumerated exhaustively while they number at most two million; beyond that only the
    changes with the largest effect are combined and ``exact`` is False. Solutions are listed by the
    total size of their effects (largest first), then by matrix order.
    """
    if not isinstance(max_changes, int) or isinstance(max_changes, bool) or not 1 <= max_changes <= 3:
        raise ParameterError("max_changes", max_changes, "1, 2 or 3")
    if target is not None and target not in matrix.hypotheses:
        raise ParameterError("target", target, "None or one of " + ", ".join(matrix.hypotheses))
    s = settings_of(scheme, **switches)
    scored = evaluate(matrix, s)
    base, base_top = scored.badness, leader_set(scored.badness, s)
    t = matrix.hypotheses.index(target) if target is not None else None
    cands = _candidates(matrix, s, base, scored.log_prior)
    cands = cands.subset(_helpful(cands, base_top, t) if s.additive else np.ones(len(cands.item), bool))
    exact = True
    for size in range(1, max_changes + 1):
        pool = cands
        if math.comb(len(cands.item), size) > _MAX_COMBOS:
            pool, exact = _largest(cands, size), False
        found = [_evaluate(matrix, s, block, pool, base, base_top, t, scored.log_prior)
                 for block in _combos(len(pool.item), size) if len(block)]
        hits = np.concatenate([f[0] for f in found]) if found else np.empty((0, size), int)
        if len(hits):
            tops = np.concatenate([f[1] for f in found])
            return _result(matrix, s, pool, hits, tops, size, exact, base_top, target, limit)
    return Linchpins(None, exact, 0, top_ids(matrix, base_top), target, _frame([]))


def _largest(c: _Candidates, size: int) -> _Candidates:
    k = len(c.item)
    while math.comb(k, size) > _MAX_COMBOS:
        k -= 1
    order = np.argsort(-np.abs(c.delta).sum(axis=1), kind="stable")[:k]
    return c.subset(np.sort(order))


def _result(m: Matrix, s: Settings, c: _Candidates, hits, tops, size, exact, base_top, target, limit) -> Linchpins:
    magnitude = np.abs(c.delta[hits]).sum(axis=(1, 2))
    order = np.lexsort((*[hits[:, k] for k in reversed(range(size))], -np.round(magnitude, 9)))
    sign = 1.0 if s.scheme == "heuer" else -1.0
    rows, outcomes = [], {}
    for n, found in enumerate(order):
        after = top_ids(m, tops[found])
        changes = [{"item": m.items[int(c.item[k])], "hypothesis": m.hypotheses[int(c.hyp[k])],
                    "from": m.ratings[int(c.item[k]), int(c.hyp[k])], "to": SCALE[int(c.new_step[k])],
                    "score_change": sign * float(c.delta[k, int(c.hyp[k])])} for k in hits[found]]
        seen = outcomes.setdefault(after, {"top_after": list(after), "count": 0,
                                           "example": [{x: r[x] for x in ("item", "hypothesis", "from", "to")} for r in changes]})
        seen["count"] += 1
        if n < limit:
            rows += [{"solution": n + 1, **r, "top_after": ";".join(after)} for r in changes]
    ranked = tuple(sorted(outcomes.values(), key=lambda o: -o["count"]))
    return Linchpins(size, exact, len(hits), top_ids(m, base_top), target, _frame(rows), ranked)


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["solution", "item", "hypothesis", "from", "to", "score_change", "top_after"])
