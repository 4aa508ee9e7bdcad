"""The workbook's optional `contracts` sheet (personnel/workbook.py): imported all or nothing with row-level
messages, kept through the preview, exported, and a round trip that changes nothing."""

from datetime import date

import openpyxl
import pytest
from django.utils import translation

from personnel.models import Contract
from staffing.models import Employee
from staffing.workbook import workbook_export, workbook_import
from staffing.workbook.previews import preview_confirm, preview_create
from tests.staffing.test_workbook import problems, read, staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def contracts(*rows):
    base = {"number": "17", "signed_on": "2020-01-15", "kind": "indefinite", "start_date": "2020-01-15"}
    return [base | row for row in rows]


def test_contracts_import_with_the_staff(tmp_path, centre, hr_officer):
    data = staff() | {
        "contracts": contracts(
            {"personnel_number": "0001", "rate": "0,5", "registered_on": "2020-01-17", "probation_end": "15.04.2020"},
            {
                "personnel_number": "0002",
                "number": "3",
                "signed_on": "2015-02-01",
                "start_date": "2015-02-01",
                "kind": "fixed_term",
                "end_date": "2023-06-30",
                "termination_registered_on": "2023-07-03",
            },
        )
    }
    plan = read(tmp_path, data, centre)
    assert plan.ok, plan.problems
    preview = preview_create(plan=plan, user=hr_officer)  # kept as a database row until confirmed
    preview_confirm(preview=preview, user=hr_officer)
    first = Contract.objects.get(employee__personnel_number="0001")
    assert (first.rate, first.registered_on, first.probation_end) == (
        pytest.approx(0.5),
        date(2020, 1, 17),
        date(2020, 4, 15),
    )
    second = Contract.objects.get(employee__personnel_number="0002")
    assert (second.kind, second.end_date, second.termination_registered_on) == (
        "fixed_term",
        date(2023, 6, 30),
        date(2023, 7, 3),
    )


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ({"kind": "forever"}, "kind"),
        ({"kind": "fixed_term"}, "end_date"),
        ({"registered_on": "2020-01-10"}, "registered_on"),
        ({"personnel_number": "9999"}, "personnel_number"),
        ({"rate": "2"}, "rate"),
        ({"signed_on": None}, "signed_on"),
        ({"termination_registered_on": "2020-02-01"}, "termination_registered_on"),  # 0001 is not dismissed
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, centre, row, column):
    plan = read(tmp_path, staff() | {"contracts": contracts({"personnel_number": "0001"} | row)}, centre)
    assert ("contracts", 2, column) in problems(plan)
    assert not plan.ok
    assert not Employee.objects.exists() and not Contract.objects.exists()


def test_the_same_contract_twice_is_refused(tmp_path, centre):
    plan = read(
        tmp_path, staff() | {"contracts": contracts({"personnel_number": "0001"}, {"personnel_number": "0001"})}, centre
    )
    assert problems(plan) == [("contracts", 3, "number")]


def test_export_and_reimport_change_nothing_and_keep_other_contracts(tmp_path, centre):
    data = staff() | {"contracts": contracts({"personnel_number": "0001", "registered_on": "2020-01-17"})}
    workbook_import(read(tmp_path, data, centre))
    employee = Employee.objects.get(personnel_number="0001")
    Contract.objects.create(employee=employee, number="18", signed_on=date(2021, 1, 4), start_date=date(2021, 1, 4))
    path = tmp_path / "export.xlsx"
    workbook_export(centre, path)
    rows = list(openpyxl.load_workbook(path)["contracts"].iter_rows(values_only=True))
    assert [row[:2] for row in rows[2:]] == [("0001", "17"), ("0001", "18")]

    before = list(Contract.objects.order_by("pk").values())
    from staffing.workbook import workbook_read

    workbook_import(workbook_read(path, centre=centre))
    assert list(Contract.objects.order_by("pk").values()) == before

    # a sheet without contract 18 updates 17 and keeps 18
    data["contracts"][0]["registered_on"] = "2020-01-20"
    workbook_import(read(tmp_path, data, centre, name="again.xlsx"))
    assert dict(Contract.objects.values_list("number", "registered_on")) == {
        "17": date(2020, 1, 20),
        "18": None,
    }
