"""Settings of the web app, and the one check that keeps contracts off the network by default."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from vendorcheck.errors import OptionError
from vendorcheck.i18n import message
from vendorcheck.models import Language

MIN_TOKEN_LENGTH = 16


class WebSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    host: str = Field("127.0.0.1", description="Address the server listens on; loopback unless a token is set.")
    port: int = Field(8000, ge=0, le=65535, description="TCP port.")
    token: str | None = Field(None, description="Secret required on every request (mandatory off loopback).")
    max_upload_mb: int = Field(20, ge=1, le=500, description="Largest upload (contract + declaration), in MB.")
    db: str | None = Field(None, description="Supplier register (SQLite path or SQLAlchemy URL) for /suppliers.")
    lang: Language = Field("fr", description="Interface language when the visitor has not chosen one.")
    result_minutes: int = Field(30, ge=1, le=24 * 60, description="How long a review stays in memory.")
    max_results: int = Field(20, ge=1, le=1000, description="Reviews kept in memory at once; oldest dropped.")
    rules_dir: Path | None = Field(None, description="Rule folder replacing the shipped rules.")
    tmp_dir: Path | None = Field(None, description="Where private upload folders are made (system default).")

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024


# (name, default, help) of every setting, for the documentation and its test.
SETTINGS: list[tuple[str, object, str]] = [
    (name, field.default, field.description or "") for name, field in WebSettings.model_fields.items()
]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(settings: WebSettings) -> None:
    """Refuse to serve contracts beyond this computer without a token.

    A practice's contracts and their excerpts are confidential (the CNIL has fined practices whose files were
    reachable on the network), so any address other than loopback requires a shared secret.
    """
    if settings.token is not None and len(settings.token) < MIN_TOKEN_LENGTH:
        raise OptionError(detail=message("web.errors.short_token", length=MIN_TOKEN_LENGTH))
    if not is_loopback(settings.host) and settings.token is None:
        raise OptionError(detail=message("web.errors.exposed", host=settings.host, length=MIN_TOKEN_LENGTH))
