"""The personal data access log (Law of RK No. 94-V; docs/security.md): every look at full IINs is recorded with who,
whom, when and what; superusers read all of it, a director their centres'; entries go after the retention period."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from staffing.models import ImportPreview, PersonalDataAccess
from tests.factories import EmployeeFactory, UserFactory


@pytest.fixture
def employee(centre):
    return EmployeeFactory(centre=centre, last_name="Жақыпова")


@pytest.fixture
def foreign(other_centre):
    return EmployeeFactory(centre=other_centre, last_name="Бөгденің")


@pytest.fixture
def other_director(other_centre):
    return UserFactory(username="director-other", roles=["centre_director"], centres=[other_centre])


def entries(**lookup):
    return list(PersonalDataAccess.objects.filter(**lookup).values_list("username", "what", "centre__code", "people"))


def test_a_card_with_the_full_iin_is_logged_with_who_whom_when_and_the_address(client_of, hr_officer, employee):
    before = timezone.now()
    client_of(hr_officer).get(reverse("staffing:employee", args=[employee.pk]), REMOTE_ADDR="10.1.2.3")
    entry = PersonalDataAccess.objects.get()
    assert (entry.user, entry.username, entry.employee, entry.centre, entry.what, entry.address) == (
        hr_officer,
        "hr",
        employee,
        employee.centre,
        "card",
        "10.1.2.3",
    )
    assert entry.at >= before


def test_a_masked_card_is_not_logged(client_of, analyst, employee):
    client_of(analyst).get(reverse("staffing:employee", args=[employee.pk]))
    assert not PersonalDataAccess.objects.exists()


def test_the_changes_tab_the_list_and_the_workbook_are_logged(client_of, hr_officer, centre, employee):
    client = client_of(hr_officer)
    client.get(reverse("staffing:employee_changes", args=[employee.pk]))
    client.get(reverse("staffing:employee_list"))
    client.get(reverse("staffing:centre_export", args=[centre.code]))
    assert sorted(entries()) == [
        ("hr", "changes", "astana-1", 1),
        ("hr", "export", "astana-1", 1),
        ("hr", "list", "astana-1", 1),
    ]


def test_a_list_of_masked_iins_is_not_logged(client_of, analyst, employee):
    client_of(analyst).get(reverse("staffing:employee_list"))
    assert not PersonalDataAccess.objects.exists()


def test_command_line_exports_are_logged_as_the_operators(centre, employee, tmp_path):
    call_command("export_staff", str(tmp_path / "staff.xlsx"), "--centre", centre.code, stdout=io.StringIO())
    call_command("eligibility", "--as-of", "2026-06-01", "--format", "csv", stdout=io.StringIO())
    assert sorted(entries()) == [("", "command", "astana-1", 1), ("", "command", "astana-1", 1)]


def test_a_director_reads_their_centres_log_and_nothing_else(
    client_of, hr_officer, director, other_director, employee, foreign, other_centre
):
    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    client_of(superuser).get(reverse("staffing:employee", args=[foreign.pk]))
    client_of(hr_officer).get(reverse("staffing:employee", args=[employee.pk]))
    page = client_of(director).get(reverse("staffing:access_log"))
    assert [(e.username, e.employee) for e in page.context["page"]] == [("hr", employee)]
    assert "Жақыпова" in page.content.decode()
    # another centre's log is not there for them
    assert client_of(director).get(reverse("staffing:access_log"), {"centre": other_centre.code}).status_code == 404
    page = client_of(other_director).get(reverse("staffing:access_log"))
    assert [(e.username, e.employee) for e in page.context["page"]] == [("root", foreign)]
    # superusers read everything
    page = client_of(superuser).get(reverse("staffing:access_log"))
    assert len(page.context["page"]) == 2


def test_purge_removes_entries_older_than_the_retention(settings, hr_officer, employee):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    now = timezone.now()
    for days in (31, 29):
        PersonalDataAccess.objects.create(
            at=now - datetime.timedelta(days=days), user=hr_officer, username="hr", what="card", employee=employee
        )
    preview = ImportPreview.objects.create(centre=employee.centre, user=hr_officer)
    ImportPreview.objects.filter(pk=preview.pk).update(created_at=now - datetime.timedelta(days=2))
    call_command("purge", stdout=io.StringIO())
    assert [entry.at.date() for entry in PersonalDataAccess.objects.all()] == [
        (now - datetime.timedelta(days=29)).date()
    ]
    assert not ImportPreview.objects.exists()  # the same daily command removes old import previews


def test_the_retention_is_a_year_by_default():
    from django.conf import settings

    assert settings.ACCESS_LOG_RETENTION_DAYS == 365


def test_the_menu_offers_the_log_to_directors_only(client_of, director, hr_officer):
    assert 'data-menu="staffing:access_log"' in client_of(director).get(reverse("home")).content.decode()
    assert 'data-menu="staffing:access_log"' not in client_of(hr_officer).get(reverse("home")).content.decode()


def test_the_personal_card_document_with_the_full_iin_is_logged(client_of, hr_officer, analyst, employee):
    client_of(analyst).get(reverse("personnel:personal_card", args=[employee.pk]))
    assert not PersonalDataAccess.objects.exists()
    client_of(hr_officer).get(reverse("personnel:personal_card", args=[employee.pk]))
    assert entries(employee=employee) == [("hr", "card", "astana-1", 1)]
