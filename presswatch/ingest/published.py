"""Publication dates from metadata, normalized to ISO `YYYY-MM-DD`."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from presswatch.errors import warning_message

log = logging.getLogger(__name__)

# A leading ISO date, e.g. "2022-09-13" or "2022-09-13T10:20:00+00:00"; not "13.09.2022".
ISO_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalize_published(value: str | None, where: str = "") -> str | None:
    """`value` as `YYYY-MM-DD` (ISO, RFC 822 or free text via dateparser), else None + PWW152."""
    if not value:
        return None
    match = ISO_DATE_PREFIX.match(value.strip())
    try:
        if match:
            return date(*map(int, match.groups())).isoformat()
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow import; only for free-text dates

    parsed: datetime | None = dateparser.parse(value, settings={"STRICT_PARSING": True})
    if parsed is None:
        log.warning(warning_message("PWW152", path=where, value=value))
        return None
    return parsed.date().isoformat()
