"""Experience (стаж) arithmetic: staffing.experience.

Dates in ids are dd.mm.yyyy; "01.03.2026-" is an ongoing period.
"""

from __future__ import annotations

import calendar
import random
import time
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from staffing.experience import (
    Duration,
    Span,
    add_months,
    calendar_difference,
    date_reached,
    experience,
    merge,
)

ONE = timedelta(days=1)


def d(text: str) -> date:
    day, month, year = map(int, text.split("."))
    return date(year, month, day)


def spans(text: str) -> list[Span]:
    """"01.01.2024-30.06.2024, 01.07.2024-" -> spans (empty end = ongoing)."""
    result = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        start, _, end = part.partition("-")
        result.append(Span(d(start), d(end) if end else None))
    return result


def ymd(duration: Duration) -> tuple[int, int, int]:
    return duration.astuple()


# --- Duration -----------------------------------------------------------------


def test_duration_basics():
    assert Duration(1, 2, 3).total_days == 360 + 60 + 3
    assert ymd(Duration.from_days(360 + 60 + 3)) == (1, 2, 3)
    assert ymd(Duration.from_days(29)) == (0, 0, 29)
    assert ymd(Duration.from_days(30)) == (0, 1, 0)
    assert ymd(Duration.from_days(359)) == (0, 11, 29)
    assert ymd(Duration.of_years(3)) == (3, 0, 0)
    assert ymd(Duration(0, 11, 20) + Duration(0, 0, 15)) == (1, 0, 5)  # summed then normalised
    assert ymd(Duration(1, 0, 0) - Duration(0, 0, 1)) == (0, 11, 29)
    assert ymd(Duration(0, 1, 0) - Duration(2, 0, 0)) == (0, 0, 0)  # clamped at zero
    assert Duration().is_zero and not Duration(0, 0, 1).is_zero
    assert not Duration() and Duration(0, 0, 1)
    assert Duration(1, 0, 0).as_dict() == {"years": 1, "months": 0, "days": 0}


def test_duration_compares_by_total_days():
    assert Duration(0, 0, 30) == Duration(0, 1, 0)  # same HR days
    assert Duration(0, 11, 30) >= Duration.of_years(1)
    assert Duration(0, 13, 0) > Duration(1, 0, 29)
    assert sorted([Duration(1, 0, 0), Duration(0, 0, 5), Duration(0, 2, 0)]) == [
        Duration(0, 0, 5), Duration(0, 2, 0), Duration(1, 0, 0)]
    assert len({Duration(0, 0, 30), Duration(0, 1, 0)}) == 1
    assert max(Duration(0, 11, 29), Duration(0, 0, 360)) == Duration(1, 0, 0)


@pytest.mark.parametrize("bad", [(-1, 0, 0), (0, -1, 0), (0, 0, -1), (1.5, 0, 0)])
def test_duration_rejects_negative_or_non_int(bad):
    with pytest.raises(ValueError):
        Duration(*bad)
    with pytest.raises(ValueError):
        Duration.from_days(-1)


# --- add_months / calendar_difference -------------------------------------------


@pytest.mark.parametrize(
    "start, months, expected",
    [
        ("31.01.2025", 1, "28.02.2025"),
        ("31.01.2024", 1, "29.02.2024"),
        ("29.02.2024", 12, "28.02.2025"),
        ("29.02.2024", 48, "29.02.2028"),
        ("31.03.2025", -1, "28.02.2025"),
        ("15.11.2025", 3, "15.02.2026"),
        ("31.12.2025", 0, "31.12.2025"),
        ("31.08.2025", 1, "30.09.2025"),
    ],
    ids=lambda v: str(v),
)
def test_add_months(start, months, expected):
    assert add_months(d(start), months) == d(expected)


@pytest.mark.parametrize(
    "start, stop, expected",
    [
        pytest.param("01.01.2025", "01.01.2026", (1, 0, 0), id="01.01.2025 to 01.01.2026: 1 year"),
        pytest.param("01.01.2025", "31.12.2025", (0, 11, 30), id="01.01.2025 to 31.12.2025: 11m 30d"),
        pytest.param("31.01.2025", "28.02.2025", (0, 1, 0), id="31.01.2025 + 1 month clamps to 28.02.2025"),
        pytest.param("31.01.2025", "01.03.2025", (0, 1, 1), id="31.01.2025 to 01.03.2025: 1m 1d"),
        pytest.param("31.01.2025", "30.03.2025", (0, 1, 30), id="31.01.2025 to 30.03.2025: 1m 30d"),
        pytest.param("31.01.2025", "31.03.2025", (0, 2, 0), id="31.01.2025 to 31.03.2025: 2m"),
        pytest.param("29.02.2024", "28.02.2025", (1, 0, 0), id="29.02.2024 + 1 year = 28.02.2025"),
        pytest.param("29.02.2024", "27.02.2025", (0, 11, 29), id="29.02.2024 to 27.02.2025"),
        pytest.param("29.02.2024", "01.03.2025", (1, 0, 1), id="29.02.2024 to 01.03.2025"),
        pytest.param("10.02.2024", "10.03.2024", (0, 1, 0), id="10.02.2024 to 10.03.2024 across 29.02"),
        pytest.param("15.06.2020", "14.09.2023", (3, 2, 30), id="15.06.2020 to 14.09.2023"),
        pytest.param("01.03.2026", "01.03.2026", (0, 0, 0), id="empty"),
        pytest.param("02.03.2026", "01.03.2026", (0, 0, 0), id="stop before start"),
    ],
)
def test_calendar_difference(start, stop, expected):
    assert ymd(calendar_difference(d(start), d(stop))) == expected


# --- merge ----------------------------------------------------------------------


def test_merge_overlapping_adjacent_and_clipped():
    got = merge(
        spans("01.06.2024-30.06.2024, 01.01.2024-31.03.2024, 15.03.2024-15.04.2024, "
              "16.04.2024-30.04.2024, 01.09.2024-"),
        before=d("01.10.2024"),
    )
    assert got == [
        (d("01.01.2024"), d("30.04.2024")),
        (d("01.06.2024"), d("30.06.2024")),
        (d("01.09.2024"), d("30.09.2024")),
    ]


def test_merge_drops_days_on_or_after_before():
    assert merge(spans("01.01.2025-31.12.2025"), before=d("01.01.2025")) == []
    assert merge(spans("01.01.2025-31.12.2025"), before=d("02.01.2025")) == [(d("01.01.2025"), d("01.01.2025"))]
    assert merge([Span(d("10.01.2025"), d("09.01.2025"))], before=d("01.01.2026")) == []  # end < start: empty


# --- experience -----------------------------------------------------------------


@pytest.mark.parametrize(
    "periods, on, expected",
    [
        pytest.param("01.01.2025-31.12.2025", "01.01.2026", (1, 0, 0), id="single 01.01.2025-31.12.2025 on 01.01.2026"),
        pytest.param("01.01.2025-31.12.2025", "01.07.2030", (1, 0, 0), id="closed period stops counting"),
        pytest.param("01.03.2026-", "25.11.2026", (0, 8, 24), id="open 01.03.2026- on 25.11.2026"),
        pytest.param("01.03.2026-", "01.03.2026", (0, 0, 0), id="first day: 01.03.2026 not counted on 01.03.2026"),
        pytest.param("01.03.2026-", "02.03.2026", (0, 0, 1), id="01.03.2026- on 02.03.2026: 1 day"),
        pytest.param("01.03.2026-31.03.2026", "31.03.2026", (0, 1, 0),
                     id="on D excludes D: 01-30.03.2026, 30 days = 1 month"),
        pytest.param("01.03.2026-31.03.2026", "30.03.2026", (0, 0, 29), id="on D excludes D: 01-29.03.2026"),
        pytest.param("01.06.2025-", "01.06.2026", (1, 0, 0), id="open 01.06.2025- on 01.06.2026"),
        pytest.param("01.07.2026-", "25.11.2025", (0, 0, 0), id="future period counts nothing"),
        pytest.param("01.01.2024-30.06.2024, 01.04.2024-31.12.2024", "01.01.2025", (1, 0, 0),
                     id="overlap 01.04-30.06.2024 counted once"),
        pytest.param("01.01.2024-31.12.2024, 01.03.2024-31.05.2024", "01.01.2025", (1, 0, 0),
                     id="period inside another"),
        pytest.param("15.01.2025-31.01.2025, 01.02.2025-14.02.2025", "01.03.2025", (0, 1, 0),
                     id="adjacent 15.01-31.01 + 01.02-14.02.2025 merge: 1 month, not 17d+14d"),
        pytest.param("01.01.2024-31.03.2024, 01.06.2024-31.08.2024", "01.01.2025", (0, 6, 0),
                     id="gap 01.04-31.05.2024: 3m + 3m"),
        pytest.param("01.01.2024-31.03.2024, 01.06.2024-", "01.09.2024", (0, 6, 0),
                     id="gap then ongoing from 01.06.2024"),
        pytest.param("29.02.2024-", "28.02.2025", (1, 0, 0), id="start 29.02.2024: 1 year on 28.02.2025"),
        pytest.param("29.02.2024-", "27.02.2025", (0, 11, 29), id="start 29.02.2024: on 27.02.2025"),
        pytest.param("01.02.2024-31.03.2024", "01.04.2024", (0, 2, 0), id="across 29.02.2024: 2 months"),
        pytest.param("31.01.2025-28.02.2025", "01.03.2025", (0, 1, 1), id="31.01-28.02.2025: 1m 1d (clamped)"),
        pytest.param("31.01.2025-27.02.2025", "01.03.2025", (0, 1, 0), id="31.01-27.02.2025: 1 month"),
        pytest.param("01.01.2025-30.01.2025", "01.03.2025", (0, 1, 0), id="30 days = 1 month"),
        pytest.param("01.01.2025-", "31.12.2025", (1, 0, 0),
                     id="01.01-30.12.2025 is 11m 30d = 1 year (30-day convention)"),
        pytest.param("01.01.2025-20.01.2025, 01.03.2025-20.03.2025, 01.05.2025-20.05.2025", "01.01.2026", (0, 2, 0),
                     id="3 x 20 days = 60 days = 2 months"),
        pytest.param("01.01.2020-31.12.2021, 10.10.2023-09.04.2024, 01.09.2024-", "01.09.2026", (4, 6, 0),
                     id="several periods add up: 2y + 6m + 2y"),
        pytest.param("", "01.01.2026", (0, 0, 0), id="no periods"),
    ],
)
def test_experience(periods, on, expected):
    assert ymd(experience(spans(periods), d(on))) == expected


def test_experience_accepts_any_iterable():
    assert ymd(experience(iter(spans("01.01.2025-31.12.2025")), d("01.01.2026"))) == (1, 0, 0)


# --- date_reached ----------------------------------------------------------------


@pytest.mark.parametrize(
    "periods, years, months, days, expected",
    [
        pytest.param("01.03.2026-", 1, 0, 0, "01.03.2027", id="ongoing 01.03.2026-: 1 year on 01.03.2027"),
        pytest.param("01.01.2020-30.06.2020, 01.01.2021-31.03.2021, 01.07.2021-", 1, 0, 0, "01.10.2021",
                     id="6m + gap + 3m + gap + ongoing 01.07.2021: 1 year on 01.10.2021"),
        pytest.param("01.01.2018-31.12.2019, 01.03.2020-", 3, 0, 0, "01.03.2021",
                     id="2y closed + ongoing 01.03.2020: 3 years on 01.03.2021"),
        pytest.param("01.03.2015-31.10.2018", 2, 0, 0, "01.03.2017", id="already reached: past date 01.03.2017"),
        pytest.param("01.03.2016-28.02.2017, 01.03.2017-", 2, 0, 0, "01.03.2018",
                     id="adjacent 28.02/01.03.2017 merge: 01.03.2018"),
        pytest.param("01.03.2015-28.02.2016, 01.03.2016-", 2, 0, 0, "03.03.2017",
                     id="29.02.2016 is a gap: 11m 28d + 1y 2d, on 03.03.2017"),
        pytest.param("01.01.2024-30.06.2024, 01.04.2024-31.12.2024", 1, 0, 0, "31.12.2024",
                     id="overlap counted once; 11m 30d = 1y on 31.12.2024"),
        pytest.param("01.01.2025-", 1, 0, 0, "31.12.2025", id="30-day convention: 01.01.2025- reaches 1y on 31.12.2025"),
        pytest.param("15.06.2025-", 1, 0, 0, "14.06.2026", id="15.06.2025-: 11m 30d on 14.06.2026"),
        pytest.param("01.03.2025-", 1, 0, 0, "01.03.2026", id="01.03.2025-: February is short, 01.03.2026"),
        pytest.param("29.02.2024-", 1, 0, 0, "28.02.2025", id="start 29.02.2024: 1 year on 28.02.2025"),
        pytest.param("01.03.2023-", 1, 0, 0, "01.03.2024", id="1 year across 29.02.2024 on 01.03.2024"),
        pytest.param("31.01.2025-", 0, 1, 0, "28.02.2025", id="31.01.2025-: 1 month on 28.02.2025 (27 -> 30)"),
        pytest.param("01.01.2025-", 0, 1, 0, "31.01.2025", id="01.01.2025-: 30 days = 1 month on 31.01.2025"),
        pytest.param("01.01.2025-30.06.2025", 1, 0, 0, None, id="never: closed 6 months"),
        pytest.param("01.01.2025-30.06.2025, 01.01.2026-31.03.2026", 1, 0, 0, None, id="never: closed 9 months"),
        pytest.param("", 1, 0, 0, None, id="no periods: None"),
        pytest.param("01.05.2025-31.05.2025, 01.03.2025-", 0, 0, 0, "01.03.2025", id="zero: the first start"),
        pytest.param("", 0, 0, 0, None, id="zero, no periods: None"),
    ],
)
def test_date_reached(periods, years, months, days, expected):
    got = date_reached(spans(periods), Duration(years, months, days))
    assert got == (d(expected) if expected else None)


def test_date_reached_without_ongoing():
    periods = spans("01.01.2020-31.12.2020, 01.03.2021-")
    assert date_reached(periods, Duration.of_years(2)) == d("01.03.2022")
    assert date_reached(periods, Duration.of_years(2), assume_ongoing_continue=False) is None
    assert date_reached(periods, Duration(0, 6, 0), assume_ongoing_continue=False) == d("01.07.2020")


def test_date_reached_far_future_is_none():
    assert date_reached(spans("01.01.9990-"), Duration.of_years(20)) is None


def test_speed_10000_employees():
    """10,000 employees x (experience + date_reached), 6 periods each: well under a second
    of work (generous bound for slow CI machines)."""
    rng = random.Random(580)
    people = []
    for _ in range(10_000):
        start = date(2000, 1, 1) + timedelta(days=rng.randrange(8000))
        periods = []
        for _ in range(5):
            end = start + timedelta(days=rng.randrange(30, 1500))
            periods.append(Span(start, end))
            start = end + timedelta(days=rng.randrange(0, 400))
        periods.append(Span(start, None))
        people.append(periods)
    t0 = time.perf_counter()
    for periods in people:
        experience(periods, date(2026, 11, 25))
        date_reached(periods, Duration.of_years(30))
    assert time.perf_counter() - t0 < 5


# --- properties ------------------------------------------------------------------

LOW, HIGH = date(2016, 1, 1), date(2030, 12, 31)


@st.composite
def span_st(draw):
    start = draw(st.dates(min_value=LOW, max_value=HIGH))
    if draw(st.integers(0, 5)) == 0:
        return Span(start, None)
    return Span(start, start + timedelta(days=draw(st.integers(0, 900))))


span_lists = st.lists(span_st(), max_size=5)
on_dates = st.dates(min_value=LOW, max_value=date(2034, 12, 31))
durations = st.builds(Duration, st.integers(0, 6), st.integers(0, 11), st.integers(0, 29))


def naive_difference(start: date, stop: date) -> tuple[int, int, int]:
    """An independent, slow calendar difference: count whole months one at a time."""
    n = 0
    while True:
        y, m = divmod(start.month - 1 + n + 1, 12)
        year, month = start.year + y, m + 1
        nxt = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
        if nxt > stop:
            break
        n += 1
    y, m = divmod(start.month - 1 + n, 12)
    year, month = start.year + y, m + 1
    anchor = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return (n // 12, n % 12, (stop - anchor).days)


def naive_experience(items: list[Span], on: date) -> int:
    """Day-by-day: collect the days before ``on``, split into runs, measure each run."""
    days = set()
    for s in items:
        end = on - ONE if s.end is None else min(s.end, on - ONE)
        x = s.start
        while x <= end:
            days.add(x)
            x += ONE
    total = 0
    run_start = None
    for x in sorted(days):
        if run_start is None:
            run_start = prev = x
        elif x != prev + ONE:
            y, m, dd = naive_difference(run_start, prev + ONE)
            total += 360 * y + 30 * m + dd
            run_start = x
        prev = x
    if run_start is not None:
        y, m, dd = naive_difference(run_start, prev + ONE)
        total += 360 * y + 30 * m + dd
    return total


@given(st.dates(min_value=LOW, max_value=HIGH), st.integers(0, 2000))
def test_calendar_difference_matches_naive(start, length):
    stop = start + timedelta(days=length)
    assert ymd(calendar_difference(start, stop)) == naive_difference(start, stop)


@settings(max_examples=150, deadline=None)
@given(span_lists, on_dates)
def test_experience_matches_day_by_day(items, on):
    assert experience(items, on).total_days == naive_experience(items, on)


@given(span_lists, on_dates, st.data())
def test_splitting_a_period_changes_nothing(items, on, data):
    assume(items)
    i = data.draw(st.integers(0, len(items) - 1))
    s = items[i]
    last = s.end if s.end is not None else s.start + timedelta(days=2000)
    assume(last > s.start)
    cut = s.start + timedelta(days=data.draw(st.integers(0, (last - s.start).days - 1)))
    split = items[:i] + [Span(s.start, cut), Span(cut + ONE, s.end)] + items[i + 1:]
    assert ymd(experience(split, on)) == ymd(experience(items, on))


@given(span_lists, on_dates, on_dates)
def test_experience_is_monotone_in_the_date(items, a, b):
    early, late = min(a, b), max(a, b)
    assert experience(items, early) <= experience(items, late)


@given(span_lists, on_dates, st.randoms(use_true_random=False))
def test_order_of_periods_does_not_matter(items, on, rng):
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert ymd(experience(shuffled, on)) == ymd(experience(items, on))
    r = Duration(1, 0, 0)
    assert date_reached(shuffled, r) == date_reached(items, r)


@given(span_lists, durations)
def test_date_reached_is_the_first_such_date(items, required):
    assume(not required.is_zero)
    reached = date_reached(items, required)
    if reached is None:
        assert all(s.end is not None for s in items)
        horizon = max((s.end for s in items), default=LOW) + timedelta(days=2)
        assert experience(items, horizon) < required
    else:
        assert experience(items, reached) >= required
        assert experience(items, reached - ONE) < required


@given(span_lists)
def test_zero_required_is_the_first_start(items):
    expected = min((s.start for s in items if s.end is None or s.end >= s.start), default=None)
    assert date_reached(items, Duration()) == expected
