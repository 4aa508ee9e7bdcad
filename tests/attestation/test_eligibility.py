"""Eligibility through its public surfaces: the selector, the command, the pages and the export."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from attestation.selectors import eligibility
from positions.models import EducationField, Position
from staffing.models import Employee
from tests.factories import CentreFactory, EducationFactory, EmployeeFactory, WorkPeriodFactory

D = datetime.date
MARCH_2026 = D(2026, 3, 1)


def social_worker(centre, *, number, category="second", since=MARCH_2026, field="social_work", dismissed=None):
    """item 15: a high-level social worker in `category` since `since`, after a year uncategorised."""
    position = Position.objects.get(code="social_worker")
    employee = EmployeeFactory(
        centre=centre,
        personnel_number=number,
        position=position,
        qualification_level="high",
        category=category,
        dismissal_date=dismissed,
    )
    WorkPeriodFactory(
        employee=employee,
        position=position,
        qualification_level="high",
        category="none",
        start_date=D(2024, 1, 1),
        end_date=since - datetime.timedelta(days=1),
    )
    WorkPeriodFactory(
        employee=employee,
        position=position,
        qualification_level="high",
        category=category,
        start_date=since,
        end_date=dismissed,
    )
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code=field))
    return employee


def test_item_15_social_worker_becomes_eligible_for_the_first_category_on_01_03_2027(centre):
    social_worker(centre, number="001")
    [row] = eligibility(Employee.objects.all(), D(2026, 11, 25))
    assert row.verdict.next_category == "first"
    assert not row.verdict.eligible and row.verdict.eligible_from == D(2027, 3, 1)
    [row] = eligibility(Employee.objects.all(), D(2027, 3, 1))
    assert row.verdict.eligible


def test_item_36_a_law_degree_does_not_meet_the_case_managers_requirements(centre):
    position = Position.objects.get(code="case_manager")
    employee = EmployeeFactory(centre=centre, position=position, qualification_level="high", category="none")
    WorkPeriodFactory(employee=employee, position=position, qualification_level="high", category="none")
    EducationFactory(employee=employee, level="higher", field=EducationField.objects.get(code="law"))
    [row] = eligibility(Employee.objects.all(), D(2026, 11, 25))
    assert not row.verdict.meets_requirements
    assert row.verdict.eligible_from is None


def test_dismissed_employees_are_excluded(centre):
    social_worker(centre, number="001", dismissed=D(2026, 6, 30))
    assert eligibility(Employee.objects.all(), D(2026, 11, 25)) == []


@pytest.mark.parametrize("count", [1, 200])
def test_the_selector_reads_any_number_of_employees_in_seven_queries(centre, count, django_assert_num_queries):
    for number in range(count):
        social_worker(centre, number=f"{number:04d}")
    # requirements in force, education fields, employees, positions, centres, education, work periods; the rows'
    # employees (built when first read) with their centre and post, and the reasons, need no query more
    with django_assert_num_queries(7):
        rows = eligibility(Employee.objects.order_by("personnel_number"), D(2026, 11, 25))
        shown = [
            (row.employee.personnel_number, row.employee.centre.code, row.employee.position.code, row.verdict.reasons)
            for row in rows
        ]
    assert [number for number, *_ in shown] == [f"{number:04d}" for number in range(count)]
    assert {(centre_code, position) for _, centre_code, position, _ in shown} == {(centre.code, "social_worker")}
    assert all(reasons for *_, reasons in shown)
    assert rows[0].employee == Employee.objects.get(personnel_number="0000")


def run_command(*args):
    out = io.StringIO()
    call_command("eligibility", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_one_sorted_json_record_per_active_employee(centre, other_centre):
    social_worker(other_centre, number="002")
    social_worker(centre, number="010")
    social_worker(centre, number="002", field="law")
    social_worker(centre, number="003", dismissed=D(2026, 6, 30))
    records = json.loads(run_command("--as-of", "2027-03-01", "--format", "json"))
    assert [(r["centre"], r["personnel_number"]) for r in records] == [
        ("almaty-1", "002"),
        ("astana-1", "002"),
        ("astana-1", "010"),
    ]
    record = records[2]
    assert set(record) == {
        "personnel_number",
        "centre",
        "iin",
        "full_name",
        "position",
        "qualification_level",
        "category",
        "meets_requirements",
        "next_category",
        "eligible",
        "eligible_from",
        "reasons",
    }
    assert (record["position"], record["qualification_level"], record["category"]) == (
        "social_worker",
        "high",
        "second",
    )
    assert (record["meets_requirements"], record["next_category"], record["eligible"], record["eligible_from"]) == (
        True,
        "first",
        True,
        "2027-03-01",
    )
    assert all(reason.startswith("15-тармақ") for reason in record["reasons"])
    assert records[1]["meets_requirements"] is False and records[1]["eligible_from"] is None


def test_the_command_filters_by_centre_and_writes_csv(centre, other_centre):
    social_worker(other_centre, number="002")
    social_worker(centre, number="010")
    rows = list(
        csv.DictReader(io.StringIO(run_command("--as-of", "2026-11-25", "--format", "csv", "--centre", "astana-1")))
    )
    assert [(row["centre"], row["eligible"], row["eligible_from"]) for row in rows] == [
        ("astana-1", "false", "2027-03-01")
    ]


def test_reasons_read_in_russian(centre):
    social_worker(centre, number="010")
    [record] = json.loads(run_command("--as-of", "2026-11-25", "--language", "ru"))
    assert any(reason.startswith("п. 15") and "01.03.2027" in reason for reason in record["reasons"])


def test_the_page_shows_only_the_users_centres(client_of, hr_officer, centre, other_centre):
    social_worker(centre, number="010")
    social_worker(other_centre, number="777")
    html = client_of(hr_officer).get(reverse("attestation:eligibility"), {"on": "2027-03-01"}).content.decode()
    assert 'data-employee="010"' in html and 'data-employee="777"' not in html


def test_the_post_reads_its_level_and_category_only_where_it_has_them(client_of, hr_officer, centre):
    """Item 15's social worker has a level and a category; a post without a ladder (the lawyer) has neither."""
    social_worker(centre, number="010")
    EmployeeFactory(centre=centre, personnel_number="011", position=Position.objects.get(code="lawyer"))
    html = client_of(hr_officer).get(reverse("attestation:eligibility"), HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "<small>жоғары деңгейлі біліктілік, екінші санат</small>" in html
    assert "—, —" not in html


def test_analysts_filter_by_region_and_see_the_nation(client_of, analyst, centre, other_centre):
    social_worker(centre, number="010")
    social_worker(other_centre, number="777")
    client = client_of(analyst)
    everyone = client.get(reverse("attestation:eligibility"), {"on": "2027-03-01"})
    assert everyone.context["counts"]["total"] == 2
    almaty = client.get(reverse("attestation:eligibility"), {"on": "2027-03-01", "region": other_centre.region.code})
    assert [row.employee.personnel_number for row in almaty.context["page"]] == ["777"]


@pytest.mark.parametrize(("status", "expected"), [("eligible", ["010"]), ("90", ["011"]), ("not_meeting", ["012"])])
def test_status_filters_answer_who_will_be_eligible(client_of, director, centre, status, expected):
    social_worker(centre, number="010", since=D(2025, 12, 1))  # 1 year reached 01.12.2026
    social_worker(centre, number="011", since=D(2026, 1, 15))  # reached 15.01.2027: within 90 days
    social_worker(centre, number="012", field="law", since=D(2025, 1, 1))
    response = client_of(director).get(reverse("attestation:eligibility"), {"on": "2026-12-01", "status": status})
    assert [row.employee.personnel_number for row in response.context["page"]] == expected


def test_the_export_holds_exactly_what_is_shown(client_of, director, centre):
    social_worker(centre, number="010", since=D(2025, 12, 1))
    social_worker(centre, number="011", since=D(2026, 6, 1))
    response = client_of(director).get(
        reverse("attestation:eligibility_export"), {"on": "2026-12-01", "status": "eligible"}
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[1] for row in rows[2:]] == ["010"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"category": "none"}, ["020"]),
        ({"category": "second"}, []),
        ({"position": "social_worker", "qualification_level": "high"}, ["020"]),
        ({"position": "psychologist"}, []),
    ],
)
def test_the_post_filters_ask_about_the_post_held_on_the_day(client_of, director, centre, query, expected):
    """As of 01.06.2025 the social worker was uncategorised: the second category came on 01.03.2026 (item 15)."""
    social_worker(centre, number="020")
    client = client_of(director)
    page = client.get(reverse("attestation:eligibility"), {"on": "2025-06-01", **query})
    assert [row.employee.personnel_number for row in page.context["page"]] == expected
    assert page.context["counts"]["total"] == len(expected)
    export = client.get(reverse("attestation:eligibility_export"), {"on": "2025-06-01", **query})
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    assert [row[1] for row in list(sheet.iter_rows(values_only=True))[2:]] == expected


def test_people_without_a_staff_role_get_403(client_of, editor):
    assert client_of(editor).get(reverse("attestation:eligibility")).status_code == 403


def test_the_national_page_runs_a_fixed_number_of_queries(client_of, analyst, django_assert_max_num_queries):
    for index in range(3):
        centre = CentreFactory(code=f"c{index}")
        for number in range(5):
            social_worker(centre, number=f"{number:03d}")
    client = client_of(analyst)
    client.get(reverse("attestation:eligibility"))
    with django_assert_max_num_queries(16):
        client.get(reverse("attestation:eligibility"))


def test_a_formula_in_a_name_is_written_as_text_in_the_export(client_of, director, centre):
    employee = social_worker(centre, number="010", since=D(2025, 12, 1))
    employee.last_name = "=cmd|' /C calc'!A0"
    employee.save()
    response = client_of(director).get(reverse("attestation:eligibility_export"), {"on": "2026-12-01"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    name_cell = sheet.cell(row=3, column=3)
    assert name_cell.value.startswith("=cmd") and name_cell.data_type == "s"
