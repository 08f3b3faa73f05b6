"""Loaded by pytest before Django reads its settings (`-p` in pyproject.toml): the suite runs
in development mode, which production settings leave off unless DJANGO_DEBUG says so. Tests
of the production settings start their own processes with DJANGO_DEBUG=false."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
