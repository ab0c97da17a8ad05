"""The input schema: what a contributor may write in an event file, a source's metadata file and the
vocabulary. One pydantic definition gives both validation (with locations we map to ``line:col``) and
the JSON Schema published for editors (``generator/schema/*.json``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .hints import check, did_you_mean

__all__ = [
    "SLUG",
    "SOURCE_ID",
    "EventIn",
    "SourceIn",
    "VocabularyIn",
    "check",
    "did_you_mean",
    "json_schemas",
]

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

# Ids that name pages: a source, tag or measure id must not be the name of a page the generator makes
# in the same folder (sources/index.md, tags/index.md), nor one that Windows cannot give a file (the
# offline bundle is unzipped there too; Windows ignores the case and everything after a dot).
GENERATED_PAGE_NAMES = frozenset({"index"})
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def reserved(ident: str) -> str | None:
    """Why ``ident`` cannot name a page, or None."""
    if ident.lower() in GENERATED_PAGE_NAMES:
        return f"the generator's own index page is called {ident.lower()}"
    if ident.lower().split(".")[0] in WINDOWS_DEVICE_NAMES:
        return "Windows cannot give a file this name"
    if ident.endswith("."):
        return "Windows drops a dot at the end of a file name"
    return None


# Limits (docs/contributing/event-format.md, "Limits"): far above what real events need, low enough
# that a 1,000-event site at every limit builds in bounded time and memory.
LINE = 300  # characters: a title, a name, a label, a unit, an id, a date
NOTE = 1_000  # a note, a description, a prefix or suffix
PASSAGE = 5_000  # a summary, a URL (a quote has no limit of its own: the file's bounds it)
MAX_TAGS = 10  # per event
MAX_ENTRIES = 20  # citations, claims, date_basis and problems, each, per event
MAX_UNRELATED = 50  # per source
MAX_VOCABULARY_TAGS, MAX_MEASURES = 500, 200

Line = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=LINE)]
Note = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=NOTE)]
Passage = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=PASSAGE)]
Quoted = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]  # the source's own words
Word = Annotated[str, StringConstraints(max_length=LINE)]  # an id, a date, a name: checked elsewhere
Description = Annotated[str, StringConstraints(max_length=NOTE)]
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CitationIn(_Strict):
    """A verbatim span of a stored source (W3C Web Annotation TextQuoteSelector semantics)."""

    source: Word = Field(description="The source id: a file name in seeds/ without .txt")
    quote: Quoted = Field(description="Exact text of the source; runs of whitespace may differ")
    prefix: Note | None = Field(None, description="Text just before the quote, only to make it unique")
    suffix: Note | None = Field(None, description="Text just after the quote, only to make it unique")
    note: Note | None = None


class ClaimIn(_Strict):
    """An attributed figure. Never merged with other claims: each claimant's figure stands alone."""

    measure: Word = Field(description="A measure id from events/_vocabulary.yaml")
    qualifier: Literal["exact", "about", "at-least", "at-most", "range"]
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: Line | None = Field(None, description="Defaults to the measure's unit")
    claimant: Word = Field(description="Who asserts the figure (not the outlet that reports it)")
    as_of: Word = Field(description="EDTF date the figure refers to")
    citation: int = Field(ge=1, description="1-based number of the citation that supports the figure")
    estimate: Slug | None = Field(
        None,
        description="An id shared by every claim that reports the same estimate (one statement, reported "
        "by several articles): such claims count once and are never shown as agreeing with each other",
    )
    inference: Note | None = Field(
        None,
        description="When the quote does not name the claimant or the date outright: what the "
        "attribution rests on. Readers see it labelled as an inference",
    )
    note: Note | None = None


class DateBasisIn(_Strict):
    """How a quote dates the event when it gives no calendar date itself."""

    citation: int = Field(ge=1, description="1-based number of the citation whose quote holds the phrase")
    phrase: Line | None = Field(
        None, description='A relative phrase in that quote, e.g. "On Monday", "earlier this month"'
    )
    as_of: Literal["publication"] | None = Field(
        None, description="The quote reports the fact as current when the article was published"
    )


class ProblemIn(_Strict):
    """A problem in a source, carried to readers: an impossible date, sources disagreeing."""

    kind: Literal["wrong-date", "error", "disagreement", "uncorroborated", "note"] = Field(
        description="wrong-date or error: the source is wrong ([sic]); disagreement: sources differ "
        "([disputed]); uncorroborated: no other source confirms it ([unconfirmed]); note: a remark "
        "for readers (no tag on the quote)"
    )
    citation: int = Field(ge=1, description="1-based number of the citation whose quote holds the text")
    text: Quoted = Field(description="The problematic words exactly as the quote has them")
    correction: Line | None = Field(None, description="The likely intended reading, e.g. 2024-12-18")
    note: Note = Field(description="What is wrong, for readers")


class EventIn(_Strict):
    """One event of the timeline: ``events/<id>.yaml``."""

    id: Word = Field(json_schema_extra={"pattern": SLUG}, description="Lowercase slug equal to the file name")
    date: Word = Field(description="EDTF: 2024, 2024-06, 2024-06-19, with ~ or ?, or 2024-08/2024-12")
    title: Line
    summary: Passage = Field(description="Markdown: emphasis and http(s) links only; no raw HTML")
    tags: list[Word] = Field(min_length=1, max_length=MAX_TAGS)
    citations: list[CitationIn] = Field(min_length=1, max_length=MAX_ENTRIES)
    claims: list[ClaimIn] = Field(default_factory=list, max_length=MAX_ENTRIES)
    date_basis: list[DateBasisIn] = Field(default_factory=list, max_length=MAX_ENTRIES)
    problems: list[ProblemIn] = Field(default_factory=list, max_length=MAX_ENTRIES)


class UnrelatedIn(_Strict):
    starts: Quoted = Field(description="Text at which the unrelated part begins (must be unique)")
    ends: Quoted | None = Field(None, description="Text at which it ends (inclusive); omit for the end")
    note: Note


class OriginalIn(_Strict):
    """The original page a text was extracted from: ``seeds/<file>``, byte for byte."""

    file: Line = Field(description="Its file name in seeds/, e.g. 005_0123456789abcdef.html")
    sha256: str = Field(
        json_schema_extra={"pattern": "^[0-9a-f]{64}$"}, description="The SHA-256 of the file"
    )
    extracted_with: Line | None = Field(
        None, description="The extractor and its version, e.g. trafilatura 2.3.1"
    )


class SourceIn(_Strict):
    """What is known about a stored article: ``seeds/<id>.yaml`` beside ``seeds/<id>.txt``."""

    title: Line
    publisher: Line | None = Field(description="null when the stored copy does not name it")
    url: Passage | None = Field(description="null when the stored copy does not name it")
    published: Word | None = Field(description="EDTF, as precise as the text supports")
    published_basis: Note = Field(description="How the publication date was determined")
    # Any text: a hash that is not the text's is reported with the hash to write (TL131).
    sha256: str = Field(
        json_schema_extra={"pattern": "^[0-9a-f]{64}$"}, description="The SHA-256 of <id>.txt, in hex"
    )
    original: OriginalIn | None = Field(
        None, description="The page the text was extracted from, kept beside it (add-source writes it)"
    )
    unrelated: list[UnrelatedIn] = Field(default_factory=list, max_length=MAX_UNRELATED)

    placeholders_block: ClassVar[bool] = True  # metadata with a TODO is not used at all


class TagIn(_Strict):
    label: Line
    description: Description = ""


class MeasureIn(_Strict):
    label: Line
    unit: Line
    description: Description = ""


class VocabularyIn(_Strict):
    tags: dict[Slug, TagIn] = Field(max_length=MAX_VOCABULARY_TAGS)
    measures: dict[Slug, MeasureIn] = Field(max_length=MAX_MEASURES)


def json_schemas(
    tags: Sequence[str] = (), measures: Sequence[str] = (), sources: Sequence[str] = ()
) -> dict[str, str]:
    """The JSON Schema files for editors, by file name (deterministic text). The project's ``tags``,
    ``measures`` and ``sources`` ids, when given, are listed as the only values those fields take, so
    that an editor completes them and flags a typo."""
    out = {}
    for name, model in (("event", EventIn), ("source", SourceIn), ("vocabulary", VocabularyIn)):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        if model is EventIn:
            _enum(schema["properties"]["tags"]["items"], tags, "a tag of events/_vocabulary.yaml")
            _enum(
                schema["$defs"]["ClaimIn"]["properties"]["measure"], measures, "a measure of the vocabulary"
            )
            _enum(schema["$defs"]["CitationIn"]["properties"]["source"], sources, "a source id in seeds/")
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def _enum(target: dict[str, Any], values: Sequence[str], what: str) -> None:
    if values:
        target["enum"] = sorted(values)
        target["description"] = (
            f"{target.get('description', what).rstrip('.')}; one of those listed when the schema was "
            "written (python -m generator schema rewrites it)"
        )
