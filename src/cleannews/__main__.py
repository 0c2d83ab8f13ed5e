"""``python -m cleannews``: the same command line as the ``cleannews`` script."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
