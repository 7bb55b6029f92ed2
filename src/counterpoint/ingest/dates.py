"""Absolute dates from users, records, feeds and date lines.

A publication date anchors every relative time in an article, so it must be absolute: "yesterday" or
"3 days ago" would silently anchor on the day Counterpoint runs. Those are refused (E020).
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from counterpoint.errors import Errors, InputError

__all__ = ["parse_date", "try_parse_date", "full_dates_in"]

_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|now|ago|hence|last|next|this|coming|previous|"
    r"in\s+\d+\s+\w+|since)\b",
    re.IGNORECASE,
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A date with its day, month and year written out: "May 9, 2018", "9 May 2018", "2018-05-09".
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_SETTINGS = {
    # Only absolute forms: no "relative-time" or "timestamp" parsers, and all of day, month, year required.
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: str) -> dt.date:
    """Parse an absolute calendar date (ISO first, then English forms like "July 11, 2018"); else E020."""
    found = try_parse_date(value)
    if found is None:
        raise InputError(Errors.E020.format(value=value))
    return found


def try_parse_date(value: str) -> dt.date | None:
    """Like `parse_date`, but None instead of an error (for metadata that may or may not be a date)."""
    text = value.strip()
    if not text or len(text) > 100:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if _RELATIVE.search(text) or not re.search(r"\d", text):
        return None
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed is not None else None


def full_dates_in(text: str) -> list[dt.date]:
    """The dates written out in full (day, month and year) in a line of text, such as a photo caption."""
    found = (try_parse_date(match.group()) for match in _FULL_DATE.finditer(text))
    return [date for date in found if date is not None]
