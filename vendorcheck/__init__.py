"""vendorcheck: vet the contracts of a French medical practice's suppliers (GDPR Art. 28, CSP, HDS)."""

__version__ = "0.1.0"
