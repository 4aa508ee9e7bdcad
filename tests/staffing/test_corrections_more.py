"""Corrections through the pages (docs/records.md, issue 10): the centre's HR officer edits and deletes work
periods and corrects the birth date and sex on the employee form; every change shows on the card's "Changes"
tab, impossible rows are refused at the form with nothing written, and a change dated after today is shown as
scheduled while the list still shows today's situation."""

import datetime
import re

import pytest
from django.urls import reverse

from config.dates import today
from positions.models import Position
from staffing import services
from staffing.identifiers import make_iin
from staffing.models import Employee, WorkPeriod
from tests.factories import EmployeeFactory
from tests.staffing.test_records import hire

D = datetime.date
FLAG = {None: "unknown", True: "true", False: "false"}


@pytest.fixture
def valid_iin():
    """An IIN of a woman born on 17.05.1990 (as tests.staffing.test_corrections)."""
    return next(iin for serial in range(100) if (iin := make_iin(D(1990, 5, 17), "F", serial)))


@pytest.fixture
def worker(centre, valid_iin):
    """Item 15: a high-level social worker without a category, hired on 01.03.2024 through the service."""
    return hire(centre, iin=valid_iin)


def english(client):
    """The interface language is Kazakh unless the user chose another (accounts.middleware.KazakhFirst)."""
    client.cookies["django_language"] = "en"
    return client


def period_data(period, **changes):
    """The work period form as the card's "Correct" link opens it, with `changes` typed over it."""
    data = {
        "organisation": period.organisation,
        "sector": period.sector or "",
        "position": period.position_id or "",
        "position_text": period.position_text,
        "qualification_level": period.qualification_level,
        "category": period.category,
        "managerial": FLAG[period.managerial],
        "profile_experience": FLAG[period.profile_experience],
        "start_date": period.start_date.isoformat(),
        "end_date": period.end_date.isoformat() if period.end_date else "",
    }
    return {**data, **changes}


def employee_data(employee, **changes):
    """The employee form as the card's "Edit" link opens it, with `changes` typed over it."""
    data = {
        "personnel_number": employee.personnel_number,
        "iin": employee.iin,
        "last_name": employee.last_name,
        "first_name": employee.first_name,
        "middle_name": employee.middle_name,
        "birth_date": employee.birth_date.isoformat(),
        "sex": employee.sex,
        "hire_date": employee.hire_date.isoformat(),
        "unit": employee.unit_id or "",
        "phone": employee.phone,
        "email": employee.email,
        "version": employee.version,
    }
    return {**data, **changes}


@pytest.fixture
def school(worker):
    """An earlier period at a school, 01.09.2015 – 31.08.2019, before the hire at the centre on 01.03.2024."""
    return services.work_period_add(
        employee=worker,
        organisation="Мектеп",
        sector="education",
        position_text="Мұғалім",
        managerial=False,
        profile_experience=False,
        start_date=D(2015, 9, 1),
        end_date=D(2019, 8, 31),
    )


def changes_of(client, employee):
    response = client.get(reverse("staffing:employee_changes", args=[employee.pk]))
    assert response.status_code == 200
    return response.context["changes"], response.content.decode()


def period_changes(changes, start):
    return [change for change in changes if change.subject.endswith(f": {start:%d.%m.%Y}")]


# ---- work periods: edit and delete through the pages ---------------------------------------------------------


def test_hr_corrects_a_work_period_and_the_changes_tab_shows_old_and_new(client_of, hr_officer, worker, school):
    client = english(client_of(hr_officer))
    response = client.post(
        reverse("staffing:period_edit", args=[worker.pk, school.pk]),
        period_data(school, organisation="№5 мектеп", end_date="2019-06-30"),
    )
    assert response.status_code == 302 and response.url == worker.get_absolute_url()
    school.refresh_from_db()
    assert (school.organisation, school.start_date, school.end_date) == ("№5 мектеп", D(2015, 9, 1), D(2019, 6, 30))
    assert (school.sector, school.managerial, school.profile_experience) == ("education", False, False)

    card = client.get(worker.get_absolute_url()).content.decode()
    assert "01.09.2015 — 30.06.2019" in card and "№5 мектеп" in card

    changes, html = changes_of(client, worker)
    [edit] = [change for change in period_changes(changes, D(2015, 9, 1)) if change.action == "~"]
    assert {(field.old, field.new) for field in edit.fields} == {("Мектеп", "№5 мектеп"), ("31.08.2019", "30.06.2019")}
    assert edit.who == hr_officer.get_full_name()
    assert "<td>Мектеп</td><td>№5 мектеп</td>" in html
    assert "<td>31.08.2019</td><td>30.06.2019</td>" in html


def test_deleting_a_work_period_needs_a_reason_and_history_keeps_it(client_of, hr_officer, director, worker, school):
    client = english(client_of(hr_officer))
    url = reverse("staffing:period_delete", args=[worker.pk, school.pk])
    for blank in ("", "   "):
        response = client.post(url, {"reason": blank})
        assert response.status_code == 200
        assert response.context["form"].errors["reason"]
        assert WorkPeriod.objects.filter(pk=school.pk).exists()
    assert not WorkPeriod.history.filter(id=school.pk, history_type="-").exists()

    response = client.post(url, {"reason": "Басқа қызметкердің жолы"})
    assert response.status_code == 302
    assert not WorkPeriod.objects.filter(pk=school.pk).exists()
    kept = WorkPeriod.history.get(id=school.pk, history_type="-")
    assert (kept.organisation, kept.start_date, kept.end_date) == ("Мектеп", D(2015, 9, 1), D(2019, 8, 31))
    assert kept.history_change_reason == "Басқа қызметкердің жолы" and kept.history_user == hr_officer
    assert worker.periods.count() == 1  # the period at the centre stays

    # The director reads the Changes tab too: the deleted row with its reason.
    changes, html = changes_of(english(client_of(director)), worker)
    [deleted] = [change for change in period_changes(changes, D(2015, 9, 1)) if change.action == "-"]
    assert deleted.reason == "Басқа қызметкердің жолы"
    assert "Reason: Басқа қызметкердің жолы" in html and "deleted" in html


def test_the_current_period_cannot_be_deleted_even_with_a_reason(client_of, hr_officer, worker):
    current = worker.periods.get()
    response = english(client_of(hr_officer)).post(
        reverse("staffing:period_delete", args=[worker.pk, current.pk]), {"reason": "Қате"}
    )
    assert response.status_code == 200
    assert "cannot be deleted" in " ".join(response.context["form"].non_field_errors())
    assert WorkPeriod.objects.filter(pk=current.pk, end_date=None).exists()


def test_a_period_ending_before_it_starts_is_refused_at_the_form_and_the_row_is_unchanged(
    client_of, hr_officer, worker, school
):
    client = english(client_of(hr_officer))
    before = list(WorkPeriod.history.filter(id=school.pk).values_list("history_id", flat=True))
    version = Employee.objects.get(pk=worker.pk).version
    response = client.post(
        reverse("staffing:period_edit", args=[worker.pk, school.pk]),
        period_data(school, organisation="№5 мектеп", end_date="2015-08-31"),
    )
    assert response.status_code == 200
    assert "The end date must not be before the start date." in response.context["form"].errors["end_date"]
    school.refresh_from_db()
    assert (school.organisation, school.start_date, school.end_date) == ("Мектеп", D(2015, 9, 1), D(2019, 8, 31))
    assert list(WorkPeriod.history.filter(id=school.pk).values_list("history_id", flat=True)) == before
    assert Employee.objects.get(pk=worker.pk).version == version


# ---- birth date and sex on the employee form -----------------------------------------------------------------


def test_the_employee_form_saves_a_birth_date_and_sex_that_agree_with_the_iin(client_of, hr_officer, centre, valid_iin):
    """A record carried over with a mistyped birth date and sex (the IIN says 17.05.1990, female) is corrected."""
    employee = EmployeeFactory(
        centre=centre,
        personnel_number="P7",
        iin=valid_iin,
        birth_date=D(1990, 7, 5),
        sex="M",
        position=Position.objects.get(code="psychologist"),
        category="none",
    )
    client = english(client_of(hr_officer))
    response = client.post(
        reverse("staffing:employee_edit", args=[employee.pk]),
        employee_data(employee, birth_date="1990-05-17", sex="F"),
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert (employee.birth_date, employee.sex) == (D(1990, 5, 17), "F")
    changes, _html = changes_of(client, employee)
    personal = [field for change in changes if change.action == "~" for field in change.fields]
    assert ("05.07.1990", "17.05.1990") in {(field.old, field.new) for field in personal}
    assert ("male", "female") in {(field.old, field.new) for field in personal}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"birth_date": "1990-05-18"}, "The birth date does not agree with the IIN (17.05.1990)."),
        ({"sex": "M"}, "The sex does not agree with the IIN."),
        ({"birth_date": "1991-05-17", "sex": "M"}, "The birth date does not agree with the IIN (17.05.1990)."),
    ],
)
def test_the_employee_form_refuses_a_birth_date_or_sex_that_disagrees_with_the_iin(
    client_of, hr_officer, worker, changes, message
):
    version = worker.version
    response = english(client_of(hr_officer)).post(
        reverse("staffing:employee_edit", args=[worker.pk]), employee_data(worker, **changes)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["iin"] == [message]
    worker.refresh_from_db()
    assert (worker.birth_date, worker.sex, worker.version) == (D(1990, 5, 17), "F", version)


# ---- scheduled changes on the card and in the list ------------------------------------------------------------


def _badge(html, testid):
    found = re.search(rf'data-testid="{testid}">([^<]*)<', html)
    assert found, f'no data-testid="{testid}" on the card'
    return found.group(1)


def test_a_dismissal_after_today_is_shown_with_its_date_and_the_employee_is_still_active(client_of, hr_officer, worker):
    """The card names the last day (dd.mm.yyyy); the list, which shows today, still has the employee."""
    last_day = today() + datetime.timedelta(days=13)
    services.employee_dismiss(employee=worker, dismissal_date=last_day)
    client = english(client_of(hr_officer))
    card = client.get(worker.get_absolute_url()).content.decode()
    assert f"last day {last_day:%d.%m.%Y}" in _badge(card, "dismissal-scheduled")
    assert "Restore" not in card and "Withdraw the dismissal" in card

    listed = client.get(reverse("staffing:employee_list"))
    assert worker in listed.context["page"].object_list
    dismissed = client.get(reverse("staffing:employee_list"), {"status": "dismissed"})
    assert worker not in dismissed.context["page"].object_list
    centres = client.get(reverse("staffing:centre_list"))
    assert [centre.active for centre in centres.context["centres"] if centre.pk == worker.centre_id] == [1]


def test_a_post_change_after_today_is_shown_as_scheduled_from_its_date(client_of, hr_officer, worker):
    """Item 15: a social worker's second category from a later date: the card shows it as scheduled and today's
    category (none) until then."""
    start = today() + datetime.timedelta(days=18)
    services.employee_change_assignment(
        employee=worker, position=worker.position, qualification_level="high", category="second", start_date=start
    )
    card = english(client_of(hr_officer)).get(worker.get_absolute_url()).content.decode()
    assert _badge(card, "scheduled") == f"scheduled: from {start:%d.%m.%Y}"
    assert _badge(card, "category") == "no category"
    listed = english(client_of(hr_officer)).get(reverse("staffing:employee_list"), {"category": "second"})
    assert worker not in listed.context["page"].object_list  # today's category until the change takes effect
