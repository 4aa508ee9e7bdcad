"""Two people saving the same employee at the same moment, on PostgreSQL with two real connections (threads):
exactly one save wins, the other is refused with a clear message and changes nothing (optimistic locking: the
version is compared and raised in one UPDATE, which PostgreSQL re-checks after the first transaction commits)."""

import threading

import pytest
from django.db import connection, connections

from staffing import services, validation
from staffing.models import Employee
from tests.factories import EmployeeFactory

# The refusal the second person reads (Kazakh, the default language): reload, nothing of yours was saved.
STALE_KK = (
    "Сіз өңдеп жатқанда бұл қызметкердің деректерін басқа пайдаланушы өзгертті. "
    "Бетті қайта жүктеңіз: сіздің өзгерістеріңіз сақталмады."
)

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two real connections need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_two_edits_of_one_employee_at_once_one_wins_the_other_is_told(reference_data, monkeypatch):
    employee = EmployeeFactory()
    opened = employee.version
    both_validated = threading.Barrier(2)
    checks = validation.raise_if

    def raise_if_then_wait(*problems):
        checks(*problems)
        # Both requests have read the record and passed every check inside their transactions: now both write.
        both_validated.wait(10)

    monkeypatch.setattr(validation, "raise_if", raise_if_then_wait)
    outcomes = {}

    def save(phone):
        try:
            mine = Employee.objects.get(pk=employee.pk)  # each request loads its own copy, as a page does
            services.employee_update(employee=mine, expected_version=opened, phone=phone)
            outcomes[phone] = "saved"
        except services.StaleRecord as refused:
            outcomes[phone] = (refused.code, refused.messages[0])
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes[phone] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(phone,)) for phone in ("+7 701 000 00 01", "+7 701 000 00 02")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes.values(), key=str) == [("stale", STALE_KK), "saved"], outcomes
    winner = next(phone for phone, outcome in outcomes.items() if outcome == "saved")
    saved = Employee.objects.get(pk=employee.pk)
    assert (saved.phone, saved.version) == (winner, opened + 1)
