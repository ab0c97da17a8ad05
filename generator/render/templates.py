"""The Jinja2 templates every page is made of: ``generator/templates/timeline/*.html``, each of which a
site may replace with its own (``<theme custom_dir>/timeline/<name>.html``).

Autoescape is on: every string from the data is escaped by MarkupSafe unless it is already ``Markup``.
Undefined names are errors, reported (like syntax errors) as one line with the template's
``file:line``: :class:`TemplateProblem`.

Layout rule (see docs/guide/templates.md): a line break and the indentation after it are dropped
when they sit between two tags (``>`` or ``}`` before, ``<`` or ``{`` after), so templates can be laid
out on several lines while the page gets one line per block; a blank line is kept, and separates blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import markupsafe
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup, escape

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "templates"
PREFIX = "timeline/"
# Every template the renderer uses (checked when the environment is made, so a syntax error stops
# the build before anything is written).
NAMES = (
    "card.html",
    "compact-item.html",
    "time.html",
    "pager.html",
    "timeline.html",
    "month.html",
    "months.html",
    "figures.html",
    "chart.html",
    "sources.html",
    "source.html",
    "tags.html",
    "tag.html",
    "home-stats.html",
    "home-periods.html",
    "home-figures.html",
    "home-latest.html",
    "home-check.html",
    "notice.html",
    "data.html",
    "tag-filter.html",
    "overview.html",
    "home-overview.html",
    "home-offline.html",
)
_INSIDE = re.compile(r"(?<=>)\n[ \t]*(?=<)")  # between two HTML tags
_LEADING = re.compile(r"\A\n[ \t]*(?=<|\Z)")  # after a Jinja tag, before an HTML tag or the next Jinja tag
_TRAILING = re.compile(r"(?<=>)\n[ \t]*\Z")  # after an HTML tag, before a Jinja tag
_TAG_ENDS = {"variable_end", "block_end"}
_TAG_BEGINS = {"variable_begin", "block_begin"}


class TemplateProblem(Exception):
    """A template that cannot be used; ``str()`` is one line: ``file:line: template error: what``."""

    def __init__(self, where: str, line: int | None, message: str) -> None:
        super().__init__(where, line, message)
        self.where, self.line, self.message = where, line, message

    def __str__(self) -> str:
        at = f"{self.where}:{self.line}" if self.line else self.where
        return f"{at}: template error: {self.message}"


class _Layout(Extension):
    """The layout rule of the module docstring, applied to the literal text of each template (its
    tokens, so line numbers in errors stay those of the file)."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        tokens = list(stream)
        for i, token in enumerate(tokens):
            if token.type != "data":
                yield token
                continue
            text = _INSIDE.sub("", token.value)
            if i > 0 and tokens[i - 1].type in _TAG_ENDS:
                text = _LEADING.sub("", text)
            if i + 1 < len(tokens) and tokens[i + 1].type in _TAG_BEGINS:
                text = _TRAILING.sub("", text)
            if text:
                yield Token(token.lineno, "data", text)


_new_markup = str.__new__
_escape_inner = markupsafe._escape_inner  # type: ignore[attr-defined]  # C, or pure Python without C


def _escape(value: Any) -> Markup:
    """``markupsafe.escape``, the same result by the same C code, without its wrapper's overhead: a
    page's templates escape every value they print (half a million times at 10,000 events), and
    ``Markup(...)`` re-checks for ``__html__`` on the text just escaped. Markup is returned as it is
    (it is immutable: ``escape`` would copy it)."""
    kind = type(value)
    if kind is str:
        return _new_markup(Markup, _escape_inner(value))
    if kind is Markup:
        return value  # type: ignore[no-any-return]
    return escape(value)


class _Template(jinja2.Template):
    """A template whose compiled code escapes with :func:`_escape` (the name it imports as ``escape``)."""

    @classmethod
    def _from_namespace(
        cls, environment: jinja2.Environment, namespace: Any, globals: Any
    ) -> jinja2.Template:
        if namespace.get("escape") is escape:
            namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, globals)


class FastEnvironment(jinja2.Environment):
    """Jinja's environment, with the same results at less cost for templates rendered many thousand
    times: ``a.b`` is looked up as a key first when ``a`` is a plain dict (the contexts the renderer
    builds are: Jinja's default tries the attribute first, and the exception it catches every time
    cost a fifth of a big render), values are escaped by :func:`_escape`, and the globals are a dict."""

    template_class = _Template

    def make_globals(self, d: Any) -> Any:
        """A template's globals as one dict rather than Jinja's ``ChainMap`` over the environment's: every
        render copies and lists them, which took a tenth of a page's rendering through a ``ChainMap``.
        Nothing here changes the globals once templates are loaded (Jinja advises against it)."""
        return {**self.globals, **(d or {})}

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class Templates:
    """The templates of one site: from ``overrides`` (folders holding ``timeline/<name>.html``) first,
    then the package's. All are compiled when this is made: a broken one raises
    :class:`TemplateProblem`. ``root``: file names in errors are shown relative to it."""

    def __init__(
        self,
        overrides: Sequence[Path] = (),
        root: Path | None = None,
        bytecode: jinja2.BytecodeCache | None = None,
    ) -> None:
        self.overrides = [Path(d) for d in overrides]
        self.root = root or Path.cwd()
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(d)) for d in self.overrides]
        loaders.append(jinja2.FileSystemLoader(str(PACKAGE_DIR)))
        self.env = FastEnvironment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=[_Layout],
            auto_reload=False,
            bytecode_cache=bytecode,
        )
        self._compiled: dict[str, jinja2.Template] = {}
        texts = []
        for name in NAMES:
            with self.reporting():
                self._compiled[name] = self.env.get_template(PREFIX + name)
                texts.append(self.env.loader.get_source(self.env, PREFIX + name)[0])  # type: ignore[union-attr]
        self.fingerprint = tuple(texts)  # equal for equal templates (render/reuse.py)

    @property
    def overridden(self) -> list[str]:
        """The names of the templates this site replaces."""
        return [name for name in NAMES if any((d / PREFIX / name).is_file() for d in self.overrides)]

    def render(self, name: str, context: dict[str, Any]) -> str:
        """``timeline/<name>`` rendered with ``context``; errors as :class:`TemplateProblem`."""
        with self.reporting():
            return self._compiled[name].render(context)

    def reporting(self) -> _Reporting:
        return _Reporting(self)

    def shown(self, filename: str | None) -> str:
        """A template's file name as errors show it: relative to the project or to the package."""
        if not filename:
            return "<template>"
        path = Path(filename).resolve()
        for base in (self.root, PACKAGE_DIR.parent.parent):
            if path.is_relative_to(base.resolve()):
                return path.relative_to(base.resolve()).as_posix()
        return path.as_posix()


class _Reporting:
    """Turns an error raised while loading or rendering a template into :class:`TemplateProblem`
    naming the template file and line (the innermost template frame of the traceback)."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: Any) -> None:
        if error is None or isinstance(error, TemplateProblem) or not isinstance(error, Exception):
            return
        if isinstance(error, jinja2.TemplateSyntaxError):
            where = self.templates.shown(error.filename)
            raise TemplateProblem(where, error.lineno, error.message or "syntax error") from None
        if isinstance(error, jinja2.TemplateNotFound):
            raise TemplateProblem(str(error.name), None, "not found") from None
        filename, line = _template_frame(tb)
        if filename is None:
            return  # not a template's fault: let it surface as it is
        message = f"{type(error).__name__}: {error}"
        raise TemplateProblem(self.templates.shown(filename), line, message) from None


def _template_frame(tb: TracebackType | None) -> tuple[str | None, int | None]:
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html") or filename.endswith(".svg"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


class MemoryBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of a process (``mkdocs serve``): a template whose
    source is unchanged is loaded rather than compiled again (Jinja checks the source's checksum)."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.stored.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()
