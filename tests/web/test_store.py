"""Reviews are kept in memory for a short, bounded time, under keys nobody can guess."""

from __future__ import annotations

from typing import Any

import pytest

from vendorcheck.errors import ResultExpired
from vendorcheck.review import Review
from vendorcheck.web.store import ResultStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_review_expires_after_its_time(sample_review: Review) -> None:
    clock = Clock()
    store = ResultStore(ttl_seconds=1800, capacity=5, clock=clock)
    key = store.put(sample_review)
    clock.now += 1799
    assert store.get(key).review is sample_review
    clock.now += 1
    with pytest.raises(ResultExpired, match="30 minutes"):
        store.get(key)
    assert len(store) == 0


def test_the_oldest_review_goes_first_when_full(sample_review: Review) -> None:
    store = ResultStore(ttl_seconds=60, capacity=2, clock=Clock())
    first, second, third = (store.put(sample_review) for _ in range(3))
    with pytest.raises(ResultExpired):
        store.get(first)
    assert store.get(second) and store.get(third) and len(store) == 2


def test_keys_are_long_and_random(sample_review: Review) -> None:
    store = ResultStore(ttl_seconds=60, capacity=100)
    keys = {store.put(sample_review) for _ in range(50)}
    assert len(keys) == 50 and all(len(key) >= 32 for key in keys)


def test_the_result_page_says_until_when(make_client: Any, sample_review: Review, stored: Any) -> None:
    client = make_client(result_minutes=5)
    url = stored(client, sample_review)
    entry = client.app.state.results.get(url.rsplit("/", 1)[1])
    assert entry.expires_at.strftime("%H:%M") in client.get(url).text
