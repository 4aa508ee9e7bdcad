"""Dates typed by users and read from URLs: dd.mm.yyyy (as written in Kazakhstan) or YYYY-MM-DD."""

import datetime

from django.utils import timezone

FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


def parse_day(value: str | None) -> datetime.date | None:
    value = (value or "").strip()
    for fmt in FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def today() -> datetime.date:
    return timezone.localdate()


def day_from_request(request, name: str = "on") -> datetime.date:
    """The date asked for in the query string, or today when it is missing or not a date."""
    return parse_day(request.GET.get(name)) or today()
