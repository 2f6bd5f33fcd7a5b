"""Corpus throughput (figures, not tests).

    python benchmarks/corpus_bench.py [--sizes 10,100,1000] [--processes 2]

Builds corpora of the given sizes from the shipped texts (the default article and the development
texts, copied under distinct names) and prints, in one run: words per second of
``annotate-corpus`` (one process and several) and of spaCy's raw ``nlp.pipe`` with the same model on
the same texts, their ratio, how time grows with size, peak memory, and where the time goes per
stage (on the smallest corpus of at least 100 articles).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers import corpus, nlp, pipeline, schemas  # noqa: E402
from helpers.ingest import read_article  # noqa: E402


def sources() -> list[Path]:
    return sorted((ROOT / "data" / "corpus").glob("*.txt"))


def build(size: int, where: Path) -> list[Path]:
    """``size`` articles: the shipped texts repeated, each copy with its sidecar under a new name."""
    where.mkdir(parents=True)
    texts = sources()
    out = []
    for i in range(size):
        src = texts[i % len(texts)]
        dst = where / f"{i:05d}-{src.stem}.txt"
        shutil.copyfile(src, dst)
        side = src.with_suffix(".meta.json")
        if side.exists():
            shutil.copyfile(side, dst.with_suffix(".meta.json"))
        out.append(dst)
    return out


def words(files: list[Path]) -> int:
    return sum(len(read_article(f).body.split()) for f in files)


def raw_pipe(files: list[Path]) -> float:
    bodies = [read_article(f).body for f in files]
    start = time.perf_counter()
    for _ in nlp.load().pipe(bodies, batch_size=8):
        pass
    return time.perf_counter() - start


def annotate(folder: Path, out: Path, processes: int) -> float:
    start = time.perf_counter()
    summary = corpus.run(folder, out, processes=processes, progress=False)
    took = time.perf_counter() - start
    if summary.failed:
        raise SystemExit(f"{len(summary.failed)} articles failed: {summary.failed[0].reason}")
    return took


def stages(files: list[Path], tmp: Path) -> dict[str, float]:
    """Seconds per stage over ``files`` in this process, as ``annotate-corpus`` runs them: read,
    parse (nlp.pipe), the ingest tables (and doc.spacy), actors, events (each stage taking body,
    meta and parse from memory, writing and validating its tables), and combining the tables."""
    t: dict[str, float] = {}
    start = time.perf_counter()
    articles = [read_article(f) for f in files]
    t["read"] = time.perf_counter() - start
    start = time.perf_counter()
    docs = list(nlp.load().pipe((a.body for a in articles), batch_size=8))
    t["parse"] = time.perf_counter() - start
    folders = [tmp / f"s{i:05d}" for i in range(len(files))]
    memory: list = []
    start = time.perf_counter()
    for a, d, f in zip(articles, docs, folders):
        f.mkdir(parents=True)
        memory.append(pipeline._ingest(a, f, d)[1])
    t["ingest tables"] = time.perf_counter() - start
    for key, step in (
        ("actors", pipeline._actors_from_memory),
        ("events", pipeline._events_from_memory),
    ):
        start = time.perf_counter()
        for f, m in zip(folders, memory):
            if not step(f, m):
                raise SystemExit(f"{f}: the {key} stage could not run from memory")
        t[key] = time.perf_counter() - start
    start = time.perf_counter()
    corpus.combine(tmp, [f.name for f in folders])
    t["combine"] = time.perf_counter() - start
    return t


def peak_mb() -> float:
    """Peak resident memory of this process and of the largest finished child (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    nlp.load()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_:
        tmp = Path(tmp_)
        for size in sizes:
            files = build(size, tmp / f"c{size}")
            n_words = words(files)
            raw = raw_pipe(files)
            one = annotate(tmp / f"c{size}", tmp / f"o{size}-1", 1)
            many = (
                annotate(tmp / f"c{size}", tmp / f"o{size}-{args.processes}", args.processes)
                if size >= 100
                else None
            )
            rows.append((size, n_words, raw, one, many))
            print(
                f"{size:>5} articles, {n_words:>7} words: raw nlp.pipe {n_words / raw:7.0f} words/s | "
                f"annotate-corpus 1 process {n_words / one:7.0f} words/s (ratio {raw / one:.2f})"
                + (
                    f" | {args.processes} processes {n_words / many:7.0f} words/s ({one / many:.2f}x one)"
                    if many
                    else ""
                ),
                flush=True,
            )
        if len(rows) > 1:
            (s0, _, _, t0, _), (s1, _, _, t1, _) = rows[-2], rows[-1]
            print(
                f"growth: {s1} articles took {t1 / t0:.1f}x the time of {s0} (linear would be {s1 / s0:.0f}x)"
            )
        sample = next((s for s in sizes if s >= 100), sizes[-1])
        per = stages(sorted((tmp / f"c{sample}").glob("*.txt")), tmp / "stages")
        total = sum(per.values())
        print(
            f"per stage over {sample} articles (one process): "
            + ", ".join(f"{k} {v:.1f} s ({v / total:.0%})" for k, v in per.items())
        )
    print(f"peak memory: {peak_mb():.0f} MB (largest of this process and its worker processes)")
    print(f"tables checked against the contract: {', '.join(schemas.SCHEMAS)}")


if __name__ == "__main__":
    main()
