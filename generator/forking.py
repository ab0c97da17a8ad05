"""Whether this process may fork: the build's second and third processes (pages ahead, exports) and the
validation workers are forked copies of it, which is only safe with no other thread running (under
``mkdocs serve`` the server's threads are)."""

from __future__ import annotations

import multiprocessing as mp
import threading


def fork_safe() -> bool:
    return threading.active_count() == 1 and "fork" in mp.get_all_start_methods()
