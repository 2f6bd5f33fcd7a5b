"""Benchmark (figures, not tests): loading the CAMEO reference data and matching verbs.

    .venv/bin/python benchmarks/cameo_bench.py [runs]

Prints the median of ``runs`` (default 5) fresh processes that import ``helpers.cameo`` and load
the CSVs (the time inside the process and the whole process, Python's start included), and the
best per-call time of ``cameo.match`` for a few typical clauses. This machine is shared: medians.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import cameo  # noqa: E402

LOAD = (
    "import time; t = time.perf_counter(); from helpers import cameo; cameo.load(); "
    "print(time.perf_counter() - t)"
)
CLAUSES: list[dict[str, Any]] = [
    dict(lemma="accuse"),
    dict(lemma="impose", objects=["sanction", "new"]),
    dict(
        lemma="call", preps=[("for", ["ceasefire", "immediate"])], subject=["minister", "foreign"]
    ),
    dict(lemma="ask", particle="for", objects=["aid", "humanitarian"]),
    dict(lemma="photosynthesise"),
]


def fresh_loads(runs: int) -> tuple[list[float], list[float]]:
    """(seconds inside the process, seconds of the whole process) of ``runs`` fresh processes."""
    inside, whole = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", LOAD], capture_output=True, text=True, check=True, cwd=ROOT
        )
        whole.append(time.perf_counter() - start)
        inside.append(float(out.stdout))
    return inside, whole


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    inside, whole = fresh_loads(runs)
    print(
        f"import + load, {runs} fresh processes: median {statistics.median(inside) * 1000:.0f} ms "
        f"(whole process {statistics.median(whole) * 1000:.0f} ms)"
    )
    cameo.load()
    for clause in CLAUSES:
        best = min(timeit.repeat(lambda c=clause: cameo.match(**c), number=2000, repeat=5)) / 2000
        found = cameo.match(**clause)
        print(f"match({clause}): {best * 1e6:.1f} µs -> {found.code if found else None}")


if __name__ == "__main__":
    main()
