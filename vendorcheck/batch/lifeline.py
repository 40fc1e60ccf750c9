"""A batch worker ends when the process that started it ends, even when that one is killed with SIGKILL.

A killed batch cannot tell its workers to stop, and an orphaned worker would go on reviewing contracts
for nobody, holding memory and a core. Workers are forked by multiprocessing's fork server, not by the
batch, and the fork server waits for its workers before exiting; so each link of the chain asks to be
killed with its parent: the fork server when the batch dies (`preload.py`), each worker when the fork
server dies (`worker.start`). Linux does it in the kernel (`prctl(PR_SET_PDEATHSIG)`: the signal comes
when the thread that started the process ends, the batch's main thread); elsewhere a thread watches the
parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 1.0


def die_with_parent() -> None:
    """Arrange for this process to end when its parent does. Call it first thing in the child."""
    parent = os.getppid()
    if not (sys.platform.startswith("linux") and _parent_death_signal()):
        threading.Thread(target=_watch, args=(parent,), name="vendorcheck-lifeline", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _parent_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not glibc or no prctl: the watching thread does the job
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
