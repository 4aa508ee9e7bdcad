"""Dates typed by users and read from URLs: dd.mm.yyyy (as written in Kazakhstan) or YYYY-MM-DD."""

import datetime

from django.core.exceptions import BadRequest
from django.utils import timezone

FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
# Every date the product takes from a user: wide enough for any birth date, record or projection, narrow enough
# that adding a few years or days to it never leaves Python's calendar (31.12.9999 + 1 day would be a 500).
EARLIEST_DAY = datetime.date(1900, 1, 1)
LATEST_DAY = datetime.date(2199, 12, 31)


def _parse(value: str) -> datetime.date | None:
    for fmt in FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def parse_day(value: str | None) -> datetime.date | None:
    """The date written, or None when it is not a date or lies outside EARLIEST_DAY..LATEST_DAY."""
    day = _parse((value or "").strip())
    return day if day is not None and EARLIEST_DAY <= day <= LATEST_DAY else None


def today() -> datetime.date:
    return timezone.localdate()


def day_from_request(request, name: str = "on") -> datetime.date:
    """The date asked for in the query string, or today when it is missing or not a date; a date outside
    EARLIEST_DAY..LATEST_DAY is a bad request (400), not silently another day."""
    raw = (request.GET.get(name) or "").strip()
    day = parse_day(raw)
    if day is None and _parse(raw) is not None:
        raise BadRequest(f"{name}: date out of range")
    return day or today()
