"""Staffing services and pages: history is never rewritten, bad input is refused clearly, scope is enforced."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from personnel.models import Contract, ContractAmendment
from positions.models import Position
from staffing import services
from staffing.models import ChildCareLeave, Employee, WorkPeriod
from tests.factories import EducationFactory, EmployeeFactory, WorkPeriodFactory

D = datetime.date


def hire(centre, position="social_worker", level="high", category="none", **extra):
    fields = {
        "personnel_number": "P1",
        "iin": "900517450063",
        "last_name": "Әбенова",
        "first_name": "Гүлнұр",
        "birth_date": D(1990, 5, 17),
        "sex": "F",
        "hire_date": D(2024, 3, 1),
        **extra,
    }
    return services.employee_create(
        centre=centre,
        position=Position.objects.get(code=position),
        qualification_level=level,
        category=category,
        **fields,
    )


@pytest.fixture
def valid_iin():
    from staffing.identifiers import make_iin

    return next(iin for serial in range(100) if (iin := make_iin(D(1990, 5, 17), "F", serial)))


def test_hiring_opens_the_first_period_at_the_centre(centre, valid_iin):
    employee = hire(centre, iin=valid_iin)
    period = employee.periods.get()
    assert (period.start_date, period.end_date, period.sector, period.profile_experience) == (
        D(2024, 3, 1),
        None,
        "social_protection",
        True,
    )
    assert period.position.code == "social_worker" and period.category == "none"


@pytest.mark.parametrize(
    ("iin", "birth_date", "message"),
    [
        ("900517450064", D(1990, 5, 17), "check digit"),
        ("90051745006", D(1990, 5, 17), "12 digits"),
        ("901317450063", D(1990, 5, 17), "birth date"),
        ("VALID", D(1991, 5, 17), "does not agree"),
    ],
)
def test_an_invalid_or_disagreeing_iin_is_refused_with_a_clear_message(centre, valid_iin, iin, birth_date, message):
    iin = valid_iin if iin == "VALID" else iin
    with translation.override("en"), pytest.raises(ValidationError) as error:
        hire(centre, iin=iin, birth_date=birth_date)
    assert message in str(error.value.message_dict["iin"])
    assert not Employee.objects.exists()


def test_changing_the_category_closes_the_open_period_and_opens_a_new_one(centre, valid_iin):
    employee = hire(centre, iin=valid_iin)
    services.employee_change_assignment(
        employee=employee,
        position=employee.position,
        qualification_level="high",
        category="second",
        start_date=D(2025, 3, 1),
    )
    periods = list(employee.periods.order_by("start_date").values_list("category", "start_date", "end_date"))
    assert periods == [("none", D(2024, 3, 1), D(2025, 2, 28)), ("second", D(2025, 3, 1), None)]
    employee.refresh_from_db()
    assert employee.category == "second"


def test_an_assignment_cannot_start_before_the_current_one(centre, valid_iin):
    employee = hire(centre, iin=valid_iin)
    with pytest.raises(ValidationError) as error:
        services.employee_change_assignment(
            employee=employee,
            position=employee.position,
            qualification_level="high",
            category="second",
            start_date=D(2024, 3, 1),
        )
    assert error.value.code == "dates_out_of_order"
    assert employee.periods.count() == 1


def test_dismissal_archives_and_restore_brings_the_employee_back(centre, valid_iin):
    employee = hire(centre, iin=valid_iin)
    services.employee_dismiss(employee=employee, dismissal_date=D(2025, 6, 30))
    assert Employee.objects.filter(pk=employee.pk, dismissal_date=D(2025, 6, 30)).exists()
    assert not employee.periods.filter(end_date__isnull=True).exists()
    services.employee_restore(employee=employee, restore_date=D(2025, 9, 1))
    employee.refresh_from_db()
    assert employee.is_active and (employee.position.code, employee.category) == ("social_worker", "none")
    assert employee.periods.get(end_date__isnull=True).start_date == D(2025, 9, 1)


def test_the_second_of_two_concurrent_edits_is_refused(centre, valid_iin):
    employee = hire(centre, iin=valid_iin)
    opened_by_both = employee.version
    services.employee_update(employee=employee, expected_version=opened_by_both, phone="+7 701 000 00 01")
    other = Employee.objects.get(pk=employee.pk)
    with translation.override("en"), pytest.raises(services.StaleRecord) as error:
        services.employee_update(employee=other, expected_version=opened_by_both, phone="+7 701 000 00 02")
    assert "Someone else changed" in error.value.messages[0]
    assert Employee.objects.get(pk=employee.pk).phone == "+7 701 000 00 01"


def test_history_records_who_changed_what(client_of, hr_officer, centre, valid_iin):
    employee = hire(centre, iin=valid_iin)
    client = client_of(hr_officer)
    response = client.post(
        reverse("staffing:employee_edit", args=[employee.pk]),
        {
            "personnel_number": "P1",
            "iin": valid_iin,
            "last_name": "Әбенова",
            "first_name": "Гүлнұр",
            "birth_date": "1990-05-17",
            "sex": "F",
            "hire_date": "2024-03-01",
            "phone": "+7 777 123 45 67",
            "version": employee.version,
        },
    )
    assert response.status_code == 302
    latest = employee.history.latest()
    assert latest.history_user == hr_officer and latest.phone == "+7 777 123 45 67"


# Pages and scope -----------------------------------------------------------------------------------------


@pytest.fixture
def employee(centre):
    employee = EmployeeFactory(
        centre=centre, last_name="Құрманғазиева", position=Position.objects.get(code="psychologist"), category="none"
    )
    WorkPeriodFactory(employee=employee, position=employee.position, category="none", start_date=D(2023, 2, 1))
    EducationFactory(employee=employee, field=None, level="basic_secondary")
    return employee


@pytest.mark.parametrize("url", ["staffing:employee", "staffing:employee_edit", "personnel:dismiss"])
def test_another_centres_hr_officer_gets_404(client_of, other_hr_officer, employee, url):
    assert client_of(other_hr_officer).get(reverse(url, args=[employee.pk])).status_code == 404


def test_another_centres_records_never_appear_in_lists_or_exports(client_of, other_hr_officer, employee):
    client = client_of(other_hr_officer)
    assert employee.last_name not in client.get(reverse("staffing:employee_list"), {"status": "all"}).content.decode()
    assert client.get(reverse("staffing:centre_export", args=[employee.centre.code])).status_code == 404
    assert client.get(reverse("staffing:centre", args=[employee.centre.code])).status_code == 404


@pytest.mark.parametrize("user", ["director", "analyst"])
def test_readers_may_not_change_records(client_of, request, employee, user):
    client = client_of(request.getfixturevalue(user))
    assert client.get(reverse("staffing:employee", args=[employee.pk])).status_code == 200
    assert client.get(reverse("staffing:employee_edit", args=[employee.pk])).status_code == 403


def test_analysts_see_a_masked_iin_and_hr_the_full_one(client_of, hr_officer, analyst, employee):
    url = reverse("staffing:employee", args=[employee.pk])
    edit = reverse("staffing:employee_edit", args=[employee.pk])
    html = client_of(hr_officer).get(url).content.decode()
    assert employee.iin in html and edit in html
    html = client_of(analyst).get(url).content.decode()
    assert employee.iin not in html and employee.iin[:2] + "••" in html and edit not in html


@pytest.mark.parametrize("query", ["ҚҰРМАНҒАЗИЕВА", "құрманғ", "T0"])
def test_search_by_kazakh_name_ignores_case(client_of, hr_officer, employee, query):
    html = client_of(hr_officer).get(reverse("staffing:employee_list"), {"q": query}).content.decode()
    assert "Құрманғазиева" in html


def test_filters_narrow_the_list(client_of, hr_officer, employee, centre):
    EmployeeFactory(centre=centre, last_name="Басқа", position=Position.objects.get(code="lawyer"))
    client = client_of(hr_officer)
    html = client.get(reverse("staffing:employee_list"), {"position": "psychologist"}).content.decode()
    assert "Құрманғазиева" in html and "Басқа" not in html


def test_the_card_shows_experience_in_years_months_days(client_of, hr_officer, employee):
    client = client_of(hr_officer)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("staffing:employee", args=[employee.pk])).content.decode()
    assert 'data-testid="experience-total"' in html and " y " in html and " m " in html


def make_staff(centre, count):
    position = Position.objects.get(code="social_worker")
    for _ in range(count):
        employee = EmployeeFactory(centre=centre, position=position, qualification_level="high", category="second")
        WorkPeriodFactory(
            employee=employee,
            position=position,
            qualification_level="high",
            category="none",
            start_date=D(2020, 1, 1),
            end_date=D(2021, 12, 31),
        )
        WorkPeriodFactory(
            employee=employee,
            position=position,
            qualification_level="high",
            category="second",
            start_date=D(2022, 1, 1),
        )
        EducationFactory(employee=employee, field_id=None, level="basic_secondary")


@pytest.mark.parametrize("count", [1, 50])
def test_the_list_runs_a_fixed_number_of_queries(client_of, hr_officer, centre, count, django_assert_num_queries):
    make_staff(centre, count)
    client = client_of(hr_officer)
    client.get(reverse("staffing:employee_list"))
    # session, user, roles with the user's centres, centres (form), positions (form), units (form), count, page,
    # access log (one insert, no transaction, for the centre whose full IINs the page shows)
    with django_assert_num_queries(9):
        response = client.get(reverse("staffing:employee_list"), {"sort": "position"})
    assert len(response.context["page"]) == count


@pytest.mark.parametrize("count", [1, 50])
def test_the_national_list_runs_a_fixed_number_of_queries(
    client_of, analyst, centre, other_centre, count, django_assert_num_queries
):
    make_staff(centre, count)
    make_staff(other_centre, count)
    client = client_of(analyst)
    client.get(reverse("staffing:employee_list"))
    # session, user, roles with the user's centres, centres (form), positions (form), units (form), count, page;
    # no access log: an analyst sees masked IINs only
    with django_assert_num_queries(8):
        response = client.get(reverse("staffing:employee_list"))
    assert len(response.context["page"]) == min(2 * count, 50)


@pytest.mark.parametrize("count", [1, 50])
def test_the_card_runs_a_fixed_number_of_queries(client_of, hr_officer, centre, count, django_assert_num_queries):
    make_staff(centre, count)
    employee = Employee.objects.filter(centre=centre).first()
    # as many contracts, amendments and child-care leaves as the staff
    for number in range(count):
        contract = Contract.objects.create(
            employee=employee, number=f"{number}", signed_on=D(2020, 1, 1), start_date=D(2020, 1, 1)
        )
        ContractAmendment.objects.create(contract=contract, number="1", signed_on=D(2021, 1, 1), change="ставка")
        start = D(2015, 1, 1) + datetime.timedelta(days=10 * number)
        ChildCareLeave.objects.create(employee=employee, start_date=start, end_date=start + datetime.timedelta(days=5))
    client = client_of(hr_officer)
    client.get(reverse("staffing:employee", args=[employee.pk]))
    # session, user, roles with the user's centres, employee (with may_change), education, periods, child-care
    # leaves, access log insert; personnel's section: contracts with their amendments, orders; attestation's:
    # candidacies, positions, fields, requirements in force, the policies (its schedule reuses the employee, the
    # periods, the leaves and the candidacies)
    with django_assert_num_queries(15):
        client.get(reverse("staffing:employee", args=[employee.pk]))


def test_centre_page_counts_staff_by_position_and_category(client_of, director, centre):
    make_staff(centre, 3)
    response = client_of(director).get(reverse("staffing:centre", args=[centre.code]))
    rows = response.context["headcount"]
    assert [(row["position__code"], row["qualification_level"], row["category"], row["count"]) for row in rows] == [
        ("social_worker", "high", "second", 3)
    ]


def test_open_period_constraint_allows_only_one(employee):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        WorkPeriod.objects.create(
            employee=employee, organisation="x", position=employee.position, start_date=D(2024, 1, 1)
        )


def test_with_many_centres_analysts_type_the_centre_code(client_of, analyst):
    from tests.factories import CentreFactory

    centres = [CentreFactory(code=f"c-{index:02d}") for index in range(31)]
    EmployeeFactory(centre=centres[5], last_name="Бесінші")
    EmployeeFactory(centre=centres[6], last_name="Алтыншы")
    response = client_of(analyst).get(reverse("staffing:employee_list"), {"centre": "c-05"})
    html = response.content.decode()
    assert 'list="centre-codes"' in html and '<option value="c-30">' in html
    assert "Бесінші" in html and "Алтыншы" not in html


def test_only_roles_that_see_the_iin_can_search_by_it(client_of, hr_officer, analyst, employee):
    url = reverse("staffing:employee_list")
    assert "Құрманғазиева" in client_of(hr_officer).get(url, {"q": employee.iin}).content.decode()
    assert "Құрманғазиева" not in client_of(analyst).get(url, {"q": employee.iin}).content.decode()
