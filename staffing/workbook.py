"""The staff workbook (.xlsx): read and validate it, import it all or nothing, export and make the template.

Three sheets, each with a first row of column keys (order free, extra columns ignored) and optionally a second
row of Kazakh/Russian labels (recognised by its personnel_number cell, skipped):

* ``employees``: personnel_number, iin, last_name, first_name, middle_name, birth_date, sex, unit, hire_date,
  dismissal_date
* ``education``: personnel_number, level, field, institution, specialty, document_number, graduation_date
* ``work_history``: personnel_number, organisation, sector, position, qualification_level, category, managerial,
  profile_experience, start_date, end_date

Reading (:func:`workbook_read`) never writes: it returns an :class:`ImportPlan` listing what would be created and
updated and every problem found (sheet, Excel row, column, message in the active language).
:func:`workbook_import` writes a plan without problems in one transaction, with bulk queries (no per-row
queries) and history records (simple_history) for what it creates, changes and deletes. An employee is keyed by
(centre, personnel number); their education and work-history rows are replaced by the workbook's; employees of the
centre that are not in the workbook are left alone.

Untrusted files: the size is checked before parsing, the zip directory before openpyxl unpacks anything (zip
bombs), the number of rows while reading; text that a spreadsheet would run as a formula is refused on import and
written as plain text (quote prefix) on export.
"""

from __future__ import annotations

import io
import os
import re
import warnings
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

import openpyxl
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from simple_history.utils import get_history_model_for_model

from positions.models import EducationField, Position
from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, LEVEL_CODES, SECTOR_CODES
from staffing.identifiers import IdentifierError, make_iin, parse_iin
from staffing.models import Centre, Education, Employee, Unit, WorkPeriod
from staffing.services import IIN_MESSAGES

__all__ = [
    "COLUMNS",
    "ImportPlan",
    "MAX_ROWS",
    "Problem",
    "WorkbookError",
    "workbook_export",
    "workbook_import",
    "workbook_read",
    "workbook_template",
]

# Limits for untrusted uploads (the file size limit is settings.MAX_UPLOAD_MB).
MAX_ROWS = 20_000  # data rows of the employees sheet
HISTORY_ROWS_FACTOR = 4  # education and work_history may have this many times MAX_ROWS (several rows per employee)
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all zip entries together, as unpacked
MAX_COMPRESSION_RATIO = 100  # unpacked / packed, checked above RATIO_CHECK_FROM bytes
RATIO_CHECK_FROM = 1024 * 1024
BATCH_SIZE = 500

EMPLOYEES = "employees"
EDUCATION = "education"
WORK_HISTORY = "work_history"
SHEETS = (EMPLOYEES, EDUCATION, WORK_HISTORY)
COLUMNS = {
    EMPLOYEES: (
        "personnel_number",
        "iin",
        "last_name",
        "first_name",
        "middle_name",
        "birth_date",
        "sex",
        "unit",
        "hire_date",
        "dismissal_date",
    ),
    EDUCATION: (
        "personnel_number",
        "level",
        "field",
        "institution",
        "specialty",
        "document_number",
        "graduation_date",
    ),
    WORK_HISTORY: (
        "personnel_number",
        "organisation",
        "sector",
        "position",
        "qualification_level",
        "category",
        "managerial",
        "profile_experience",
        "start_date",
        "end_date",
    ),
}
# The second header row of the template and of exports (Kazakh / Russian). Always bilingual, not translated.
LABELS = {
    "personnel_number": "Табель нөмірі / Табельный номер",
    "iin": "ЖСН / ИИН",
    "last_name": "Тегі / Фамилия",
    "first_name": "Аты / Имя",
    "middle_name": "Әкесінің аты / Отчество",
    "birth_date": "Туған күні / Дата рождения",
    "sex": "Жынысы (M/F) / Пол (M/F)",
    "unit": "Құрылымдық бөлімше / Структурное подразделение",
    "hire_date": "Жұмысқа қабылданған күні / Дата приёма",
    "dismissal_date": "Жұмыстан шыққан күні / Дата увольнения",
    "level": "Білім деңгейі (код) / Уровень образования (код)",
    "field": "Білім саласы (код) / Область образования (код)",
    "institution": "Оқу орны / Учебное заведение",
    "specialty": "Мамандығы (дипломдағыдай) / Специальность (как в дипломе)",
    "document_number": "Құжат нөмірі / Номер документа",
    "graduation_date": "Оқуды бітірген күні / Дата окончания учёбы",
    "organisation": "Ұйым / Организация",
    "sector": "Сала (код) / Сфера (код)",
    "position": "Лауазым (каталог коды немесе атауы) / Должность (код каталога или название)",
    "qualification_level": "Біліктілік деңгейі (high/medium) / Уровень квалификации (high/medium)",
    "category": "Санат (код) / Категория (код)",
    "managerial": "Басшы лауазым (yes/no) / Руководящая должность (yes/no)",
    "profile_experience": "Бейін бойынша өтіл (yes/no) / Стаж по профилю (yes/no)",
    "start_date": "Басталған күні / Дата начала",
    "end_date": "Аяқталған күні / Дата окончания",
}
DATE_COLUMNS = {"birth_date", "hire_date", "dismissal_date", "graduation_date", "start_date", "end_date"}
NUMBER_FORMAT_DATE = "dd.mm.yyyy"

SEX_VALUES = {"M": "M", "F": "F", "М": "M", "Ж": "F", "Е": "M", "Ә": "F"}  # Latin, Russian М/Ж, Kazakh Е/Ә
YES = {"yes", "y", "иә", "ия", "да", "true", "1"}
NO = {"no", "n", "жоқ", "нет", "false", "0"}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# Text a spreadsheet (or a CSV made from it) would run as a formula: "=…" always; "+", "-", "@" unless what follows
# is only a number or a phone number; leading tabs/CRs are ignored when looking.
_FORMULA = re.compile(r"^[\s]*(=|[+\-@](?![\d\s().,-]*$))")
# On export, every string starting with one of these is written as text with a quote prefix.
_EXPORT_QUOTE = ("=", "+", "-", "@", "\t", "\r", "\n")
_ZIP_SIGNATURE = b"PK\x03\x04"


class WorkbookError(Exception):
    """The file as a whole cannot be used (not an xlsx, too large, a sheet or columns missing...).

    ``str(error)`` is a message in the language active when it was raised."""


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int  # the Excel row number, as the user sees it
    column: str  # a column key
    message: str  # in the active language

    def __str__(self) -> str:
        return f"{self.sheet}:{self.row}:{self.column}: {self.message}"


@dataclass
class ImportPlan:
    """What an import would change (nothing was written), and every problem that prevents it."""

    centre: Centre
    created: list[str] = field(default_factory=list)  # personnel numbers of new employees
    updated: list[str] = field(default_factory=list)  # personnel numbers of existing employees
    education_rows: int = 0
    period_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    # The validated rows, for workbook_import.
    employees: list[dict] = field(default_factory=list, repr=False, compare=False)
    education: list[dict] = field(default_factory=list, repr=False, compare=False)
    periods: list[dict] = field(default_factory=list, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems


# --------------------------------------------------------------------------------------------------------- reading


def _load_bytes(source) -> bytes:
    """The whole file, refused before parsing when it is larger than settings.MAX_UPLOAD_MB."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    too_large = WorkbookError(_("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_UPLOAD_MB})
    if isinstance(source, (str, os.PathLike)):
        try:
            if os.path.getsize(source) > limit:
                raise too_large
            with open(source, "rb") as file:
                data = file.read(limit + 1)
        except OSError:
            raise WorkbookError(_("The file cannot be read.")) from None
    else:
        size = getattr(source, "size", None)
        if isinstance(size, int) and size > limit:
            raise too_large
        if getattr(source, "seekable", lambda: False)():
            source.seek(0)
        data = source.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def _open_workbook(data: bytes):
    not_xlsx = WorkbookError(_("This is not an Excel workbook (.xlsx)."))
    if not data.startswith(_ZIP_SIGNATURE):
        raise not_xlsx
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise not_xlsx from None
    # zipfile never unpacks more than an entry's declared size, so the declared sizes bound the work openpyxl does.
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if unpacked > MAX_UNCOMPRESSED_BYTES or (
        unpacked > RATIO_CHECK_FROM and unpacked > MAX_COMPRESSION_RATIO * max(packed, 1)
    ):
        raise WorkbookError(
            _(
                "The workbook would unpack to %(size)s MB from a %(packed)s MB file: it looks like a zip bomb and was "
                "refused."
            )
            % {"size": unpacked // (1024 * 1024), "packed": round(packed / (1024 * 1024), 1)}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors...)
        raise not_xlsx from None


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_sheet(worksheet, sheet: str) -> list[tuple[int, dict]]:
    """(Excel row number, {column key: raw value}) for each non-empty data row."""
    worksheet.reset_dimensions()  # the stored dimension may be wrong: read what is there
    rows = worksheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    index: dict[str, int] = {}
    for position, value in enumerate(header):
        key = value.strip().lower() if isinstance(value, str) else ""
        if key and key not in index:
            index[key] = position
    columns = COLUMNS[sheet]
    missing = [key for key in columns if key not in index]
    if missing:
        raise WorkbookError(
            _("The sheet “%(sheet)s” lacks the columns %(columns)s: its first row must hold the column keys.")
            % {"sheet": sheet, "columns": ", ".join(missing)}
        )
    positions = [index[key] for key in columns]
    label = LABELS["personnel_number"]
    limit = MAX_ROWS if sheet == EMPLOYEES else MAX_ROWS * HISTORY_ROWS_FACTOR
    result = []
    too_many = WorkbookError(
        _("The sheet “%(sheet)s” has more than %(limit)s rows: split the workbook.") % {"sheet": sheet, "limit": limit}
    )
    for number, row in enumerate(rows, start=2):
        width = len(row)
        values = [row[i] if i < width else None for i in positions]
        if all(_blank(value) for value in values):
            if number > 10 * limit + 1000:  # millions of empty rows take minutes to read
                raise too_many
            continue
        if isinstance(values[0], str) and values[0].strip() == label:
            continue
        if len(result) >= limit:
            raise too_many
        result.append((number, dict(zip(columns, values, strict=True))))
    return result


class _Checker:
    """Turns raw cell values into clean ones, collecting problems."""

    def __init__(self):
        self.problems: list[Problem] = []

    def problem(self, sheet: str, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(sheet, row, column, str(message)))

    def formula(self, sheet, row, column, value: str) -> None:
        self.problem(
            sheet,
            row,
            column,
            _("Formulas are not accepted: type the value itself (the cell starts with “%(start)s”).")
            % {"start": value.strip()[:1]},
        )

    def text(self, sheet, row, values, column, *, required=False, max_length=300) -> str:
        value = values[column]
        if value is None:
            text = ""
        elif isinstance(value, str):
            if _FORMULA.match(value):
                self.formula(sheet, row, column, value)
                return ""
            text = value.strip()
        elif isinstance(value, bool):
            text = "yes" if value else "no"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        elif isinstance(value, datetime):
            text = value.date().isoformat()
        else:
            text = str(value).strip()
        if required and not text:
            self.problem(sheet, row, column, _("This value is required."))
        elif len(text) > max_length:
            self.problem(sheet, row, column, _("At most %(limit)s characters.") % {"limit": max_length})
            return ""
        return text

    def date(self, sheet, row, values, column, *, required=False) -> date | None:
        value = values[column]
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if _blank(value):
            if required:
                self.problem(sheet, row, column, _("This date is required."))
            return None
        if isinstance(value, str):
            if _FORMULA.match(value):
                self.formula(sheet, row, column, value)
                return None
            text = value.strip()
            parts = None
            if match := _ISO_DATE.match(text):
                parts = int(match[1]), int(match[2]), int(match[3])
            elif match := _DMY_DATE.match(text):
                parts = int(match[3]), int(match[2]), int(match[1])
            if parts:
                try:
                    return date(*parts)
                except ValueError:
                    pass
        self.problem(sheet, row, column, _("Not a date: write YYYY-MM-DD or dd.mm.yyyy, or use an Excel date."))
        return None

    def code(self, sheet, row, values, column, codes, *, required=False, default="") -> str:
        text = self.text(sheet, row, values, column, required=required)
        if not text:
            return default
        code = text.lower()
        if code not in codes:
            self.problem(
                sheet,
                row,
                column,
                _("Unknown code “%(value)s”: use one of %(codes)s.") % {"value": text, "codes": ", ".join(codes)},
            )
            return default
        return code

    def boolean(self, sheet, row, values, column, *, default: bool | None) -> bool | None:
        value = values[column]
        if isinstance(value, bool):
            return value
        text = self.text(sheet, row, values, column).lower()
        if not text:
            return default
        if text in YES:
            return True
        if text in NO:
            return False
        self.problem(sheet, row, column, _("Write yes or no."))
        return default


def _personnel_number(checker: _Checker, sheet: str, row: int, values: dict) -> str:
    return checker.text(sheet, row, values, "personnel_number", required=True, max_length=30)


def _iin_text(value) -> object:
    """An IIN typed into a number cell loses its leading zero (born in 2000-2009): put it back."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value)).zfill(12)
    return value


def _read_employees(checker: _Checker, rows) -> dict[str, dict]:
    employees: dict[str, dict] = {}
    for number, values in rows:
        personnel_number = _personnel_number(checker, EMPLOYEES, number, values)
        values["iin"] = _iin_text(values["iin"])
        iin = "".join(checker.text(EMPLOYEES, number, values, "iin", required=True, max_length=40).split())
        info = None
        if iin:
            try:
                info = parse_iin(iin)
            except IdentifierError as error:
                checker.problem(EMPLOYEES, number, "iin", IIN_MESSAGES.get(error.code, IIN_MESSAGES["check_digit"]))
        birth_date = checker.date(EMPLOYEES, number, values, "birth_date")
        sex_text = checker.text(EMPLOYEES, number, values, "sex")
        sex = SEX_VALUES.get(sex_text.upper()) if sex_text else None
        if sex_text and sex is None:
            checker.problem(EMPLOYEES, number, "sex", _("Write M (male) or F (female)."))
        # Empty birth date or sex: taken from the IIN (when the IIN is wrong, that is the problem reported).
        if info:
            if _blank(values["birth_date"]):
                birth_date = info.birth_date
            elif birth_date and birth_date != info.birth_date:
                checker.problem(
                    EMPLOYEES,
                    number,
                    "birth_date",
                    _("The birth date does not agree with the IIN (%(date)s).")
                    % {"date": info.birth_date.strftime("%d.%m.%Y")},
                )
            if not sex_text:
                sex = info.sex
            elif sex and sex != info.sex:
                checker.problem(EMPLOYEES, number, "sex", _("The sex does not agree with the IIN."))
        record = {
            "row": number,
            "personnel_number": personnel_number,
            "iin": iin,
            "last_name": checker.text(EMPLOYEES, number, values, "last_name", required=True, max_length=100),
            "first_name": checker.text(EMPLOYEES, number, values, "first_name", required=True, max_length=100),
            "middle_name": checker.text(EMPLOYEES, number, values, "middle_name", max_length=100),
            "birth_date": birth_date,
            "sex": sex,
            "unit": checker.text(EMPLOYEES, number, values, "unit", max_length=200),
            "hire_date": checker.date(EMPLOYEES, number, values, "hire_date", required=True),
            "dismissal_date": checker.date(EMPLOYEES, number, values, "dismissal_date"),
        }
        if record["hire_date"] and record["dismissal_date"] and record["dismissal_date"] < record["hire_date"]:
            checker.problem(
                EMPLOYEES, number, "dismissal_date", _("The dismissal date cannot be before the hire date.")
            )
        if not personnel_number:
            continue
        if personnel_number in employees:
            checker.problem(
                EMPLOYEES,
                number,
                "personnel_number",
                _("The personnel number %(number)s is already on row %(row)s.")
                % {"number": personnel_number, "row": employees[personnel_number]["row"]},
            )
            continue
        employees[personnel_number] = record
    return employees


def _known_employee(checker, sheet, number, personnel_number, employees) -> bool:
    if personnel_number and personnel_number not in employees:
        checker.problem(
            sheet,
            number,
            "personnel_number",
            _("No employee with the personnel number %(number)s on the employees sheet.")
            % {"number": personnel_number},
        )
        return False
    return bool(personnel_number)


def _read_education(checker: _Checker, rows, employees, field_ids: dict[str, int]) -> list[dict]:
    result = []
    field_codes = sorted(field_ids)
    for number, values in rows:
        personnel_number = _personnel_number(checker, EDUCATION, number, values)
        known = _known_employee(checker, EDUCATION, number, personnel_number, employees)
        level = checker.code(EDUCATION, number, values, "level", EDUCATION_LEVEL_CODES, required=True)
        field_text = checker.text(EDUCATION, number, values, "field", max_length=60)
        field_id = None
        if field_text:
            field_id = field_ids.get(field_text.lower())
            if field_id is None:
                checker.problem(
                    EDUCATION,
                    number,
                    "field",
                    _("Unknown code “%(value)s”: use one of %(codes)s.")
                    % {"value": field_text, "codes": ", ".join(field_codes)},
                )
        elif level and level != "basic_secondary":
            checker.problem(
                EDUCATION, number, "field", _("Choose the field of education (only basic secondary may have none).")
            )
        record = {
            "row": number,
            "personnel_number": personnel_number,
            "level": level,
            "field_id": field_id,
            "institution": checker.text(EDUCATION, number, values, "institution", max_length=300),
            "specialty": checker.text(EDUCATION, number, values, "specialty", max_length=300),
            "document_number": checker.text(EDUCATION, number, values, "document_number", max_length=60),
            "graduation_date": checker.date(EDUCATION, number, values, "graduation_date"),
        }
        if known:
            result.append(record)
    return result


def _read_periods(checker: _Checker, rows, employees, position_ids: dict[str, int]) -> list[dict]:
    result = []
    for number, values in rows:
        personnel_number = _personnel_number(checker, WORK_HISTORY, number, values)
        known = _known_employee(checker, WORK_HISTORY, number, personnel_number, employees)
        position_text = checker.text(WORK_HISTORY, number, values, "position", required=True, max_length=300)
        position_id = position_ids.get(position_text.lower()) if position_text else None
        record = {
            "row": number,
            "personnel_number": personnel_number,
            "organisation": checker.text(WORK_HISTORY, number, values, "organisation", required=True, max_length=300),
            # Blank means "not established" (counts as no), never silently "yes" (docs/records.md).
            "sector": checker.code(WORK_HISTORY, number, values, "sector", SECTOR_CODES, default=None),
            "position_id": position_id,
            "position_text": "" if position_id else position_text,
            "qualification_level": checker.code(WORK_HISTORY, number, values, "qualification_level", LEVEL_CODES),
            "category": checker.code(WORK_HISTORY, number, values, "category", CATEGORY_CODES),
            "managerial": checker.boolean(WORK_HISTORY, number, values, "managerial", default=None),
            "profile_experience": checker.boolean(WORK_HISTORY, number, values, "profile_experience", default=None),
            "start_date": checker.date(WORK_HISTORY, number, values, "start_date", required=True),
            "end_date": checker.date(WORK_HISTORY, number, values, "end_date"),
        }
        if record["start_date"] and record["end_date"] and record["end_date"] < record["start_date"]:
            checker.problem(WORK_HISTORY, number, "end_date", _("The end date must not be before the start date."))
        if known:
            result.append(record)
    return result


def _check_periods(checker: _Checker, employees: dict[str, dict], periods: list[dict], position_codes) -> None:
    """Per employee: one open period with a catalogue position when active, none when dismissed. Overlapping
    periods are allowed (a second job): experience counts each day once (staffing.experience)."""
    by_employee = defaultdict(list)
    for period in periods:
        if period["start_date"]:
            by_employee[period["personnel_number"]].append(period)
    for personnel_number, employee in employees.items():
        mine = sorted(by_employee.get(personnel_number, ()), key=lambda p: (p["start_date"], p["row"]))
        latest = None  # the period reaching furthest so far
        for period in mine:
            if latest is not None:
                if period["end_date"] is None and latest["end_date"] is None:
                    checker.problem(
                        WORK_HISTORY,
                        period["row"],
                        "end_date",
                        _("Only one period may be open (without an end date); row %(row)s is open too.")
                        % {"row": latest["row"]},
                    )
            if latest is None or (
                latest["end_date"] is not None
                and (period["end_date"] is None or period["end_date"] > latest["end_date"])
            ):
                latest = period
        open_periods = [period for period in mine if period["end_date"] is None]
        if employee["dismissal_date"] is not None:
            for period in open_periods:
                checker.problem(
                    WORK_HISTORY,
                    period["row"],
                    "end_date",
                    _("The employee is dismissed: this period needs an end date."),
                )
        elif employee["hire_date"] is not None:
            if not open_periods:
                checker.problem(
                    EMPLOYEES,
                    employee["row"],
                    "dismissal_date",
                    _(
                        "An active employee (no dismissal date) needs one open period (no end date) on the "
                        "work_history sheet."
                    ),
                )
            elif open_periods[0]["position_id"] is None and open_periods[0]["position_text"]:
                checker.problem(
                    WORK_HISTORY,
                    open_periods[0]["row"],
                    "position",
                    _("The current period needs a catalogue position: use one of %(codes)s.")
                    % {"codes": ", ".join(position_codes)},
                )
        open_period = open_periods[0] if open_periods and employee["dismissal_date"] is None else None
        employee["position_id"] = open_period["position_id"] if open_period else None
        employee["qualification_level"] = open_period["qualification_level"] if open_period else ""
        employee["category"] = open_period["category"] if open_period else ""


def workbook_read(source, *, centre: Centre) -> ImportPlan:
    """Read and validate a workbook (a path or a binary file object) for an import into ``centre``.

    Raises WorkbookError when the file as a whole is unusable; row problems are listed in the plan."""
    data = _load_bytes(source)
    workbook = _open_workbook(data)
    try:
        names = {name.strip().lower(): name for name in workbook.sheetnames}
        missing = [sheet for sheet in SHEETS if sheet not in names]
        if missing:
            raise WorkbookError(
                _("The workbook lacks the sheets %(missing)s (it has: %(found)s).")
                % {"missing": ", ".join(missing), "found": ", ".join(workbook.sheetnames) or "—"}
            )
        rows = {sheet: _read_sheet(workbook[names[sheet]], sheet) for sheet in SHEETS}
    except WorkbookError:
        raise
    except Exception:  # a malformed sheet inside a valid zip
        raise WorkbookError(_("This is not an Excel workbook (.xlsx).")) from None
    finally:
        workbook.close()

    field_ids = dict(EducationField.objects.values_list("code", "pk"))
    positions = dict(Position.objects.order_by("paragraph").values_list("code", "pk"))
    checker = _Checker()
    employees = _read_employees(checker, rows[EMPLOYEES])
    education = _read_education(
        checker, rows[EDUCATION], employees, {code.lower(): pk for code, pk in field_ids.items()}
    )
    periods = _read_periods(
        checker, rows[WORK_HISTORY], employees, {code.lower(): pk for code, pk in positions.items()}
    )
    _check_periods(checker, employees, periods, list(positions))

    existing = set(Employee.objects.filter(centre=centre).values_list("personnel_number", flat=True))
    order = {sheet: i for i, sheet in enumerate(SHEETS)}
    column_order = {(sheet, key): i for sheet in SHEETS for i, key in enumerate(COLUMNS[sheet])}
    problems = sorted(
        set(checker.problems),
        key=lambda p: (order[p.sheet], p.row, column_order.get((p.sheet, p.column), 99), p.message),
    )
    return ImportPlan(
        centre=centre,
        created=[number for number in employees if number not in existing],
        updated=[number for number in employees if number in existing],
        education_rows=len(education),
        period_rows=len(periods),
        problems=problems,
        employees=list(employees.values()),
        education=education,
        periods=periods,
    )


# --------------------------------------------------------------------------------------------------------- writing
#
# Rows are written with COPY on PostgreSQL and multi-row INSERTs elsewhere, updated with one statement (UPDATE … FROM
# a COPYed temporary table on PostgreSQL, executemany elsewhere) and deleted in batches by employee id. Django's
# bulk_create/bulk_update (and simple_history's bulk_*_with_history wrappers around them) spend most of an import
# compiling SQL in Python (bulk_update builds a CASE per field and row): a 10,000-employee import took 15-40 s that
# way on SQLite against about 5 s here. History records are written the same way, with the values simple_history
# itself records ("+" created, "~" changed, "-" deleted rows, with the user and one date for the whole import).

EMPLOYEE_FIELDS = [
    "iin",
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "sex",
    "unit",
    "hire_date",
    "dismissal_date",
    "position",
    "qualification_level",
    "category",
    "search_text",
    "version",
]
EDUCATION_FIELDS = ["employee", "level", "field", "institution", "specialty", "document_number", "graduation_date"]
PERIOD_FIELDS = [
    "employee",
    "organisation",
    "sector",
    "position",
    "position_text",
    "qualification_level",
    "category",
    "managerial",
    "profile_experience",
    "start_date",
    "end_date",
]


def _batch_size(columns: int) -> int:
    max_params = connection.features.max_query_params or 65535
    return max(1, min(BATCH_SIZE, max_params // columns))


def _fields(model, fields) -> list:
    return [f if hasattr(f, "column") else model._meta.get_field(f) for f in fields]


def _prepared(fields, row) -> list:
    return [f.get_db_prep_save(value, connection) for f, value in zip(fields, row, strict=True)]


def _copy(cursor, table: str, fields, rows) -> None:
    """PostgreSQL: COPY rows into table (psycopg 3)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(_prepared(fields, row))


def _insert_rows(model, fields: list, rows: list[list]) -> None:
    """INSERT rows (values in the order of fields: names or Field objects); ids come from the database.
    PostgreSQL: COPY; others: multi-row INSERTs."""
    if not rows:
        return
    fields = _fields(model, fields)
    table = model._meta.db_table
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, table, fields, rows)
            return
        columns = ", ".join(quote(f.column) for f in fields)
        one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        size = _batch_size(len(fields))
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(table)} ({columns}) VALUES {', '.join([one_row] * len(batch))}",
                [value for row in batch for value in _prepared(fields, row)],
            )


def _update_rows(model, objects, field_names: list[str]) -> None:
    """UPDATE the objects' rows by primary key. PostgreSQL: COPY into a temporary table and one UPDATE … FROM;
    others: one UPDATE statement run with executemany."""
    if not objects:
        return
    meta = model._meta
    fields = _fields(model, field_names)
    quote = connection.ops.quote_name
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            temporary = "workbook_update"
            columns = ", ".join([pk, *(quote(f.column) for f in fields)])
            cursor.execute(f"DROP TABLE IF EXISTS {temporary}")
            cursor.execute(f"CREATE TEMPORARY TABLE {temporary} AS SELECT {columns} FROM {table} WITH NO DATA")
            _copy(
                cursor,
                temporary,
                [meta.pk, *fields],
                [[obj.pk, *(getattr(obj, f.attname) for f in fields)] for obj in objects],
            )
            assignments = ", ".join(f"{quote(f.column)} = u.{quote(f.column)}" for f in fields)
            cursor.execute(f"UPDATE {table} SET {assignments} FROM {temporary} AS u WHERE {table}.{pk} = u.{pk}")
            cursor.execute(f"DROP TABLE {temporary}")
            return
        assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
        cursor.executemany(
            f"UPDATE {table} SET {assignments} WHERE {pk} = %s",
            [_prepared(fields, [getattr(obj, f.attname) for f in fields]) + [obj.pk] for obj in objects],
        )


def _delete_rows(model, employee_ids: list[int]) -> None:
    """DELETE … WHERE employee_id IN (…) in batches, without loading rows or sending signals."""
    quote = connection.ops.quote_name
    size = _batch_size(1)
    with connection.cursor() as cursor:
        for start in range(0, len(employee_ids), size):
            chunk = employee_ids[start : start + size]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)} WHERE employee_id IN ({placeholders})", chunk)


def _tracked(model) -> list[str]:
    """The attnames simple_history records for model (the history model has the same names)."""
    return [f.attname for f in get_history_model_for_model(model).tracked_fields]


def _rows_of_employees(model, centre: Centre, employee_ids: set[int]) -> list[tuple]:
    """The tracked values of the rows (education or periods) of some employees of the centre, in one query."""
    names = _tracked(model)
    position = names.index("employee_id")
    rows = model.objects.filter(employee__centre=centre).order_by("pk").values_list(*names)
    return [row for row in rows if row[position] in employee_ids]


def _insert_history(model, rows: list, history_type: str, *, user, when) -> None:
    """simple_history's records for rows (tuples of the tracked values, in _tracked order)."""
    if not rows or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history_model = get_history_model_for_model(model)
    if user is None:  # as simple_history does: the signed-in user of the current request, if any
        user = history_model.get_default_history_user(model())
    extra = [
        "history_date",
        "history_change_reason",
        "history_type",
        history_model._meta.get_field("history_user").name,
    ]
    _insert_rows(
        history_model,
        _tracked(model) + extra,
        [[*row, when, None, history_type, user.pk if user else None] for row in rows],
    )


def _values(obj, names: list[str]) -> tuple:
    return tuple(getattr(obj, name) for name in names)


def workbook_import(plan: ImportPlan, *, user=None) -> None:
    """Write a plan without problems, all or nothing. ``user`` is recorded in the history (by default, the
    signed-in user of the current request, as simple_history's middleware sets it)."""
    if not plan.ok:
        raise ValueError("The plan has problems: nothing can be imported.")
    centre = plan.centre
    when = timezone.now()
    history = {"user": user, "when": when}
    with transaction.atomic():
        existing = {e.personnel_number: e for e in Employee.objects.select_for_update().filter(centre=centre)}

        units = {unit.name.casefold(): unit for unit in Unit.objects.filter(centre=centre)}
        new_units = []
        for row in plan.employees:
            key = row["unit"].casefold()
            if key and key not in units:
                units[key] = Unit(centre=centre, name=row["unit"])
                new_units.append(units[key])
        Unit.objects.bulk_create(new_units)
        if any(unit.pk is None for unit in new_units):  # a database that does not return ids from bulk inserts
            units = {unit.name.casefold(): unit for unit in Unit.objects.filter(centre=centre)}

        to_create, to_update = [], []
        for row in plan.employees:
            employee = existing.get(row["personnel_number"])
            if employee is None:
                employee = Employee(centre=centre, personnel_number=row["personnel_number"])
                to_create.append(employee)
            else:
                employee.version += 1
                to_update.append(employee)
            for name in (
                "iin",
                "last_name",
                "first_name",
                "middle_name",
                "birth_date",
                "sex",
                "hire_date",
                "dismissal_date",
                "position_id",
                "qualification_level",
                "category",
            ):
                setattr(employee, name, row[name])
            employee.unit = units[row["unit"].casefold()] if row["unit"] else None
            employee.search_text = employee.build_search_text()

        # The updated employees' education and periods are replaced: "-" history records, then one DELETE a batch.
        updated_ids = {employee.pk for employee in to_update}
        # Periods opened by an attestation order are replaced too: the candidate keeps its decision and the
        # session its order; only the link to the replaced period row is let go.
        from attestation.models import Candidate

        Candidate.objects.filter(employee_id__in=updated_ids, applied_period__isnull=False).update(applied_period=None)
        for model in (Education, WorkPeriod):
            _insert_history(model, _rows_of_employees(model, centre, updated_ids), "-", **history)
            _delete_rows(model, sorted(updated_ids))

        employee_fields = [f for f in Employee._meta.concrete_fields if not f.primary_key]
        _insert_rows(Employee, employee_fields, [[getattr(e, f.attname) for f in employee_fields] for e in to_create])
        if to_create:
            ids = dict(Employee.objects.filter(centre=centre).values_list("personnel_number", "pk"))
            for employee in to_create:
                employee.pk = ids[employee.personnel_number]
        _update_rows(Employee, to_update, EMPLOYEE_FIELDS)
        names = _tracked(Employee)
        _insert_history(Employee, [_values(e, names) for e in to_create], "+", **history)
        _insert_history(Employee, [_values(e, names) for e in to_update], "~", **history)

        ids = {employee.personnel_number: employee.pk for employee in to_create + to_update}
        _insert_rows(
            Education,
            EDUCATION_FIELDS,
            [
                [
                    ids[row["personnel_number"]],
                    row["level"],
                    row["field_id"],
                    row["institution"],
                    row["specialty"],
                    row["document_number"],
                    row["graduation_date"],
                ]
                for row in plan.education
            ],
        )
        _insert_rows(
            WorkPeriod,
            PERIOD_FIELDS,
            [
                [
                    ids[row["personnel_number"]],
                    *(
                        row[name]
                        for name in (
                            "organisation",
                            "sector",
                            "position_id",
                            "position_text",
                            "qualification_level",
                            "category",
                            "managerial",
                            "profile_experience",
                            "start_date",
                            "end_date",
                        )
                    ),
                ]
                for row in plan.periods
            ],
        )
        imported_ids = set(ids.values())
        for model in (Education, WorkPeriod):
            _insert_history(model, _rows_of_employees(model, centre, imported_ids), "+", **history)


# --------------------------------------------------------------------------------------------------------- export


def excel_cell(worksheet, value, *, font=None):
    """A write-only cell: dates as real Excel dates shown dd.mm.yyyy, formula-like text as plain text (quote
    prefix). Every workbook the product writes goes through this, so no value is ever written as a formula."""
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
    for sheet in SHEETS:
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
            "",
            "first",
            "no",
            "yes",
            date(2020, 1, 15),
            None,
        ],
    )
    _save(workbook, target)
