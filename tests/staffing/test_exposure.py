"""Least exposure by role (docs/security.md): full IINs, birth dates, contacts, IIN search and the workbook only
for the centres where the user is linked as HR officer or director, whatever other roles the user has."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import EmployeeFactory, UserFactory

D = datetime.date


@pytest.fixture
def own(centre):
    return EmployeeFactory(centre=centre, last_name="Өзіміздікі", phone="+7 701 111 22 33", birth_date=D(1990, 5, 17))


@pytest.fixture
def foreign(other_centre):
    return EmployeeFactory(
        centre=other_centre, last_name="Бөгденің", phone="+7 702 444 55 66", birth_date=D(1985, 3, 2)
    )


@pytest.fixture
def hr_analyst(centre):
    """An HR officer of one centre who is also a committee analyst (sees every centre)."""
    return UserFactory(username="hr-analyst", roles=["hr_officer", "committee_analyst"], centres=[centre])


def test_an_hr_analyst_sees_full_iins_only_in_their_own_centre(client_of, hr_analyst, own, foreign):
    client = client_of(hr_analyst)
    html = client.get(reverse("staffing:employee_list"), {"status": "all"}).content.decode()
    assert own.iin in html
    assert "Бөгденің" in html and foreign.iin not in html and foreign.iin[:2] + "••" in html

    own_card = client.get(reverse("staffing:employee", args=[own.pk])).content.decode()
    assert own.iin in own_card and "17.05.1990" in own_card and "+7 701 111 22 33" in own_card
    foreign_card = client.get(reverse("staffing:employee", args=[foreign.pk])).content.decode()
    assert foreign.iin not in foreign_card
    assert "02.03.1985" not in foreign_card and "+7 702 444 55 66" not in foreign_card


def test_an_hr_analyst_finds_by_iin_only_in_their_own_centre(client_of, hr_analyst, own, foreign):
    client = client_of(hr_analyst)
    found = client.get(reverse("staffing:employee_list"), {"q": own.iin}).context["page"]
    assert [e.pk for e in found] == [own.pk]
    found = client.get(reverse("staffing:employee_list"), {"q": foreign.iin}).context["page"]
    assert list(found) == []


def test_an_hr_analyst_downloads_only_their_own_centres_workbook(client_of, hr_analyst, centre, other_centre, own):
    client = client_of(hr_analyst)
    assert client.get(reverse("staffing:centre_export", args=[centre.code])).status_code == 200
    assert client.get(reverse("staffing:centre_export", args=[other_centre.code])).status_code == 403
    page = client.get(reverse("staffing:centre", args=[other_centre.code])).content.decode()
    assert reverse("staffing:centre_export", args=[other_centre.code]) not in page


def test_an_hr_analyst_sees_the_changes_tab_only_in_their_own_centre(client_of, hr_analyst, own, foreign):
    client = client_of(hr_analyst)
    assert client.get(reverse("staffing:employee_changes", args=[own.pk])).status_code == 200
    assert client.get(reverse("staffing:employee_changes", args=[foreign.pk])).status_code == 403


def test_an_analyst_sees_the_age_not_the_birth_date_and_no_phone(client_of, analyst, own, monkeypatch):
    monkeypatch.setattr("staffing.views.today", lambda: D(2026, 5, 16))
    html = client_of(analyst).get(reverse("staffing:employee", args=[own.pk])).content.decode()
    assert "17.05.1990" not in html and "+7 701 111 22 33" not in html
    # 35 on the eve of the 36th birthday
    assert 'data-testid="age">35 ' in html


def test_hr_of_the_centre_sees_birth_date_and_phone(client_of, hr_officer, own):
    html = client_of(hr_officer).get(reverse("staffing:employee", args=[own.pk])).content.decode()
    assert "17.05.1990" in html and "+7 701 111 22 33" in html and 'data-testid="age"' not in html
