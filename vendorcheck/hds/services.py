"""Service types and the R.1111-9 activities each needs (data/services.yaml)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from vendorcheck.errors import OptionError
from vendorcheck.i18n import message


class ServiceType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    fr: str
    en: str
    needs: tuple[int, ...]
    own: tuple[int, ...]

    @model_validator(mode="after")
    def _own_within_needs(self) -> ServiceType:
        if not set(self.own) <= set(self.needs):
            raise ValueError(f"{self.key}: 'own' must be a subset of 'needs'")
        return self

    def text(self, lang: str) -> str:
        """The service's name in `lang` (a field of data/services.yaml)."""
        return getattr(self, lang)


@lru_cache(maxsize=1)
def service_types() -> dict[str, ServiceType]:
    text = resources.files("vendorcheck.hds").joinpath("data/services.yaml").read_text(encoding="utf-8")
    return {key: ServiceType(key=key, **value) for key, value in yaml.safe_load(text).items()}


def get_service(key: str | None) -> ServiceType | None:
    """The service type named `key` (None passes through); an unknown key lists the known ones."""
    if key is None:
        return None
    types = service_types()
    found = types.get(key.strip().lower())
    if found is None:
        raise OptionError(detail=message("hds.errors.unknown_service", service=key, known=", ".join(types)))
    return found
