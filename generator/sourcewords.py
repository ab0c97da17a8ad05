"""A source's words, indexed once for the passage search (generator/passages.py): each word's place,
its search key (folded, numbers without separators, month abbreviations as months), the line and the
sentence it belongs to, and where each key occurs."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quotes import IndexedText

# ---------------------------------------------------------------- folding: what `cite` tolerates

FOLD = str.maketrans(
    {
        **dict.fromkeys("‘’ʼ′‚‛`´", "'"),
        **dict.fromkeys("“”„″‟«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)


def fold(text: str) -> str:
    """``text`` with curly quotes and apostrophes made straight, every dash a hyphen and letters in lower
    case. Each character stays one character, so offsets in the folded text are offsets in ``text``."""
    plain = text.translate(FOLD)
    low = plain.lower()
    if len(low) == len(plain):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in plain)


WORD = re.compile(r"\S+")
EDGE = "\"'()[]{}.,;:!?-…*"
MONTHS = {
    name.lower(): name.lower()
    for name in (
        "January February March April May June July August September October November December".split()
    )
}
MONTHS.update({m[:3]: m for m in list(MONTHS.values())})
MONTHS["sept"] = "september"
STOP = frozenset(
    """a an the of to in on at by for from with and or but nor as is are was were be been being has have
    had it its this that these those which who whom whose what when where while than then there their they
    them he she his her him we our you your i me my not no so such into over under about after before said
    says say told also would could should will may might can more most some any all one other""".split()
)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt capt maj adm rep sen gov pres no vs u.s u.k u.n e.g i.e jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)
OPENERS = "\"'“‘(["


def search_key(word: str) -> str:
    """What a word is searched by: folded, without the punctuation around it; numbers without thousands
    separators; month abbreviations as the month."""
    key = fold(word).strip(EDGE) or fold(word)
    if key[:1].isdigit():
        key = key.replace(",", "")
    return MONTHS.get(key, key)


@dataclass
class Words:
    """A source's words (runs of non-whitespace in its normalized text): where each stands, its search
    key, the line and sentence it belongs to, and the places each key occurs."""

    starts: list[int]
    ends: list[int]
    keys: list[str]
    lines: list[int]  # 1-based line in the original text
    sentence_of: list[int]  # index into sentence_starts
    sentence_starts: list[int]  # first word of each sentence
    postings: dict[str, list[int]]
    folded: str


def words_of(index: IndexedText) -> Words:
    cached = index.search_cache
    if isinstance(cached, Words):
        return cached
    norm, text = index.norm, index.text
    spans = [m.span() for m in WORD.finditer(norm)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    words = [norm[s:e] for s, e in spans]
    keys = [search_key(w) for w in words]
    breaks = [m.start() for m in re.finditer("\n", text)]
    lines = [bisect.bisect_right(breaks, index.original(s)) + 1 for s in starts]
    sentence_of: list[int] = []
    sentence_starts: list[int] = []
    for i, word in enumerate(words):
        if i == 0 or ends_sentence(words[i - 1], word, new_line=lines[i] != lines[i - 1]):
            sentence_starts.append(i)
        sentence_of.append(len(sentence_starts) - 1)
    postings: dict[str, list[int]] = {}
    for i, found_key in enumerate(keys):
        postings.setdefault(found_key, []).append(i)
    found = Words(starts, ends, keys, lines, sentence_of, sentence_starts, postings, fold(norm))
    index.search_cache = found
    return found


def ends_sentence(word: str, following: str, *, new_line: bool) -> bool:
    """Whether a sentence ends between ``word`` and ``following``. A line break ends one unless the next
    line goes on in lower case (a sentence wrapped across lines); so does a full stop, question or
    exclamation mark before a capital, a digit or an opening quote, unless it ends an abbreviation."""
    first = following[:1]
    starts = first.isupper() or first.isdigit() or first in OPENERS
    if new_line:
        return starts or not first.isalpha()
    bare = word.rstrip("\"'”’)]")
    if not bare.endswith((".", "!", "?")):
        return False
    if bare.endswith(".") and bare[:-1].lower().strip(OPENERS) in ABBREVIATIONS:
        return False
    return starts


MAX_SHOWN = 400  # characters of a sentence shown in a hint


def sentence(index: IndexedText, words: Words, first: int, last: int | None = None) -> tuple[int, str]:
    """The line and text of sentences ``first``..``last`` (whitespace normalized, long ones cut)."""
    last = first if last is None else last
    start = words.sentence_starts[first]
    stop = words.sentence_starts[last + 1] if last + 1 < len(words.sentence_starts) else len(words.keys)
    text = index.norm[words.starts[start] : words.ends[stop - 1]]
    if len(text) > MAX_SHOWN:
        text = text[:MAX_SHOWN].rsplit(" ", 1)[0] + " …"
    return words.lines[start], text
