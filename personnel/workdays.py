"""Working days in Kazakhstan: Monday to Friday, except public holidays, with the government's day transfers.

Plain Python (no Django): the calendar is built from the exceptions kept in the database (personnel.CalendarDay,
seeded from the `holidays` package and editable by an admin when a transfer is decreed later) and then answers
date arithmetic without queries. A term counted in days begins on the day after the event (the civil-law
convention; docs/personnel.md).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

SATURDAY = 5


@dataclass(frozen=True)
class WorkingCalendar:
    # date -> True for a working day that would otherwise be a day off (a transferred Saturday),
    # False for a day off that would otherwise be working (a holiday, a transferred day off).
    exceptions: Mapping[date, bool] = field(default_factory=dict)

    @classmethod
    def from_days(cls, days: Iterable[tuple[date, bool]]) -> "WorkingCalendar":
        return cls(exceptions=dict(days))

    def is_working(self, day: date) -> bool:
        if day in self.exceptions:
            return self.exceptions[day]
        return day.weekday() < SATURDAY

    def add_working_days(self, start: date, days: int) -> date:
        """The date of the `days`-th working day after `start` (the day of the event itself never counts)."""
        if days < 1:
            raise ValueError("days must be positive")
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working(day):
                counted += 1
        return day


def add_calendar_days(start: date, days: int) -> date:
    """`days` calendar days after the event (counted from the next day, so the event day plus `days`)."""
    return start + timedelta(days=days)
