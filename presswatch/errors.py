"""Every presswatch error and warning, each under a stable code that is never reused.

Codes: PWE (error) / PWW (warning) + a number by area: 0xx general, 1xx ingest, 2xx language pipeline,
3xx actors, 4xx quotes, 5xx contract, 6xx events/dates/places, 7xx techniques, 8xx monitor,
9xx store and web.  Messages are templates filled at the raise site; they name the file (and
line) and say what to do next.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Error message templates, keyed by code."""

    PWE010 = "{path}: knowledge file or its .meta.json is missing or unreadable ({reason}); reinstall presswatch or rebuild it with {rebuild}"
    PWE011 = "{path}: knowledge file failed its checksum (sha256 {found}, expected {expected}); reinstall presswatch or rebuild it with {rebuild}"
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
    PWE401 = "{path}: no PolNeAR split here (expected text/ and attributions/ folders); pass --polnear pointing at the corpus root"
    PWE402 = "{path}:{line}: malformed brat annotation line ({reason}); fix or remove the line"
    PWE404 = "{path}: quote model is missing or unreadable ({reason}); retrain it with scripts/train_quotes.py"
    PWE204 = "an analysis worker could not load the pipeline: {reason}"
    PWE501 = "not a presswatch analysis: {reason}"
    PWE502 = "analysis schema {found!r} is not supported (expected {expected!r})"
    PWE503 = "span {start}:{end} is out of bounds for a text of {length} characters"
    PWE603 = "{path}: no event gold data here ({reason}); pass --data pointing at the shared events folder (../shared/data/events)"
    PWE652 = "{path}: no time-and-place gold file here ({reason}); pass --gold (gold JSONL, tests/fixtures/timeplace/gold.jsonl) or --polnear-gold (PolNeAR annotations, tests/fixtures/timeplace/polnear_dev.tsv)"
    PWE653 = "{path}:{line}: bad time-and-place gold row ({reason}); fix the row or regenerate it"
    PWE701 = "{path}: no article<ID>.txt files found; point --articles at a PTC articles folder"
    PWE702 = "{path}:{line}: not a PTC label row ({reason}); rows are id<TAB>technique<TAB>start<TAB>end or id<TAB>start<TAB>end"
    PWE704 = "{path}: technique model is missing or unreadable ({reason}); rebuild it with scripts/train_techniques.py"
    PWE705 = "{path}: template row {line} names article {article_id}, which is not in the articles folder"
    PWE706 = "{path}: no PTC training data found ({reason}); pass the folder that holds ptc/ (e.g. ../shared/data/propaganda)"
    PWE801 = "unknown watchlist {name!r}; choose one of: {known}"
    PWE802 = "{value!r} is not a valid {what}: {reason}"
    PWE901 = "{path}: database schema version {found} is newer than this presswatch supports ({supported}); upgrade presswatch"
    PWE902 = "{path}: cannot write to the database ({reason})"
    PWE903 = "{path}: not a presswatch database ({reason})"
    PWE904 = "{path}: no such database; create it with `presswatch ingest ... --db {path}`"
    PWE905 = ("{path}: database schema version {found} is older than this presswatch's ({supported}); open it for"
              " writing once to upgrade it, e.g. `presswatch refresh --db {path}`")


class Warnings(StrEnum):
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

    def __reduce__(self) -> tuple:
        # picklable across processes (workers, Spark): rebuilt from code and fields
        return (_rebuild_error, (type(self), self.code, self.fields))

    @property
    def message(self) -> str:
        """The filled message without the code prefix."""
        return Errors[self.code].value.format(**self.fields)


def _rebuild_error(kind: type[PresswatchError], code: str, fields: dict) -> PresswatchError:
    return kind(code, **fields)


def warning_message(code: str, **fields: object) -> str:
    """Format a warning template as `[PWWnnn] message`."""
    return f"[{code}] {Warnings[code].value.format(**fields)}"
