"""The passage search behind TL140's hints and `cite` (generator/passages.py): word-level differences, whole
sentences with line numbers, paraphrases, and a cost linear in the sizes of quote and source (counted in
work units, never timed)."""

from __future__ import annotations

import random

from generator import passages
from generator.passages import Budget, closest, explain, find_loose
from generator.quotes import IndexedText

from .project import ALPHA, EVENT_PATH, PLAIN, SECOND_QUOTE, MiniProject, only, variant

INDEX = IndexedText(ALPHA)


def article(seed: int, size: int) -> str:
    """A synthetic article of about ``size`` characters: sentences of words from a real one."""
    rng = random.Random(seed)
    words = [w.strip(".,") for w in ALPHA.split() if w.strip(".,")]
    out: list[str] = []
    while sum(len(s) + 1 for s in out) < size:
        out.append(" ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + ".")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- what it finds


def test_word_differences_in_reading_order_with_more() -> None:
    quote = "On Monday, South Korea's Joint Chiefs said that roughly 1,100 North Korean soldiers were killed."
    found = closest(INDEX, quote, limit=2)
    assert found.kind == "passage" and found.line == 4
    assert found.differences == (
        "the quote has 'Korea's' where the source has 'Korea’s': ''' (U+0027 APOSTROPHE) for '’' (U+2019 "
        "RIGHT SINGLE QUOTATION MARK)",
        "the source has 'of Staff' after 'Chiefs', which the quote lacks",
    )
    assert found.more == 2
    assert explain("alpha", found)[3] == "… and 2 more differences"


def test_the_whole_sentence_is_shown_even_for_part_of_it() -> None:
    found = closest(INDEX, "that more than 3,000 North Korean soldiers had been killed")
    assert found.sentence == (
        "Ukraine’s President said on December 23 that more than 3,000 North Korean soldiers had been killed "
        "or wounded."
    )
    assert found.passage == "that more than 3,000 North Korean soldiers had been killed"
    assert found.line == 8


def test_a_sentence_wrapped_across_lines_is_one_sentence() -> None:
    found = closest(INDEX, "about 1,100 North Korean soldiers had been wounded")
    assert found.line == 4
    assert found.sentence.endswith("had been killed or wounded in the Kursk region.")


def test_a_heavy_paraphrase_gets_the_sentence_sharing_numbers_and_dates() -> None:
    found = closest(
        INDEX, "Kyiv's leader stated 3,000 troops from Pyongyang died or were hurt on 23 December"
    )
    assert found.kind == "sentence"
    assert found.line == 8
    assert found.shared == ("3,000", "23", "December")
    lines = explain("alpha", found)
    assert lines[0].startswith("nothing in alpha is close to the quote; the sentence sharing the most words")
    assert lines[1] == "shared: 3,000, 23, December"


def test_nothing_shared() -> None:
    assert closest(INDEX, "The moon is made of green cheese, astronomers said.").kind == "none"


def test_find_loose_tolerates_quotes_dashes_whitespace_and_case() -> None:
    text = "He called it a “turning point” — the first since 2022.\n"
    index = IndexedText(text)
    [(start, end)] = find_loose(index, 'he called it a "TURNING point" -\n the first')
    assert text[start:end] == "He called it a “turning point” — the first"
    assert find_loose(index, "a turning point") == []  # the quotation marks are not optional


# ---------------------------------------------------------------- its cost (finding 4 of issue 12)


def test_a_20_kb_misquote_of_a_20_kb_article_costs_linear_work() -> None:
    source = article(1, 20_000)
    words = source.split()
    quote = " ".join(w if i % 50 else w + "x" for i, w in enumerate(words))  # every 50th word changed
    assert len(quote) > 20_000
    budget = Budget()
    found = closest(IndexedText(source), quote, budget=budget)
    assert found.kind == "passage" and not found.cut_short
    assert found.differences[0] == f"the quote has '{words[0]}x' where the source has '{words[0]}'"
    assert not found.compared_all
    # linear: at most MAX_POSTINGS lookups per quote word plus a bounded comparison window
    bound = passages.MAX_POSTINGS * len(words) + passages.CANDIDATES * passages.COMPARED_WORDS * (
        passages.COMPARED_WORDS + 2 * passages.SLACK
    )
    assert budget.spent <= bound
    assert budget.spent < 400_000


def test_a_sentence_repeated_thirty_times_costs_linear_work() -> None:
    sentence = (
        "Ukraine’s President said on December 23 that more than 3,000 North Korean soldiers had been killed "
        "or wounded."
    )
    budget = Budget()
    found = closest(INDEX, " ".join([sentence] * 30), budget=budget)
    assert found.line == 8
    assert budget.spent < 200_000


def test_an_unrelated_20_kb_quote_costs_linear_work() -> None:
    budget = Budget()
    found = closest(IndexedText(article(2, 20_000)), article(3, 20_000), budget=budget)
    assert found.kind in {"sentence", "none"}
    assert budget.spent < 400_000


def test_when_the_budget_runs_out_the_answer_is_simpler() -> None:
    source = article(1, 20_000)
    quote = " ".join(w + "x" if i % 7 == 0 else w for i, w in enumerate(source.split()))
    budget = Budget(2_000)
    found = closest(IndexedText(source), quote, budget=budget)
    assert found.cut_short
    assert budget.spent <= 2_000
    assert found.kind in {"passage", "sentence", "none"}
    if found.kind == "passage":
        assert (
            explain("big", found)[-1]
            == "the quote is too long to compare word by word: quote one or two sentences"
        )


def test_the_validator_hint_for_a_long_misquote(project: MiniProject) -> None:
    """Through the validator, a misquote of the whole article gives one TL140 with a bounded hint."""
    source = article(4, 20_000)
    project.source(
        "gamma",
        source,
        (project.seeds / "beta.yaml").read_text(encoding="utf-8").split("sha256")[0] + "sha256: {sha256}\n",
    )
    quote = source.replace("\n", " ").strip().replace(" ", "  ", 1)
    words = quote.split()
    words[500] += "x"
    project.event(
        variant(
            SECOND_QUOTE,
            f"    quote: {' '.join(words)}\n",
            variant("  - source: alpha\n" + SECOND_QUOTE, "  - source: gamma\n" + SECOND_QUOTE, PLAIN),
        )
    )
    d = only(project.validate(), "TL140")
    assert (d.path, d.line) == (EVENT_PATH, 10)
    lines = d.hint.splitlines()
    assert lines[0].startswith("closest passage in gamma, line ")
    assert lines[1] == f"the quote has '{words[500]}' where the source has '{words[500][:-1]}'"
    assert lines[2].startswith("(compared 160 words from the first difference")
