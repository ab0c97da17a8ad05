"""How a quote's words differ from a source's, in plain words, one sentence per difference: what the
validator's TL140 hint and `cite` print under the closest passage."""

from __future__ import annotations

import difflib
import unicodedata


def _char(c: str) -> str:
    name = unicodedata.name(c, "")
    return f"'{c}' (U+{ord(c):04X}{' ' + name if name else ''})"


def _quoted(words: list[str]) -> str:
    text = " ".join(words)
    return f"'{text}'" if len(text) <= 80 else f"'{text[:77]}…'"


def describe(mine: list[str], theirs: list[str]) -> list[str]:
    """How the quote's words differ from the source's, in reading order: one sentence per difference."""
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        q, s = mine[i1:i2], theirs[j1:j2]
        after = f" after '{mine[i1 - 1]}'" if i1 > 0 else " at the start"
        if op == "replace" and len(q) == len(s) == 1:
            out.append(_one_word(q[0], s[0]))
        elif op == "replace":
            out.append(f"the quote has {_quoted(q)} where the source has {_quoted(s)}")
        elif op == "delete":
            out.append(f"the quote has {_quoted(q)}{after}, which the source does not")
        else:
            out.append(f"the source has {_quoted(s)}{after}, which the quote lacks")
    return out


def _one_word(q: str, s: str) -> str:
    said = f"the quote has '{q}' where the source has '{s}'"
    matcher = difflib.SequenceMatcher(None, q, s, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changes) == 1 and changes[0][0] == "replace":
        _, i1, i2, j1, j2 = changes[0]
        if i2 - i1 == 1 and j2 - j1 == 1:
            return f"{said}: {_char(q[i1])} for {_char(s[j1])}"
    return said
