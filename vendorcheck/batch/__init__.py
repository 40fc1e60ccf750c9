"""Batch review of every supplier's contracts and declarations under a folder, recorded in the register."""

from vendorcheck.batch.runner import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "run_batch"]
