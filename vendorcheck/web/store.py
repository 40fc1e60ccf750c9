"""Reviews kept in memory for a short while, so the result page and its downloads need no contract on disk."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from vendorcheck.errors import ResultExpired
from vendorcheck.review import Review


@dataclass(frozen=True)
class StoredReview:
    review: Review
    deadline: float  # on the monotonic clock
    expires_at: datetime  # wall clock, shown to the doctor
    docx: bytes | None = None  # a Word contract, kept with its review for the annotated copy (the redline)


class ResultStore:
    """Reviews under unguessable keys, dropped after `ttl_seconds` or when `capacity` is exceeded.

    Only the Review (verdict, findings, short quotes) is kept, and for a Word contract its bytes, from which
    the annotated copy is made on request; only in this process's memory, never on disk: a restart forgets
    everything.
    """

    def __init__(self, ttl_seconds: float, capacity: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_seconds = ttl_seconds
        self.capacity = capacity
        self._clock = clock
        self._items: OrderedDict[str, StoredReview] = OrderedDict()
        # Reviews run in worker threads while pages are served from the event loop.
        self._lock = threading.Lock()

    def put(self, review: Review, docx: bytes | None = None) -> str:
        key = secrets.token_urlsafe(24)
        entry = StoredReview(
            review,
            self._clock() + self.ttl_seconds,
            datetime.now().astimezone() + timedelta(seconds=self.ttl_seconds),
            docx,
        )
        with self._lock:
            self._purge()
            self._items[key] = entry
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> StoredReview:
        with self._lock:
            self._purge()
            entry = self._items.get(key)
        if entry is None:
            raise ResultExpired(minutes=round(self.ttl_seconds / 60))
        return entry

    def discard(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def __len__(self) -> int:
        with self._lock:
            self._purge()
            return len(self._items)

    def _purge(self) -> None:
        now = self._clock()
        for key in [k for k, entry in self._items.items() if entry.deadline <= now]:
            del self._items[key]
