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
4. A continuous span [a, b] is measured as the calendar difference from a to
   the day after b: whole years, then whole months, then the remaining days.
   Adding months keeps the day of the month but clamps it to the end of a
   shorter month (as dateutil's relativedelta does): 31.01 + 1 month = 28.02
   (29.02 in a leap year); 29.02.2024 + 1 year = 28.02.2025.  So 01.01.2025 to
   31.12.2025 inclusive is exactly 1 year; 31.01.2025 to 28.02.2025 inclusive is
   1 month 1 day.
5. When the experience is ONE continuous span, it is that calendar difference
   as it stands, NOT normalised: its days may be 30 (up to 30) while the month
   is not yet complete.  01.01.2025 to 30.01.2025 inclusive is 0 months 30 days,
   less than 1 month; 01.01.2025 to 31.01.2025 is 1 month.  So N years of one
   continuous span are reached on the calendar anniversary: from 01.02.2024,
   3 years on 01.02.2027 (on 31.01.2027 it is 2 years 11 months 30 days); from
   01.01.2025, 1 year on 01.01.2026; from 29.02.2024, 1 year on 28.02.2025.
6. When the experience comes from SEVERAL separate spans (after merging), their
   calendar differences are summed component-wise and normalised with
   30 days = 1 month and 12 months = 1 year, the usual HR convention in
   Kazakhstan for adding up separate periods: 11 months 20 days + 15 days =
   1 year 0 months 5 days.  Such a sum is also a number of "HR days",
   360 * years + 30 * months + days.
7. Durations compare lexicographically by (years, months, days).  For
   normalised values (months < 12, days < 30) that is the order of their HR
   days; a single span's 2 years 11 months 30 days is less than 3 years.
   "N years of experience required" means N years 0 months 0 days, and is met
   when the experience compares >= to it.

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
from typing import Protocol

__all__ = [
    "Duration",
    "Span",
    "SpanLike",
    "add_months",
    "add_years",
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

    Equality, hashing and ordering go by the tuple (years, months, days),
    compared lexicographically: ``Duration(2, 11, 30) < Duration(3, 0, 0)`` and
    ``Duration(0, 0, 30) != Duration(0, 1, 0)``.  For normalised values (months
    < 12, days < 30) this is the order of :attr:`total_days`.  Components are not
    normalised by the constructor (a single span's calendar difference may have
    30 days); :meth:`from_days`, :meth:`normalised`, ``+`` and ``-`` return
    normalised values (months < 12, days < 30), computed on HR days.
    """

    years: int = 0
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        years, months, days = self.years, self.months, self.days
        if type(years) is int and type(months) is int and type(days) is int and min(years, months, days) >= 0:
            return  # the common case, checked at once: the national report makes hundreds of thousands of these
        for name in ("years", "months", "days"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"Duration.{name} must be a non-negative int, not {value!r}")

    @property
    def total_days(self) -> int:
        """ "HR days": 360 * years + 30 * months + days (the measure used to add up
        separate spans; not used for comparison)."""
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
        """Component-wise sum, normalised (the rule for separate spans)."""
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration.from_days(self.total_days + other.total_days)

    def __sub__(self, other: object) -> Duration:
        """The difference in HR days, normalised and clamped at zero (never
        negative).  Note ``Duration(2, 11, 30) - Duration(3, 0, 0)`` and the
        reverse are both zero although the first is less: compare durations with
        ``<``/``>=``, not by subtracting them."""
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration.from_days(max(0, self.total_days - other.total_days))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return self.astuple() == other.astuple()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return self.astuple() < other.astuple()

    def __hash__(self) -> int:
        return hash(self.astuple())

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


class SpanLike(Protocol):
    """Whatever has a ``start`` and an ``end`` as a :class:`Span` does: a Span, or the engine's work period
    (attestation.rules.Period), passed as it is rather than copied into a Span."""

    @property
    def start(self) -> date: ...

    @property
    def end(self) -> date | None: ...


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months (negative allowed), the day clamped to
    the end of the resulting month: 31.01.2025 + 1 = 28.02.2025."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"{d} + {months} months is out of range")
    return date(year, month, min(d.day, _days_in_month(year, month)))


def add_years(d: date, years: int) -> date:
    """``d`` plus ``years`` calendar years, as :func:`add_months`: 29.02.2024 + 1 = 28.02.2025. The one "N years
    later" of the product (experience anniversaries, periodic attestation)."""
    return add_months(d, 12 * years)


@functools.lru_cache(maxsize=4096)
def _days_in_month(year: int, month: int) -> int:
    # Cached: the national report asks this hundreds of thousands of times for a few hundred months.
    return calendar.monthrange(year, month)[1]


def calendar_difference(start: date, stop: date) -> Duration:
    """The calendar difference from ``start`` (inclusive) to ``stop`` (exclusive):
    whole years, then whole months, then days, months added to ``start`` with the
    end-of-month clamp (like ``relativedelta(stop, start)``).  Zero when
    ``stop <= start``.  Not normalised: days can be up to 30 (months < 12).
    It increases strictly (lexicographically) with ``stop``.
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


def _merged(spans: Iterable[SpanLike], before: date | None) -> list[tuple[date, date | None]]:
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


def merge(spans: Iterable[SpanLike], before: date) -> list[tuple[date, date]]:
    """The spans merged into continuous inclusive ranges (overlapping and adjacent
    ones joined), clipped to the days before ``before``, sorted by start."""
    return _merged(spans, before)  # type: ignore[return-value]


def experience(spans: Iterable[SpanLike], on: date) -> Duration:
    """Experience on ``on``: the days before ``on`` in the merged spans.  One
    continuous span: its calendar difference as it stands (not normalised).
    Several: their calendar differences summed and normalised (30 days = 1 month,
    12 months = 1 year)."""
    merged = merge(spans, on)
    if not merged:
        return ZERO
    if len(merged) == 1:
        start, end = merged[0]
        return calendar_difference(start, end + _ONE_DAY)
    total = 0
    for start, end in merged:
        total += _hr_days(start, end + _ONE_DAY)
    return Duration.from_days(total)


def _first_stop_single(start: date, required: Duration) -> date:
    """The earliest ``stop`` with ``calendar_difference(start, stop) >= required``
    (lexicographically), for any ``required``.

    A calendar difference has months < 12 and days <= 30 and grows strictly with
    ``stop``; with n whole months it is reached at ``add_months(start, n)``.  So:
    months >= 12 required -> the next whole year; otherwise the earlier of
    "the required months plus the required days" and "one more whole month".
    """
    years, months, days = required.astuple()
    if months >= 12:
        return add_months(start, 12 * (years + 1))
    total_months = 12 * years + months
    candidate = add_months(start, total_months)
    try:
        next_month = add_months(start, total_months + 1)
    except OverflowError:
        return candidate + timedelta(days=days)
    if days >= 31:  # a calendar difference never has 31 days
        return next_month
    return min(candidate + timedelta(days=days), next_month)


def _threshold(required: Duration) -> int:
    """The fewest HR days whose normalised duration is >= ``required``
    (lexicographically); ``required.total_days`` when it is normalised."""
    years, months, days = required.astuple()
    if months >= 12:
        return 360 * (years + 1)
    if days >= 30:
        return 360 * years + 30 * (months + 1)
    return 360 * years + 30 * months + days


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
    spans: Iterable[SpanLike],
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
    * While only the first span counts, the requirement is met on its calendar
      anniversary (N years from 01.02.2024: 01.02.(2024 + N)).  Once a second span
      starts, the sum is normalised, so a first span of 11 months 30 days plus
      one day of the second makes 1 year 0 months 1 day.

    The date can be in the past ("reached on 01.02.2024"): the caller compares it
    with today.  Cost: one sort and O(1) per merged span, no day-by-day loops.
    """
    if not assume_ongoing_continue:
        spans = [s for s in spans if s.end is not None]
    merged = _merged(spans, None)
    if not merged:
        return None
    if required.is_zero:
        return merged[0][0]
    threshold = _threshold(required)
    try:
        # the first span alone: its calendar difference, not normalised
        start, end = merged[0]
        if end is None or calendar_difference(start, end + _ONE_DAY) >= required:
            return _first_stop_single(start, required)
        accumulated = _hr_days(start, end + _ONE_DAY)
        # two or more spans: the normalised sum; at least one day of the next span
        for start, end in merged[1:]:
            needed = max(threshold - accumulated, 1)
            if end is not None:
                span_days = _hr_days(start, end + _ONE_DAY)
                if span_days < needed:
                    accumulated += span_days
                    continue
            return _first_stop(start, needed)
    except OverflowError:
        return None
    return None
