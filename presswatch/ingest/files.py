"""Reading files safely: size limits, encoding detection, binary refusal, metadata sidecars."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from presswatch.errors import PresswatchError
from presswatch.ingest.published import normalize_published

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_MAX_CHARS = 1_000_000
METADATA_FIELDS = ("title", "url", "outlet", "published", "language")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: size limits and the publication date for inputs without one."""

    published: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS


def read_bytes(path: Path, options: ReadOptions) -> bytes:
    """The file's bytes; PWE100 unreadable, PWE101 empty, PWE106 over the size limit."""
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise PresswatchError("PWE106", path=path, size_mb=size / 1e6, limit_mb=options.max_bytes / 1e6)
        data = path.read_bytes()
    except OSError as exc:
        raise PresswatchError("PWE100", path=path, reason=exc.strerror or type(exc).__name__) from exc
    if not data.strip():
        raise PresswatchError("PWE101", path=path)
    return data


def decode_text(data: bytes, path: Path | str) -> str:
    """Decode article bytes: UTF-8 (BOM dropped) first, else the detected encoding.

    Raises PWE102 for binary data (NUL bytes or mostly control characters) and PWE103 when no
    encoding fits.
    """
    if b"\x00" in data[:65536]:
        raise PresswatchError("PWE102", path=path, reason="contains NUL bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise PresswatchError("PWE103", path=path) from None
        text = str(match)
    sample = text[:65536]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > len(sample) * 0.05:
        raise PresswatchError("PWE102", path=path, reason=f"{controls} control characters in the first {len(sample)}")
    return text


def check_length(text: str, path: Path | str, options: ReadOptions) -> str:
    """Return `text`, or raise PWE113 when it is too long to parse."""
    if len(text) > options.max_chars:
        raise PresswatchError("PWE113", path=path, chars=len(text), limit=options.max_chars)
    return text


def clean_metadata(raw: dict, where: str, options: ReadOptions) -> dict[str, str | None]:
    """Keep the known metadata fields; normalize `published`; fill it from options if absent."""
    meta: dict[str, str | None] = {}
    for name in METADATA_FIELDS:
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            raise PresswatchError("PWE112", path=where, reason=f"{name!r} must be a string")
        meta[name] = (value.strip() or None) if isinstance(value, str) else None
    meta["published"] = normalize_published(meta["published"], where) or options.published
    return meta


def read_sidecar(path: Path, options: ReadOptions) -> dict[str, str | None]:
    """Metadata for `NAME.txt` from `NAME.meta.json` beside it, if present (PWE112 if broken)."""
    sidecar = path.with_suffix(".meta.json")
    if not sidecar.exists():
        return clean_metadata({}, str(path), options)
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PresswatchError("PWE112", path=sidecar, reason=str(exc)) from exc
    if not isinstance(raw, dict):
        raise PresswatchError("PWE112", path=sidecar, reason="expected a JSON object")
    return clean_metadata(raw, str(sidecar), options)
