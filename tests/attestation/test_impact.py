"""Impact of an amendment: who would change, per centre, before the editor saves (README, "The catalogue")."""

import copy
import datetime

import pytest
from django.urls import reverse

from positions.models import EducationField, LegalAct, Position, Requirement
from positions.services import requirement_amend
from tests.factories import EducationFactory, EmployeeFactory, WorkPeriodFactory
from tests.positions.test_requirement_editor import controls

D = datetime.date


@pytest.fixture
def psychologist(centre):
    position = Position.objects.get(code="psychologist")
    employee = EmployeeFactory(centre=centre, personnel_number="00021", position=position, category="none")
    WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2024, 2, 1))
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="psychology"))
    return employee


def two_years_for_category_ii():
    current = Requirement.objects.get(position__code="psychologist", category="second", valid_to__isnull=True)
    alternatives = copy.deepcopy(current.alternatives)
    alternatives[0]["experience"]["years"] = 2  # item 21 says 3; the proposal says 2
    return current, alternatives


def test_a_proposed_amendment_shows_who_would_become_eligible(client_of, editor, psychologist):
    current, alternatives = two_years_for_category_ii()
    response = client_of(editor).post(
        reverse("attestation:impact"),
        {
            "requirement": current.pk,
            "valid_from": "2026-12-01",
            **controls(alternatives),
        },
    )
    impact = response.context["impact"]
    assert impact.assessed == 1
    assert [(c.employee.personnel_number, c.field, c.before, c.after) for c in impact.changes] == [
        ("00021", "eligible", False, True),
        ("00021", "eligible_from", D(2027, 2, 1), D(2026, 2, 1)),
    ]
    assert impact.by_centre == [("astana-1", 2)]
    assert Requirement.objects.filter(position__code="psychologist", category="second").count() == 1  # nothing saved


def test_a_saved_future_amendment_is_compared_with_the_day_before(client_of, analyst, psychologist):
    current, alternatives = two_years_for_category_ii()
    saved = requirement_amend(
        position=current.position,
        qualification_level="",
        category="second",
        item=current.item,
        act=LegalAct.objects.get(number="188-НҚ"),
        alternatives=alternatives,
        valid_from=D(2027, 1, 1),
    )
    response = client_of(analyst).get(reverse("attestation:impact"), {"requirement": saved.pk})
    assert {c.field for c in response.context["impact"].changes} == {"eligible", "eligible_from"}


def test_invalid_values_are_refused_with_their_reason(client_of, editor, psychologist):
    current, alternatives = two_years_for_category_ii()
    client = client_of(editor)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("attestation:impact"),
        {
            "requirement": current.pk,
            "valid_from": "2026-12-01",
            **controls(alternatives),
            "alternatives-0-kind": "luck",  # not one of the list's: a forged request
        },
    )
    assert response.context["impact"] is None
    assert "kind of experience" in str(response.context["form"].errors["alternatives"])


def test_hr_officers_do_not_see_the_impact_page(client_of, hr_officer):
    assert client_of(hr_officer).get(reverse("attestation:impact")).status_code == 403


def test_editors_see_counts_per_centre_but_not_who(client_of, editor, analyst, psychologist):
    current, alternatives = two_years_for_category_ii()
    data = {"requirement": current.pk, "valid_from": "2026-12-01", **controls(alternatives)}
    editor_html = client_of(editor).post(reverse("attestation:impact"), data).content.decode()
    assert "astana-1" in editor_html and "00021" not in editor_html
    analyst_html = client_of(analyst).post(reverse("attestation:impact"), data).content.decode()
    assert "00021" in analyst_html


def _psychologists(centre, count, first=100):
    position = Position.objects.get(code="psychologist")
    for number in range(first, first + count):
        employee = EmployeeFactory(centre=centre, personnel_number=f"{number:05d}", position=position, category="none")
        WorkPeriodFactory(employee=employee, position=position, category="none", start_date=D(2024, 2, 1))
        EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="psychology"))


def test_editors_see_small_counts_as_fewer_than_five(client_of, editor, analyst, centre, other_centre, psychologist):
    """One psychologist in astana-1 and five in almaty-1 would become eligible: an editor reads "<5" for the one
    (and for nothing else), an analyst the exact figures."""
    _psychologists(other_centre, 5)
    current, alternatives = two_years_for_category_ii()
    data = {"requirement": current.pk, "valid_from": "2026-12-01", **controls(alternatives)}
    response = client_of(editor).post(reverse("attestation:impact"), data)
    assert response.context["centre_counts"] == [("almaty-1", 5), ("astana-1", "<5")]
    assert "&lt;5" in response.content.decode()
    response = client_of(analyst).post(reverse("attestation:impact"), data)
    assert response.context["centre_counts"] == [("almaty-1", 5), ("astana-1", 1)]


def test_editors_see_the_national_figure_as_fewer_than_five_when_it_is(client_of, editor, psychologist):
    current, alternatives = two_years_for_category_ii()
    data = {"requirement": current.pk, "valid_from": "2026-12-01", **controls(alternatives)}
    response = client_of(editor).post(reverse("attestation:impact"), data)
    assert response.context["affected"] == "<5"


def test_an_editor_deleting_an_education_field_reads_counts_not_diplomas(client_of, editor, centre):
    field = EducationField.objects.create(code="rare_field", name_kk="Сирек мамандық", name_ru="Редкая")
    employee = EmployeeFactory(centre=centre, last_name="Құпиябаева")
    EducationFactory(employee=employee, level="higher", field=field, specialty="Құпия мамандық №7")
    EducationFactory(employee=employee, level="tvet", field=field, specialty="Тағы бір диплом")
    html = client_of(editor).get(reverse("admin:positions_educationfield_delete", args=[field.pk])).content.decode()
    assert "Құпия мамандық №7" not in html and "Тағы бір диплом" not in html and "Құпиябаева" not in html
    assert ": 2" in html


def test_the_page_starts_from_the_chosen_requirements_current_values_titled_by_item(client_of, editor):
    response = client_of(editor).get(reverse("attestation:impact"))
    form = response.context["form"]
    first = Requirement.objects.filter(valid_to__isnull=True).order_by("item__number", "qualification_level").first()
    assert form.initial["requirement"] == first.pk
    assert form["alternatives"].value() == first.alternatives
    html = response.content.decode()
    shown = html.split('data-testid="alternatives-editor"')[1].split('id="current-values"')[0]
    assert "null" not in shown and '"education": [' not in shown  # the editor's controls, not JSON
    social_worker = Requirement.objects.get(
        position__code="social_worker", qualification_level="high", category="second", valid_to__isnull=True
    )
    assert str(social_worker) == "15-тармақ · Әлеуметтік жұмыскер · жоғары деңгейлі біліктілік · екінші санат"
    assert str(social_worker) in html
