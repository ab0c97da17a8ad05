"""Passages a quote may have meant, when it is not in its source verbatim.

One search serves the validator's TL140 hints and ``python -m generator cite``:

* :func:`find_loose` finds a quote typed with straight quotes for curly ones, another dash, other
  whitespace or letter case, and gives the source's own characters;
* :func:`closest` finds the run of source words that best matches a misquote and says, word by word,
  how they differ, inside the whole sentence and with its line number; for a heavy paraphrase it finds
  the sentence that shares the most words, numbers and dates with the quote.

The cost is linear in the sizes of the quote and the source. Candidate alignments come from an index of
the source's words (each quote word votes for the places its occurrences put the quote; words that occur
too often carry no information and do not vote); only a bounded number of words is compared word by
word; and every step draws on a :class:`Budget` of work units. When the budget runs out, the search
stops and answers with what it has: a simpler hint, never a slow one. The budget counts work, not
seconds, so the same input always gives the same hint.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from . import sourcewords as sw
from .quotes import IndexedText, normalize
from .sourcewords import fold
from .worddiff import describe


def find_loose(index: IndexedText, quote: str) -> list[tuple[int, int]]:
    """Every place (original start and end offsets) where ``quote`` occurs in the source, tolerating
    whitespace, quotes and apostrophes, dashes and letter case."""
    needle = fold(normalize(quote))
    if not needle:
        return []
    hay = sw.words_of(index).folded
    found = []
    at = hay.find(needle)
    while at != -1:
        found.append((index.original(at), index.original_end(at + len(needle))))
        at = hay.find(needle, at + 1)
    return found


# ---------------------------------------------------------------- the budget


class Budget:
    """Units of work a search may spend: a posting visited, a pair of words compared. Deterministic,
    unlike a clock: the same quote and source always get the same answer."""

    def __init__(self, units: int = 2_000_000) -> None:
        self.units = units
        self.spent = 0

    def spend(self, units: int) -> bool:
        """Take ``units``; False (and nothing taken) when that would go over the budget."""
        if self.spent + units > self.units:
            return False
        self.spent += units
        return True


# A word that occurs more often than this in a source tells nothing about where a quote belongs.
MAX_POSTINGS = 64
# At most this many quote words are compared word by word with the source.
COMPARED_WORDS = 160
# Source words taken on either side of a candidate alignment.
SLACK = 12
CANDIDATES = 3
SIMILAR = 0.6  # word-level similarity from which a passage counts as the quote's closest

# ---------------------------------------------------------------- closest passage


@dataclass(frozen=True)
class Closest:
    """What the search found for a quote that is not in the source.

    ``kind``: "passage" (a run of source words close to the quote: ``differences`` says how they differ),
    "sentence" (a heavy paraphrase: the sentence sharing the most words, numbers and dates, listed in
    ``shared``) or "none"."""

    kind: str
    line: int = 0
    sentence: str = ""  # the whole sentence(s) holding the passage, whitespace normalized
    passage: str = ""  # the source's words that match the quote
    differences: tuple[str, ...] = ()
    more: int = 0  # differences not listed
    only_characters: bool = False  # the quote differs only in quotes, dashes, whitespace or case
    shared: tuple[str, ...] = ()
    compared_all: bool = True  # False: the quote was longer than the words compared
    cut_short: bool = False  # the budget ran out: a simpler answer
    others: tuple[tuple[int, str], ...] = field(default=())  # further similar sentences (line, text)


def closest(index: IndexedText, quote: str, *, budget: Budget | None = None, limit: int = 4) -> Closest:
    """The source's passage closest to ``quote``, how the two differ word by word (at most ``limit``
    differences listed), or for a paraphrase the sentence sharing the most with it."""
    budget = budget or Budget()
    words = sw.words_of(index)
    quoted = normalize(quote).split(" ")
    if not quoted[0] or not words.keys:
        return Closest("none")
    qkeys = [sw.search_key(w) for w in quoted]
    diagonals, cut = _vote(words, qkeys, budget)
    span = _compared(index, words, quoted, diagonals[0], budget) if diagonals else (0, 0)
    if span is None:
        cut, diagonals = True, diagonals[:1]
        span = (0, 0)
    best: _Aligned | None = None
    for diagonal in diagonals if span[1] > span[0] else []:
        aligned = _align(index, words, quoted, diagonal, span, budget)
        if aligned is None:
            cut = True
            break
        if best is None or aligned.ratio > best.ratio:
            best = aligned
    if best is not None and best.ratio >= SIMILAR:
        return _passage(index, words, quoted, best, limit, cut)
    if cut and diagonals:  # no budget left to compare: say where the quote's words point
        first = diagonals[0] + max(0, -diagonals[0])
        first = min(max(first, 0), len(words.keys) - 1)
        line, sentence = sw.sentence(index, words, words.sentence_of[first])
        return Closest("passage", line, sentence, cut_short=True, compared_all=False)
    ranked = _shared(index, words, qkeys, budget)
    if not ranked:
        return Closest("none", cut_short=cut)
    (line, sentence, shared), *rest = ranked
    return Closest(
        "sentence",
        line,
        sentence,
        shared=tuple(shared),
        others=tuple((n, s) for n, s, _ in rest),
        cut_short=cut,
    )


def _vote(words: sw.Words, qkeys: list[str], budget: Budget) -> tuple[list[int], bool]:
    """The most likely alignments (source word index minus quote word index), best first, and whether
    the budget ran out while counting."""
    votes: Counter[int] = Counter()
    cut = False
    for qi, key in enumerate(qkeys):
        posting = words.postings.get(key)
        if not posting or len(posting) > MAX_POSTINGS:
            continue
        if not budget.spend(len(posting)):
            cut = True
            break
        for p in posting:
            votes[p - qi] += 1
    # neighbouring alignments (a word added or dropped) count towards each other
    smoothed = {d: n + (votes.get(d - 1, 0) + votes.get(d + 1, 0)) / 2 for d, n in votes.items()}
    ranked = sorted(smoothed, key=lambda d: (-smoothed[d], abs(d), d))
    return ranked[:CANDIDATES], cut


@dataclass(frozen=True)
class _Aligned:
    qstart: int  # quote words compared: quoted[qstart:qend]
    qend: int
    sstart: int  # source words they match best: words[sstart:send]
    send: int
    ratio: float


def _compared(
    index: IndexedText, words: sw.Words, quoted: list[str], diagonal: int, budget: Budget
) -> tuple[int, int] | None:
    """The quote words to compare (at most COMPARED_WORDS): the whole quote, or for a long one, from
    just before the first word that differs from the source along the likeliest alignment."""
    if len(quoted) <= COMPARED_WORDS:
        return 0, len(quoted)
    total = len(words.keys)
    same = max(0, -diagonal)
    while (
        same < len(quoted)
        and 0 <= same + diagonal < total
        and _word(index, words, same + diagonal) == quoted[same]
    ):
        same += 1
    if not budget.spend(same + 1):
        return None
    qstart = min(max(0, same - SLACK), max(0, len(quoted) - COMPARED_WORDS))
    return qstart, qstart + COMPARED_WORDS


def _align(
    index: IndexedText,
    words: sw.Words,
    quoted: list[str],
    diagonal: int,
    span: tuple[int, int],
    budget: Budget,
) -> _Aligned | None:
    """Compare the quote's words ``span`` with the source's words along ``diagonal``."""
    total = len(words.keys)
    qstart, qend = span
    lo = max(0, qstart + diagonal - SLACK)
    hi = min(total, qend + diagonal + SLACK)
    if lo >= hi:
        return _Aligned(qstart, qend, lo, lo, 0.0)
    if not budget.spend((qend - qstart) * (hi - lo)):
        return None
    mine = quoted[qstart:qend]
    theirs = [_word(index, words, i).translate(sw.FOLD) for i in range(lo, hi)]
    matcher = difflib.SequenceMatcher(None, [w.translate(sw.FOLD) for w in mine], theirs, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return _Aligned(qstart, qend, lo, lo, 0.0)
    send = lo + blocks[-1].b + blocks[-1].size
    sstart = lo + blocks[0].b
    # the quote's unmatched ends are compared with as many source words around the match
    sstart = max(lo, sstart - blocks[0].a)
    send = min(hi, send + (len(mine) - blocks[-1].a - blocks[-1].size))
    matched = sum(b.size for b in blocks)
    if qstart > 0 or qend < len(quoted):  # a long quote: the words before the window matched too
        return _Aligned(qstart, qend, sstart, send, (qstart + matched) / (qstart + len(mine)))
    return _Aligned(qstart, qend, sstart, send, 2 * matched / (len(mine) + (send - sstart)))


def _word(index: IndexedText, words: sw.Words, i: int) -> str:
    return index.norm[words.starts[i] : words.ends[i]]


def _passage(
    index: IndexedText, words: sw.Words, quoted: list[str], best: _Aligned, limit: int, cut: bool
) -> Closest:
    mine = quoted[best.qstart : best.qend]
    theirs = [_word(index, words, i) for i in range(best.sstart, best.send)]
    differences = describe(mine, theirs)
    first_sentence = words.sentence_of[best.sstart] if best.send > best.sstart else 0
    last_sentence = words.sentence_of[max(best.sstart, best.send - 1)] if best.send > best.sstart else 0
    line, sentence = sw.sentence(index, words, first_sentence, last_sentence)
    passage = " ".join(theirs)
    whole = best.qstart == 0 and best.qend == len(quoted)
    return Closest(
        "passage",
        line,
        sentence,
        passage,
        tuple(differences[:limit]),
        max(0, len(differences) - limit),
        only_characters=whole and fold(" ".join(mine)) == fold(passage),
        compared_all=whole,
        cut_short=cut,
    )


def _shared(
    index: IndexedText, words: sw.Words, qkeys: list[str], budget: Budget
) -> list[tuple[int, str, list[str]]]:
    """Sentences sharing the most with the quote: numbers and dates count three, other words one; very
    common words count nothing. Best first, at most three, each sharing at least a date or number or two
    words."""
    score: Counter[int] = Counter()
    shared: dict[int, list[str]] = {}
    for key in dict.fromkeys(qkeys):
        if key in sw.STOP or (len(key) < 3 and not key[:1].isdigit()):
            continue
        posting = words.postings.get(key)
        if not posting or len(posting) > MAX_POSTINGS:
            continue
        if not budget.spend(len(posting)):
            break
        weight = 3 if key[:1].isdigit() or key in sw.MONTHS else 1
        for sentence, first in {words.sentence_of[p]: p for p in reversed(posting)}.items():
            score[sentence] += weight
            shared.setdefault(sentence, []).append(_word(index, words, first).strip(sw.EDGE))
    ranked = sorted((s for s in score if score[s] >= 2), key=lambda s: (-score[s], s))[:3]
    ranked = [s for s in ranked if 2 * score[s] >= score[ranked[0]]]
    return [(*sw.sentence(index, words, s), shared[s]) for s in ranked]


# ---------------------------------------------------------------- hints


def explain(source_id: str, found: Closest) -> list[str]:
    """Hint lines for a quote that is not in ``source_id``: where the closest passage is and how the
    quote differs, in plain words."""
    if found.kind == "none":
        return [f"no similar passage in {source_id}: is it the right source?"]
    if found.kind == "sentence":
        lines = [
            f"nothing in {source_id} is close to the quote; the sentence sharing the most words, numbers "
            f'and dates with it is on line {found.line}: "{found.sentence}"',
            f"shared: {', '.join(found.shared)}",
        ]
        lines += [f'also similar, line {line}: "{text}"' for line, text in found.others[:1]]
        return lines
    lines = [f'closest passage in {source_id}, line {found.line}: "{found.sentence}"']
    if found.cut_short and not found.differences:
        lines.append("the quote is too long to compare word by word: quote one or two sentences")
        return lines
    lines += found.differences
    if found.more:
        lines.append(f"… and {found.more} more difference{'s' if found.more != 1 else ''}")
    if not found.compared_all:
        lines.append(
            f"(compared {COMPARED_WORDS} words from the first difference: fix these and validate again)"
        )
    if found.only_characters:
        lines.append("only quotes, dashes or letter case differ: copy the source's characters exactly")
    return lines
