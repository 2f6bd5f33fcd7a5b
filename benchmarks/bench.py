"""Benchmarks (figures, not tests): `make report` wall time, annotation stage times, notebook sizes.

Run with `make bench` (environment present). Prints medians of several runs; this machine is shared.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import actors, config, dates, events, ingest, nlp, quotes  # noqa: E402


def median_of(fn, n: int) -> tuple[float, list[float]]:
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), runs


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    body = ingest.read_article(config.DEFAULT_ARTICLE).body
    nlp.load()
    parse, _ = median_of(lambda: nlp.parse(body), 20)
    doc = nlp.parse(body)
    actors.annotate(doc)  # warm the reference tables and gazetteer once, as a long session would
    ann, _ = median_of(lambda: actors.annotate(nlp.parse(body)), 20)
    a = actors.annotate(doc)

    def rest() -> None:
        d = dates.table(doc, dates.parse_published("2023-03-14"))
        quotes.table(doc, a.mentions)
        events.table(doc, a.mentions, a.actors, d)

    ev, _ = median_of(rest, 20)
    print(f"spaCy parse of the default article: median {parse * 1000:.0f} ms")
    print(
        f"parse + actor annotation: median {ann * 1000:.0f} ms "
        f"(adds {(ann - parse) * 1000:.0f} ms to parsing)"
    )
    print(f"dates + quotes + events: median {ev * 1000:.0f} ms")
    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t=time.perf_counter(); "
            "from helpers import actors, nlp, config, ingest; "
            "b=ingest.read_article(config.DEFAULT_ARTICLE).body; d=nlp.parse(b); t1=time.perf_counter(); "
            "actors.annotate(d); print(f'{time.perf_counter()-t1:.3f}')",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    print(
        "actor annotation in a fresh process (gazetteer and reference loading included): "
        f"{cold.stdout.strip()} s"
    )
    report, runs = median_of(
        lambda: subprocess.run(["make", "-s", "report"], cwd=ROOT, check=True, capture_output=True),
        n,
    )
    print(
        f"make report (environment present): median {report:.1f} s over {n} runs "
        f"({', '.join(f'{r:.1f}' for r in runs)})"
    )
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        print(f"{nb.name}: {nb.stat().st_size / 1024:.0f} KB")
    out = ROOT / "reports" / config.DEFAULT_SLUG
    print(
        f"report folder: {sum(p.stat().st_size for p in out.rglob('*') if p.is_file()) / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
