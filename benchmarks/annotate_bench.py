"""Per-article annotation time and dictionary loading cost (figures, not tests).

    python benchmarks/annotate_bench.py [runs]

Prints the median over ``runs`` (default 5) of: annotating the default article end to end in a warm
process (parse, actors, events, all tables written), and, in fresh processes, the time to import and
load the CAMEO verb dictionary and the Phoenix actor dictionaries.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import config, nlp, pipeline  # noqa: E402

LOAD = (
    "import time; import spacy; from helpers import actordict, cameo, events, lexicon; "
    "t = time.perf_counter(); cameo.load(); actordict.load(); events.lexicon(); lexicon.words('reporting'); "
    "actordict.lookup('Vladimir Putin'); actordict.agent('troops'); print(time.perf_counter() - t)"
)


def per_article(runs: int) -> list[float]:
    nlp.load()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        pipeline.annotate(config.DEFAULT_ARTICLE, Path(tmp) / "warm")
        for i in range(runs):
            t = time.perf_counter()
            pipeline.annotate(config.DEFAULT_ARTICLE, Path(tmp) / f"run{i}")
            out.append(time.perf_counter() - t)
    return out


def dictionary_load(runs: int) -> list[float]:
    return [
        float(
            subprocess.run(
                [sys.executable, "-c", LOAD], capture_output=True, text=True, cwd=ROOT, check=True
            ).stdout
        )
        for _ in range(runs)
    ]


def main(argv: list[str]) -> None:
    runs = int(argv[0]) if argv else 5
    art = per_article(runs)
    print(
        f"annotate the default article (warm process): median {statistics.median(art) * 1000:.0f} ms "
        f"over {runs} runs ({', '.join(f'{r * 1000:.0f}' for r in art)})"
    )
    load = dictionary_load(runs)
    print(
        f"load CAMEO + Phoenix dictionaries + override lexicon (fresh process, after imports): median "
        f"{statistics.median(load) * 1000:.0f} ms over {runs} runs"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
