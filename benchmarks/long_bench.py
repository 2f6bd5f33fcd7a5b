"""A long article (figures, not tests).

    python benchmarks/long_bench.py [megabytes ...]

Builds articles of the given sizes (default 0.3 and 2 MB) from the shipped texts, annotates each in
a fresh process with ``python -m helpers annotate`` and prints the wall time and that process's peak
memory (target: a 2 MB article completes within 2 GB).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers.ingest import read_article  # noqa: E402


def build(megabytes: float, path: Path) -> int:
    """An article of about ``megabytes`` MB: the shipped texts, one after another, repeated."""
    base = "\n\n".join(
        read_article(p).body for p in sorted((ROOT / "data" / "corpus").glob("*.txt"))
    )
    size = int(megabytes * 1_000_000)
    text = "\n\n".join([base] * (size // len(base) + 1))[:size].rsplit("\n\n", 1)[0] + "\n"
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [0.3, 2.0]
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            src = Path(tmp) / f"long-{mb}.txt"
            n = build(mb, src)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            res = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "helpers",
                    "annotate",
                    str(src),
                    "--out",
                    str(Path(tmp) / f"out-{mb}"),
                    "--published",
                    "2023-01-01",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            took = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            status = "ok" if res.returncode == 0 else f"failed: {res.stderr.strip()[:200]}"
            print(
                f"{n / 1e6:.1f} MB article: {took:.0f} s, "
                f"peak memory {max(peak, before) / 1024:.0f} MB ({status})",
                flush=True,
            )


if __name__ == "__main__":
    main()
