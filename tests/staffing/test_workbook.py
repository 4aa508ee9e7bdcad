"""The staff workbook: reading and validating, all-or-nothing import, re-import, export, round trip, bad uploads,
and the import_staff / export_staff commands. Workbooks are built here with openpyxl into tmp_path."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from io import StringIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from positions.models import Position
from staffing.identifiers import make_iin
from staffing.models import Education, Employee, Unit, WorkPeriod
from staffing.workbook import (
    COLUMNS,
    LABELS,
    WorkbookError,
    files,
    workbook_export,
    workbook_import,
    workbook_read,
    workbook_template,
    writing,
)
from tests.factories import EducationFactory, EmployeeFactory, WorkPeriodFactory

pytestmark = pytest.mark.django_db

FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English (there is no kk catalogue for them yet)."""
    with translation.override("en"):
        yield


def iin(birth: date, sex: str, serial: int = 9900) -> str:
    """Serials from 9900 by default: the factories' employees take theirs from the sequence, far below."""
    for candidate in range(serial, 10000):
        value = make_iin(birth, sex, candidate)
        if value:
            return value
    raise AssertionError("no IIN")


def staff() -> dict[str, list[dict]]:
    """Three employees: 0001 active with an earlier job, 0002 dismissed, 0003 born in the 2000s, a director."""
    return {
        "employees": [
            {
                "personnel_number": "0001",
                "iin": iin(date(1990, 5, 17), "F"),
                "last_name": "Әбенова",
                "first_name": "Гүлнұр",
                "middle_name": "Қанатқызы",
                "birth_date": "1990-05-17",
                "sex": "F",
                "unit": "Әлеуметтік қолдау бөлімі",
                "hire_date": "2020-01-15",
            },
            {
                "personnel_number": "0002",
                "iin": iin(date(1985, 3, 2), "M"),
                "last_name": "Серіков",
                "first_name": "Ерлан",
                "birth_date": "02.03.1985",
                "sex": "M",
                "unit": "Психологиялық қызмет",
                "hire_date": "2015-02-01",
                "dismissal_date": "30.06.2023",
            },
            {
                "personnel_number": "0003",
                "iin": iin(date(2001, 11, 20), "M"),
                "last_name": "Нұрланов",
                "first_name": "Әлихан",
                "middle_name": "",
                "birth_date": datetime(2001, 11, 20),
                "sex": "M",
                "unit": "",
                "hire_date": datetime(2022, 3, 1),
            },
        ],
        "education": [
            {
                "personnel_number": "0001",
                "level": "higher",
                "field": "social_work",
                "institution": "ҚазҰУ",
                "specialty": "Әлеуметтік жұмыс",
                "document_number": "ЖБ-Б 0123456",
                "graduation_date": "2012-06-30",
            },
            {"personnel_number": "0002", "level": "basic_secondary", "institution": "№5 мектеп"},
            {"personnel_number": "0002", "level": "higher", "field": "psychology", "graduation_date": "01.07.2008"},
            {"personnel_number": "0003", "level": "tvet", "field": "pedagogy"},
        ],
        "work_history": [
            {
                "personnel_number": "0001",
                "organisation": "№12 мектеп",
                "sector": "education",
                "position": "Мұғалім",
                "managerial": "no",
                "profile_experience": "no",
                "start_date": "2012-09-01",
                "end_date": "2019-12-31",
            },
            {
                "personnel_number": "0001",
                "organisation": "Отбасын қолдау орталығы",
                "sector": "social_protection",
                "position": "social_worker",
                "qualification_level": "high",
                "category": "first",
                "managerial": "жоқ",
                "profile_experience": "иә",
                "start_date": "2020-01-15",
            },
            {
                "personnel_number": "0002",
                "organisation": "Отбасын қолдау орталығы",
                "sector": "social_protection",
                "position": "psychologist",
                "category": "second",
                "managerial": "нет",
                "profile_experience": "да",
                "start_date": "2015-02-01",
                "end_date": "30.06.2023",
            },
            {
                "personnel_number": "0003",
                "organisation": "Отбасын қолдау орталығы",
                "position": "director",
                "managerial": True,
                "profile_experience": 1,
                "start_date": date(2022, 3, 1),
            },
        ],
    }


def write_workbook(path, data, *, columns=None, labels=False, sheet_names=None):
    """An .xlsx with one sheet per key of data; columns[sheet] overrides the key row (order, extras, omissions)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet, rows in data.items():
        keys = list((columns or {}).get(sheet, COLUMNS.get(sheet, ())))
        worksheet = book.create_sheet((sheet_names or {}).get(sheet, sheet))
        worksheet.append(keys)
        if labels:
            worksheet.append([LABELS.get(key, "") for key in keys])
        for row in rows:
            worksheet.append([row.get(key) for key in keys])
    book.save(path)
    return path


def read(tmp_path, data, centre, name="staff.xlsx", **options):
    return workbook_read(write_workbook(tmp_path / name, data, **options), centre=centre)


def problems(plan):
    return [(p.sheet, p.row, p.column) for p in plan.problems]


def snapshot(centre):
    """The centre's records without ids or history, comparable across imports."""
    employees = sorted(
        (
            e.personnel_number,
            e.iin,
            e.last_name,
            e.first_name,
            e.middle_name,
            e.birth_date,
            e.sex,
            e.unit.name if e.unit else None,
            e.hire_date,
            e.dismissal_date,
            e.position.code if e.position else None,
            e.qualification_level,
            e.category,
        )
        for e in Employee.objects.filter(centre=centre).select_related("unit", "position")
    )
    education = sorted(
        (
            (
                e.employee.personnel_number,
                e.level,
                e.field.code if e.field else None,
                e.institution,
                e.specialty,
                e.document_number,
                e.graduation_date,
            )
            for e in Education.objects.filter(employee__centre=centre).select_related("employee", "field")
        ),
        key=repr,
    )
    periods = sorted(
        (
            (
                p.employee.personnel_number,
                p.organisation,
                p.sector,
                p.position.code if p.position else None,
                p.position_text,
                p.qualification_level,
                p.category,
                p.managerial,
                p.profile_experience,
                p.start_date,
                p.end_date,
            )
            for p in WorkPeriod.objects.filter(employee__centre=centre).select_related("employee", "position")
        ),
        key=repr,
    )
    return employees, education, periods


# ------------------------------------------------------------------------------------------------------ happy path


def test_a_valid_workbook_is_previewed_without_writing_then_imported(tmp_path, centre):
    plan = read(tmp_path, staff(), centre)

    assert plan.ok, plan.problems
    assert plan.created == ["0001", "0002", "0003"]
    assert plan.updated == []
    assert (plan.education_rows, plan.period_rows) == (4, 4)
    assert not Employee.objects.exists() and not Unit.objects.exists()

    workbook_import(plan)

    first = Employee.objects.get(centre=centre, personnel_number="0001")
    assert (first.last_name, first.first_name, first.middle_name, first.sex) == ("Әбенова", "Гүлнұр", "Қанатқызы", "F")
    assert (first.birth_date, first.hire_date, first.dismissal_date) == (date(1990, 5, 17), date(2020, 1, 15), None)
    assert first.unit.name == "Әлеуметтік қолдау бөлімі" and first.unit.centre == centre
    assert (first.position.code, first.qualification_level, first.category) == ("social_worker", "high", "first")
    assert first.search_text == first.build_search_text() and "әбенова" in first.search_text
    earlier, current = first.periods.order_by("start_date")
    assert (earlier.position, earlier.position_text, earlier.sector) == (None, "Мұғалім", "education")
    assert (earlier.managerial, earlier.profile_experience, earlier.end_date) == (False, False, date(2019, 12, 31))
    assert (current.position.code, current.end_date, current.managerial, current.profile_experience) == (
        "social_worker",
        None,
        False,
        True,
    )
    assert first.education.get().field.code == "social_work"

    dismissed = Employee.objects.get(centre=centre, personnel_number="0002")
    assert dismissed.dismissal_date == date(2023, 6, 30)
    # A dismissed employee keeps the post of their last period, as a dismissal on the card does.
    assert (dismissed.position.code, dismissed.qualification_level, dismissed.category) == (
        "psychologist",
        "",
        "second",
    )
    assert sorted(e.level for e in dismissed.education.all()) == ["basic_secondary", "higher"]
    assert dismissed.education.get(level="basic_secondary").field is None

    director = Employee.objects.get(centre=centre, personnel_number="0003")
    assert director.iin.startswith("01") and director.unit is None
    period = director.periods.get()
    # A blank sector is "not established", never silently social protection.
    assert (period.managerial, period.profile_experience, period.sector) == (True, True, None)

    # History is kept even though the writes are bulk.
    assert Employee.history.filter(history_type="+").count() == 3
    assert Education.history.count() == 4 and WorkPeriod.history.count() == 4


def test_history_records_what_was_written_and_by_whom(tmp_path, centre, hr_officer):
    workbook_import(read(tmp_path, staff(), centre), user=hr_officer)
    first = Employee.objects.get(personnel_number="0001")
    record = first.history.get()
    assert (record.history_type, record.history_user, record.last_name, record.iin, record.unit_id) == (
        "+",
        hr_officer,
        "Әбенова",
        first.iin,
        first.unit_id,
    )
    assert record.history_date is not None and record.position_id == first.position_id
    period = first.periods.get(end_date__isnull=True)
    period_record = period.history.get()
    assert (period_record.history_type, period_record.position_id, period_record.start_date) == (
        "+",
        period.position_id,
        date(2020, 1, 15),
    )
    assert period_record.instance == period

    data = staff()
    data["employees"][0]["last_name"] = "Серікова"
    workbook_import(read(tmp_path, data, centre, name="again.xlsx"))  # no user: none recorded
    changed = first.history.order_by("history_id").last()
    assert (changed.history_type, changed.last_name, changed.history_user, changed.version) == (
        "~",
        "Серікова",
        None,
        2,
    )
    assert changed.prev_record.last_name == "Әбенова"
    assert period.history.filter(history_type="-").get().start_date == date(2020, 1, 15)


def test_label_row_extra_columns_and_column_order_are_accepted(tmp_path, centre):
    columns = {sheet: ["note", *reversed(keys)] for sheet, keys in COLUMNS.items()}
    data = staff()
    data["employees"][0]["last_name"] = None  # an error, to check the row number after the label row
    plan = read(tmp_path, data, centre, columns=columns, labels=True)

    assert problems(plan) == [("employees", 3, "last_name")]


def test_the_template_has_keys_labels_and_a_sample_row_that_imports(tmp_path, centre):
    path = tmp_path / "template.xlsx"
    workbook_template(path)

    book = openpyxl.load_workbook(path)
    # contracts: the optional sheet that the personnel app adds (personnel/workbook.py)
    assert book.sheetnames == ["employees", "education", "work_history", "contracts"]
    for sheet, keys in COLUMNS.items():
        rows = list(book[sheet].iter_rows(values_only=True))
        assert list(rows[0]) == list(keys)
        assert list(rows[1]) == [LABELS[key] for key in keys]
        assert len(rows) == 3
    plan = workbook_read(path, centre=centre)
    assert plan.ok, plan.problems
    assert plan.created == ["0001"]
    assert [row["number"] for row in plan.extra["contracts"]] == ["17"]


def test_dates_in_all_three_forms(tmp_path, centre):
    data = staff()
    data["employees"][0]["hire_date"] = "2020-01-15"
    data["employees"][1]["hire_date"] = "01.02.2015"
    data["employees"][2]["hire_date"] = datetime(2022, 3, 1)
    data["employees"][2]["birth_date"] = date(2001, 11, 20)
    workbook_import(read(tmp_path, data, centre))

    hired = dict(Employee.objects.values_list("personnel_number", "hire_date"))
    assert hired == {"0001": date(2020, 1, 15), "0002": date(2015, 2, 1), "0003": date(2022, 3, 1)}


def test_birth_date_and_sex_may_be_left_to_the_iin_and_a_numeric_iin_keeps_its_leading_zero(tmp_path, centre):
    data = staff()
    data["employees"][2].update(birth_date=None, sex=None, iin=int(data["employees"][2]["iin"]))
    workbook_import(read(tmp_path, data, centre))

    employee = Employee.objects.get(personnel_number="0003")
    assert (employee.birth_date, employee.sex) == (date(2001, 11, 20), "M")
    assert employee.iin == staff()["employees"][2]["iin"]


def test_a_file_object_or_an_upload_is_accepted(centre):
    buffer = io.BytesIO()
    write_workbook(buffer, staff())
    assert workbook_read(buffer, centre=centre).ok  # read from the start, wherever the stream was
    upload = SimpleUploadedFile("staff.xlsx", buffer.getvalue())
    assert workbook_read(upload, centre=centre).created == ["0001", "0002", "0003"]


def test_overlapping_periods_are_accepted_and_counted_once(tmp_path, centre):
    """A second job: periods of one employee may overlap; experience counts each day once."""
    data = staff()
    data["work_history"][0]["end_date"] = "2020-01-15"  # overlaps the current period by a day
    plan = read(tmp_path, data, centre)
    assert plan.ok, plan.problems
    workbook_import(plan)
    assert WorkPeriod.objects.filter(employee__personnel_number="0001").count() == 2


# ------------------------------------------------------------------------------------------------------ row errors


def _set(sheet, index, **values):
    def change(data):
        data[sheet][index].update(values)

    return change


def _add(sheet, **values):
    def change(data):
        data[sheet].append(values)

    return change


VALID_IIN = iin(date(1990, 5, 17), "F")
ROW_ERRORS = {
    "iin check digit": (
        _set("employees", 0, iin=VALID_IIN[:11] + str((int(VALID_IIN[11]) + 1) % 10)),
        ("employees", 2, "iin"),
        "Not a valid IIN: the check digit does not match.",
    ),
    "iin length": (_set("employees", 0, iin="90051740001"), ("employees", 2, "iin"), "12 digits"),
    "iin letters": (_set("employees", 0, iin="90051740001X"), ("employees", 2, "iin"), "12 digits"),
    "iin century": (
        _set("employees", 0, iin=VALID_IIN[:6] + "7" + VALID_IIN[7:]),
        ("employees", 2, "iin"),
        "7th digit",
    ),
    "iin required": (_set("employees", 0, iin=None), ("employees", 2, "iin"), "required"),
    "birth date disagrees": (
        _set("employees", 0, birth_date="1990-05-18"),
        ("employees", 2, "birth_date"),
        "does not agree with the IIN (17.05.1990)",
    ),
    "sex disagrees": (_set("employees", 0, sex="M"), ("employees", 2, "sex"), "sex does not agree"),
    "sex unknown": (_set("employees", 0, sex="X"), ("employees", 2, "sex"), "Write M (male) or F (female)."),
    "last name required": (_set("employees", 1, last_name="  "), ("employees", 3, "last_name"), "required"),
    "first name required": (_set("employees", 1, first_name=None), ("employees", 3, "first_name"), "required"),
    "name too long": (_set("employees", 1, first_name="А" * 101), ("employees", 3, "first_name"), "At most 100"),
    "hire date format": (_set("employees", 0, hire_date="2020/01/15"), ("employees", 2, "hire_date"), "Not a date"),
    "impossible date": (_set("employees", 0, hire_date="31.02.2020"), ("employees", 2, "hire_date"), "Not a date"),
    "hire date required": (_set("employees", 0, hire_date=None), ("employees", 2, "hire_date"), "required"),
    "dismissal before hire": (
        _set("employees", 1, dismissal_date="2014-12-31"),
        ("employees", 3, "dismissal_date"),
        "before the hire date",
    ),
    "personnel number twice": (
        _add("employees", **{**staff()["employees"][0], "iin": iin(date(1990, 5, 17), "F", 500)}),
        ("employees", 5, "personnel_number"),
        "already on row 2",
    ),
    "personnel number required": (
        _set("employees", 2, personnel_number=None),
        ("employees", 4, "personnel_number"),
        "required",
    ),
    "formula in a name": (_set("employees", 0, last_name=FORMULA), ("employees", 2, "last_name"), "Formulas"),
    "education level": (_set("education", 0, level="bachelor"), ("education", 2, "level"), "Unknown code “bachelor”"),
    "education field required": (_set("education", 0, field=None), ("education", 2, "field"), "Choose the field"),
    "education field unknown": (_set("education", 0, field="astrology"), ("education", 2, "field"), "astrology"),
    "education unknown employee": (
        _set("education", 3, personnel_number="9999"),
        ("education", 5, "personnel_number"),
        "No employee with the personnel number 9999",
    ),
    "graduation date": (
        _set("education", 0, graduation_date="June 2012"),
        ("education", 2, "graduation_date"),
        "Not a date",
    ),
    "formula in institution": (
        _set("education", 1, institution="@SUM(A1)"),
        ("education", 3, "institution"),
        "Formulas",
    ),
    "sector": (_set("work_history", 0, sector="army"), ("work_history", 2, "sector"), "Unknown code “army”"),
    "level": (_set("work_history", 1, qualification_level="low"), ("work_history", 3, "qualification_level"), "low"),
    "category": (_set("work_history", 1, category="third"), ("work_history", 3, "category"), "third"),
    "managerial": (_set("work_history", 1, managerial="maybe"), ("work_history", 3, "managerial"), "yes or no"),
    "profile experience": (
        _set("work_history", 1, profile_experience="x"),
        ("work_history", 3, "profile_experience"),
        "yes or no",
    ),
    "organisation required": (
        _set("work_history", 0, organisation=""),
        ("work_history", 2, "organisation"),
        "required",
    ),
    "position required": (_set("work_history", 0, position=None), ("work_history", 2, "position"), "required"),
    "end before start": (
        _set("work_history", 0, end_date="2012-08-31"),
        ("work_history", 2, "end_date"),
        "must not be before the start date",
    ),
    "start required": (_set("work_history", 0, start_date=None), ("work_history", 2, "start_date"), "required"),
    "second open period": (
        _set("work_history", 0, end_date=None),
        ("work_history", 3, "end_date"),
        "Only one period may be open",
    ),
    "open period outside the catalogue": (
        _set("work_history", 1, position="Бас маман"),
        ("work_history", 3, "position"),
        "needs a catalogue position",
    ),
    "dismissed with an open period": (
        _set("work_history", 2, end_date=None),
        ("work_history", 4, "end_date"),
        "dismissed: this period needs an end date",
    ),
    "active without an open period": (
        _set("work_history", 3, end_date="2023-01-01"),
        ("employees", 4, "dismissal_date"),
        "needs one open period",
    ),
    "period of an unknown employee": (
        _set("work_history", 2, personnel_number="0009"),
        ("work_history", 4, "personnel_number"),
        "0009",
    ),
    "formula in organisation": (
        _set("work_history", 0, organisation="+cmd|' /C calc'!A0"),
        ("work_history", 2, "organisation"),
        "Formulas",
    ),
}


@pytest.mark.parametrize("change, where, message", ROW_ERRORS.values(), ids=ROW_ERRORS.keys())
def test_each_kind_of_row_error_is_reported_with_its_sheet_row_and_column(tmp_path, centre, change, where, message):
    data = staff()
    change(data)
    plan = read(tmp_path, data, centre)

    assert not plan.ok
    assert where in problems(plan), plan.problems
    found = next(p for p in plan.problems if (p.sheet, p.row, p.column) == where)
    assert message in found.message
    assert str(found) == f"{where[0]}:{where[1]}:{where[2]}: {found.message}"


def test_every_problem_is_listed_in_sheet_and_row_order(tmp_path, centre):
    data = staff()
    data["work_history"][0]["sector"] = "army"
    data["employees"][2]["sex"] = "X"
    data["education"][1]["level"] = "none"
    data["employees"][0]["hire_date"] = "soon"
    plan = read(tmp_path, data, centre)

    assert problems(plan) == [
        ("employees", 2, "hire_date"),
        ("employees", 4, "sex"),
        ("education", 3, "level"),
        ("work_history", 2, "sector"),
    ]


def test_harmless_leading_signs_are_not_taken_for_formulas(tmp_path, centre):
    data = staff()
    data["education"][0]["document_number"] = "-"
    data["education"][2]["document_number"] = "+7 (701) 123-45-67"
    assert read(tmp_path, data, centre).ok


def test_a_real_formula_cell_is_refused(tmp_path, centre):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    book = openpyxl.load_workbook(path)
    book["employees"]["D2"] = '=HYPERLINK("http://evil.example","Гүлнұр")'  # first_name
    book.save(path)

    plan = workbook_read(path, centre=centre)
    assert problems(plan) == [("employees", 2, "first_name")]
    assert "Formulas" in plan.problems[0].message


# ------------------------------------------------------------------------------------------------- all or nothing


def test_a_bad_row_at_the_end_means_nothing_is_written(tmp_path, centre):
    data = staff()
    data["work_history"][-1]["category"] = "best"
    plan = read(tmp_path, data, centre)

    assert problems(plan) == [("work_history", 5, "category")]
    with pytest.raises(ValueError):
        workbook_import(plan)
    assert not Employee.objects.exists() and not Unit.objects.exists()
    assert not Education.objects.exists() and not WorkPeriod.objects.exists()


def test_an_import_failing_halfway_leaves_nothing_behind(tmp_path, centre, monkeypatch):
    workbook_import(read(tmp_path, staff(), centre))
    before = snapshot(centre)
    history_before = (Employee.history.count(), Education.history.count(), WorkPeriod.history.count())

    data = staff()
    data["employees"][0]["last_name"] = "Жаңаева"
    data["employees"].append(
        {
            **staff()["employees"][2],
            "personnel_number": "0004",
            "unit": "Жаңа бөлім",
            "iin": iin(date(2001, 11, 20), "M", 700),
        }
    )
    data["work_history"].append({**staff()["work_history"][3], "personnel_number": "0004"})
    plan = read(tmp_path, data, centre, name="second.xlsx")
    assert plan.ok and plan.created == ["0004"]

    real = writing.bulk_create_with_history

    def fail_on_periods(objs, model, **options):
        if model is WorkPeriod:  # units, employees and education are written by now, old rows deleted
            assert Employee.objects.filter(personnel_number="0004").exists()
            assert not WorkPeriod.objects.filter(employee__centre=centre).exists()
            raise RuntimeError("disk full")
        return real(objs, model, **options)

    monkeypatch.setattr(writing, "bulk_create_with_history", fail_on_periods)
    with pytest.raises(RuntimeError):
        workbook_import(plan)

    assert snapshot(centre) == before
    assert not Unit.objects.filter(name="Жаңа бөлім").exists()
    assert (Employee.history.count(), Education.history.count(), WorkPeriod.history.count()) == history_before


# -------------------------------------------------------------------------------------------------------- re-import


def test_reimport_updates_without_duplicates_and_replaces_history_rows(tmp_path, centre):
    workbook_import(read(tmp_path, staff(), centre))
    untouched = EmployeeFactory(centre=centre, personnel_number="7777")
    WorkPeriodFactory(employee=untouched, position=Position.objects.get(code="lawyer"))
    EducationFactory(employee=untouched, level="basic_secondary")
    ids = dict(Employee.objects.values_list("personnel_number", "pk"))
    versions = dict(Employee.objects.values_list("personnel_number", "version"))

    data = staff()
    data["employees"][0].update(last_name="Серікова", unit="Жаңа бөлім")
    data["education"] = [row for row in data["education"] if row["personnel_number"] != "0002"]
    data["education"][0]["specialty"] = "Әлеуметтік педагогика"
    data["work_history"][1].update(end_date="2024-12-31")
    data["work_history"].append(
        {
            "personnel_number": "0001",
            "organisation": "Отбасын қолдау орталығы",
            "position": "case_manager",
            "qualification_level": "high",
            "category": "highest",
            "start_date": "2025-01-01",
        }
    )
    plan = read(tmp_path, data, centre, name="again.xlsx")
    assert plan.ok, plan.problems
    assert (plan.created, plan.updated) == ([], ["0001", "0002", "0003"])
    workbook_import(plan)

    assert dict(Employee.objects.values_list("personnel_number", "pk")) == ids  # same rows, none added
    first = Employee.objects.get(pk=ids["0001"])
    assert (first.last_name, first.unit.name, first.search_text.split()[0]) == ("Серікова", "Жаңа бөлім", "серікова")
    assert (first.position.code, first.qualification_level, first.category) == ("case_manager", "high", "highest")
    assert first.periods.count() == 3 and first.periods.filter(end_date__isnull=True).count() == 1
    assert first.education.get().specialty == "Әлеуметтік педагогика"
    assert not Education.objects.filter(employee_id=ids["0002"]).exists()
    assert (
        WorkPeriod.objects.filter(
            employee__centre=centre, employee_id__in=[ids["0001"], ids["0002"], ids["0003"]]
        ).count()
        == 5
    )
    for number in ("0001", "0002", "0003"):
        assert Employee.objects.get(pk=ids[number]).version == versions[number] + 1
    # The employee who is not in the workbook is left as they were.
    untouched.refresh_from_db()
    assert untouched.version == versions["7777"]
    assert untouched.periods.count() == 1 and untouched.education.count() == 1
    # History shows the change and the replaced rows.
    assert Employee.history.filter(history_type="~", id=ids["0001"]).count() == 1
    assert Education.history.filter(history_type="-", employee_id=ids["0002"]).count() == 2


def test_units_are_matched_by_name_and_created_only_when_missing(tmp_path, centre):
    Unit.objects.create(centre=centre, name="Әлеуметтік қолдау бөлімі")
    workbook_import(read(tmp_path, staff(), centre))
    assert sorted(Unit.objects.filter(centre=centre).values_list("name", flat=True)) == [
        "Психологиялық қызмет",
        "Әлеуметтік қолдау бөлімі",
    ]


def test_there_are_no_queries_per_row(tmp_path, centre):
    def many(prefix, count):
        data = {"employees": [], "education": [], "work_history": []}
        for n in range(count):
            number = f"{prefix}{n:05d}"
            data["employees"].append(
                {
                    "personnel_number": number,
                    "iin": iin(date(1980, 1, 1 + n % 28), "F", n * 3),
                    "last_name": "Ахметова",
                    "first_name": "Дана",
                    "unit": f"Бөлім {n % 3}",
                    "hire_date": "2020-01-01",
                }
            )
            data["education"].append({"personnel_number": number, "level": "higher", "field": "law"})
            data["work_history"].append(
                {"personnel_number": number, "organisation": "ОҚО", "position": "lawyer", "start_date": "2020-01-01"}
            )
        return data

    # Bulk queries come in batches (SQLite allows 999 parameters a query), never one per row.
    for when in ("create", "update"):
        plan = read(tmp_path, many("A", 240), centre, name=f"{when}.xlsx")
        assert plan.ok, plan.problems[:3]
        with CaptureQueriesContext(connection) as queries:
            workbook_import(plan)
        assert len(queries) < 60, (when, len(queries))


# ------------------------------------------------------------------------------------------------------ round trip


def test_an_export_imports_back_unchanged(tmp_path, centre):
    workbook_import(read(tmp_path, staff(), centre))
    # A record made elsewhere in the product, with a level, no unit and a position outside the catalogue before.
    employee = EmployeeFactory(
        centre=centre, personnel_number="0100", middle_name="", iin=iin(date(1990, 5, 17), "F", 9950)
    )
    WorkPeriodFactory(
        employee=employee,
        position_text="Кеңесші",
        start_date=date(2018, 1, 1),
        end_date=date(2019, 12, 31),
        managerial=True,
        profile_experience=False,
        sector="other",
    )
    WorkPeriodFactory(
        employee=employee,
        position=Position.objects.get(code="social_work_specialist"),
        qualification_level="medium",
        category="none",
        start_date=date(2020, 1, 15),
    )
    Employee.objects.filter(pk=employee.pk).update(
        position=Position.objects.get(code="social_work_specialist"), qualification_level="medium", category="none"
    )
    EducationFactory(employee=employee, level="basic_secondary", graduation_date=date(2007, 6, 1))
    before = snapshot(centre)

    path = tmp_path / "export.xlsx"
    workbook_export(centre, path)
    plan = workbook_read(path, centre=centre)

    assert plan.ok, plan.problems
    assert plan.created == []
    assert plan.updated == ["0001", "0002", "0003", "0100"]
    workbook_import(plan)
    assert snapshot(centre) == before


def test_the_export_is_sorted_with_real_dates_yes_no_and_codes(tmp_path, centre):
    workbook_import(read(tmp_path, staff(), centre))
    buffer = io.BytesIO()
    workbook_export(centre, buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))

    employees = list(book["employees"].iter_rows(values_only=True))
    assert list(employees[0]) == list(COLUMNS["employees"])
    assert employees[1][0] == LABELS["personnel_number"]
    assert [row[0] for row in employees[2:]] == ["0001", "0002", "0003"]
    assert employees[3][9] == datetime(2023, 6, 30)  # a real Excel date
    assert book["employees"]["J4"].is_date
    history = list(book["work_history"].iter_rows(values_only=True))[2:]
    assert [(row[0], row[3], row[6], row[7]) for row in history] == [
        ("0001", "Мұғалім", "no", "no"),
        ("0001", "social_worker", "no", "yes"),
        ("0002", "psychologist", "no", "yes"),
        ("0003", "director", "yes", "yes"),
    ]
    education = list(book["education"].iter_rows(values_only=True))[2:]
    assert [(row[0], row[1], row[2]) for row in education][:2] == [
        ("0001", "higher", "social_work"),
        ("0002", "higher", "psychology"),
    ]


def test_formula_payloads_are_written_as_text_on_export(tmp_path, centre):
    employee = EmployeeFactory(centre=centre, personnel_number="0001", last_name=FORMULA, middle_name="@SUM(1+1)")
    WorkPeriodFactory(
        employee=employee, organisation="=1+2", position_text="-2+3+cmd|' /C calc'!A0", end_date=date(2020, 12, 31)
    )
    path = tmp_path / "export.xlsx"
    workbook_export(centre, path)

    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
    book = openpyxl.load_workbook(path)
    last_name = book["employees"]["C3"]
    assert (last_name.value, last_name.data_type, last_name.quotePrefix) == (FORMULA, "s", True)
    assert book["employees"]["E3"].data_type == "s" and book["employees"]["E3"].quotePrefix
    organisation, position = book["work_history"]["B3"], book["work_history"]["D3"]
    assert (organisation.value, organisation.data_type) == ("=1+2", "s")
    assert position.data_type == "s" and position.quotePrefix

    # And such an export is not imported back: the payloads are refused, not stored.
    plan = workbook_read(path, centre=centre)
    assert ("employees", 3, "last_name") in problems(plan)
    assert ("work_history", 3, "organisation") in problems(plan)


# --------------------------------------------------------------------------------------------------------- uploads


def test_not_an_xlsx_is_refused(tmp_path, centre):
    text = tmp_path / "staff.xlsx"
    text.write_text("personnel_number,iin\n0001,900517400011\n")
    with pytest.raises(WorkbookError, match="not an Excel workbook"):
        workbook_read(text, centre=centre)

    other_zip = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(WorkbookError, match="not an Excel workbook"):
        workbook_read(other_zip, centre=centre)

    with pytest.raises(WorkbookError, match="not an Excel workbook"):
        workbook_read(io.BytesIO(b"PK\x03\x04 truncated"), centre=centre)


@override_settings(MAX_UPLOAD_MB=1)
def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path, centre, monkeypatch):
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"PK\x03\x04" + b"x" * (1024 * 1024 + 10))
    monkeypatch.setattr(files, "_open_workbook", lambda data: pytest.fail("parsed"))
    with pytest.raises(WorkbookError, match="larger than 1 MB"):
        workbook_read(big, centre=centre)
    with pytest.raises(WorkbookError, match="larger than 1 MB"):
        workbook_read(io.BytesIO(big.read_bytes()), centre=centre)


def _zip_bomb(path, megabytes):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        buffer = io.BytesIO()
        write_workbook(buffer, staff())
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as real:
            for name in real.namelist():
                archive.writestr(name, real.read(name))
        with archive.open("xl/media/zeros.bin", "w") as entry:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                entry.write(chunk)
    return path


def test_a_zip_bomb_is_refused(tmp_path, centre):
    bomb = _zip_bomb(tmp_path / "bomb.xlsx", 30)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(WorkbookError, match="zip bomb"):
        workbook_read(bomb, centre=centre)


def test_a_workbook_unpacking_to_too_much_is_refused(tmp_path, centre, monkeypatch):
    monkeypatch.setattr(files, "MAX_COMPRESSION_RATIO", 10**9)
    monkeypatch.setattr(files, "MAX_UNCOMPRESSED_BYTES", 5 * 1024 * 1024)
    with pytest.raises(WorkbookError, match="zip bomb"):
        workbook_read(_zip_bomb(tmp_path / "bomb.xlsx", 6), centre=centre)


def test_too_many_rows_are_refused(tmp_path, centre, monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS", 3)
    monkeypatch.setattr(files, "HISTORY_ROWS_FACTOR", 2)  # education and work_history: up to 6 rows
    data = staff()
    assert read(tmp_path, data, centre).ok  # 3 employees: at the limit
    data["employees"].append({**data["employees"][0], "personnel_number": "0004"})
    with pytest.raises(WorkbookError, match="“employees” has more than 3 rows"):
        read(tmp_path, data, centre, name="more.xlsx")

    data = staff()
    data["work_history"] += [{**data["work_history"][0], "personnel_number": "0009"}] * 3
    with pytest.raises(WorkbookError, match="“work_history” has more than 6 rows"):
        read(tmp_path, data, centre, name="history.xlsx")


def test_wrong_sheet_names_are_refused_naming_the_missing_sheets(tmp_path, centre):
    with pytest.raises(WorkbookError) as error:
        read(tmp_path, staff(), centre, sheet_names={"education": "Sheet1", "work_history": "Лист2"})
    assert "education, work_history" in str(error.value) and "Sheet1" in str(error.value)


def test_missing_columns_are_refused_naming_them(tmp_path, centre):
    columns = {"employees": [key for key in COLUMNS["employees"] if key not in ("iin", "sex")]}
    with pytest.raises(WorkbookError) as error:
        read(tmp_path, staff(), centre, columns=columns)
    assert "“employees” lacks the columns iin, sex" in str(error.value)


def test_an_empty_sheet_is_missing_its_columns(tmp_path, centre):
    data = staff()
    path = write_workbook(tmp_path / "staff.xlsx", data, columns={"education": []})
    with pytest.raises(WorkbookError, match="“education” lacks the columns personnel_number, level"):
        workbook_read(path, centre=centre)


# -------------------------------------------------------------------------------------------------------- commands


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_staff_imports_and_leaves_the_other_centre_alone(tmp_path, centre, other_centre, hr_officer):
    neighbour = EmployeeFactory(centre=other_centre, personnel_number="0001", last_name="Басқаева")
    before = snapshot(other_centre)
    path = write_workbook(tmp_path / "staff.xlsx", staff())

    out, err = run("import_staff", str(path), "--centre", centre.code)

    assert "3 employees to create, 0 to update, 4 education rows, 4 work periods" in out
    assert "Imported" in out and err == ""
    assert Employee.objects.filter(centre=centre).count() == 3
    assert snapshot(other_centre) == before
    neighbour.refresh_from_db()
    assert neighbour.last_name == "Басқаева" and neighbour.version == 1


def test_import_staff_dry_run_writes_nothing(tmp_path, centre):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    out, _err = run("import_staff", str(path), "--centre", centre.code, "--dry-run")
    assert "3 employees to create" in out and "nothing was written" in out
    assert not Employee.objects.exists() and not Unit.objects.exists()


def test_import_staff_prints_one_line_per_problem_and_fails(tmp_path, centre):
    data = staff()
    data["employees"][1]["sex"] = "X"
    data["work_history"][0]["sector"] = "army"
    path = write_workbook(tmp_path / "staff.xlsx", data)
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="2 problems found: nothing was imported") as error:
        call_command("import_staff", str(path), "--centre", centre.code, stdout=out, stderr=err)

    assert error.value.returncode == 1  # manage.py exits with it
    lines = err.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0] == "employees, row 3, column G (sex): Write M (male) or F (female)."
    assert lines[1].startswith("work_history, row 2, column C (sector): Unknown code “army”")
    assert not Employee.objects.exists()


def test_import_staff_refuses_an_unknown_centre_and_a_bad_file(tmp_path, centre):
    path = write_workbook(tmp_path / "staff.xlsx", staff())
    with pytest.raises(CommandError, match="Unknown centre: nowhere"):
        run("import_staff", str(path), "--centre", "nowhere")
    bad = tmp_path / "bad.xlsx"
    bad.write_text("hello")
    with pytest.raises(CommandError, match="not an Excel workbook"):
        run("import_staff", str(bad), "--centre", centre.code)


def test_export_staff_writes_the_centre_only(tmp_path, centre, other_centre):
    workbook_import(read(tmp_path, staff(), centre))
    EmployeeFactory(centre=other_centre, personnel_number="9999")
    path = tmp_path / "out.xlsx"

    out, _err = run("export_staff", str(path), "--centre", centre.code)

    assert "Exported 3 employees" in out
    numbers = [row[0] for row in openpyxl.load_workbook(path)["employees"].iter_rows(min_row=3, values_only=True)]
    assert numbers == ["0001", "0002", "0003"]
    with pytest.raises(CommandError, match="Unknown centre"):
        run("export_staff", str(path), "--centre", "nowhere")
