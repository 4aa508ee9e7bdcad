"""Names in the order of the Kazakh alphabet, the same on SQLite and PostgreSQL (make test-sqlite and
make test-postgres both run this file), and searched with Latin i read as Kazakh і but not as Russian и."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from positions.models import Position
from staffing import selectors
from staffing.models import Employee
from staffing.names import KAZAKH_ALPHABET, name_key
from staffing.workbook import workbook_import
from tests.factories import EmployeeFactory, WorkPeriodFactory
from tests.staffing.test_workbook import read, staff

ALPHABET = "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я".split()
# One surname per letter, listed in alphabetical order, plus the traps of code-point order.
SURNAMES = [letter + "ман" for letter in ALPHABET]
IN_ORDER = ["Ан", "Ана", "Ана-Бек", "Анаб"] + SURNAMES[1:]


def test_the_alphabet_has_its_42_letters_in_order():
    assert [letter.lower() for letter in ALPHABET] == list(KAZAKH_ALPHABET) and len(ALPHABET) == 42
    assert sorted(SURNAMES, key=name_key) == SURNAMES
    assert sorted(SURNAMES) != SURNAMES  # code points put І before А and Ә … Һ after Я


@pytest.mark.parametrize(
    "before, after",
    [
        (("Ан", "Бота"), ("Ана", "Асем")),  # the last name decides first; a shorter one comes first
        (("Әбенова", "Гүлнұр"), ("Әбенова", "Ғалия")),  # then the first name: Г before Ғ
        (("ахметова", "Дана"), ("АХМЕТОВА", "Дина")),  # case is ignored
        (("Иванов", ""), ("Ілиясов", "")),  # И before І
        (("Ілиясов", ""), ("Эмиров", "")),  # І before Э (code points say otherwise)
        (("Ілиясов", ""), ("Iлиясов", "Ә")),  # Latin I is read as Kazakh І
        (("Ян", ""), ("Smith", "")),  # Latin letters after Cyrillic
    ],
)
def test_name_keys_compare_in_kazakh_order(before, after):
    assert name_key(*before) < name_key(*after)
    assert name_key(*before).isdigit()  # digits only: every database collation orders them alike


@pytest.mark.django_db
def test_the_database_sorts_names_in_kazakh_order(centre):
    for number, surname in enumerate(reversed(IN_ORDER)):
        EmployeeFactory(centre=centre, personnel_number=f"N{number:02d}", last_name=surname, first_name="Айым")
    assert list(Employee.objects.filter(centre=centre).values_list("last_name", flat=True)) == IN_ORDER
    assert list(Employee.objects.order_by("-name_key").values_list("last_name", flat=True)) == IN_ORDER[::-1]


@pytest.mark.django_db
def test_the_employee_list_is_in_kazakh_order(client_of, hr_officer, centre):
    # (its query count is pinned in test_records.py)
    for number, surname in enumerate(["Ілиясов", "Яковлев", "Әбенов", "Иванов", "Абаев", "Үсенов", "Ұлықбеков"]):
        EmployeeFactory(centre=centre, personnel_number=f"K{number}", last_name=surname)
    client = client_of(hr_officer)
    response = client.get(reverse("staffing:employee_list"), {"sort": "name"})
    html = response.content.decode()
    shown = [name for name in re.findall(r">(\w+) Гүлнұр", html)]
    assert shown == ["Абаев", "Әбенов", "Иванов", "Ұлықбеков", "Үсенов", "Ілиясов", "Яковлев"]
    backwards = client.get(reverse("staffing:employee_list"), {"sort": "-name"}).content.decode()
    assert re.findall(r">(\w+) Гүлнұр", backwards) == shown[::-1]


@pytest.mark.django_db
def test_the_import_writes_the_sort_key_and_the_search_text(tmp_path, centre):
    workbook_import(read(tmp_path, staff(), centre))
    for employee in Employee.objects.filter(centre=centre):
        assert employee.name_key == name_key(employee.last_name, employee.first_name, employee.middle_name)
    assert list(Employee.objects.filter(centre=centre).values_list("last_name", flat=True)) == [
        "Әбенова",
        "Нұрланов",
        "Серіков",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, found",
    [
        ("Ілиясов", True),
        ("ілиясов", True),
        ("Iлиясов", True),  # Latin capital I
        ("iлиясов", True),  # Latin small i
        ("Илиясов", False),  # Russian И is another letter
    ],
)
def test_search_reads_latin_i_as_kazakh_i_but_not_as_russian_i(client_of, hr_officer, centre, query, found):
    EmployeeFactory(centre=centre, last_name="Ілиясов", first_name="Арман")
    html = client_of(hr_officer).get(reverse("staffing:employee_list"), {"q": query}).content.decode()
    assert ("Ілиясов Арман" in html) is found


@pytest.mark.django_db
def test_a_name_typed_with_latin_i_is_found_by_kazakh_i(client_of, hr_officer, centre):
    EmployeeFactory(centre=centre, last_name="Серiков", first_name="Ерлан")  # Latin i in the record
    html = client_of(hr_officer).get(reverse("staffing:employee_list"), {"q": "серіков"}).content.decode()
    assert "Серiков Ерлан" in html


@pytest.mark.django_db
def test_the_eligibility_table_and_its_export_are_in_kazakh_order(client_of, hr_officer, centre):
    import io

    import openpyxl

    lawyer = Position.objects.get(code="lawyer")
    for number, surname in enumerate(["Ілиясов", "Яковлев", "Әбенов", "Абаев"]):
        employee = EmployeeFactory(
            centre=centre,
            personnel_number=f"E{number}",
            last_name=surname,
            hire_date=date(2020, 1, 15),
            position=lawyer,
        )
        WorkPeriodFactory(employee=employee, start_date=employee.hire_date, position=lawyer)
    client = client_of(hr_officer)
    rows = client.get(reverse("attestation:eligibility")).context["page"].object_list
    assert [row.employee.last_name for row in rows] == ["Абаев", "Әбенов", "Ілиясов", "Яковлев"]
    export = client.get(reverse("attestation:eligibility_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    names = [row[2] for row in sheet.iter_rows(values_only=True) if row[1] and str(row[1]).startswith("E")]
    assert [name.split()[0] for name in names] == ["Абаев", "Әбенов", "Ілиясов", "Яковлев"]


@pytest.mark.django_db
def test_the_candidate_picker_is_in_kazakh_order(client_of, hr_officer, centre):
    from attestation import services as attestation_services

    for number, surname in enumerate(["Яковлев", "Ілиясов", "Әбенов", "Абаев"]):
        EmployeeFactory(centre=centre, personnel_number=f"C{number}", last_name=surname)
    session = attestation_services.session_create(centre=centre, day=date(2026, 12, 1), user=hr_officer)
    form = client_of(hr_officer).get(reverse("attestation:session", args=[session.pk])).context["add_form"]
    assert [e.last_name for e in form.fields["employee"].queryset] == ["Абаев", "Әбенов", "Ілиясов", "Яковлев"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan of PostgreSQL: make test-postgres")
def test_the_national_list_walks_the_name_index_instead_of_sorting_everyone(analyst, centre):
    """The analysts' list of everyone at work (a dismissal scheduled after today included) is read in name order
    from an index, not by sorting the whole table: at 100,000 employees 0.3 ms instead of 75 ms."""
    for number in range(30):
        EmployeeFactory(centre=centre, personnel_number=f"{number:03d}")
    page = selectors.employee_list(analyst, selectors.EmployeeFilters(status="active"))[:50]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        # A table this small would be read whole and sorted anyway: with sorting priced out, a plan without a Sort
        # exists only if an index gives this query its name order.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "employee_by_name" in plan, plan
    assert "Sort Key: staffing_employee.name_key" not in plan, plan
