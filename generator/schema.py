"""The input schema: what a contributor may write in an event file, a source's metadata file and the
vocabulary. One pydantic definition gives both validation (with locations we map to ``line:col``) and
the JSON Schema published for editors (``generator/schema/*.json``)."""

from __future__ import annotations

import difflib
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .diagnostics import Diagnostic, error
from .loading import Document

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
PASSAGE = 5_000  # a quote, a summary, a URL
MAX_TAGS = 10  # per event
MAX_ENTRIES = 20  # citations, claims, date_basis and problems, each, per event
MAX_UNRELATED = 50  # per source
MAX_VOCABULARY_TAGS, MAX_MEASURES = 500, 200

Line = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=LINE)]
Note = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=NOTE)]
Passage = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=PASSAGE)]
Word = Annotated[str, StringConstraints(max_length=LINE)]  # an id, a date, a name: checked elsewhere
Description = Annotated[str, StringConstraints(max_length=NOTE)]
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CitationIn(_Strict):
    """A verbatim span of a stored source (W3C Web Annotation TextQuoteSelector semantics)."""

    source: Word = Field(description="The source id: a file name in seeds/ without .txt")
    quote: Passage = Field(description="Exact text of the source; runs of whitespace may differ")
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
    text: Passage = Field(description="The problematic words exactly as the quote has them")
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
    starts: Passage = Field(description="Text at which the unrelated part begins (must be unique)")
    ends: Passage | None = Field(None, description="Text at which it ends (inclusive); omit for the end")
    note: Note


class SourceIn(_Strict):
    """What is known about a stored article: ``seeds/<id>.yaml`` beside ``seeds/<id>.txt``."""

    title: Line
    publisher: Line | None = Field(description="null when the stored copy does not name it")
    url: Passage | None = Field(description="null when the stored copy does not name it")
    published: Word | None = Field(description="EDTF, as precise as the text supports")
    published_basis: Note = Field(description="How the publication date was determined")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    unrelated: list[UnrelatedIn] = Field(default_factory=list, max_length=MAX_UNRELATED)


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


# ---------------------------------------------------------------- errors → diagnostics

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "bool_type": "true or false",
    "model_attributes_type": "a mapping",
}


def _fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed where ``loc`` points (for did-you-mean)."""
    current: Any = model
    keyed = False  # the previous part was a mapping of models: this part is a free key, not a field
    for part in loc[:-1]:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        keyed = getattr(field.annotation, "__origin__", None) is dict
        current = _inner_model(field.annotation)
    return list(current.model_fields) if current is not None and hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _where(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def check(model: type[BaseModel], doc: Document) -> tuple[Any | None, list[Diagnostic]]:
    """Validate ``doc.data`` against ``model``. Every schema problem becomes a diagnostic."""
    if not isinstance(doc.data, dict):
        return None, [
            error(
                "TL106",
                doc.path,
                1,
                1,
                "the file must be a mapping of fields (key: value)",
                f"start with the fields of {model.__name__.removesuffix('In').lower()}",
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    problems = [_diagnostic(model, doc, e) for e in errors]
    if all(e["type"] == "extra_forbidden" for e in errors):
        # Unknown fields alone: check the rest of the file as if they were not there, so that every
        # other problem is reported in the same run.
        trimmed = _without(doc.data, [tuple(e["loc"]) for e in errors])
        try:
            return model.model_validate(trimmed), problems
        except ValidationError:
            pass
    return None, problems


def _without(data: Any, locs: list[tuple[Any, ...]]) -> Any:
    """A copy of ``data`` with the values at ``locs`` removed."""
    copy = json.loads(json.dumps(data))
    for loc in locs:
        parent = copy
        for part in loc[:-1]:
            parent = parent[part]
        parent.pop(loc[-1], None)
    return copy


def _diagnostic(model: type[BaseModel], doc: Document, err: Any) -> Diagnostic:
    # pydantic appends union member names ("float", "str") to locations; keep the real path.
    loc = tuple(
        p
        for p in err["loc"]
        if isinstance(p, int)
        or (not p.endswith(("]", ")")) and p not in {"float", "str", "int", "none", "literal['publication']"})
    )
    kind = err["type"]
    field = loc[-1] if loc else ""
    if err["loc"] and err["loc"][-1] == "[key]":  # a mapping's key (a tag or measure id) is wrong
        mark = doc.mark(loc, key=True)
        return error(
            "TL120",
            doc.path,
            mark.line,
            mark.col,
            f"'{field}' in {_where(loc[:-1])} is not a valid id",
            "lowercase letters, digits and single hyphens, e.g. north-korea",
        )
    if kind == "extra_forbidden":
        mark = doc.mark(loc, key=True)
        hint = did_you_mean(str(field), _fields(model, loc))
        allowed = ", ".join(_fields(model, loc))
        return error(
            "TL110",
            doc.path,
            mark.line,
            mark.col,
            f"unknown field '{field}'",
            hint or f"allowed here: {allowed}",
        )
    mark = doc.mark(loc)
    if kind == "missing":
        parent = doc.mark(loc[:-1])
        return error(
            "TL112",
            doc.path,
            parent.line,
            parent.col,
            f"missing required field '{field}' in {_where(loc[:-1])}",
            f"add `{field}:`; see docs/contributing/event-format.md",
        )
    if kind in {"string_too_long", "too_long"}:
        limit = err["ctx"]["max_length"]
        size = (
            f"is {len(err['input']):,} characters long"
            if kind == "string_too_long"
            else f"has {len(err['input']):,} entries"
        )
        return error(
            "TL114",
            doc.path,
            mark.line,
            mark.col,
            f"{_where(loc)} {size}; the limit is {limit:,}",
            "see the limits in docs/contributing/event-format.md: shorten it, or split the event",
        )
    if kind in _TYPE_WORDS:
        return error(
            "TL111", doc.path, mark.line, mark.col, f"{_where(loc)} must be {_TYPE_WORDS[kind]}", err["msg"]
        )
    return error(
        "TL113", doc.path, mark.line, mark.col, f"{_where(loc)}: {err['msg']}", _value_hint(kind, loc)
    )


def _value_hint(kind: str, loc: tuple[Any, ...]) -> str:
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
        return "lowercase letters, digits and single hyphens, e.g. pact-signed"
    if kind == "too_short":
        return "give at least one entry"
    return ""


def json_schemas() -> dict[str, str]:
    """The JSON Schema files for editors, by file name (deterministic text)."""
    out = {}
    for name, model in (("event", EventIn), ("source", SourceIn), ("vocabulary", VocabularyIn)):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
