"""Cheap pickling for the frozen, slotted dataclasses that cross process boundaries.

Parallel validation sends every checked event back from a worker process. A slotted dataclass pickles
through ``dataclasses``' generic ``__getstate__``/``__setstate__``, which walk ``fields()`` for every
object; with tens of thousands of objects that was a tenth of the parallel run. Pickling a record as
``(cls, field values)`` rebuilds it through its own ``__init__`` instead: about half the time to load.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def by_fields(cls: T) -> T:
    """Class decorator, applied above ``@dataclass(frozen=True, slots=True)``."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    if names != tuple(getattr(cls, "__slots__", ())) or not all(f.init for f in dataclasses.fields(cls)):
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument, in slot order")
    if len(names) < 2:
        raise TypeError(f"{cls.__name__}: needs two fields or more")  # attrgetter gives a tuple
    values = attrgetter(*names)

    def reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]
    return cls
