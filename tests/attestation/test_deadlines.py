"""Attestation's entries in the HR calendar: `eligible` from the engine's eligible_from (item 15: a high-level
social worker in the second category since 01.03.2026 qualifies for the first on 01.03.2027)."""

from datetime import date as D

from django.db import connection
from django.test.utils import CaptureQueriesContext

from attestation import services
from personnel.deadlines import deadlines
from tests.attestation.test_eligibility import social_worker


def eligible(items):
    return [(item.personnel_number, item.due, item.overdue) for item in items if item.kind == "eligible"]


def test_item_15_the_day_a_social_worker_qualifies_is_in_the_calendar(centre):
    social_worker(centre, number="001")
    assert eligible(deadlines([centre.pk], D(2027, 2, 1), within=30)) == [("001", D(2027, 3, 1), False)]
    assert eligible(deadlines([centre.pk], D(2027, 1, 1), within=30)) == []
    assert eligible(deadlines([centre.pk], D(2027, 3, 5), within=30)) == [("001", D(2027, 3, 1), True)]


def test_a_candidate_of_an_open_session_leaves_the_calendar(centre, hr_officer):
    employee = social_worker(centre, number="001", since=D(2024, 6, 1))
    assert eligible(deadlines([centre.pk], D(2026, 12, 2)))
    session = services.session_create(centre=centre, day=D(2026, 12, 10), user=hr_officer)
    services.candidate_add(session=session, employee=employee, reason="Өтініш", user=hr_officer)
    assert eligible(deadlines([centre.pk], D(2026, 12, 2))) == []


def test_the_calendar_runs_a_fixed_number_of_queries(centre, other_centre):
    def queries(centre_to_ask):
        with CaptureQueriesContext(connection) as captured:
            deadlines([centre_to_ask.pk], D(2026, 12, 2))
        return len(captured)

    social_worker(centre, number="001", since=D(2024, 6, 1))
    social_worker(other_centre, number="002", since=D(2024, 6, 1))
    one = queries(other_centre)
    for number in range(3, 15):
        social_worker(centre, number=f"{number:03d}", since=D(2024, 6, 1))
    assert queries(centre) == one
