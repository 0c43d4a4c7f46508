from __future__ import annotations

from zerodraft.main import main

raise SystemExit(main())
