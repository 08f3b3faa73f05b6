"""Version stamps in the shared cache: a value computed from data is cached under the data's
current version, and every change to the data bumps it, so no stale value is ever read."""

from __future__ import annotations

import time

from django.core.cache import cache


def _key(name: str) -> str:
    return f"version:{name}"


def current(name: str) -> int:
    version = cache.get(_key(name))
    if version is None:
        # A fresh stamp never repeats an earlier one, even if the cache lost it.
        version = time.time_ns()
        cache.set(_key(name), version, timeout=None)
    return int(version)


def bump(name: str) -> None:
    cache.set(_key(name), time.time_ns(), timeout=None)
