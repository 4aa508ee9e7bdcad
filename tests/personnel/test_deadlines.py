"""The HR calendar (docs/personnel.md): each kind of deadline, the overdue flag, the centre scope, the fixed
number of queries, the command and the start page."""

import csv
import io
import json
from datetime import date as D

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from personnel import services
from personnel.deadlines import deadlines
from positions.models import Position
from staffing import services as staffing_services
from tests.factories import EmployeeFactory, WorkPeriodFactory


@pytest.fixture
def worker(centre):
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(centre=centre, position=position, category="none", hire_date=D(2026, 12, 11))
    WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2026, 12, 11))
    return employee


def contract(employee, **fields):
    values = {"number": "5", "signed_on": D(2026, 12, 11), "kind": "indefinite", "start_date": D(2026, 12, 11)}
    return services.contract_create(employee=employee, **(values | fields))


def kinds(items):
    return [(item.kind, item.due, item.overdue) for item in items]


def test_an_unregistered_contract_is_due_five_working_days_after_signing(worker, centre):
    contract(worker)  # Friday 11.12.2026; 16.12 is Independence Day
    assert kinds(deadlines([centre.pk], D(2026, 12, 14))) == [("contract_registration", D(2026, 12, 21), False)]
    assert kinds(deadlines([centre.pk], D(2026, 12, 22))) == [("contract_registration", D(2026, 12, 21), True)]


def test_a_registered_contract_leaves_the_calendar(worker, centre):
    made = contract(worker, number="6", signed_on=D(2026, 11, 27), start_date=D(2026, 11, 27))
    assert kinds(deadlines([centre.pk], D(2026, 12, 2))) == [("contract_registration", D(2026, 12, 4), False)]
    services.contract_update(contract=made, registered_on=D(2026, 12, 1))
    assert deadlines([centre.pk], D(2026, 12, 2)) == []


def test_an_amendment_is_due_fifteen_calendar_days_after_signing(worker, centre):
    made = contract(worker, signed_on=D(2026, 11, 30), start_date=D(2026, 11, 30), registered_on=D(2026, 12, 1))
    services.amendment_create(contract=made, number="1", signed_on=D(2026, 12, 1), change="Ставка 0,5")
    assert kinds(deadlines([centre.pk], D(2026, 12, 2))) == [("amendment_registration", D(2026, 12, 16), False)]


def test_a_termination_is_due_three_working_days_after_the_last_day(worker, centre):
    contract(worker, signed_on=D(2026, 11, 2), start_date=D(2026, 11, 2), registered_on=D(2026, 11, 3))
    staffing_services.employee_dismiss(employee=worker, dismissal_date=D(2026, 12, 15))
    # 16.12 is a holiday: 17, 18, 21
    assert kinds(deadlines([centre.pk], D(2026, 12, 2))) == [("termination_registration", D(2026, 12, 21), False)]


def test_fixed_term_end_and_probation_end(worker, centre):
    contract(
        worker,
        kind="fixed_term",
        end_date=D(2026, 12, 31),
        probation_end=D(2026, 12, 20),
        registered_on=D(2026, 12, 1),
        signed_on=D(2026, 11, 30),
        start_date=D(2026, 11, 30),
    )
    assert kinds(deadlines([centre.pk], D(2026, 12, 2))) == [
        ("probation_end", D(2026, 12, 20), False),
        ("fixed_term_end", D(2026, 12, 31), False),
    ]
    assert kinds(deadlines([centre.pk], D(2026, 12, 2), within=10)) == []


def test_only_the_latest_contract_ends(worker, centre):
    """A fixed-term contract followed by a newer one (registered, nothing due) no longer ends anything."""
    contract(
        worker,
        kind="fixed_term",
        end_date=D(2026, 12, 31),
        registered_on=D(2026, 12, 1),
        signed_on=D(2026, 11, 30),
        start_date=D(2026, 11, 30),
    )
    assert kinds(deadlines([centre.pk], D(2026, 12, 2))) == [("fixed_term_end", D(2026, 12, 31), False)]
    contract(worker, number="7", signed_on=D(2026, 12, 1), start_date=D(2027, 1, 1), registered_on=D(2026, 12, 1))
    assert deadlines([centre.pk], D(2026, 12, 2)) == []


def test_only_the_latest_contract_has_its_termination_registered(centre):
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(centre=centre, position=position, category="none", hire_date=D(2026, 11, 2))
    WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2026, 11, 2))
    first = {"signed_on": D(2026, 11, 2), "start_date": D(2026, 11, 2), "registered_on": D(2026, 11, 3)}
    contract(employee, kind="fixed_term", end_date=D(2026, 11, 15), **first)
    second = {"signed_on": D(2026, 11, 16), "start_date": D(2026, 11, 16), "registered_on": D(2026, 11, 17)}
    newer = contract(employee, number="7", **second)
    staffing_services.employee_dismiss(employee=employee, dismissal_date=D(2026, 11, 30))
    services.contract_update(contract=newer, termination_registered_on=D(2026, 12, 1))
    assert deadlines([centre.pk], D(2026, 12, 2)) == []


def test_other_centres_items_stay_out(worker, centre, other_centre):
    contract(worker)
    assert deadlines([other_centre.pk], D(2026, 12, 14)) == []
    assert len(deadlines(None, D(2026, 12, 14))) == 1


def test_the_selector_runs_a_fixed_number_of_queries(centre, django_assert_num_queries):
    position = Position.objects.get(code="psychologist")
    made = contract(EmployeeFactory(centre=centre, position=position, category="none"), number="x")
    services.amendment_create(contract=made, number="1", signed_on=D(2026, 12, 11), change="x")
    with CaptureQueriesContext(connection) as one:
        deadlines([centre.pk], D(2026, 12, 2))
    for number in range(12):
        employee = EmployeeFactory(centre=centre, position=position, category="none")
        made = contract(employee, number=str(number), signed_on=D(2026, 11, 2), start_date=D(2026, 11, 2))
        services.amendment_create(contract=made, number="1", signed_on=D(2026, 11, 20), change="x")
    with django_assert_num_queries(len(one)):
        items = deadlines([centre.pk], D(2026, 12, 2))
    assert len([item for item in items if item.kind in ("contract_registration", "amendment_registration")]) == 26


def test_the_command_lists_items_as_json_and_csv(worker, centre):
    contract(worker)
    out = io.StringIO()
    call_command("deadlines", "--as-of", "2026-12-22", "--format", "json", "--language", "ru", stdout=out)
    assert json.loads(out.getvalue()) == [
        {
            "kind": "contract_registration",
            "due": "2026-12-21",
            "overdue": True,
            "personnel_number": worker.personnel_number,
            "centre": centre.code,
            "detail": "Трудовой договор № 5 от 11.12.2026 не зарегистрирован в ЕСУТД.",
        }
    ]
    out = io.StringIO()
    call_command("deadlines", "--as-of", "2026-12-14", "--centre", centre.code, "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["kind"] == "contract_registration" and rows[0]["overdue"] == "False"
    assert "ЕСУТД" in rows[0]["detail"]


def test_the_start_page_shows_the_items_of_the_users_centres(client_of, hr_officer, other_hr_officer, worker):
    contract(worker, signed_on=D(2026, 11, 2), start_date=D(2026, 11, 2))
    page = client_of(hr_officer).get(reverse("home")).content.decode()
    assert 'data-testid="deadlines"' in page and worker.personnel_number in page
    page = client_of(other_hr_officer).get(reverse("home")).content.decode()
    assert worker.personnel_number not in page


def test_the_start_page_shows_the_ten_most_urgent(client_of, hr_officer, centre):
    position = Position.objects.get(code="psychologist")
    for number in range(12):
        employee = EmployeeFactory(centre=centre, position=position, category="none")
        contract(employee, number=str(number), signed_on=D(2026, 11, 2), start_date=D(2026, 11, 2))
    page = client_of(hr_officer).get(reverse("home")).content.decode()
    assert page.count('data-kind="contract_registration"') == 10


def test_the_calendar_page_shows_the_horizon_it_lists(client_of, hr_officer):
    """Before a choice the calendar lists 30 days ahead: the horizon's choice says 30 days, not the first option."""
    html = client_of(hr_officer).get(reverse("personnel:calendar")).content.decode()
    assert '<option value="30" selected>' in html
