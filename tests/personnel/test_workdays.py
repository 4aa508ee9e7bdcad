"""Working-day arithmetic on Kazakhstan's calendar (docs/personnel.md): Monday to Friday, less the public
holidays and transferred days off of the table seeded from the `holidays` package; a term starts on the day
after the event."""

from datetime import date as D

import pytest

from personnel.deadlines import working_calendar
from personnel.models import CalendarDay
from personnel.services import calendar_seed
from personnel.workdays import WorkingCalendar


@pytest.mark.parametrize(
    ("event", "days", "due", "why"),
    [
        (D(2026, 12, 11), 5, D(2026, 12, 21), "Friday; 16.12 Independence Day is a holiday"),
        (D(2026, 12, 7), 5, D(2026, 12, 14), "Monday; a plain week"),
        (D(2026, 12, 12), 1, D(2026, 12, 14), "signed on Saturday: Monday is the first working day"),
        (D(2026, 3, 20), 3, D(2026, 3, 30), "Nauryz 21–25.03 (with the days off moved from the weekend)"),
        (D(2026, 12, 31), 3, D(2027, 1, 8), "New Year 1–2.01 (4.01 off for the Saturday), Christmas 7.01"),
        (D(2020, 1, 2), 1, D(2020, 1, 5), "Sunday 05.01.2020 was a working day (its day off moved to 03.01)"),
    ],
)
def test_working_days_follow_the_kazakh_calendar(db, event, days, due, why):
    assert working_calendar().add_working_days(event, days) == due, why


def test_the_calendar_is_seeded_and_an_admin_correction_wins(db):
    assert CalendarDay.objects.filter(date=D(2026, 12, 16), working=False).exists()
    assert CalendarDay.objects.filter(date__year=2030).exists()
    CalendarDay.objects.filter(date=D(2026, 12, 16)).update(working=True, name="corrected")
    assert calendar_seed() == 0
    assert CalendarDay.objects.get(date=D(2026, 12, 16)).name == "corrected"


def test_a_transfer_decreed_later_is_one_row_in_the_table(db):
    CalendarDay.objects.create(date=D(2026, 12, 14), working=False, name="Демалыс (ауыстырылған)")
    CalendarDay.objects.create(date=D(2026, 12, 19), working=True, name="Жұмыс күні (ауыстырылған)")
    calendar = working_calendar()
    assert not calendar.is_working(D(2026, 12, 14))
    assert calendar.is_working(D(2026, 12, 19))
    assert calendar.add_working_days(D(2026, 12, 11), 5) == D(2026, 12, 21)  # 14 off, 19 on


def test_without_exceptions_only_weekends_are_off():
    calendar = WorkingCalendar()
    assert calendar.add_working_days(D(2026, 12, 11), 5) == D(2026, 12, 18)
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 12, 11), 0)
