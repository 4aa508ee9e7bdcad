"""The dashboard's staff counts and the area report describe the day asked (docs/records.md, "As of D"): who was
employed then, in the post, level and category of the period covering that day."""

from datetime import date

import pytest

from attestation.reports import area_report, centre_dashboard
from positions.models import Position
from tests.factories import EmployeeFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db
D = date


@pytest.fixture
def history(centre):
    social_worker = Position.objects.get(code="social_worker")
    lawyer = Position.objects.get(code="lawyer")
    promoted = EmployeeFactory(
        centre=centre,
        last_name="Асанова",
        hire_date=D(2020, 1, 15),
        position=social_worker,
        qualification_level="high",
        category="first",
    )
    WorkPeriodFactory(
        employee=promoted,
        position=social_worker,
        qualification_level="high",
        category="second",
        start_date=D(2020, 1, 15),
        end_date=D(2025, 6, 30),
    )
    WorkPeriodFactory(
        employee=promoted,
        position=social_worker,
        qualification_level="high",
        category="first",
        start_date=D(2025, 7, 1),
    )
    hired_later = EmployeeFactory(centre=centre, last_name="Бекова", hire_date=D(2025, 9, 1), position=lawyer)
    WorkPeriodFactory(employee=hired_later, position=lawyer, start_date=D(2025, 9, 1))
    dismissed = EmployeeFactory(
        centre=centre, last_name="Жұмабаев", hire_date=D(2019, 2, 1), dismissal_date=D(2025, 3, 31), position=lawyer
    )
    WorkPeriodFactory(employee=dismissed, position=lawyer, start_date=D(2019, 2, 1), end_date=D(2025, 3, 31))


def _posts(table):
    return sorted(
        (line["position_code"], line["qualification_level"], line["category"], line["count"]) for line in table
    )


@pytest.mark.parametrize(
    "day, staff, posts",
    [
        (D(2025, 1, 1), 2, [("lawyer", "", "", 1), ("social_worker", "high", "second", 1)]),
        (D(2025, 3, 31), 2, [("lawyer", "", "", 1), ("social_worker", "high", "second", 1)]),  # works on its last day
        (D(2025, 8, 1), 1, [("social_worker", "high", "first", 1)]),
        (D(2025, 9, 1), 2, [("lawyer", "", "", 1), ("social_worker", "high", "first", 1)]),
    ],
)
def test_staff_counts_are_those_of_the_day(history, centre, analyst, day, staff, posts):
    dashboard = centre_dashboard(centre, day)
    assert dashboard.totals.staff == staff
    assert _posts(dashboard.headcount) == posts
    report = area_report(analyst, day)
    assert report.national.staff == staff
    assert _posts(report.headcount) == posts
    assert [line.totals.staff for line in report.centres if line.centre == centre] == [staff]
