"""A photographed contract page uploaded on the web page: read by OCR, with its progress shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vendorcheck.web.progress import ProgressBoard

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import make_scans  # noqa: E402

KEY = "0b8f7a52-3c1e-4d55-9a0e-6f1d2c3b4a59"


class RecordingBoard(ProgressBoard):
    def __init__(self) -> None:
        super().__init__()
        self.updates: list[tuple[str, int, int]] = []

    def update(self, key: str, done: int, total: int) -> None:
        self.updates.append((key, done, total))
        super().update(key, done, total)


def test_progress_of_an_unknown_or_finished_review_is_empty(client: TestClient) -> None:
    assert client.get(f"/progress/{KEY}").json() == {}
    client.app.state.progress.update(KEY, 2, 5)
    assert client.get(f"/progress/{KEY}").json() == {"done": 2, "total": 5}


def test_board_keeps_only_the_latest_reviews() -> None:
    board = ProgressBoard(capacity=2)
    for n in range(3):
        board.update(f"key-{n}", 1, 1)
    assert board.get("key-0") is None and board.get("key-2") == (1, 1)


@pytest.mark.slow
def test_photo_upload_is_read_and_reports_its_pages(client: TestClient, samples: Path) -> None:
    board = RecordingBoard()
    client.app.state.progress = board
    photo = make_scans.photograph(samples / "pacs-radiologie-hebergement.pdf")
    answer = client.post(
        "/review",
        files={"contract": ("photo-contrat.jpg", photo, "image/jpeg")},
        data={"progress": KEY, "health_data": "1"},
        headers={"accept": "application/json"},
    )
    assert answer.status_code == 200, answer.text
    document = answer.json()["review"]["document"]
    assert document["format"] == "image" and [p["page"] for p in document["recognised"]] == [1]
    assert board.updates == [(KEY, 1, 1)]
    assert board.get(KEY) is None  # forgotten once the review is done
    page = client.get(answer.json()["result"]).text
    assert "lue par reconnaissance de caractères" in page
