"""Writing YAML by hand, safely: the commands that write event and metadata files, and the hints that
show what to write, emit small pieces of YAML text in the project's style (folded quotes wrapped near
100 columns, plain scalars where YAML reads them back unchanged). Every piece is read back with a real
YAML parser before it is used; what would not read back is quoted."""

from __future__ import annotations

import json
import textwrap

import yaml

WIDTH = 100


def _reads_back(text: str, value: str) -> bool:
    try:
        return bool(yaml.safe_load(text) == {"k": value})
    except yaml.YAMLError:
        return False


def scalar(value: str | None) -> str:
    """``value`` as a one-line YAML scalar: plain when that reads back as the same text, else double
    quoted (JSON's escapes are YAML's)."""
    if value is None:
        return "null"
    if value and value == value.strip() and "\n" not in value and _reads_back(f"k: {value}", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def field(key: str, value: str | None, indent: int = 0) -> str:
    """``key: value`` at ``indent`` spaces, folded (``>-``) across lines when it is long."""
    pad = " " * indent
    one = f"{pad}{key}: {scalar(value)}"
    if value is None or len(one) <= WIDTH:
        return one
    lines = textwrap.wrap(value, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
    folded = f"{pad}{key}: >-\n" + "\n".join(f"{pad}  {line}" for line in lines)
    if " ".join(value.split()) == value and _reads_back(textwrap.dedent(folded).replace(key, "k", 1), value):
        return folded
    return one


def quoted_date(value: str) -> str:
    """A date as the format wants it: always in double quotes."""
    return json.dumps(value)
