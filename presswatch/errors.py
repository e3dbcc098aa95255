"""Every presswatch error and warning, each under a stable code that is never reused.

Codes: PWE (error) / PWW (warning) + a number by area: 1xx ingest, 2xx language pipeline,
3xx actors, 4xx quotes, 5xx contract, 6xx events/dates/places, 7xx techniques, 8xx monitor,
9xx store and web.  Messages are templates filled at the raise site; they name the file (and
line) and say what to do next.
"""

from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    """Error message templates, keyed by code."""

    PWE100 = "{path}: cannot read ({reason}); check the path and its permissions"
    PWE101 = "{path}: file is empty; nothing to analyze"
    PWE102 = "{path}: looks like a binary file ({reason}), not article text"
    PWE103 = "{path}: text is not UTF-8 and its encoding could not be detected; re-save it as UTF-8"
    PWE104 = '{path}:{line}: "text" is missing or empty; every line needs one'
    PWE105 = "{path}:{line}: not valid JSON ({reason}); each line must be one JSON object"
    PWE106 = "{path}: file is {size_mb:.1f} MB, over the {limit_mb:.1f} MB limit; split it or raise --max-bytes"
    PWE107 = "{path}: no main text could be extracted from the HTML ({reason})"
    PWE108 = "{path}: not a readable RSS/Atom feed ({reason})"
    PWE109 = "{path}: feed entry {entry} has no text (no content, summary or description)"
    PWE110 = "{path}: WARC file is damaged or truncated ({reason}); records before the damage were kept"
    PWE111 = "{path}: unsupported file type '{suffix}'; use .txt, .html, .jsonl, .rss/.atom/.xml or .warc(.gz)"
    PWE112 = "{path}: bad metadata ({reason})"
    PWE113 = "{path}: text has {chars:,} characters, over the {limit:,} limit; split it or raise --max-chars"
    PWE114 = "{path}:{line}: field {field!r} must be a string, got {kind}"
    PWE201 = "spaCy model {model!r} is not installed; install it with: pip install {package}"
    PWE202 = "pipeline stage {stage!r} requires {missing!r}, which no earlier stage assigns"
    PWE203 = "analysis of {path} failed: {reason}"
    PWE501 = "not a presswatch analysis: {reason}"
    PWE502 = "analysis schema {found!r} is not supported (expected {expected!r})"
    PWE503 = "span {start}:{end} is out of bounds for a text of {length} characters"
    PWE901 = "{path}: database schema version {found} is newer than this presswatch supports ({supported}); upgrade presswatch"
    PWE902 = "{path}: cannot write to the database ({reason})"
    PWE903 = "{path}: not a presswatch database ({reason})"
    PWE904 = "{path}: no such database; create it with `presswatch ingest ... --db {path}`"


class Warnings(str, Enum):
    """Warning message templates, keyed by code."""

    PWW150 = "{path}: WARC record {record} ({content_type}) is not an HTML response; skipped"
    PWW151 = "{path}: duplicate of an article already seen ({doc_id}); skipped"
    PWW152 = "{path}: published date {value!r} could not be parsed; left unknown"


class PresswatchError(Exception):
    """The one error type presswatch raises; `code` is stable, `fields` fill its template."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] {Errors[code].value.format(**fields)}")

    @property
    def message(self) -> str:
        """The filled message without the code prefix."""
        return Errors[self.code].value.format(**self.fields)


def warning_message(code: str, **fields: object) -> str:
    """Format a warning template as `[PWWnnn] message`."""
    return f"[{code}] {Warnings[code].value.format(**fields)}"
