"""Run every bench/bench_*.py module's main() and print its figures (`make bench`).

Benchmarks print; they assert nothing. A failing benchmark is reported and the others still run. A new benchmark is
a bench/bench_<name>.py with a main(); `python bench/run.py <name> …` runs only those named (attendance_import,
dashboard, dedup, live, regions); `make bench BENCH_ARGS=dedup` likewise.
"""

import importlib.util
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    only = set(argv)
    failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if only and name not in only and path.stem not in only:
            continue
        print(f"== {path.stem} ==", flush=True)
        started = time.perf_counter()
        try:
            _load(path).main()
        except Exception:
            failed += 1
            traceback.print_exc()
        print(f"-- {path.stem}: {time.perf_counter() - started:.1f} s\n", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
