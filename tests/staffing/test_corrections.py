"""Records that stay true (docs/records.md): corrections with visible history, impossible records refused, blank flags, scheduled changes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from config.dates import today
from positions.models import Position
from staffing import services
from staffing.models import Education, Employee, WorkPeriod
from tests.factories import EducationFactory, EmployeeFactory, UserFactory
from tests.staffing.test_records import hire

D = datetime.date


@pytest.fixture
def worker(centre, valid_iin):
    return hire(centre, iin=valid_iin)


@pytest.fixture
def valid_iin():
    from staffing.identifiers import make_iin

    return next(iin for serial in range(100) if (iin := make_iin(D(1990, 5, 17), "F", serial)))


def errors_of(call):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            call()
        return {name: " ".join(messages) for name, messages in error.value.message_dict.items()}


# ---- impossible records -------------------------------------------------------------------------------------


def test_a_hire_date_before_the_14th_birthday_is_refused(centre, valid_iin):
    errors = errors_of(lambda: hire(centre, iin=valid_iin, hire_date=D(2004, 5, 16)))
    assert "14th birthday (17.05.2004)" in errors["hire_date"]
    assert not Employee.objects.exists()


def test_education_graduated_after_today_or_before_14_is_refused(worker):
    later = today() + datetime.timedelta(days=30)
    assert (
        "after today"
        in errors_of(lambda: services.education_add(employee=worker, level="basic_secondary", graduation_date=later))[
            "graduation_date"
        ]
    )
    assert (
        "14th birthday"
        in errors_of(
            lambda: services.education_add(employee=worker, level="basic_secondary", graduation_date=D(2000, 6, 1))
        )["graduation_date"]
    )
    assert not Education.objects.exists()


def test_a_period_before_14_or_ending_before_it_starts_is_refused(worker):
    early = {
        "organisation": "Мектеп",
        "position_text": "Көмекші",
        "start_date": D(2003, 1, 1),
        "end_date": D(2005, 1, 1),
    }
    assert "14th birthday" in errors_of(lambda: services.work_period_add(employee=worker, **early))["start_date"]
    backwards = {**early, "start_date": D(2015, 1, 1), "end_date": D(2014, 1, 1)}
    assert "before the start" in errors_of(lambda: services.work_period_add(employee=worker, **backwards))["end_date"]
    assert worker.periods.count() == 1


@pytest.mark.parametrize(
    ("position", "level", "category", "field", "message"),
    [
        ("social_worker", "", "none", "qualification_level", "Item 15 distinguishes"),  # item 15: levels
        ("social_work_specialist", "", "none", "qualification_level", "Item 18 distinguishes"),  # item 18
        ("psychologist", "high", "none", "qualification_level", "Item 21 does not distinguish"),  # item 21
        ("psychologist", "", "highest", "category", "has no highest"),  # item 21: none → II → I
        ("lawyer", "", "first", "category", "no category ladder"),  # item 39: no ladder
        ("case_manager", "medium", "none", "qualification_level", "Item 36 has no medium"),  # item 36: high only
    ],
)
def test_a_level_or_category_the_item_does_not_have_is_refused(
    centre, valid_iin, position, level, category, field, message
):
    errors = errors_of(lambda: hire(centre, iin=valid_iin, position=position, level=level, category=category))
    assert message in errors[field]


def test_item_36_blank_level_is_its_one_ladder(centre, valid_iin):
    employee = hire(centre, iin=valid_iin, position="case_manager", level="", category="second")
    assert employee.category == "second"


def test_the_same_iin_twice_names_the_centre_only_to_who_may_see_it(centre, other_centre, worker, hr_officer):
    data = {"personnel_number": "P2", "hire_date": D(2024, 3, 1)}
    own = errors_of(lambda: hire(centre, iin=worker.iin, user=hr_officer, **data))["iin"]
    assert centre.name_ru in own and "P1" in own
    stranger = UserFactory(username="other", roles=["hr_officer"], centres=[other_centre])
    other = errors_of(lambda: hire(other_centre, iin=worker.iin, user=stranger, **data))["iin"]
    assert other == "This IIN is already registered in another centre."
    assert Employee.objects.count() == 1


def test_the_form_shows_the_refusal_under_the_field(client_of, hr_officer, centre, valid_iin):
    response = client_of(hr_officer).post(
        reverse("personnel:hire", args=[centre.code]),
        {
            "personnel_number": "P9",
            "iin": valid_iin,
            "last_name": "Әбенова",
            "first_name": "Гүлнұр",
            "birth_date": "1990-05-17",
            "sex": "F",
            "hire_date": "2003-01-01",
            "position": Position.objects.get(code="psychologist").pk,
            "category": "none",
            "order_date": today().isoformat(),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "14 жасқа толған күнінен (17.05.2004)" in " ".join(response.context["form"].errors["hire_date"])
    assert not Employee.objects.exists()


# ---- corrections and the Changes tab -----------------------------------------------------------------------


def test_hr_corrects_and_deletes_rows_and_the_changes_tab_shows_it(client_of, hr_officer, director, worker):
    education = EducationFactory(employee=worker, level="basic_secondary", graduation_date=D(2007, 6, 1))
    client = client_of(hr_officer)
    response = client.post(
        reverse("staffing:education_edit", args=[worker.pk, education.pk]),
        {"level": "basic_secondary", "institution": "№5 мектеп", "graduation_date": "2007-06-20"},
    )
    assert response.status_code == 302
    response = client.post(reverse("staffing:education_delete", args=[worker.pk, education.pk]), {"reason": ""})
    assert response.status_code == 200 and Education.objects.filter(pk=education.pk).exists()
    response = client.post(
        reverse("staffing:education_delete", args=[worker.pk, education.pk]), {"reason": "Қате енгізілді"}
    )
    assert response.status_code == 302 and not Education.objects.filter(pk=education.pk).exists()
    deleted = Education.history.filter(id=education.pk, history_type="-").get()
    assert deleted.institution == "№5 мектеп" and deleted.history_change_reason == "Қате енгізілді"
    assert deleted.history_user == hr_officer

    with translation.override("en"):
        html = (
            client_of(director)
            .get(reverse("staffing:employee_changes", args=[worker.pk]), HTTP_ACCEPT_LANGUAGE="en")
            .content.decode()
        )
    assert "Қате енгізілді" in html and "20.06.2007" in html and "01.06.2007" in html


def test_the_changes_tab_reads_in_a_fixed_number_of_queries(
    client_of, hr_officer, worker, django_assert_max_num_queries
):
    client = client_of(hr_officer)
    url = reverse("staffing:employee_changes", args=[worker.pk])
    client.get(url)
    for number in range(5):
        EducationFactory(employee=worker, level="basic_secondary", graduation_date=D(2007, 6, number + 1))
    with django_assert_max_num_queries(14) as captured:
        client.get(url)
    first = len(captured)
    for number in range(5):
        EducationFactory(employee=worker, level="basic_secondary", graduation_date=D(2008, 6, number + 1))
    with django_assert_max_num_queries(first):
        client.get(url)


def test_the_hire_date_correction_moves_the_first_period(worker):
    services.employee_update(employee=worker, expected_version=worker.version, hire_date=D(2024, 2, 1))
    assert worker.periods.get().start_date == D(2024, 2, 1)


# ---- blank flags --------------------------------------------------------------------------------------------


def test_blank_flags_are_not_established_on_the_card(client_of, hr_officer, worker):
    services.work_period_add(
        employee=worker,
        organisation="Мектеп",
        position_text="Мұғалім",
        start_date=D(2015, 1, 1),
        end_date=D(2019, 1, 1),
    )
    period = worker.periods.get(organisation="Мектеп")
    assert (period.sector, period.managerial, period.profile_experience) == (None, None, None)
    html = (
        client_of(hr_officer)
        .get(reverse("staffing:employee", args=[worker.pk]), HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    assert "анықталмаған" in html  # "not established", in Kazakh (the default language)


# ---- scheduled changes --------------------------------------------------------------------------------------


def test_a_future_dismissal_is_scheduled_and_bounded(client_of, hr_officer, worker):
    with translation.override("en"):
        assert (
            "too far ahead"
            in errors_of(lambda: services.employee_dismiss(employee=worker, dismissal_date=D(9999, 12, 31)))[
                "dismissal_date"
            ]
        )
    later = today() + datetime.timedelta(days=13)
    services.employee_dismiss(employee=worker, dismissal_date=later)
    assert Employee.objects.active().filter(pk=worker.pk).exists()  # still works until then
    assert not Employee.objects.current(later + datetime.timedelta(days=1)).filter(pk=worker.pk).exists()
    html = client_of(hr_officer).get(reverse("staffing:employee_list")).content.decode()
    assert worker.last_name in html
    worker.refresh_from_db()
    services.employee_dismissal_cancel(employee=worker)
    worker.refresh_from_db()
    assert worker.dismissal_date is None and worker.periods.get().end_date is None


def test_a_future_post_change_takes_effect_on_its_date(worker):
    start = today() + datetime.timedelta(days=18)
    services.employee_change_assignment(
        employee=worker, position=worker.position, qualification_level="high", category="second", start_date=start
    )
    worker.refresh_from_db()
    assert worker.category == "none"  # today's situation until then
    assert services.scheduled_changes_apply(on=today()) == 0
    assert services.scheduled_changes_apply(on=start) == 1
    worker.refresh_from_db()
    assert worker.category == "second"
    assert WorkPeriod.objects.filter(employee=worker).count() == 2


# ---- "as of D" ----------------------------------------------------------------------------------------------


def test_as_of_d_takes_the_post_employment_and_diplomas_of_d(centre):
    from attestation.selectors import eligibility

    social_worker = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre, position=social_worker, qualification_level="high", category="second", hire_date=D(2020, 1, 1)
    )
    WorkPeriod.objects.create(
        employee=employee,
        organisation="Орталық",
        position=social_worker,
        qualification_level="high",
        category="none",
        start_date=D(2020, 1, 1),
        end_date=D(2022, 12, 31),
    )
    WorkPeriod.objects.create(
        employee=employee,
        organisation="Орталық",
        position=social_worker,
        qualification_level="high",
        category="second",
        start_date=D(2023, 1, 1),
    )
    from positions.models import EducationField

    EducationFactory(
        employee=employee,
        level="higher",
        field=EducationField.objects.get(code="social_work"),
        graduation_date=D(2022, 6, 1),
    )
    later = EmployeeFactory(centre=centre, hire_date=D(2024, 1, 1))
    gone = EmployeeFactory(centre=centre, hire_date=D(2019, 1, 1), dismissal_date=D(2023, 6, 30))

    def rows(day):
        return {row.employee.pk: row for row in eligibility(Employee.objects.filter(centre=centre), day)}

    in_2021 = rows(D(2021, 6, 1))
    assert set(in_2021) == {employee.pk, gone.pk}  # hired later: not yet; dismissed later: still employed
    assert in_2021[employee.pk].employee.category == "none"  # the post of 2021, not today's
    assert in_2021[employee.pk].verdict.meets_requirements is False  # the diploma came in 2022
    in_2024 = rows(D(2024, 6, 1))
    assert set(in_2024) == {employee.pk, later.pk}
    assert in_2024[employee.pk].employee.category == "second"


def test_bringing_someone_back_never_makes_two_people_at_work_under_one_iin(centre, other_centre, worker, hr_officer):
    """Restored after a dismissal, or a scheduled dismissal withdrawn: refused while another centre has hired the
    same IIN by then, as a second hire would be; the message names that centre only to who may see it."""
    services.employee_dismiss(employee=worker, dismissal_date=D(2024, 6, 30))
    hire(other_centre, iin=worker.iin, personnel_number="B1", hire_date=D(2024, 9, 1))
    worker.refresh_from_db()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.employee_restore(employee=worker, restore_date=D(2025, 1, 1), user=hr_officer)
    assert refused.value.messages == ["This IIN is already registered in another centre."]
    worker.refresh_from_db()
    assert worker.dismissal_date == D(2024, 6, 30)
    assert Employee.objects.filter(iin=worker.iin).active().count() == 1


def test_withdrawing_a_dismissal_never_makes_two_people_at_work_under_one_iin(centre, other_centre, valid_iin):
    leaving = hire(centre, iin=valid_iin)
    services.employee_dismiss(employee=leaving, dismissal_date=today() + datetime.timedelta(days=5))
    hire(other_centre, iin=valid_iin, personnel_number="B1", hire_date=today() + datetime.timedelta(days=6))
    leaving.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.employee_dismissal_cancel(employee=leaving)
    assert refused.value.code == "iin_taken" and "B1" in refused.value.messages[0]  # no user: the operator sees all
    leaving.refresh_from_db()
    assert leaving.dismissal_date == today() + datetime.timedelta(days=5)
