"""The daily digest: once a day per user, only their centres' items, never an IIN."""

from datetime import date as D

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from personnel import services
from positions.models import Position
from tests.factories import EmployeeFactory, UserFactory


@pytest.fixture
def worker(centre):
    employee = EmployeeFactory(centre=centre, position=Position.objects.get(code="psychologist"), category="none")
    services.contract_create(
        employee=employee, number="5", signed_on=D(2026, 11, 27), kind="indefinite", start_date=D(2026, 11, 27)
    )
    return employee


def test_each_officer_gets_one_digest_a_day_without_iins(centre, other_centre, worker):
    UserFactory(username="hr-mail", email="hr@example.kz", roles=["hr_officer"], centres=[centre])
    UserFactory(username="dir-mail", email="dir@example.kz", roles=["centre_director"], centres=[centre])
    UserFactory(username="other-mail", email="other@example.kz", roles=["hr_officer"], centres=[other_centre])
    UserFactory(username="no-mail", email="", roles=["hr_officer"], centres=[centre])
    call_command("send_reminders", "--as-of", "2026-12-07")
    assert sorted(message.to[0] for message in mail.outbox) == ["dir@example.kz", "hr@example.kz"]
    body = mail.outbox[0].body
    assert worker.personnel_number in body and "04.12.2026" in body and worker.iin not in body
    assert "ЕСУТД" in body
    call_command("send_reminders", "--as-of", "2026-12-07")
    assert len(mail.outbox) == 2
    call_command("send_reminders", "--as-of", "2026-12-08")
    assert len(mail.outbox) == 4


def test_nothing_due_sends_nothing(centre):
    UserFactory(username="hr-mail", email="hr@example.kz", roles=["hr_officer"], centres=[centre])
    call_command("send_reminders", "--as-of", "2026-12-07")
    assert mail.outbox == []


def test_the_people_of_one_centre_share_its_calendar(centre, worker):
    """The calendar of a set of centres is computed once a run, not once per person linked to them."""

    def queries_for(people: int, day: str) -> int:
        for number in range(people):
            UserFactory(
                username=f"hr-{day}-{number}", email=f"{number}@example.kz", roles=["hr_officer"], centres=[centre]
            )
        with CaptureQueriesContext(connection) as captured:
            call_command("send_reminders", "--as-of", day)
        return len(captured)

    one = queries_for(1, "2026-12-07")
    mail.outbox.clear()
    three = queries_for(3, "2026-12-08")  # the first one's users get theirs too: 4 in all
    assert len(mail.outbox) == 4
    per_mail = 3  # the claim's savepoint, INSERT and release
    assert three - one == 3 * per_mail
