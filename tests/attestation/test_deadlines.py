"""Attestation's entries in the HR calendar: `eligible` from the engine's eligible_from (item 15: a high-level
social worker in the second category since 01.03.2026 qualifies for the first on 01.03.2027)."""

from datetime import date as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

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


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("kk", "Бірінші санат алуға құқылы: аттестаттауға ұсыныңыз."),
        ("ru", "Может получить следующую категорию (первая категория): выдвиньте на аттестацию."),
    ],
)
def test_the_item_reads_as_a_sentence(centre, language, sentence):
    """The Kazakh sentence begins with the category's name: it still begins with a capital letter."""
    social_worker(centre, number="001")
    [item] = [item for item in deadlines([centre.pk], D(2027, 2, 1)) if item.kind == "eligible"]
    with translation.override(language):
        assert item.detail == sentence


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


def schedule_items(centre, day):
    return {
        (item.kind, item.personnel_number): item
        for item in deadlines([centre.pk], day)
        if item.kind in ("periodic_attestation", "category_expiry")
    }


def test_periodic_attestation_and_the_category_term_follow_the_policy(centre, hr_officer):
    from attestation.models import AttestationPolicy, PolicyAssignment

    PolicyAssignment.objects.create(centre=centre, policy=AttestationPolicy.objects.get(code="mlsp_210_2023"))
    employee = social_worker(centre, number="001", since=D(2024, 1, 15))
    items = schedule_items(centre, D(2026, 12, 20))
    expiry = items[("category_expiry", "001")]
    assert expiry.due == D(2027, 1, 14) and not expiry.overdue  # second category from 15.01.2024, for 3 years
    periodic = items[("periodic_attestation", "001")]
    assert periodic.overdue  # hired on 15.01.2020, never attested: due three years later
    session = services.session_create(centre=centre, day=D(2026, 12, 10), user=hr_officer)
    services.candidate_add(session=session, employee=employee, reason="Мерзімдік аттестаттау", user=hr_officer)
    assert ("periodic_attestation", "001") not in schedule_items(centre, D(2026, 12, 20))


def test_under_the_centre_default_a_category_does_not_expire(centre):
    social_worker(centre, number="001", since=D(2024, 1, 15))
    assert ("category_expiry", "001") not in schedule_items(centre, D(2026, 12, 20))
