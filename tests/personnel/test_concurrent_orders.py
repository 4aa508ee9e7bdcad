"""Orders signed at the same moment, on PostgreSQL with two real connections (threads): two orders of one
centre get two numbers (the register row is locked while a number is taken), and the same attestation order
recorded twice at once is recorded once (the session row is locked and its state checked)."""

import datetime
import threading

import pytest
from django.db import connection, connections

from attestation import services as attestation_services
from attestation.models import Session
from personnel import services
from personnel.models import Order
from staffing.models import Employee
from tests.attestation.test_sessions import run_to_approval, social_worker
from tests.factories import CentreFactory, EmployeeFactory, UserFactory

D = datetime.date
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two real connections need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import attestation.services
    import personnel.services
    import staffing.services

    for module in (attestation.services, personnel.services, staffing.services):
        monkeypatch.setattr(module, "today", lambda: D(2030, 1, 1))


def at_once(work, arguments):
    """Run work(argument) in one thread per argument, each on its own connection; their outcomes."""
    outcomes = {}

    def run(argument):
        try:
            outcomes[argument] = ("done", work(argument))
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            outcomes[argument] = ("refused", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def test_two_orders_of_one_centre_at_once_get_two_numbers(reference_data, monkeypatch):
    centre = CentreFactory()
    first, second = EmployeeFactory(centre=centre), EmployeeFactory(centre=centre)
    both_inside = threading.Barrier(2)
    signed_by = services._signed_by

    def signed_by_then_wait(*args):
        name = signed_by(*args)
        both_inside.wait(10)  # both transactions are open and about to take a number
        return name

    monkeypatch.setattr(services, "_signed_by", signed_by_then_wait)

    def leave(pk):
        employee = Employee.objects.get(pk=pk)
        order = services.order_record(
            employee=employee,
            kind="leave",
            order_date=D(2029, 12, 30),
            effective_date=D(2030, 1, 6),
            end_date=D(2030, 1, 30),
        )
        return order.number

    outcomes = at_once(leave, [first.pk, second.pk])
    assert sorted(outcome for status, outcome in outcomes.values()) == ["1-ж/қ", "2-ж/қ"], outcomes


def test_the_same_attestation_order_recorded_twice_at_once_is_recorded_once(reference_data):
    centre = CentreFactory()
    hr = UserFactory(username="hr-pg", roles=["hr_officer"], centres=[centre])
    director = UserFactory(username="director-pg", roles=["centre_director"], centres=[centre])
    session = attestation_services.session_create(centre=centre, day=D(2026, 12, 10), user=hr)
    for name, role in (("Серікова Ә.", "chair"), ("Оспанов Е.", "member"), ("Ахметова Д.", "member")):
        attestation_services.commission_member_add(session=session, user=hr, name=name, role=role)
    ready = social_worker(centre, "001", since=D(2025, 11, 1))
    run_to_approval(session, hr, director)

    def record(number):
        mine = Session.objects.get(pk=session.pk)
        attestation_services.session_issue_order(session=mine, user=hr, number=number, day=D(2026, 12, 15))
        return number

    outcomes = at_once(record, ["12-Ж", "13-Ж"])
    assert sorted(status for status, _outcome in outcomes.values()) == ["done", "refused"], outcomes
    assert Order.objects.filter(kind="category").count() == 1
    assert Employee.objects.get(pk=ready.pk).periods.count() == 2
