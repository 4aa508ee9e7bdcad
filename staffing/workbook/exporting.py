"""Write workbooks: a centre's staff in the import format (:func:`workbook_export`), the template to fill in
(:func:`workbook_template`), and :func:`excel_cell`, the one cell writer every workbook of the product uses."""

from __future__ import annotations

import io
import os
from datetime import date

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from config.inputs import strip_control_characters
from staffing.identifiers import make_iin
from staffing.models import Centre, Education, Employee, WorkPeriod
from staffing.workbook.layout import (
    COLUMNS,
    DATE_COLUMNS,
    EDUCATION,
    EMPLOYEES,
    EXTRA_SHEETS,
    LABELS,
    SHEETS,
    WORK_HISTORY,
)

NUMBER_FORMAT_DATE = "dd.mm.yyyy"
# On export, every string starting with one of these is written as text with a quote prefix.
_EXPORT_QUOTE = ("=", "+", "-", "@", "\t", "\r", "\n")


def excel_cell(worksheet, value, *, font=None):
    """A write-only cell: dates as real Excel dates shown dd.mm.yyyy, formula-like text as plain text (quote
    prefix). Every workbook the product writes goes through this, so no value is ever written as a formula."""
    if isinstance(value, str):
        # Older rows may hold characters XLSX cannot (openpyxl would refuse the whole file): they go.
        value = strip_control_characters(value)
    if isinstance(value, str) and value.startswith(_EXPORT_QUOTE):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.data_type = "s"  # openpyxl would make "=…" a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    elif isinstance(value, date):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.number_format = NUMBER_FORMAT_DATE
    elif font is not None:
        cell = WriteOnlyCell(worksheet, value=value)
    else:
        return value
    if font is not None:
        cell.font = font
    return cell


def _new_workbook():
    workbook = openpyxl.Workbook(write_only=True)
    sheets = {}
    bold, grey = Font(bold=True), Font(italic=True, color="666666")
    for sheet in SHEETS + tuple(EXTRA_SHEETS):
        worksheet = workbook.create_sheet(sheet)
        for i, key in enumerate(COLUMNS[sheet], start=1):
            worksheet.column_dimensions[get_column_letter(i)].width = 22 if key in DATE_COLUMNS else 28
        worksheet.append([excel_cell(worksheet, key, font=bold) for key in COLUMNS[sheet]])
        worksheet.append([excel_cell(worksheet, LABELS[key], font=grey) for key in COLUMNS[sheet]])
        sheets[sheet] = worksheet
    return workbook, sheets


def _append(worksheet, values) -> None:
    worksheet.append([excel_cell(worksheet, value) for value in values])


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""  # not established
    return "yes" if value else "no"


def _save(workbook, target) -> None:
    if isinstance(target, (str, os.PathLike)):
        workbook.save(target)
    else:
        buffer = io.BytesIO()
        workbook.save(buffer)
        target.write(buffer.getvalue())


def workbook_export(centre: Centre, target) -> None:
    """Write the centre's employees (active and dismissed), education and work history, sorted by personnel
    number, in the import format, to a path or a binary file object."""
    workbook, sheets = _new_workbook()
    employees = sorted(Employee.objects.filter(centre=centre).select_related("unit"), key=lambda e: e.personnel_number)
    numbers = {employee.pk: employee.personnel_number for employee in employees}
    for employee in employees:
        _append(
            sheets[EMPLOYEES],
            [
                employee.personnel_number,
                employee.iin,
                employee.last_name,
                employee.first_name,
                employee.middle_name,
                employee.birth_date,
                employee.sex,
                employee.unit.name if employee.unit_id else None,
                employee.hire_date,
                employee.dismissal_date,
            ],
        )
    education = sorted(
        Education.objects.filter(employee__centre=centre).select_related("field"),
        key=lambda e: (numbers[e.employee_id], e.graduation_date is None, e.graduation_date or date.min, e.pk),
    )
    for row in education:
        _append(
            sheets[EDUCATION],
            [
                numbers[row.employee_id],
                row.level,
                row.field.code if row.field_id else None,
                row.institution,
                row.specialty,
                row.document_number,
                row.graduation_date,
            ],
        )
    periods = sorted(
        WorkPeriod.objects.filter(employee__centre=centre).select_related("position"),
        key=lambda p: (numbers[p.employee_id], p.start_date, p.pk),
    )
    for row in periods:
        _append(
            sheets[WORK_HISTORY],
            [
                numbers[row.employee_id],
                row.organisation,
                row.sector,
                row.position.code if row.position_id else row.position_text,
                row.qualification_level,
                row.category,
                _yes_no(row.managerial),
                _yes_no(row.profile_experience),
                row.start_date,
                row.end_date,
            ],
        )
    for name, sheet in EXTRA_SHEETS.items():
        for values in sheet.export(centre):
            _append(sheets[name], values)
    _save(workbook, target)


def workbook_template(target) -> None:
    """An empty workbook to fill in: the key row, the kk/ru label row and one sample row per sheet."""
    workbook, sheets = _new_workbook()
    birth = date(1990, 5, 17)
    iin = next(filter(None, (make_iin(birth, "F", serial) for serial in range(1, 100))))
    _append(
        sheets[EMPLOYEES],
        [
            "0001",
            iin,
            "Әбенова",
            "Гүлнұр",
            "Қанатқызы",
            birth,
            "F",
            "Әлеуметтік қолдау бөлімі",
            date(2020, 1, 15),
            None,
        ],
    )
    _append(
        sheets[EDUCATION],
        [
            "0001",
            "higher",
            "social_work",
            "Әл-Фараби атындағы ҚазҰУ",
            "Әлеуметтік жұмыс",
            "ЖБ-Б 0123456",
            date(2012, 6, 30),
        ],
    )
    _append(
        sheets[WORK_HISTORY],
        [
            "0001",
            "Отбасын қолдау орталығы",
            "social_protection",
            "social_worker",
            "high",
            "first",
            "no",
            "yes",
            date(2020, 1, 15),
            None,
        ],
    )
    for name, sheet in EXTRA_SHEETS.items():
        if sheet.sample:
            _append(sheets[name], sheet.sample)
    _save(workbook, target)
