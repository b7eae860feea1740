"""Linchpins: the fewest one-step rating changes that overturn the ACH result, found by exhaustive search."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...errors import ParameterError
from .matrix import _NA_STEP, SCALE, Matrix, _weights
from .scoring import _TOL, _base, _ranks, _Setup, _setup, _top_ids

_MAX_TRIPLES = 2_000_000


@dataclass(frozen=True)
class Linchpins:
    """The fewest one-step rating changes that overturn the result.

    ``size`` is the number of changes (None if none within ``max_changes``); ``exact`` says the
    search at every size tried was exhaustive (so ``size`` is the true minimum, or no solution
    of at most ``max_changes`` exists); ``changes`` lists every solution found (up to ``limit``)
    as one row per change: solution, item, hypothesis, from, to, score_change, top_after.
    """

    size: int | None
    exact: bool
    n_solutions: int
    baseline_top: tuple[str, ...]
    target: str | None
    changes: pd.DataFrame

    def solutions(self) -> list[list[dict]]:
        """The solutions as lists of {item, hypothesis, from, to} records."""
        cols = ["item", "hypothesis", "from", "to"]
        return [group[cols].to_dict("records") for _, group in self.changes.groupby("solution", sort=True)]


@dataclass(frozen=True)
class _Candidates:
    item: np.ndarray  # row of the changed cell
    hyp: np.ndarray  # column of the changed cell
    new_step: np.ndarray
    delta: np.ndarray  # change in badness of column ``hyp``

    @property
    def cell(self) -> np.ndarray:
        return self.item * 1_000_003 + self.hyp

    def subset(self, keep: np.ndarray) -> _Candidates:
        return _Candidates(self.item[keep], self.hyp[keep], self.new_step[keep], self.delta[keep])


def _candidates(matrix: Matrix, setup: _Setup) -> _Candidates:
    """Every one-step change of a rated cell that changes its column's badness."""
    w = _weights(matrix, matrix.factor, setup.weighted, setup.group_sources)
    steps = matrix.steps.astype(int)
    rows, cols = np.nonzero(steps != _NA_STEP)
    old = steps[rows, cols]
    rows, cols, old = np.repeat(rows, 2), np.repeat(cols, 2), np.repeat(old, 2)
    new = old + np.tile([-1, 1], len(old) // 2)
    ok = (new >= 0) & (new < _NA_STEP)
    rows, cols, old, new = rows[ok], cols[ok], old[ok], new[ok]
    change = w[rows] * (setup.table[new] - setup.table[old])
    delta = change if setup.scheme == "heuer" else -change
    keep = np.abs(delta) > _TOL
    return _Candidates(rows[keep], cols[keep], new[keep], delta[keep])


def _helpful(c: _Candidates, base_top: np.ndarray, target: int | None) -> np.ndarray:
    """Moves that can be part of a minimal solution (the others can always be dropped).

    Overturning the top set needs a non-top hypothesis to improve or a top one to worsen (or,
    on a tie, a top one to improve); unseating ``target`` needs it to worsen or a rival to
    improve; crowning it needs it to improve or a rival to worsen.
    """
    is_top, better, worse = base_top[c.hyp], c.delta < 0, c.delta > 0
    if target is None:
        return (~is_top & better) | (is_top & worse) | (is_top & better & (base_top.sum() > 1))
    is_target = c.hyp == target
    if base_top[target]:
        return (is_target & worse) | (~is_target & better)
    return (is_target & better) | (~is_target & worse)


def _flipped(new_badness: np.ndarray, base_top: np.ndarray, target: int | None) -> tuple[np.ndarray, np.ndarray]:
    new_top = _ranks(new_badness) == 1
    if target is None:
        return (new_top != base_top).any(axis=-1), new_top
    return new_top[..., target] != base_top[target], new_top


def _evaluate(combos: np.ndarray, c: _Candidates, base: np.ndarray, base_top, target):
    """Solutions among ``combos`` (rows of candidate indices; those reusing a cell are skipped)."""
    cells = c.cell[combos]
    distinct = np.ones(len(combos), bool)
    for a in range(combos.shape[1]):
        for b in range(a + 1, combos.shape[1]):
            distinct &= cells[:, a] != cells[:, b]
    combos = combos[distinct]
    shift = np.zeros((len(c.delta), len(base)))
    shift[np.arange(len(c.delta)), c.hyp] = c.delta  # each candidate as a change of its column
    hit, new_top = _flipped(base + shift[combos].sum(axis=1), base_top, target)
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


def linchpins(matrix: Matrix, scheme: str = "heuer", *, weighted: bool = True, prior=None, group_sources: bool = True,
              max_changes: int = 3, target: str | None = None, limit: int = 50) -> Linchpins:
    """The smallest sets of one-step rating changes that overturn the result.

    "Overturn" means the set of hypotheses ranked first changes (``target=None``), or, with a
    hypothesis id as ``target``, that it stops being (or becomes) one of those ranked first.
    Each change moves one rated cell one step along CC-C-N-I-II; a set changes distinct cells.

    Changes add up cell by cell, so every candidate set is scored as base scores plus its
    changes, all sets of one size at once. Only moves that can belong to a minimal solution
    are tried (see :func:`_helpful`; dropping the others never loses a minimal solution), and
    sets of 1 and 2 are enumerated exhaustively: exact. Sets of 3 are exhaustive too while
    they number at most 2 million; beyond that only the candidates with the largest score
    change are combined and ``exact`` is False. Solutions are listed by the total size of
    their score changes (largest first), then by matrix order.
    """
    if not isinstance(max_changes, int) or isinstance(max_changes, bool) or not 1 <= max_changes <= 3:
        raise ParameterError("max_changes", max_changes, "1, 2 or 3")
    if target is not None and target not in matrix.hypotheses:
        raise ParameterError("target", target, "None or one of " + ", ".join(matrix.hypotheses))
    setup = _setup(matrix, scheme, weighted, group_sources, prior)
    base = _base(matrix, setup)[1]
    base_top = _ranks(base) == 1
    t = matrix.hypotheses.index(target) if target is not None else None
    cands = _candidates(matrix, setup)
    cands = cands.subset(_helpful(cands, base_top, t))
    exact = True
    for size in range(1, max_changes + 1):
        pool = cands
        if size == 3 and math.comb(len(cands.delta), 3) > _MAX_TRIPLES:
            pool, exact = _largest(cands, _MAX_TRIPLES), False
        found = [_evaluate(block, pool, base, base_top, t) for block in _combos(len(pool.delta), size) if len(block)]
        hits = np.concatenate([f[0] for f in found]) if found else np.empty((0, size), int)
        if len(hits):
            tops = np.concatenate([f[1] for f in found])
            return _linchpin_result(matrix, setup, pool, hits, tops, size, exact, base_top, target, limit)
    return Linchpins(None, exact, 0, _top_ids(matrix, base_top), target, _linchpin_frame([]))


def _largest(c: _Candidates, budget: int) -> _Candidates:
    k = len(c.delta)
    while math.comb(k, 3) > budget:
        k -= 1
    order = np.argsort(-np.abs(c.delta), kind="stable")[:k]
    return c.subset(np.sort(order))


def _linchpin_result(matrix, setup, c: _Candidates, hits, tops, size, exact, base_top, target, limit) -> Linchpins:
    magnitude = np.abs(c.delta[hits]).sum(axis=1)
    order = np.lexsort((*[hits[:, k] for k in reversed(range(size))], -np.round(magnitude, 9)))
    rows = []
    for n, s in enumerate(order[:limit]):
        after = ";".join(_top_ids(matrix, tops[s]))
        for k in hits[s]:
            i, h = int(c.item[k]), int(c.hyp[k])
            sign = 1.0 if setup.scheme == "heuer" else -1.0
            rows.append({
                "solution": n + 1,
                "item": matrix.items[i],
                "hypothesis": matrix.hypotheses[h],
                "from": matrix.ratings[i, h],
                "to": SCALE[int(c.new_step[k])],
                "score_change": sign * float(c.delta[k]),
                "top_after": after,
            })
    return Linchpins(size, exact, len(hits), _top_ids(matrix, base_top), target, _linchpin_frame(rows))


def _linchpin_frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["solution", "item", "hypothesis", "from", "to", "score_change", "top_after"]
    return pd.DataFrame(rows, columns=columns)
