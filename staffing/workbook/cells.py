"""Cell values to clean values: text, dates, codes and yes/no, each problem recorded with its sheet, Excel row,
column key and letter, in the active language."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.utils.translation import gettext as _

# The rules of every form, the same in the import: formulas and control characters are refused.
from config.inputs import FORMULA as _FORMULA
from config.inputs import LINE_CONTROL_CHARACTERS
from staffing.workbook.files import blank as _blank
from staffing.workbook.layout import Problem

YES = {"yes", "y", "иә", "ия", "да", "true", "1"}
NO = {"no", "n", "жоқ", "нет", "false", "0"}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class Checker:
    """Turns raw cell values into clean ones, collecting problems (with the column letters of the workbook read)."""

    def __init__(self, letters: dict[str, dict[str, str]] | None = None):
        self.problems: list[Problem] = []
        self.letters = letters or {}

    def problem(self, sheet: str, row: int, column: str, message: str) -> None:
        letter = self.letters.get(sheet, {}).get(column, "")
        self.problems.append(Problem(sheet, row, column, str(message), letter))

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
            if LINE_CONTROL_CHARACTERS.search(text):
                self.problem(
                    sheet,
                    row,
                    column,
                    _("Remove the invisible control characters from this text (they are often pasted by accident)."),
                )
                return ""
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
