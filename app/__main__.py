"""``python -m app``: the same command line as the ``steelframe`` script."""

from __future__ import annotations

from app.cli.main import main

raise SystemExit(main())
