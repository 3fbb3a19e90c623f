"""Person duplicate detection: lib.dedup at 1,000,000 persons, and precision/recall next to splink (DuckDB).

A synthetic corpus (bench/dedup_corpus.py: Indonesian names, 5 % second records with spelling, Moh./Muhammad,
swapped birth day and month and missing NIK variants) is built in memory. Two runs:

1. Scale: lib.dedup.find_duplicates over BENCH_DEDUP_N records (default 1,000,000): seconds (goal: under 300),
   candidate pairs compared, pairs found, precision and recall against the injected truth.
2. Comparison on BENCH_DEDUP_COMPARE_N records (default 200,000, the same corpus seed): lib.dedup and splink 4
   with DuckDB, each with its seconds, precision and recall. splink runs in the bench virtualenv (var/bench-venv,
   `make bench` installs it from requirements/bench-lock.txt); without it that column says so.

Precision counts a pair found that is not injected as wrong, even two namesakes born the same day in the same
village (a real register has them too); recall counts every pair of records of one person.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import dedup_corpus  # noqa: E402

from lib.dedup import find_duplicates  # noqa: E402

BENCH_PYTHON = HERE.parent / "var" / "bench-venv" / "bin" / "python"


def _ours(corpus: dedup_corpus.Corpus) -> dict:
    started = time.perf_counter()
    result = find_duplicates(corpus.records)
    seconds = time.perf_counter() - started
    predicted = {(a, b) for a, b, _ in result.pairs}
    precision, recall = dedup_corpus.precision_recall(predicted, corpus.truth)
    return {
        "seconds": seconds,
        "candidates": result.candidates,
        "pairs": len(predicted),
        "skipped_blocks": result.skipped_blocks,
        "precision": precision,
        "recall": recall,
    }


def _splink(corpus: dedup_corpus.Corpus) -> dict | None:
    if not BENCH_PYTHON.exists():
        print("splink dilewati: var/bench-venv belum ada (`make bench` memasangnya).")
        return None
    with tempfile.TemporaryDirectory(prefix="desabinaan-dedup-") as tmp:
        source, out = Path(tmp) / "corpus.csv", Path(tmp) / "pairs.csv"
        dedup_corpus.write_csv(corpus, source)
        run = subprocess.run(
            [str(BENCH_PYTHON), str(HERE / "dedup_splink.py"), str(source), str(out)],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if run.returncode != 0:
            print(f"splink gagal:\n{run.stderr[-2000:]}")
            return None
        figures = json.loads(run.stdout.strip().splitlines()[-1])
        with out.open() as handle:
            predicted = {tuple(sorted((int(a), int(b)))) for a, b in csv.reader(handle) if a.isdigit()}
    precision, recall = dedup_corpus.precision_recall(predicted, corpus.truth)
    return {**figures, "pairs": len(predicted), "precision": precision, "recall": recall}


def _line(label: str, n: int, r: dict) -> str:
    return (
        f"{label:<14} {n:>10,} {r['seconds']:>9.1f} {r['pairs']:>8,} {r['precision']:>9.3f} {r['recall']:>7.3f}"
        + (
            f"  ({r['candidates']:,} pairs compared, {r['skipped_blocks']} blocks too big)"
            if "candidates" in r
            else ""
        )
    )


def main() -> None:
    n = int(os.environ.get("BENCH_DEDUP_N", "1000000"))
    compare_n = int(os.environ.get("BENCH_DEDUP_COMPARE_N", "200000"))
    print(f"{'':<14} {'records':>10} {'seconds':>9} {'pairs':>8} {'precision':>9} {'recall':>7}")
    started = time.perf_counter()
    corpus = dedup_corpus.build(compare_n)
    print(
        f"corpus of {compare_n:,}: {len(corpus.truth):,} true pairs, built in {time.perf_counter() - started:.1f} s"
    )
    print(_line("lib.dedup", compare_n, _ours(corpus)))
    splink = _splink(corpus)
    if splink is not None:
        print(_line("splink 4", compare_n, splink))
    del corpus
    started = time.perf_counter()
    corpus = dedup_corpus.build(n)
    print(
        f"corpus of {n:,}: {len(corpus.truth):,} true pairs, built in {time.perf_counter() - started:.1f} s"
    )
    ours = _ours(corpus)
    print(_line("lib.dedup", n, ours))
    print(f"goal: under 300 s at 1,000,000 persons -> {ours['seconds']:.0f} s")


if __name__ == "__main__":
    main()
