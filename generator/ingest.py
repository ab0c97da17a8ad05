"""From a web page (or a plain text) to a stored source: the article's text as it will be cited, and
what is known about it. The core of ``add-source``; it reads and writes nothing itself.

Article text comes from trafilatura, which leaves out navigation, cookie banners, related-story lists,
bylines and footers; the publication date from htmldate (which trafilatura uses too), looking at the
page's metadata first; ``published_basis`` says which markup held it."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata

MAX_PAGE_BYTES = 8 * 1024 * 1024  # an HTML page, as fetched or read
MAX_TEXT_BYTES = 2 * 1024 * 1024  # the stored text


class IngestError(ValueError):
    """Input that cannot become a source; the message says why, in plain words."""


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF
    published_basis: str | None = None
    extractor: str | None = None
    notes: tuple[str, ...] = field(default=())  # what was normalized


def check_bytes(raw: bytes, what: str, limit: int) -> None:
    if len(raw) > limit:
        raise IngestError(f"{what} is {len(raw):,} bytes; the limit is {limit:,}")
    if b"\x00" in raw[:65536]:
        raise IngestError(f"{what} is a binary file, not text or HTML")


def from_text(raw: bytes, what: str) -> Extracted:
    """A plain text: UTF-8, stored as NFC with LF line ends."""
    check_bytes(raw, what, MAX_TEXT_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise IngestError(
            f"{what} is not UTF-8 (byte 0x{raw[exc.start]:02x} on line {line}): save it as UTF-8 first"
        ) from None
    text, notes = normalize(text)
    return Extracted(text, notes=notes)


def normalize(text: str) -> tuple[str, tuple[str, ...]]:
    """The text as it will be stored and cited, and what had to change to get there."""
    notes = []
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append("removed the byte order mark")
    crlf = text.count("\r\n")
    if "\r" in text:
        lone = text.count("\r") - crlf
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append(f"line ends to LF ({crlf} CRLF, {lone} CR)")
    if not unicodedata.is_normalized("NFC", text):
        changed = sum(1 for a, b in zip(text, unicodedata.normalize("NFC", text), strict=False) if a != b)
        text = unicodedata.normalize("NFC", text)
        notes.append(f"Unicode to NFC (composed characters; {changed} or more changed)")
    controls = {c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"}
    if controls:
        names = ", ".join(f"U+{ord(c):04X}" for c in sorted(controls))
        raise IngestError(f"the text holds control characters ({names}): it is not plain text")
    if not text.strip():
        raise IngestError("the text is empty")
    if not text.endswith("\n"):
        text += "\n"
        notes.append("added a final line end")
    return text, tuple(notes)


def from_html(raw: bytes, what: str, url: str | None = None) -> Extracted:
    """The article in an HTML page, with its title, publisher, address and publication date."""
    check_bytes(raw, what, MAX_PAGE_BYTES)
    try:
        import trafilatura
    except ImportError:  # a generator installed without the extractor
        raise IngestError('reading a web page needs trafilatura: pip install "cited-timeline[web]"') from None

    document = trafilatura.bare_extraction(
        raw, url=url, with_metadata=True, favor_precision=True, include_comments=False, include_tables=False
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or len(body.split()) < 20:
        raise IngestError(f"{what} has no article text the extractor can find (is it the article's page?)")
    title = _clean(getattr(document, "title", None))
    text, notes = normalize(body)
    first = text.split("\n", 1)[0]
    if title and first.strip() != title:
        text = f"{title}\n{text}"
        notes += ("added the headline as the first line",)
    published, basis = publication(raw, url)
    return Extracted(
        text,
        title,
        _clean(getattr(document, "sitename", None)),
        url or _clean(getattr(document, "url", None)),
        published,
        basis,
        f"trafilatura {metadata.version('trafilatura')}",
        ("extracted the article from the page's HTML", *notes),
    )


def _clean(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


_METAS = (
    ("property", "article:published_time", "the article:published_time meta tag"),
    ("property", "og:published_time", "the og:published_time meta tag"),
    ("itemprop", "datePublished", "the datePublished microdata"),
    ("name", "pubdate", "the pubdate meta tag"),
    ("name", "publishdate", "the publishdate meta tag"),
    ("name", "date", "the date meta tag"),
    ("name", "dc.date", "the dc.date meta tag"),
    ("name", "dcterms.created", "the dcterms.created meta tag"),
)


def publication(raw: bytes, url: str | None) -> tuple[str | None, str | None]:
    """The publication date (EDTF) and where it came from: the page's metadata first, else htmldate's
    reading of the page's text, marked uncertain."""
    import htmldate
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    try:
        tree = lxml_html.fromstring(raw)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None, None
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    if found:
        return found, f"{_markup_of(tree, found, url)} ({found}), read by htmldate"
    guessed = htmldate.find_date(tree, extensive_search=True, original_date=True, url=url)
    if guessed:
        return (
            f"{guessed}?",
            f"guessed by htmldate from the page's text ({guessed}), not its metadata: check it",
        )
    return None, None


def _markup_of(tree: object, day: str, url: str | None) -> str:
    """Which markup of the page gives ``day``."""
    for attribute, name, said in _METAS:
        for element in tree.xpath(f"//meta[@{attribute}]"):  # type: ignore[attr-defined]
            if element.get(attribute, "").lower() == name.lower() and element.get("content", "").startswith(
                day
            ):
                return said
    for script in tree.xpath('//script[@type="application/ld+json"]'):  # type: ignore[attr-defined]
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        if day in _json_ld_dates(data):
            return "datePublished in the page's JSON-LD"
    for element in tree.xpath("//time[@datetime]"):  # type: ignore[attr-defined]
        if element.get("datetime", "").startswith(day):
            return "a <time datetime> element of the page"
    if url and re.search(day.replace("-", r"[/-]?"), url):
        return "the date in the page's address"
    return "the page's markup"


def _json_ld_dates(data: object) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            found.add(value[:10])
        for item in data.values():
            found |= _json_ld_dates(item)
    elif isinstance(data, list):
        for item in data:
            found |= _json_ld_dates(item)
    return found
