"""What a stranger's pull request may put in any field: script injection, log and terminal injection,
path tricks, YAML tricks, odd Unicode and odd numbers. Scripts call ``alert``/``__pwned`` so that a page
that runs one is caught by the browser test (which counts every such call)."""

from __future__ import annotations

XSS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "<iframe srcdoc='<script>parent.alert(1)</script>'>",
    "<details open ontoggle=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    "![x](x onerror=alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)",
    "{: onclick=alert(1) }",
    "x { onmouseover=alert(1) }",
    '<div markdown="1">*<img src=x onerror=alert(1)>*</div>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "{{ 7*7 }} {% raw %} ${alert(1)}",
    "'-alert(1)-'",
    '";alert(1);//',
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<style>*{display:none}</style>",
    "<!-- --><script>alert(1)</script>",
    "javascript:alert(1)",
    'https://example.org/"><script>alert(1)</script>',
)

LOG_INJECTION = (
    "x\n::warning title=Injected::boom",
    "x\r::error::injected",
    "::add-mask::secret",
    "::stop-commands::token",
    "%0A::set-output name=x::y",
    "\x1b[2J\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x9b31m",
    "right\u202eleft",
    "line\u2028separator",
    "bell\x07",
    "nul\x00byte",
    "del\x7f",
)

PATHS = (
    "../../etc/passwd",
    "/etc/passwd",
    "..\\..\\windows\\win.ini",
    "C:\\Windows\\win.ini",
    "file:///etc/passwd",
    "%2e%2e%2fetc%2fpasswd",
    "index",
    "Index",
    "con",
    "nul.txt",
    "sources/index",
    "alpha.",
    "a" * 300,
)

YAML_TRICKS = (
    "!!python/object/apply:os.system [id]",
    "!!binary aGk=",
    "&a x",
    "*a",
    "<<: *a",
    "? [a, b]",
    "[" * 40 + "]" * 40,
    "- " * 40 + "x",
    "{a: {b: {c: {d: e}}}}",
    "--- \n...",
    "%YAML 1.1",
    "|\n  literal",
    ">-\n  folded",
    "'unterminated",
    '"unterminated',
    "a: b: c",
    "\t- tab",
)

UNICODE = (
    "\ufeffbom",
    "\ufffe\uffff",
    "\ud7ff\ue000",
    "\U0001f600 emoji",
    "e\u0301\u0301 combining",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u200b\u200d zero width",
    "\u00a0nbsp",
    "ａｂｃ fullwidth",
    "\U0010ffff",
)

NUMBERS_AND_DATES = (
    "1e309",
    "-0",
    ".nan",
    "-.inf",
    "0x1F",
    "1_000",
    "00012",
    "2024-02-30",
    "2024-13",
    "-2024",
    "2024/2023",
    "2024-06..2024-07",
    "99999",
    "2024-06-19T10:00:00Z",
)

ALL = XSS + LOG_INJECTION + PATHS + YAML_TRICKS + UNICODE + NUMBERS_AND_DATES
