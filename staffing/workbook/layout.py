"""The staff workbook's layout: its sheets, their column keys and the bilingual label row.

To add a sheet: add its name to SHEETS (or OPTIONAL_SHEETS when older workbooks may lack it), its keys to
COLUMNS and their labels to LABELS, then a reader in reading.py (SHEET_READERS) and its rows in writing.py and
exporting.py. An app above staffing adds an optional sheet of its own records with register_extra_sheet()
(personnel's `contracts`): staffing reads, writes and exports it through the ExtraSheet's functions, in the
same validation and the same transaction as the rest of the workbook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

EMPLOYEES = "employees"
EDUCATION = "education"
WORK_HISTORY = "work_history"
SHEETS = (EMPLOYEES, EDUCATION, WORK_HISTORY)  # every workbook has these
OPTIONAL_SHEETS: tuple[str, ...] = ()  # read when present
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


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int  # the Excel row number, as the user sees it
    column: str  # a column key
    message: str  # in the active language
    letter: str = ""  # the Excel column letter of that key in the user's workbook ("" when not known)

    def __str__(self) -> str:
        return f"{self.sheet}:{self.row}:{self.column}: {self.message}"

    @property
    def where(self) -> str:
        """ "B (iin)" when the letter is known, else the key."""
        return f"{self.letter} ({self.column})" if self.letter else self.column

    @property
    def located(self) -> str:
        """The problem as one line in the active language: "employees, row 4, column B (iin): …"."""
        return _("%(sheet)s, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.where,
            "message": self.message,
        }


def column_letter(position: int) -> str:
    """The Excel letter of a 0-based column position."""
    return get_column_letter(position + 1)


@dataclass(frozen=True)
class ExtraSheet:
    """An optional sheet contributed by an app above staffing.

    read(checker, rows, employees, centre) -> validated rows (JSON-serialisable but for dates): `rows` are the
    sheet's (Excel row number, {key: raw value}); `employees` the employees sheet's validated rows by personnel
    number; problems go to the checker (all or nothing, like every sheet).
    write(centre, rows, employee_ids, history) writes them inside the import's transaction; `employee_ids` maps
    the workbook's personnel numbers to ids; `history` holds simple_history's bulk arguments.
    export(centre) -> the rows of the centre's records, each a list of values in column order."""

    name: str
    columns: tuple[str, ...]
    labels: dict[str, str]
    date_columns: frozenset[str]
    read: Callable
    write: Callable
    export: Callable
    sample: tuple = ()  # the template's sample row


EXTRA_SHEETS: dict[str, ExtraSheet] = {}


def register_extra_sheet(sheet: ExtraSheet) -> None:
    EXTRA_SHEETS[sheet.name] = sheet
    COLUMNS[sheet.name] = sheet.columns
    for key, label in sheet.labels.items():
        LABELS.setdefault(key, label)
    DATE_COLUMNS.update(sheet.date_columns)
