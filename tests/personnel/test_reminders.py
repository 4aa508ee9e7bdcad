"""The daily digest: once a day per user, only their centres' items, never an IIN."""

from datetime import date as D

import pytest
from django.core import mail
from django.core.management import call_command

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
