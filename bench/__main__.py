"""``python -m bench``: measure generated estates and print the table (and, on request, profiles)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bench.measure import run_size
from bench.table import format_table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000], help="numbers of contexts")
    parser.add_argument("--edits", type=int, default=300, help="random single edits per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-bare", action="store_true", help="skip replaying the edits without an engine")
    parser.add_argument("--profile", action="store_true", help="also print cProfile reports for the largest size")
    parser.add_argument(
        "--archimate", action="store_true",
        help="instead, time ArchiMate import and export against pyArchimate (pip install pyarchimate first)",
    )
    parser.add_argument(
        "--large", action="store_true", help="with --archimate: the 10,000-context estate's export (minutes)",
    )
    parser.add_argument(
        "--graphviz", action="store_true",
        help="instead, time Graphviz DOT generation and layout for views of 50, 200 and 500 contexts",
    )
    args = parser.parse_args(argv)
    if args.graphviz:
        from bench.graphviz import report as graphviz_report

        print(graphviz_report(seed=args.seed))
        return 0
    if args.archimate:
        from bench.archimate import report

        print(report(estate=10_000 if args.large else 2000))
        return 0
    if min(args.sizes) < 2 or args.edits < 1:
        parser.error("sizes must be at least 2 contexts and edits at least 1")
    results = []
    for size in sorted(args.sizes):  # ascending, so that the peak RSS of each column is its own
        print(f"measuring {size:,} contexts ...", file=sys.stderr, flush=True)
        results.append(run_size(size, args.edits, args.seed, bare=not args.no_bare))
    print(format_table(results, args.edits, args.seed))
    if args.profile:
        from bench.profile import profile

        print()
        print(profile(max(args.sizes), args.edits, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
