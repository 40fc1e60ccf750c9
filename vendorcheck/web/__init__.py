"""The doctor's local web page: upload a contract, read the checklist, download the addendum."""

from vendorcheck.web.app import create_app
from vendorcheck.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
