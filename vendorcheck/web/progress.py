"""Where a review under way stands, for the upload page to show while a scan is being read.

The page makes up a random key when the form is sent, posts it with the file and polls
`/progress/{key}` until the review's result page arrives. Only page counts are kept, never content,
for the few reviews under way, in this process's memory.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

KEY = re.compile(r"^[A-Za-z0-9-]{16,64}$")
CAPACITY = 64


class ProgressBoard:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self._items: OrderedDict[str, tuple[int, int]] = OrderedDict()
        self._capacity = capacity
        self._lock = threading.Lock()  # written from review threads, read from the event loop

    def update(self, key: str, done: int, total: int) -> None:
        with self._lock:
            self._items[key] = (done, total)
            self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def get(self, key: str) -> tuple[int, int] | None:
        with self._lock:
            return self._items.get(key)

    def discard(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)
