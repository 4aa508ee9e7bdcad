"""Length of service (жұмыс өтілі / стаж) arithmetic.

The rule
--------
1. A period of work is an inclusive date range [start, end]; ``end`` None means
   the period is ongoing.
2. Experience "on date D" counts the days BEFORE D: a period that ends on D-1,
   or is still ongoing, counts up to D-1 inclusive; days on or after D do not
   count.  (On the first day of work the experience is zero.)
3. Overlapping and adjacent periods are first merged into continuous spans, so
   each day counts once, and splitting a period in two never changes anything.
4. Each continuous span [a, b] is measured as the calendar difference from a to
   the day after b: whole years, then whole months, then the remaining days.
   Adding months keeps the day of the month but clamps it to the end of a
   shorter month (as dateutil's relativedelta does): 31.01 + 1 month = 28.02
   (29.02 in a leap year); 29.02.2024 + 1 year = 28.02.2025.  So 01.01.2025 to
   31.12.2025 inclusive is exactly 1 year; 31.01.2025 to 28.02.2025 inclusive is
   1 month 1 day.
5. The spans are summed component-wise and normalised with 30 days = 1 month and
   12 months = 1 year, the usual HR convention in Kazakhstan.  So a duration is
   also a number of "HR days": 360 * years + 30 * months + days, and durations
   are compared by that number.  A consequence of the convention: a span whose
   last month is a 31-day one reaches the full month a day early, because 30 days
   already make a month.  01.01.2025 to 30.12.2025 is 11 months 30 days = 1 year,
   so one year from 01.01.2025 is reached on 31.12.2025; one year from 01.03.2025
   (the month before the anniversary, February, is short) on 01.03.2026.
6. "N years of experience required" means N years 0 months 0 days.

Experience is never computed by counting calendar days one by one, and
:func:`date_reached` computes the day a requirement is met directly, span by span.

Pure Python, standard library only.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "Duration",
    "Span",
    "add_months",
    "calendar_difference",
    "merge",
    "experience",
    "date_reached",
]

_ONE_DAY = timedelta(days=1)


@functools.total_ordering
@dataclass(frozen=True, eq=False)
class Duration:
    """Years, months and days of experience.

    Equality, hashing and ordering all go by :attr:`total_days` (360 * years +
    30 * months + days), so ``Duration(0, 0, 30) == Duration(0, 1, 0)``; compare
    ``astuple()``/the fields to tell those apart.  Components are not normalised by
    the constructor (a calendar difference may have 30 days); :meth:`from_days`,
    ``+`` and ``-`` return normalised values (months < 12, days < 30).
    """

    years: int = 0
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        for name in ("years", "months", "days"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"Duration.{name} must be a non-negative int, not {value!r}")

    @property
    def total_days(self) -> int:
        """"HR days": 360 * years + 30 * months + days."""
        return 360 * self.years + 30 * self.months + self.days

    @classmethod
    def from_days(cls, n: int) -> Duration:
        """The normalised duration of ``n`` HR days (n >= 0)."""
        if n < 0:
            raise ValueError(f"a duration cannot be negative: {n}")
        years, rest = divmod(n, 360)
        months, days = divmod(rest, 30)
        return cls(years, months, days)

    @classmethod
    def of_years(cls, n: int) -> Duration:
        return cls(n, 0, 0)

    def normalised(self) -> Duration:
        return Duration.from_days(self.total_days)

    @property
    def is_zero(self) -> bool:
        return self.total_days == 0

    def __bool__(self) -> bool:
        return self.total_days != 0

    def __add__(self, other: object) -> Duration:
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration.from_days(self.total_days + other.total_days)

    def __sub__(self, other: object) -> Duration:
        """The difference, clamped at zero (never negative)."""
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration.from_days(max(0, self.total_days - other.total_days))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return self.total_days == other.total_days

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return self.total_days < other.total_days

    def __hash__(self) -> int:
        return hash(self.total_days)

    def astuple(self) -> tuple[int, int, int]:
        return (self.years, self.months, self.days)

    def as_dict(self) -> dict[str, int]:
        """``{"years": .., "months": .., "days": ..}`` (JSON-able)."""
        return {"years": self.years, "months": self.months, "days": self.days}


ZERO = Duration(0, 0, 0)


@dataclass(frozen=True)
class Span:
    """An inclusive period [start, end]; ``end`` None = ongoing.

    A span whose end is before its start is empty (it counts nothing); it is not
    rejected, so that one bad record cannot break a report over many employees.
    """

    start: date
    end: date | None = None


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months (negative allowed), the day clamped to
    the end of the resulting month: 31.01.2025 + 1 = 28.02.2025."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"{d} + {months} months is out of range")
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def calendar_difference(start: date, stop: date) -> Duration:
    """The calendar difference from ``start`` (inclusive) to ``stop`` (exclusive):
    whole years, then whole months, then days, months added to ``start`` with the
    end-of-month clamp (like ``relativedelta(stop, start)``).  Zero when
    ``stop <= start``.  Not normalised: days can be up to 30.
    """
    if stop <= start:
        return ZERO
    months = (stop.year - start.year) * 12 + (stop.month - start.month)
    anchor = add_months(start, months)
    if anchor > stop:
        months -= 1
        anchor = add_months(start, months)
    years, months = divmod(months, 12)
    return Duration(years, months, (stop - anchor).days)


def _hr_days(start: date, stop: date) -> int:
    return calendar_difference(start, stop).total_days


def _merged(spans: Iterable[Span], before: date | None) -> list[tuple[date, date | None]]:
    """Merge overlapping and adjacent spans; clip to days < ``before`` if given.

    Returned ends are inclusive; None only when ``before`` is None (ongoing).
    """
    if before is not None and before <= date.min:
        return []
    last = None if before is None else before - _ONE_DAY
    ranges: list[tuple[date, date | None]] = []
    for span in spans:
        start, end = span.start, span.end
        if last is not None and (end is None or end > last):
            end = last
        if end is not None and end < start:
            continue
        ranges.append((start, end))
    # date.max as the sort key for "ongoing" keeps the key types uniform
    ranges.sort(key=lambda r: (r[0], r[1] or date.max))
    merged: list[tuple[date, date | None]] = []
    for start, end in ranges:
        if merged:
            m_start, m_end = merged[-1]
            if m_end is None:
                continue  # an ongoing span swallows everything after it
            if start <= m_end + _ONE_DAY:
                if end is None or end > m_end:
                    merged[-1] = (m_start, end)
                continue
        merged.append((start, end))
    return merged


def merge(spans: Iterable[Span], before: date) -> list[tuple[date, date]]:
    """The spans merged into continuous inclusive ranges (overlapping and adjacent
    ones joined), clipped to the days before ``before``, sorted by start."""
    return _merged(spans, before)  # type: ignore[return-value]


def experience(spans: Iterable[Span], on: date) -> Duration:
    """Experience on ``on``: the days before ``on`` in the merged spans, each span
    measured by :func:`calendar_difference`, summed and normalised."""
    total = 0
    for start, end in _merged(spans, on):
        total += _hr_days(start, end + _ONE_DAY)  # type: ignore[operator]
    return Duration.from_days(total)


def _first_stop(start: date, needed: int) -> date:
    """The earliest ``stop`` with ``_hr_days(start, stop) >= needed`` (needed > 0).

    ``_hr_days(start, stop)`` is non-decreasing in ``stop``: inside month n it is
    30n + the days since ``add_months(start, n)``, and the next month starts at
    30(n+1) (31-day months give one plateau day, February a jump).  So the answer
    is within a few days of ``add_months(start, needed // 30) + needed % 30``; the
    loops only correct that guess.
    """
    months, days = divmod(needed, 30)
    stop = add_months(start, months) + timedelta(days=days)
    for _ in range(64):
        if _hr_days(start, stop) < needed:
            stop += _ONE_DAY
        elif _hr_days(start, stop - _ONE_DAY) >= needed:
            stop -= _ONE_DAY
        else:
            return stop
    raise AssertionError("unreachable: the guess is at most a few days off")


def date_reached(
    spans: Iterable[Span],
    required: Duration,
    *,
    assume_ongoing_continue: bool = True,
) -> date | None:
    """The first date D with ``experience(spans, D) >= required``.

    * Ongoing spans (end None) are assumed to continue indefinitely, so the result
      may lie in the future.  With ``assume_ongoing_continue=False`` ongoing spans
      are left out altogether (only closed periods count), because without a
      reference date there is no "so far" to count them to.
    * A closed span ending after today also counts in full: the caller decides
      which spans to pass.
    * None when the spans can never reach ``required`` (and when the answer would
      be after 31.12.9999).
    * A zero ``required`` is reached on the first start date (when experience is
      still zero but the first period has begun); with no spans at all the result
      is None, as there is no date to report.

    The date can be in the past ("reached on 01.02.2024"): the caller compares it
    with today.  Cost: one sort and O(1) per merged span, no day-by-day loops.
    """
    if not assume_ongoing_continue:
        spans = [s for s in spans if s.end is not None]
    merged = _merged(spans, None)
    if not merged:
        return None
    required_days = required.total_days
    if required_days <= 0:
        return merged[0][0]
    accumulated = 0
    try:
        for start, end in merged:
            needed = required_days - accumulated  # > 0: else we returned earlier
            if end is not None:
                span_days = _hr_days(start, end + _ONE_DAY)
                if span_days < needed:
                    accumulated += span_days
                    continue
            return _first_stop(start, needed)
    except OverflowError:
        return None
    return None
