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

Text = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CitationIn(_Strict):
    """A verbatim span of a stored source (W3C Web Annotation TextQuoteSelector semantics)."""

    source: str = Field(description="The source id: a file name in seeds/ without .txt")
    quote: Text = Field(description="Exact text of the source; runs of whitespace may differ")
    prefix: Text | None = Field(None, description="Text just before the quote, only to make it unique")
    suffix: Text | None = Field(None, description="Text just after the quote, only to make it unique")
    note: Text | None = None


class ClaimIn(_Strict):
    """An attributed figure. Never merged with other claims: each claimant's figure stands alone."""

    measure: str = Field(description="A measure id from events/_vocabulary.yaml")
    qualifier: Literal["exact", "about", "at-least", "at-most", "range"]
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: Text | None = Field(None, description="Defaults to the measure's unit")
    claimant: str = Field(description="Who asserts the figure (not the outlet that reports it)")
    as_of: str = Field(description="EDTF date the figure refers to")
    citation: int = Field(ge=1, description="1-based number of the citation that supports the figure")
    estimate: Slug | None = Field(
        None,
        description="An id shared by every claim that reports the same estimate (one statement, reported "
        "by several articles): such claims count once and are never shown as agreeing with each other",
    )
    inference: Text | None = Field(
        None,
        description="When the quote does not name the claimant or the date outright: what the "
        "attribution rests on. Readers see it labelled as an inference",
    )
    note: Text | None = None


class DateBasisIn(_Strict):
    """How a quote dates the event when it gives no calendar date itself."""

    citation: int = Field(ge=1, description="1-based number of the citation whose quote holds the phrase")
    phrase: Text | None = Field(
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
    text: Text = Field(description="The problematic words exactly as the quote has them")
    correction: Text | None = Field(None, description="The likely intended reading, e.g. 2024-12-18")
    note: Text = Field(description="What is wrong, for readers")


class EventIn(_Strict):
    """One event of the timeline: ``events/<id>.yaml``."""

    id: str = Field(json_schema_extra={"pattern": SLUG}, description="Lowercase slug equal to the file name")
    date: str = Field(description="EDTF: 2024, 2024-06, 2024-06-19, with ~ or ?, or 2024-08/2024-12")
    title: Text
    summary: Text = Field(description="Markdown: emphasis and http(s) links only; no raw HTML")
    tags: list[str] = Field(min_length=1)
    citations: list[CitationIn] = Field(min_length=1)
    claims: list[ClaimIn] = Field(default_factory=list)
    date_basis: list[DateBasisIn] = Field(default_factory=list)
    problems: list[ProblemIn] = Field(default_factory=list)


class UnrelatedIn(_Strict):
    starts: Text = Field(description="Text at which the unrelated part begins (must be unique)")
    ends: Text | None = Field(None, description="Text at which it ends (inclusive); omit for the end")
    note: Text


class OriginalIn(_Strict):
    """The original page a text was extracted from: ``seeds/<file>``, byte for byte."""

    file: Text = Field(description="Its file name in seeds/, e.g. 005_0123456789abcdef.html")
    sha256: str = Field(
        json_schema_extra={"pattern": "^[0-9a-f]{64}$"}, description="The SHA-256 of the file"
    )
    extracted_with: Text | None = Field(
        None, description="The extractor and its version, e.g. trafilatura 2.3.1"
    )


class SourceIn(_Strict):
    """What is known about a stored article: ``seeds/<id>.yaml`` beside ``seeds/<id>.txt``."""

    title: Text
    publisher: Text | None = Field(description="null when the stored copy does not name it")
    url: Text | None = Field(description="null when the stored copy does not name it")
    published: str | None = Field(description="EDTF, as precise as the text supports")
    published_basis: Text = Field(description="How the publication date was determined")
    # Any text: a hash that is not the text's is reported with the hash to write (TL131).
    sha256: str = Field(
        json_schema_extra={"pattern": "^[0-9a-f]{64}$"}, description="The SHA-256 of <id>.txt, in hex"
    )
    original: OriginalIn | None = Field(
        None, description="The page the text was extracted from, kept beside it (add-source writes it)"
    )
    unrelated: list[UnrelatedIn] = Field(default_factory=list)

    placeholders_block: ClassVar[bool] = True  # metadata with a TODO is not used at all


class TagIn(_Strict):
    label: Text
    description: str = ""


class MeasureIn(_Strict):
    label: Text
    unit: Text
    description: str = ""


class VocabularyIn(_Strict):
    tags: dict[Slug, TagIn]
    measures: dict[Slug, MeasureIn]


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
