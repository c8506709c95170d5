"""``python -m bench``: measure generated estates and print the table (and, on request, profiles)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bench.measure import run_size
from bench.table import format_table

LARGE = (10_000, 20_000)


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
        "--large", action="store_true",
        help="also measure 10,000 and 20,000 contexts (many minutes); with --archimate: the 10,000-context export",
    )
    parser.add_argument(
        "--graphviz", action="store_true",
        help="instead, time Graphviz DOT generation and layout for views of 50, 200 and 500 contexts",
    )
    parser.add_argument(
        "--contracts", action="store_true",
        help="instead, time importing 200 AsyncAPI documents and a 2,000-entity catalog, and checking the "
             "2,000-context estate against them",
    )
    args = parser.parse_args(argv)
    if args.contracts:
        from bench.contracts import report as contracts_report

        print(contracts_report(seed=args.seed))
        return 0
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
    sizes = sorted({*args.sizes, *(LARGE if args.large else ())})
    for size in sizes:  # ascending, so that the peak RSS of each column is its own
        print(f"measuring {size:,} contexts ...", file=sys.stderr, flush=True)
        results.append(run_size(size, args.edits, args.seed, bare=not args.no_bare))
    print(format_table(results, args.edits, args.seed))
    if args.profile:
        from bench.profile import profile

        print()
        print(profile(max(sizes), args.edits, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
