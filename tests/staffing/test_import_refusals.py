"""The import refuses what the forms refuse (staffing/validation.py, docs/records.md): each refusal is a row-level
problem with its sheet, row, column letter and key, in the user's language, and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from config.dates import today
from staffing.models import Education, Employee, WorkPeriod
from staffing.workbook import workbook_import
from tests.factories import EmployeeFactory, UserFactory
from tests.staffing.test_workbook import read, staff, write_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _set(sheet, index, **values):
    def change(data):
        data[sheet][index].update(values)

    return change


def _later(days: int) -> str:
    return (today() + timedelta(days=days)).isoformat()


# (change, (sheet, Excel row, column key, column letter), words of the message)
REFUSALS = {
    "hire before the 14th birthday": (
        _set("employees", 0, hire_date="2004-05-16"),
        ("employees", 2, "hire_date", "I"),
        "before the employee's 14th birthday (17.05.2004)",
    ),
    "period before the 14th birthday": (
        _set("work_history", 0, start_date="2004-01-01"),
        ("work_history", 2, "start_date", "I"),
        "14th birthday",
    ),
    "diploma before the 14th birthday": (
        _set("education", 0, graduation_date="2003-06-30"),
        ("education", 2, "graduation_date", "G"),
        "14th birthday",
    ),
    "graduation after today": (
        _set("education", 0, graduation_date=_later(30)),
        ("education", 2, "graduation_date", "G"),
        "after today",
    ),
    "end before start": (
        _set("work_history", 0, end_date="2012-08-31"),
        ("work_history", 2, "end_date", "J"),
        "must not be before the start date",
    ),
    "dismissal before hire": (
        _set("employees", 1, dismissal_date="2014-12-31"),
        ("employees", 3, "dismissal_date", "J"),
        "before the hire date",
    ),
    "dismissal on 31.12.9999": (
        _set("employees", 1, dismissal_date="9999-12-31"),
        ("employees", 3, "dismissal_date", "J"),
        "too far ahead",
    ),
    "hire before 1900": (
        _set("employees", 0, hire_date="1899-12-31"),
        ("employees", 2, "hire_date", "I"),
        "is not possible",
    ),
    "period end years ahead": (
        _set("work_history", 0, end_date="2999-01-01"),
        ("work_history", 2, "end_date", "J"),
        "too far ahead",
    ),
    # item 15: the social worker's requirements distinguish the high and medium levels
    "item 15 current period without a level": (
        _set("work_history", 1, qualification_level=""),
        ("work_history", 3, "qualification_level", "E"),
        "Item 15 distinguishes qualification levels",
    ),
    # item 18: so do the social work specialist's
    "item 18 current period without a level": (
        _set("work_history", 1, position="social_work_specialist", qualification_level="", category="none"),
        ("work_history", 3, "qualification_level", "E"),
        "Item 18 distinguishes qualification levels",
    ),
    # item 21: the psychologist's have no levels (a closed period too)
    "item 21 with a level": (
        _set("work_history", 2, qualification_level="high"),
        ("work_history", 4, "qualification_level", "E"),
        "Item 21 does not distinguish qualification levels",
    ),
    # item 36: the case manager's name the high level only
    "item 36 medium level": (
        _set("work_history", 1, position="case_manager", qualification_level="medium", category="second"),
        ("work_history", 3, "qualification_level", "E"),
        "Item 36 has no medium",
    ),
    # item 21: none → II → I, no highest
    "item 21 highest category": (
        _set("work_history", 2, category="highest"),
        ("work_history", 4, "category", "F"),
        "The ladder of item 21 has no highest",
    ),
    # item 6: the director has no ladder
    "category on a position without a ladder": (
        _set("work_history", 3, category="first"),
        ("work_history", 5, "category", "F"),
        "no category ladder (item 6)",
    ),
}


@pytest.mark.parametrize("change, where, words", REFUSALS.values(), ids=REFUSALS.keys())
def test_each_refusal_of_the_forms_is_a_row_problem_at_the_import(tmp_path, centre, change, where, words):
    data = staff()
    change(data)
    plan = read(tmp_path, data, centre)

    sheet, row, column, letter = where
    found = [p for p in plan.problems if (p.sheet, p.row, p.column) == (sheet, row, column)]
    assert found, plan.problems
    assert words in found[0].message
    assert found[0].located == f"{sheet}, row {row}, column {letter} ({column}): {found[0].message}"
    with pytest.raises(ValueError):
        workbook_import(plan)
    assert not Employee.objects.exists() and not WorkPeriod.objects.exists() and not Education.objects.exists()


def test_item_36_blank_level_is_its_one_ladder_and_no_category_goes_anywhere(tmp_path, centre):
    data = staff()
    data["work_history"][1].update(position="case_manager", qualification_level="", category="second")
    data["work_history"][3].update(category="none")  # "no category" on a position without a ladder
    plan = read(tmp_path, data, centre)
    assert plan.ok, plan.problems


def test_a_closed_period_may_lack_the_level_an_item_distinguishes(tmp_path, centre):
    data = staff()
    data["work_history"][0].update(position="social_worker", qualification_level="", category="none")
    assert read(tmp_path, data, centre).ok


def test_an_unknown_level_code_is_reported_once(tmp_path, centre):
    data = staff()
    data["work_history"][1]["qualification_level"] = "low"
    plan = read(tmp_path, data, centre)
    assert [p.message[:14] for p in plan.problems] == ["Unknown code “"]


# ---- one IIN, one person at work -----------------------------------------------------------------------------


def test_the_same_iin_twice_in_the_workbook_is_refused(tmp_path, centre):
    data = staff()
    data["employees"].append({**data["employees"][0], "personnel_number": "0004"})
    data["work_history"].append({**data["work_history"][1], "personnel_number": "0004"})
    plan = read(tmp_path, data, centre)

    assert [(p.sheet, p.row, p.column) for p in plan.problems] == [("employees", 5, "iin")]
    assert plan.problems[0].message == "This IIN is already on row 2, employed at the same time."


def test_a_rehire_after_a_dismissal_is_not_a_duplicate(tmp_path, centre):
    data = staff()
    rehired = data["employees"][1]  # dismissed 30.06.2023
    data["employees"].append({**rehired, "personnel_number": "0005", "hire_date": "2024-01-10", "dismissal_date": None})
    data["work_history"].append(
        {"personnel_number": "0005", "organisation": "ОҚО", "position": "psychologist", "start_date": "2024-01-10"}
    )
    assert read(tmp_path, data, centre).ok


def test_an_iin_at_work_in_another_centre_is_named_only_to_who_may_see_it(tmp_path, centre, other_centre):
    data = staff()
    EmployeeFactory(centre=other_centre, personnel_number="X-17", iin=data["employees"][0]["iin"])
    own = UserFactory(username="hr-both", roles=["hr_officer"], centres=[centre, other_centre])
    stranger = UserFactory(username="hr-one", roles=["hr_officer"], centres=[centre])
    path = write_workbook(tmp_path / "staff.xlsx", data)
    from staffing.workbook import workbook_read

    seen = workbook_read(path, centre=centre, user=own).problems
    assert [(p.sheet, p.row, p.column) for p in seen] == [("employees", 2, "iin")]
    assert other_centre.name in seen[0].message and "X-17" in seen[0].message
    hidden = workbook_read(path, centre=centre, user=stranger).problems
    assert hidden[0].message == "This IIN is already registered in another centre."
    assert "X-17" not in hidden[0].located


def test_a_dismissed_holder_or_a_dismissed_row_is_no_conflict(tmp_path, centre, other_centre):
    data = staff()
    EmployeeFactory(
        centre=other_centre,
        iin=data["employees"][0]["iin"],
        hire_date=date(2010, 1, 1),
        dismissal_date=date(2019, 1, 1),
    )
    # The dismissed row's IIN belongs to someone who works elsewhere now: the old record is history.
    EmployeeFactory(centre=other_centre, iin=data["employees"][1]["iin"], birth_date=date(1985, 3, 2), sex="M")
    assert read(tmp_path, data, centre).ok


def test_reimporting_the_same_employees_is_no_conflict(tmp_path, centre):
    workbook_import(read(tmp_path, staff(), centre))
    assert read(tmp_path, staff(), centre, name="again.xlsx").ok


def test_an_iin_at_work_in_the_same_centre_under_another_number_is_refused(tmp_path, centre):
    workbook_import(read(tmp_path, staff(), centre))
    data = staff()
    data["employees"][0]["personnel_number"] = "0001-new"
    for row in data["education"] + data["work_history"]:
        if row["personnel_number"] == "0001":
            row["personnel_number"] = "0001-new"
    plan = read(tmp_path, data, centre, name="renumbered.xlsx")
    assert [(p.sheet, p.row, p.column) for p in plan.problems] == [("employees", 2, "iin")]
    assert "personnel number 0001" in plan.problems[0].message


# ---- the page ------------------------------------------------------------------------------------------------


def test_the_page_lists_each_refusal_with_its_column_letter_in_the_users_language(
    client_of, hr_officer, centre, tmp_path
):
    data = staff()
    data["employees"][0]["hire_date"] = "2004-05-16"
    path = write_workbook(tmp_path / "staff.xlsx", data)
    response = client_of(hr_officer).post(
        reverse("staffing:import"),
        {"centre": centre.code, "workbook": SimpleUploadedFile("staff.xlsx", path.read_bytes())},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    html = response.content.decode()
    assert response.context["token"] is None
    assert "I (hire_date)" in html
    assert "14" in html and "17.05.2004" in html
    assert not Employee.objects.exists()


# ---- scheduled changes at the import (docs/records.md) ----------------------------------------------------------


def test_a_post_change_dated_after_today_is_scheduled_not_applied_early(tmp_path, centre):
    from staffing.services import scheduled_changes_apply

    data = staff()
    change = today() + timedelta(days=10)
    data["work_history"][1]["end_date"] = (change - timedelta(days=1)).isoformat()
    data["work_history"].append(
        {**data["work_history"][1], "category": "highest", "start_date": change.isoformat(), "end_date": None}
    )
    plan = read(tmp_path, data, centre)
    assert plan.ok, plan.problems
    workbook_import(plan)
    employee = Employee.objects.get(centre=centre, personnel_number="0001")
    assert employee.category == "first"  # today's post until the change's date
    scheduled_changes_apply(on=change)
    employee.refresh_from_db()
    assert employee.category == "highest"


def test_a_dismissal_dated_after_today_keeps_the_employee_at_work_until_then(tmp_path, centre):
    data = staff()
    last_day = today() + timedelta(days=20)
    data["employees"][0]["dismissal_date"] = last_day.isoformat()
    data["work_history"][1]["end_date"] = last_day.isoformat()
    plan = read(tmp_path, data, centre)
    assert plan.ok, plan.problems
    workbook_import(plan)
    employee = Employee.objects.get(centre=centre, personnel_number="0001")
    assert employee.is_active and employee.dismissal_scheduled
    assert (employee.position.code, employee.category) == ("social_worker", "first")
    assert Employee.objects.active().filter(pk=employee.pk).exists()


def test_demo_records_are_possible_records(tmp_path):
    """The demo's and the bench's data pass the same checks: its export imports back without a problem."""
    from staffing.demo import demo_seed
    from staffing.models import Centre
    from staffing.workbook import workbook_export

    report = demo_seed(centres=2, employees_per_centre=40)
    centres = list(Centre.objects.order_by("-pk")[:2])
    assert report.employees == 80 and sum(c.employees.count() for c in centres) == 80
    for centre in centres:
        path = tmp_path / f"{centre.code}.xlsx"
        workbook_export(centre, path)
        assert read_path(path, centre).problems == []


def read_path(path, centre):
    from staffing.workbook import workbook_read

    return workbook_read(path, centre=centre)
