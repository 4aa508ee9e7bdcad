"""No bad character, formula, date, number or search takes a page down (config/inputs.py, docs/security.md):
refused at every form and at the import, stripped or quoted in every file the product writes."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from attestation import services as attestation_services
from attestation.forms import DecisionForm, MemberForm, OrderForm
from positions.models import Position
from staffing.forms import EducationForm, EmployeeFilterForm
from staffing.models import Employee
from staffing.workbook import COLUMNS, EMPLOYEES, SHEETS, workbook_export, workbook_read
from tests.factories import EducationFactory, EmployeeFactory, UserFactory, WorkPeriodFactory

D = datetime.date
BELL = "\x07"


@pytest.fixture
def employee(centre):
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre, personnel_number="001", position=position, qualification_level="high", category="none"
    )
    WorkPeriodFactory(employee=employee, position=position, qualification_level="high", category="none")
    return employee


def _edit_data(employee, **changes):
    data = {
        "personnel_number": employee.personnel_number,
        "iin": employee.iin,
        "last_name": employee.last_name,
        "first_name": employee.first_name,
        "middle_name": employee.middle_name,
        "birth_date": employee.birth_date.isoformat(),
        "sex": employee.sex,
        "hire_date": employee.hire_date.isoformat(),
        "phone": "",
        "email": "",
        "version": employee.version,
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("last_name", f"Әбен{BELL}ова", "control_characters"),
        ("first_name", "Гүл\nнұр", "control_characters"),
        ("middle_name", "\u202eавозқынақ", "control_characters"),
        ("last_name", '=HYPERLINK("http://example.com","x")', "formula"),
        ("last_name", "@SUM(A1)", "formula"),
        ("first_name", "+cmd|' /C calc'!A0", "formula"),
    ],
)
def test_the_employee_form_refuses_control_characters_and_formulas(client_of, hr_officer, employee, field, value, code):
    response = client_of(hr_officer).post(
        reverse("staffing:employee_edit", args=[employee.pk]), _edit_data(employee, **{field: value})
    )
    assert response.status_code == 200
    assert response.context["form"].has_error(field, code)
    assert getattr(Employee.objects.get(pk=employee.pk), field) == getattr(employee, field)


def test_a_phone_number_with_a_plus_is_not_a_formula(client_of, hr_officer, employee):
    response = client_of(hr_officer).post(
        reverse("staffing:employee_edit", args=[employee.pk]), _edit_data(employee, phone="+7 (701) 123-45-67")
    )
    assert response.status_code == 302
    assert Employee.objects.get(pk=employee.pk).phone == "+7 (701) 123-45-67"


@pytest.mark.parametrize(
    ("form", "data", "field"),
    [
        (lambda data: EducationForm(data), {"level": "higher", "institution": f"ҚазҰУ{BELL}"}, "institution"),
        (lambda data: MemberForm(data), {"name": f"Серікова{BELL} Ә.", "role": "chair"}, "name"),
        (lambda data: MemberForm(data), {"name": "=1+1", "role": "chair"}, "name"),
        (lambda data: OrderForm(data), {"number": f"12{BELL}", "day": "2026-12-20"}, "number"),
    ],
)
def test_other_forms_refuse_them_too(db, form, data, field):
    bound = form(data)
    assert not bound.is_valid() and field in bound.errors


def test_a_text_area_keeps_its_line_breaks_but_not_control_characters(db):
    data = {"decision": "confirm", "votes_for": 3, "votes_against": 0, "votes_abstained": 0, "version": 1}
    data["remarks"] = "Бір.\r\nЕкі."
    assert DecisionForm(data).is_valid()
    assert not DecisionForm({**data, "remarks": f"Бір.{BELL}"}).is_valid()


@pytest.mark.parametrize("votes", [2**31, 10**30, -(2**31) - 1])
def test_vote_counts_beyond_the_integer_range_are_a_form_error(db, votes):
    form = DecisionForm({"decision": "confirm", "votes_for": votes, "votes_against": 0, "version": 1})
    assert not form.is_valid() and "votes_for" in form.errors


def test_a_huge_vote_count_over_http_is_a_form_error_not_a_500(client_of, centre, hr_officer, employee):
    session = attestation_services.session_create(centre=centre, day=D(2026, 12, 10), user=hr_officer)
    attestation_services.commission_member_add(session=session, user=hr_officer, name="Серікова Ә.", role="chair")
    candidate = attestation_services.candidate_add(
        session=session, employee=employee, reason="Өтініші бойынша", user=hr_officer
    )
    attestation_services.session_fix_candidates(session=session, user=hr_officer)
    candidate.refresh_from_db()
    response = client_of(hr_officer).post(
        reverse("attestation:candidate", args=[candidate.pk]),
        {
            "decision": "confirm",
            "votes_for": "99999999999999999999",
            "votes_against": "0",
            "version": candidate.version,
        },
    )
    assert response.status_code == 200
    assert "votes_for" in response.context["form"].errors


def test_the_filter_form_refuses_control_characters_but_searches_for_minus_signs(db):
    form = EmployeeFilterForm({"q": "-5"}, centres=[], positions=[], units=[])
    assert form.is_valid()
    form = EmployeeFilterForm({"q": f"Әбен{BELL}"}, centres=[], positions=[], units=[])
    assert not form.is_valid()


def _workbook(tmp_path, last_name):
    row = {
        "personnel_number": "0001",
        "iin": "900517450063",
        "last_name": last_name,
        "first_name": "Гүлнұр",
        "birth_date": "1990-05-17",
        "sex": "F",
        "hire_date": "2020-01-15",
    }
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        book.create_sheet(sheet).append(COLUMNS[sheet])
    book[EMPLOYEES].append([row.get(key) for key in COLUMNS[EMPLOYEES]])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("name", ["Әбен\u202eова", "Әбенова\nҚасым", "Әбен\x7fова", "Әбен\x85ова"])
def test_the_import_refuses_control_characters(centre, tmp_path, name):
    # What XML lets a workbook hold: line breaks, DEL, C1 controls, bidirectional overrides (C0 controls such as a
    # bell cannot be stored at all: such a file is refused as unreadable).
    path = _workbook(tmp_path, name)
    plan = workbook_read(path, centre=centre)
    assert not plan.ok
    assert [p.message for p in plan.problems if p.column == "last_name"] == [
        "Мәтіннен көрінбейтін басқару таңбаларын алып тастаңыз (олар көбіне кездейсоқ қойылады)."
    ]
    plan = workbook_read(_workbook(tmp_path, "Әбенова"), centre=centre)
    assert [p.message for p in plan.problems if p.column == "last_name"] == []


def test_exports_strip_control_characters_older_rows_may_hold(client_of, centre, hr_officer, analyst, employee):
    Employee.objects.filter(pk=employee.pk).update(last_name=f"Әбен{BELL}ова")
    EducationFactory(employee=employee, level="basic_secondary", institution=f"ҚазҰУ{BELL}\u202e")
    buffer = io.BytesIO()
    workbook_export(centre, buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book["employees"]["C3"].value == "Әбенова"
    assert book["education"]["D3"].value == "ҚазҰУ"
    # The analysts' national export and the centre's workbook over HTTP.
    response = client_of(analyst).get(reverse("attestation:eligibility_export"))
    assert response.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert any("Әбенова" in str(cell) for row in rows for cell in row)
    assert client_of(hr_officer).get(reverse("staffing:centre_export", args=[centre.code])).status_code == 200


def test_the_csv_of_the_eligibility_command_writes_formulas_as_text(centre, employee):
    Employee.objects.filter(pk=employee.pk).update(last_name='=HYPERLINK("http://example.com","x")', first_name="-2+3")
    out = io.StringIO()
    call_command("eligibility", "--as-of", "2026-06-01", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["full_name"].startswith("'=HYPERLINK(")
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "31.12.9999"])
@pytest.mark.parametrize(
    ("url", "user"),
    [
        (lambda o: reverse("attestation:dashboard", args=[o["centre"].code]), "director"),
        (lambda o: reverse("attestation:dashboard_export", args=[o["centre"].code]), "director"),
        (lambda o: reverse("attestation:area"), "analyst"),
        (lambda o: reverse("attestation:area_export"), "analyst"),
        (lambda o: reverse("positions:list"), "analyst"),
        (lambda o: reverse("positions:detail", args=["psychologist"]), "analyst"),
        (lambda o: reverse("positions:search") + "?q=білім", "analyst"),
    ],
)
def test_dates_out_of_range_in_the_address_are_a_400(client_of, request, centre, employee, url, user, day):
    client = client_of(request.getfixturevalue(user))
    address = url({"centre": centre})
    response = client.get(address, {"on": day})
    assert response.status_code == 400


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_an_eligibility_date_out_of_range_is_a_form_error(client_of, analyst, employee, day):
    for name in ("attestation:eligibility", "attestation:eligibility_export"):
        response = client_of(analyst).get(reverse(name), {"on": day})
        assert response.status_code == 200
    response = client_of(analyst).get(reverse("attestation:eligibility"), {"on": day})
    assert "on" in response.context["form"].errors


def test_comparing_dates_out_of_range_falls_back_to_today(client_of, analyst):
    response = client_of(analyst).get(
        reverse("positions:compare", args=["psychologist"]), {"from": "0001-01-01", "to": "9999-12-31"}
    )
    assert response.status_code == 200


def test_a_search_of_thousands_of_words_is_answered(client_of, hr_officer, analyst, employee):
    words = " ".join(f"w{n}" for n in range(1500))
    response = client_of(hr_officer).get(reverse("staffing:employee_list"), {"q": words})
    assert response.status_code == 200
    assert "q" in response.context["form"].errors
    response = client_of(analyst).get(reverse("positions:search"), {"q": words})
    assert response.status_code == 200


def test_a_search_of_ten_words_still_narrows(client_of, hr_officer, employee):
    words = f"{employee.last_name} " * 30
    response = client_of(hr_officer).get(reverse("staffing:employee_list"), {"q": words.strip()[:200]})
    assert [e.pk for e in response.context["page"]] == [employee.pk]


@pytest.mark.parametrize("pk", ["99999999999999999999999", "9223372036854775808"])
def test_ids_beyond_the_integer_range_are_a_404(client_of, hr_officer, pk):
    assert client_of(hr_officer).get(f"/staff/employees/{pk}/").status_code == 404


@pytest.mark.parametrize(
    ("form", "data", "field"),
    [
        ("CancelOrderForm", {"order_date": "2026-06-01", "basis": f"Қате{BELL}"}, "basis"),
        ("CancelOrderForm", {"order_date": "2026-06-01", "basis": "Қате", "signed_by": "=cmd"}, "signed_by"),
        ("AmendmentForm", {"number": f"1{BELL}", "signed_on": "2026-06-01", "change": "Жалақы"}, "number"),
    ],
)
def test_personnel_forms_follow_the_same_rules(db, form, data, field):
    from personnel import forms

    bound = getattr(forms, form)(data)
    assert not bound.is_valid() and field in bound.errors


@pytest.mark.parametrize(
    "name",
    [
        "admin:positions_educationfield_changelist",
        "admin:positions_legalact_changelist",
        "admin:positions_clauseversion_changelist",
        "admin:staffing_centre_changelist",
        "admin:personnel_calendarday_changelist",
        "admin:attestation_attestationpolicy_changelist",
        "admin:attestation_policyassignment_changelist",
    ],
)
def test_an_admin_search_of_thousands_of_words_is_answered(client_of, db, name):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    words = " ".join(f"w{n}" for n in range(1500))
    assert client_of(root).get(reverse(name), {"q": words}).status_code == 200


def test_an_admin_search_still_finds(client_of, db):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    response = client_of(root).get(reverse("admin:positions_educationfield_changelist"), {"q": "psychology"})
    # The page writes the search back into its box: the rows found are what count.
    assert [field.code for field in response.context["cl"].result_list] == ["psychology"]


def test_the_400_page_is_friendly_and_in_the_users_language(client_of, director, centre):
    response = client_of(director).get(reverse("attestation:dashboard", args=[centre.code]), {"on": "9999-12-31"})
    assert response.status_code == 400
    assert "Бұл мекенжай бойынша жауап беру мүмкін емес" in response.content.decode()
