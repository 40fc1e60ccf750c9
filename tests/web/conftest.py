"""Fixtures of the web tests: an app per test, a client that talks to it as a loopback browser would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vendorcheck.api import review_file
from vendorcheck.review import Review
from vendorcheck.web import WebSettings, create_app

BASE_URL = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def samples() -> Path:
    return Path(__file__).resolve().parents[2] / "samples" / "contracts"


@pytest.fixture(scope="session")
def weak_contract(samples: Path) -> Path:
    """A French SaaS contract with gaps: it needs an addendum."""
    return samples / "saas-agenda-cgu-faibles.md"


@pytest.fixture(scope="session")
def sample_review(weak_contract: Path) -> Review:
    return review_file(weak_contract, health_data=True, lang="fr")


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def make(**settings: object) -> TestClient:
        client = TestClient(create_app(WebSettings(**settings)), base_url=BASE_URL)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def stored() -> Callable[[TestClient, Review], str]:
    """Put a review in an app's memory as an upload would, and return its result URL."""

    def put(client: TestClient, review: Review) -> str:
        return f"/results/{client.app.state.results.put(review)}"  # type: ignore[attr-defined]

    return put
