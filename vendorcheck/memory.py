"""The C heap of this process: how much it holds, and giving what was freed back to the system.

PDFium, lxml and Tesseract's bindings allocate with the C library's malloc, out of Python's sight. On
glibc (Linux) `mallinfo2` tells how many bytes are in use, exactly and in microseconds, and
`malloc_trim` returns freed pages to the system; elsewhere both are unavailable and callers skip what
they guard.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


@cache
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):  # not glibc, or older than 2.33
        return None


def heap_in_use() -> int | None:
    """Bytes the C heap holds now (small blocks and mapped ones), or None where unknown."""
    libc = _libc()
    if libc is None:
        return None
    info = libc.mallinfo2()
    return info.uordblks + info.hblkhd


def give_back() -> None:
    """Return freed heap pages to the system: after a large document (or a refused one), the process
    shrinks back instead of keeping its peak for as long as it runs (the web server)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
