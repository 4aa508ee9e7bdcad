"""Experience (стаж) arithmetic: staffing.experience.

Dates in ids are dd.mm.yyyy; "01.03.2026-" is an ongoing period.
"""

from __future__ import annotations

import calendar
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
    """ "01.01.2024-30.06.2024, 01.07.2024-" -> spans (empty end = ongoing)."""
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


def test_duration_compares_lexicographically():
    # a single span's raw calendar difference: 2y 11m 30d is NOT yet 3 years
    assert Duration(2, 11, 30) < Duration.of_years(3)
    assert Duration(2, 11, 30).total_days == Duration.of_years(3).total_days  # HR days are not the order
    assert Duration(0, 0, 30) < Duration(0, 1, 0)
    assert Duration(0, 0, 30) != Duration(0, 1, 0)
    assert Duration(0, 11, 30) < Duration.of_years(1)
    assert Duration(0, 1, 0) > Duration(0, 0, 30) > Duration(0, 0, 29)
    assert Duration(1, 0, 0) > Duration(0, 11, 30)
    assert Duration(0, 13, 0) < Duration(1, 0, 0)  # lexicographic, even for unnormalised values
    assert Duration(1, 0, 29) >= Duration(1, 0, 29) and Duration(1, 0, 29) == Duration(1, 0, 29)
    assert sorted([Duration(1, 0, 0), Duration(0, 0, 5), Duration(0, 2, 0), Duration(0, 1, 30)]) == [
        Duration(0, 0, 5),
        Duration(0, 1, 30),
        Duration(0, 2, 0),
        Duration(1, 0, 0),
    ]
    assert len({Duration(0, 0, 30), Duration(0, 1, 0)}) == 2
    assert len({Duration(0, 1, 0), Duration.from_days(30)}) == 1
    assert hash(Duration(2, 3, 4)) == hash(Duration(2, 3, 4))
    assert max(Duration(0, 11, 29), Duration(0, 11, 30)) == Duration(0, 11, 30)
    # normalising (as for a sum of separate spans) gives the HR-days value
    assert Duration(0, 11, 30).normalised() == Duration(1, 0, 0)
    assert Duration(0, 0, 360).normalised() == Duration(1, 0, 0)


@given(
    st.builds(Duration, st.integers(0, 9), st.integers(0, 11), st.integers(0, 29)),
    st.builds(Duration, st.integers(0, 9), st.integers(0, 11), st.integers(0, 29)),
)
def test_normalised_durations_compare_by_hr_days(a, b):
    assert (a < b) == (a.total_days < b.total_days)
    assert (a == b) == (a.total_days == b.total_days)


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
        spans(
            "01.06.2024-30.06.2024, 01.01.2024-31.03.2024, 15.03.2024-15.04.2024, 16.04.2024-30.04.2024, 01.09.2024-"
        ),
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
        pytest.param(
            "01.03.2026-31.03.2026",
            "31.03.2026",
            (0, 0, 30),
            id="on D excludes D: 01-30.03.2026 is 30 days, not yet a month",
        ),
        pytest.param("01.03.2026-31.03.2026", "01.04.2026", (0, 1, 0), id="01-31.03.2026: 1 month"),
        pytest.param("01.03.2026-31.03.2026", "30.03.2026", (0, 0, 29), id="on D excludes D: 01-29.03.2026"),
        pytest.param("01.06.2025-", "01.06.2026", (1, 0, 0), id="open 01.06.2025- on 01.06.2026"),
        pytest.param("01.07.2026-", "25.11.2025", (0, 0, 0), id="future period counts nothing"),
        pytest.param(
            "01.01.2024-30.06.2024, 01.04.2024-31.12.2024",
            "01.01.2025",
            (1, 0, 0),
            id="overlap 01.04-30.06.2024 counted once",
        ),
        pytest.param(
            "01.01.2024-31.12.2024, 01.03.2024-31.05.2024", "01.01.2025", (1, 0, 0), id="period inside another"
        ),
        pytest.param(
            "15.01.2025-31.01.2025, 01.02.2025-14.02.2025",
            "01.03.2025",
            (0, 1, 0),
            id="adjacent 15.01-31.01 + 01.02-14.02.2025 merge: 1 month, not 17d+14d",
        ),
        pytest.param(
            "01.01.2024-31.03.2024, 01.06.2024-31.08.2024", "01.01.2025", (0, 6, 0), id="gap 01.04-31.05.2024: 3m + 3m"
        ),
        pytest.param(
            "01.01.2024-31.03.2024, 01.06.2024-", "01.09.2024", (0, 6, 0), id="gap then ongoing from 01.06.2024"
        ),
        pytest.param("29.02.2024-", "28.02.2025", (1, 0, 0), id="start 29.02.2024: 1 year on 28.02.2025"),
        pytest.param("29.02.2024-", "27.02.2025", (0, 11, 29), id="start 29.02.2024: on 27.02.2025"),
        pytest.param("01.02.2024-31.03.2024", "01.04.2024", (0, 2, 0), id="across 29.02.2024: 2 months"),
        pytest.param("31.01.2025-28.02.2025", "01.03.2025", (0, 1, 1), id="31.01-28.02.2025: 1m 1d (clamped)"),
        pytest.param("31.01.2025-27.02.2025", "01.03.2025", (0, 1, 0), id="31.01-27.02.2025: 1 month"),
        pytest.param(
            "01.01.2025-30.01.2025",
            "01.03.2025",
            (0, 0, 30),
            id="one span 01-30.01.2025: 0m 30d, less than a month (31-day month)",
        ),
        pytest.param("01.01.2025-31.01.2025", "01.03.2025", (0, 1, 0), id="one span 01-31.01.2025: 1 month"),
        pytest.param("01.01.2025-", "31.12.2025", (0, 11, 30), id="one span 01.01-30.12.2025: 11m 30d, not yet 1 year"),
        pytest.param("01.01.2025-", "01.01.2026", (1, 0, 0), id="01.01.2025-: 1 year on 01.01.2026"),
        pytest.param("01.02.2024-", "31.01.2027", (2, 11, 30), id="psychologist 01.02.2024-: 2y 11m 30d on 31.01.2027"),
        pytest.param("01.02.2024-", "01.02.2027", (3, 0, 0), id="psychologist 01.02.2024-: 3 years on 01.02.2027"),
        pytest.param("01.02.2024-", "25.11.2026", (2, 9, 24), id="psychologist 01.02.2024-: 2y 9m on 25.11.2026"),
        pytest.param("01.03.2026-", "28.02.2027", (0, 11, 27), id="social worker 01.03.2026-: on 28.02.2027"),
        pytest.param("01.03.2026-", "01.03.2027", (1, 0, 0), id="social worker 01.03.2026-: 1 year on 01.03.2027"),
        pytest.param(
            "01.01.2025-30.01.2025, 01.03.2025-02.03.2025",
            "01.04.2025",
            (0, 1, 2),
            id="separate spans are normalised: 0m 30d + 2d = 1m 2d",
        ),
        pytest.param(
            "01.01.2025-30.12.2025, 01.06.2026-",
            "01.06.2026",
            (0, 11, 30),
            id="second span not started yet: the first alone, 11m 30d",
        ),
        pytest.param(
            "01.01.2025-30.12.2025, 01.06.2026-",
            "02.06.2026",
            (1, 0, 1),
            id="11m 30d + 1 day of a second span = 1y 0m 1d (normalised sum)",
        ),
        pytest.param(
            "01.01.2025-20.01.2025, 01.03.2025-20.03.2025, 01.05.2025-20.05.2025",
            "01.01.2026",
            (0, 2, 0),
            id="3 x 20 days = 60 days = 2 months",
        ),
        pytest.param(
            "01.01.2020-31.12.2021, 10.10.2023-09.04.2024, 01.09.2024-",
            "01.09.2026",
            (4, 6, 0),
            id="several periods add up: 2y + 6m + 2y",
        ),
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
        pytest.param(
            "01.01.2020-30.06.2020, 01.01.2021-31.03.2021, 01.07.2021-",
            1,
            0,
            0,
            "01.10.2021",
            id="6m + gap + 3m + gap + ongoing 01.07.2021: 1 year on 01.10.2021",
        ),
        pytest.param(
            "01.01.2018-31.12.2019, 01.03.2020-",
            3,
            0,
            0,
            "01.03.2021",
            id="2y closed + ongoing 01.03.2020: 3 years on 01.03.2021",
        ),
        pytest.param("01.03.2015-31.10.2018", 2, 0, 0, "01.03.2017", id="already reached: past date 01.03.2017"),
        pytest.param(
            "01.03.2016-28.02.2017, 01.03.2017-",
            2,
            0,
            0,
            "01.03.2018",
            id="adjacent 28.02/01.03.2017 merge: 01.03.2018",
        ),
        pytest.param(
            "01.03.2015-28.02.2016, 01.03.2016-",
            2,
            0,
            0,
            "03.03.2017",
            id="29.02.2016 is a gap: 11m 28d + 1y 2d, on 03.03.2017",
        ),
        pytest.param(
            "01.01.2024-30.06.2024, 01.04.2024-31.12.2024",
            1,
            0,
            0,
            "01.01.2025",
            id="overlap counted once; one span: 1y on 01.01.2025",
        ),
        pytest.param(
            "01.02.2024-",
            3,
            0,
            0,
            "01.02.2027",
            id="item 21: psychologist 01.02.2024-: 3 years on 01.02.2027, not 31.01.2027",
        ),
        pytest.param(
            "01.03.2026-",
            1,
            0,
            0,
            "01.03.2027",
            id="README: 01.03.2026 -> 1 year on 01.03.2027",
        ),
        pytest.param("01.01.2025-", 1, 0, 0, "01.01.2026", id="01.01.2025-: 1 year on 01.01.2026, not 31.12.2025"),
        pytest.param("15.06.2025-", 1, 0, 0, "15.06.2026", id="15.06.2025-: 1 year on 15.06.2026"),
        pytest.param("01.08.2025-", 0, 0, 30, "31.08.2025", id="01.08.2025-: 30 days on 31.08.2025"),
        pytest.param(
            "01.01.2025-30.12.2025, 01.06.2026-",
            1,
            0,
            0,
            "02.06.2026",
            id="11m 30d, gap, then 1 day of a second span makes 1y 0m 1d: 02.06.2026",
        ),
        pytest.param(
            "01.01.2025-30.01.2025, 01.03.2025-",
            0,
            2,
            0,
            "31.03.2025",
            id="separate spans: 0m 30d + 01.03-30.03.2025 (0m 30d) = 2 months on 31.03.2025",
        ),
        pytest.param("01.03.2025-", 1, 0, 0, "01.03.2026", id="01.03.2025-: February is short, 01.03.2026"),
        pytest.param("29.02.2024-", 1, 0, 0, "28.02.2025", id="start 29.02.2024: 1 year on 28.02.2025"),
        pytest.param("01.03.2023-", 1, 0, 0, "01.03.2024", id="1 year across 29.02.2024 on 01.03.2024"),
        pytest.param(
            "31.01.2025-", 0, 1, 0, "28.02.2025", id="31.01.2025-: 1 month on 28.02.2025 (clamped anniversary)"
        ),
        pytest.param("01.01.2025-", 0, 1, 0, "01.02.2025", id="01.01.2025-: 1 month on 01.02.2025 (31-day month)"),
        pytest.param("01.01.2025-30.01.2025", 0, 1, 0, None, id="never: one span of 0m 30d is less than a month"),
        pytest.param("01.01.2025-31.01.2025", 0, 1, 0, "01.02.2025", id="one span 01-31.01.2025: 1 month"),
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
# also raw (30 days) and unnormalised requirements: date_reached must agree with the ordering for any of them
any_durations = durations | st.builds(Duration, st.integers(0, 6), st.integers(0, 13), st.integers(0, 32))


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


def naive_experience(items: list[Span], on: date) -> tuple[int, int, int]:
    """Day-by-day: collect the days before ``on``, split into runs, measure each run; one run as it
    stands, several summed component-wise and then normalised (30 days = 1 month, 12 months = 1 year)."""
    days = set()
    for s in items:
        end = on - ONE if s.end is None else min(s.end, on - ONE)
        x = s.start
        while x <= end:
            days.add(x)
            x += ONE
    runs = []
    run_start = None
    for x in sorted(days):
        if run_start is None:
            run_start = prev = x
        elif x != prev + ONE:
            runs.append(naive_difference(run_start, prev + ONE))
            run_start = x
        prev = x
    if run_start is not None:
        runs.append(naive_difference(run_start, prev + ONE))
    if not runs:
        return (0, 0, 0)
    if len(runs) == 1:
        return runs[0]
    y, m, dd = (sum(r[i] for r in runs) for i in range(3))
    m, dd = m + dd // 30, dd % 30
    return (y + m // 12, m % 12, dd)


@given(st.dates(min_value=LOW, max_value=HIGH), st.integers(0, 2000))
def test_calendar_difference_matches_naive(start, length):
    stop = start + timedelta(days=length)
    assert ymd(calendar_difference(start, stop)) == naive_difference(start, stop)


@settings(max_examples=150, deadline=None)
@given(span_lists, on_dates)
def test_experience_matches_day_by_day(items, on):
    assert ymd(experience(items, on)) == naive_experience(items, on)


@given(st.dates(min_value=LOW, max_value=HIGH), st.integers(0, 8))
def test_one_ongoing_span_reaches_years_on_the_calendar_anniversary(start, years):
    """N years of one continuous span: exactly add_months(start, 12 N), never a day early."""
    required = Duration.of_years(years)
    reached = date_reached([Span(start, None)], required)
    if years == 0:
        assert reached == start
        return
    assert reached == add_months(start, 12 * years)
    assert ymd(experience([Span(start, None)], reached)) == (years, 0, 0)
    assert experience([Span(start, None)], reached - ONE) < required


@given(st.dates(min_value=LOW, max_value=HIGH), st.integers(0, 100))
def test_one_span_is_not_normalised(start, months):
    """The day before a whole number of months from the start is still less than that number of months."""
    stop = add_months(start, months + 1)
    have = experience([Span(start, None)], stop - ONE)
    assert have < Duration(*divmod(months + 1, 12), 0)
    assert have.months < 12 and have.days <= 30


@given(span_lists, on_dates, st.data())
def test_splitting_a_period_changes_nothing(items, on, data):
    assume(items)
    i = data.draw(st.integers(0, len(items) - 1))
    s = items[i]
    last = s.end if s.end is not None else s.start + timedelta(days=2000)
    assume(last > s.start)
    cut = s.start + timedelta(days=data.draw(st.integers(0, (last - s.start).days - 1)))
    split = items[:i] + [Span(s.start, cut), Span(cut + ONE, s.end)] + items[i + 1 :]
    assert ymd(experience(split, on)) == ymd(experience(items, on))
    for r in (Duration(1, 0, 0), Duration(0, 6, 15)):
        assert date_reached(split, r) == date_reached(items, r)


@given(span_lists, on_dates, on_dates)
def test_experience_is_monotone_in_the_date(items, a, b):
    early, late = min(a, b), max(a, b)
    assert experience(items, early) <= experience(items, late)


@given(span_lists, on_dates, st.randoms(use_true_random=False))
def test_order_of_periods_does_not_matter(items, on, rng):
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert ymd(experience(shuffled, on)) == ymd(experience(items, on))
    for r in (Duration(1, 0, 0), Duration(0, 11, 30), Duration(2, 0, 0)):
        assert date_reached(shuffled, r) == date_reached(items, r)


@settings(max_examples=300)
@given(span_lists, any_durations)
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
