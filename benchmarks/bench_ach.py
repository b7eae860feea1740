"""Time the ACH engine on the paper's matrices: best of 5 runs per operation, in milliseconds.

Run with ``.venv/bin/python benchmarks/bench_ach.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from assad_collapse.analyses import ach  # noqa: E402
from assad_collapse.paper.vocabulary import QUESTIONS  # noqa: E402

REPEATS = 5


def best_ms(run) -> float:
    """The fastest of REPEATS runs, in milliseconds."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def operations(matrix: ach.Matrix, scheme: str) -> dict:
    return {
        "score": lambda: ach.score(matrix, scheme),
        "leave_one_out": lambda: ach.leave_one_out(matrix, scheme),
        "linchpins": lambda: ach.linchpins(matrix, scheme),
        "linchpins (target = last hypothesis)": lambda: ach.linchpins(matrix, scheme, target=matrix.hypotheses[-1]),
        "linchpins (source dependence: cells interact)": lambda: ach.linchpins(matrix, scheme, dependence=1.0, max_changes=2),
        "monte_carlo (10k draws)": lambda: ach.monte_carlo(matrix, scheme, draws=10_000),
        "multiverse (144 settings)": lambda: ach.multiverse(matrix),
        "verdict (default settings, with the multiverse)": lambda: ach.verdict(matrix),
    }


def main() -> None:
    rows = []
    for question in QUESTIONS:
        matrix = ach.build_matrix(question)
        rows.append((question, "-", "build_matrix", best_ms(lambda: ach.build_matrix(question))))
        for scheme in ach.SCHEMES:
            for name, run in operations(matrix, scheme).items():
                if name.startswith(("verdict", "multiverse")) and scheme != ach.SCHEMES[0]:
                    continue
                rows.append((question, scheme, name, best_ms(run)))
    width = max(len(r[2]) for r in rows)
    print(f"{'question':<9} {'scheme':<6} {'operation':<{width}} {'best of 5 (ms)':>15}")
    for question, scheme, name, ms in rows:
        print(f"{question:<9} {scheme:<6} {name:<{width}} {ms:>15.2f}")


if __name__ == "__main__":
    main()
