"""Read and validate a staff workbook: :func:`workbook_read` never writes; it returns an :class:`ImportPlan` with
the validated rows and every problem found (sheet, Excel row, column, message in the active language).

Where checks run, to add one:
* a check of one cell's value goes into the sheet's reader below (``_read_employees`` …);
* a check of one row (several of its cells, or a row against its employee) goes into ROW_CHECKS: a function
  ``check(checker, row, employee)`` reporting through ``checker.problem(sheet, row["row"], column, message)``;
  ``row`` holds the clean values and its Excel row number, ``employee`` the clean employees-sheet row of the same
  personnel number (for the employees sheet, the row itself);
* a check across rows (one open period per employee…) goes into ``_check_periods`` or a function like it called
  from :func:`workbook_read`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from config.dates import today as _today
from positions.models import EducationField, Position
from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, LEVEL_CODES, SECTOR_CODES
from staffing import validation
from staffing.access import full_iin_centres
from staffing.identifiers import IdentifierError, parse_iin
from staffing.models import Centre, Employee
from staffing.services import IIN_MESSAGES
from staffing.workbook import files
from staffing.workbook.cells import Checker
from staffing.workbook.changes import Changes, changes_of
from staffing.workbook.files import blank as _blank
from staffing.workbook.layout import COLUMNS, EDUCATION, EMPLOYEES, EXTRA_SHEETS, SHEETS, WORK_HISTORY, Problem

SEX_VALUES = {"M": "M", "F": "F", "М": "M", "Ж": "F", "Е": "M", "Ә": "F"}  # Latin, Russian М/Ж, Kazakh Е/Ә


@dataclass
class ImportPlan:
    """What an import would change (nothing was written), and every problem that prevents it."""

    centre: Centre
    created: list[str] = field(default_factory=list)  # personnel numbers of new employees
    updated: list[str] = field(default_factory=list)  # personnel numbers of existing employees
    education_rows: int = 0
    period_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    # What would change, for the preview (computed when there are no problems).
    changes: Changes | None = field(default=None, repr=False, compare=False)
    # The validated rows, for workbook_import.
    employees: list[dict] = field(default_factory=list, repr=False, compare=False)
    education: list[dict] = field(default_factory=list, repr=False, compare=False)
    periods: list[dict] = field(default_factory=list, repr=False, compare=False)
    # The validated rows of the extra sheets present (layout.register_extra_sheet), by sheet name.
    extra: dict[str, list[dict]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems


# ------------------------------------------------------------------------------------------------- row checks
# The refusals of staffing/validation.py (docs/records.md), so that the import refuses what the forms refuse,
# with the same words.


class RowChecker(Checker):
    """A Checker that also knows what row checks need: today and the ladders of the positions in force."""

    def __init__(self, letters, *, today: date, ladders: dict[int, validation.Ladder]):
        super().__init__(letters)
        self.today = today
        self.ladders = ladders
        self._cells: set[tuple[str, int, str]] = set()

    def problem(self, sheet: str, row: int, column: str, message: str) -> None:
        super().problem(sheet, row, column, message)
        self._cells.add((sheet, row, column))

    def has_problem(self, sheet: str, row: int, column: str) -> bool:
        return (sheet, row, column) in self._cells

    def report(self, sheet: str, row: int, problems: dict) -> None:
        """Problems of staffing.validation ({field: message}); its field names are the column keys. A cell whose
        value was already refused (an unknown code, not a date) is not reported twice."""
        for column, message in problems.items():
            if not self.has_problem(sheet, row, column):
                self.problem(sheet, row, column, message)


def _employee_dates(checker: RowChecker, row: dict, employee: dict) -> None:
    checker.report(
        EMPLOYEES,
        row["row"],
        validation.check_employee(birth_date=row["birth_date"], hire_date=row["hire_date"], today=checker.today),
    )
    checker.report(
        EMPLOYEES,
        row["row"],
        validation.check_dismissal(
            dismissal_date=row["dismissal_date"], hire_date=row["hire_date"], today=checker.today
        ),
    )


def _graduation_date(checker: RowChecker, row: dict, employee: dict | None) -> None:
    checker.report(
        EDUCATION,
        row["row"],
        validation.check_education(
            graduation_date=row["graduation_date"],
            birth_date=employee["birth_date"] if employee else None,
            today=checker.today,
        ),
    )


def _period_dates(checker: RowChecker, row: dict, employee: dict | None) -> None:
    checker.report(
        WORK_HISTORY,
        row["row"],
        validation.check_period_dates(
            start_date=row["start_date"],
            end_date=row["end_date"],
            birth_date=employee["birth_date"] if employee else None,
            today=checker.today,
        ),
    )


def _period_post(checker: RowChecker, row: dict, employee: dict | None) -> None:
    """The level and category must exist in the position's requirements item; the current period needs a level
    where the item distinguishes them (items 15, 18)."""
    if row["position_id"] is None:
        return
    dismissed = employee is not None and employee["dismissal_date"] is not None
    current = (row["end_date"] is None and not dismissed) or (
        row["end_date"] is not None and row["end_date"] >= checker.today
    )
    checker.report(
        WORK_HISTORY,
        row["row"],
        validation.check_assignment(
            position_id=row["position_id"],
            level=row["qualification_level"],
            category=row["category"],
            ladders=checker.ladders,
            current=current,
        ),
    )


RowCheck = Callable[[RowChecker, dict, "dict | None"], None]
ROW_CHECKS: dict[str, list[RowCheck]] = {
    EMPLOYEES: [_employee_dates],
    EDUCATION: [_graduation_date],
    WORK_HISTORY: [_period_dates, _period_post],
}


def _check_iins(checker: RowChecker, employees: dict[str, dict], centre: Centre, user) -> None:
    """One IIN, one person at work: refused twice in the workbook while both rows are employed at the same time
    (a rehire after a dismissal is two rows), and refused when an employee who still works elsewhere in the
    system has it (the employee this row updates excepted). The other centre and personnel number are named
    only to users who see that centre's IINs in full (staffing.access; else the message would be an IIN search
    of that centre); no user: the operator of the command line."""
    by_iin: dict[str, list[dict]] = defaultdict(list)
    for row in employees.values():
        if row["iin"] and row["hire_date"]:
            by_iin[row["iin"]].append(row)
    for rows in by_iin.values():
        for i, row in enumerate(rows):
            for earlier in rows[:i]:
                if _overlap(earlier, row):
                    checker.problem(
                        EMPLOYEES,
                        row["row"],
                        "iin",
                        _("This IIN is already on row %(row)s, employed at the same time.") % {"row": earlier["row"]},
                    )
                    break
    working = [
        iin
        for iin, rows in by_iin.items()
        if any(row["dismissal_date"] is None or row["dismissal_date"] >= checker.today for row in rows)
    ]
    if not working:
        return
    holders = list(
        Employee.objects.filter(iin__in=working).current(checker.today).select_related("centre").order_by("pk")
    )
    holders = [
        holder for holder in holders if not (holder.centre_id == centre.pk and holder.personnel_number in employees)
    ]
    if not holders:
        return
    if user is None:
        visible = {holder.centre_id for holder in holders}
    else:
        visible = set(full_iin_centres(user).filter(pk__in={h.centre_id for h in holders}).values_list("pk", flat=True))
    named = set()
    for holder in holders:
        if holder.iin in named:
            continue
        named.add(holder.iin)
        for row in by_iin[holder.iin]:
            if row["dismissal_date"] is None or row["dismissal_date"] >= checker.today:
                checker.problem(
                    EMPLOYEES,
                    row["row"],
                    "iin",
                    validation.iin_taken_message(holder, may_see=holder.centre_id in visible),
                )


def _overlap(first: dict, second: dict) -> bool:
    """Whether two employees-sheet rows are employed on a common day (hire to dismissal, inclusive)."""
    first_end = first["dismissal_date"] or date.max
    second_end = second["dismissal_date"] or date.max
    return first["hire_date"] <= second_end and second["hire_date"] <= first_end


# ----------------------------------------------------------------------------------------------- sheet readers


def _personnel_number(checker: Checker, sheet: str, row: int, values: dict) -> str:
    return checker.text(sheet, row, values, "personnel_number", required=True, max_length=30)


def _iin_text(value) -> object:
    """An IIN typed into a number cell loses its leading zero (born in 2000-2009): put it back."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value)).zfill(12)
    return value


def _read_employees(checker: Checker, rows) -> dict[str, dict]:
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


def _read_education(checker: Checker, rows, employees, field_ids: dict[str, int]) -> list[dict]:
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


def _read_periods(checker: Checker, rows, employees, position_ids: dict[str, int]) -> list[dict]:
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
        if known:
            result.append(record)
    return result


def _check_periods(checker: Checker, employees: dict[str, dict], periods: list[dict], position_codes, today) -> None:
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
        held = _post_held(mine, today)
        employee["position_id"] = held["position_id"] if held else None
        employee["qualification_level"] = held["qualification_level"] if held else ""
        employee["category"] = held["category"] if held else ""


def _post_held(periods: list[dict], today) -> dict | None:
    """The period whose post is the employee's current assignment, as the services keep it: the one covering
    today (a change dated later is scheduled, docs/records.md: apply_scheduled_changes brings it in on its date);
    before the first one starts, the earliest; after the last one ends (dismissed), the last."""
    catalogue = [period for period in periods if period["position_id"] is not None]
    covering = [p for p in catalogue if p["start_date"] <= today and (p["end_date"] is None or p["end_date"] >= today)]
    if covering:
        return max(covering, key=lambda p: (p["start_date"], p["row"]))
    if catalogue and all(p["start_date"] > today for p in catalogue):
        return min(catalogue, key=lambda p: (p["start_date"], p["row"]))
    return max(catalogue, key=lambda p: (p["end_date"] or date.max, p["start_date"]), default=None)


def _run_row_checks(checker: RowChecker, employees: dict[str, dict], education: list[dict], periods: list[dict]):
    for row in employees.values():
        for check in ROW_CHECKS[EMPLOYEES]:
            check(checker, row, row)
    for sheet, rows in ((EDUCATION, education), (WORK_HISTORY, periods)):
        for row in rows:
            for check in ROW_CHECKS[sheet]:
                check(checker, row, employees.get(row["personnel_number"]))


def workbook_read(source, *, centre: Centre, user=None) -> ImportPlan:
    """Read and validate a workbook (a path or a binary file object) for an import into ``centre`` by ``user``
    (who decides whether a duplicate IIN's other centre may be named; None: the command line's operator).

    Raises WorkbookError when the file as a whole is unusable; row problems are listed in the plan."""
    rows, letters = files.read_rows(source)
    field_ids = dict(EducationField.objects.values_list("code", "pk"))
    positions = dict(Position.objects.order_by("paragraph").values_list("code", "pk"))
    day = _today()
    checker = RowChecker(letters, today=day, ladders=validation.ladders_on(day))
    employees = _read_employees(checker, rows[EMPLOYEES])
    education = _read_education(
        checker, rows[EDUCATION], employees, {code.lower(): pk for code, pk in field_ids.items()}
    )
    periods = _read_periods(
        checker, rows[WORK_HISTORY], employees, {code.lower(): pk for code, pk in positions.items()}
    )
    _run_row_checks(checker, employees, education, periods)
    _check_periods(checker, employees, periods, list(positions), day)
    _check_iins(checker, employees, centre, user)
    extra = {
        name: sheet.read(checker, rows[name], employees, centre) for name, sheet in EXTRA_SHEETS.items() if name in rows
    }

    existing = set(Employee.objects.filter(centre=centre).values_list("personnel_number", flat=True))
    order = {sheet: i for i, sheet in enumerate(SHEETS)}
    column_order = {(sheet, key): i for sheet in SHEETS for i, key in enumerate(COLUMNS[sheet])}
    problems = sorted(
        set(checker.problems),
        key=lambda p: (order.get(p.sheet, 99), p.row, column_order.get((p.sheet, p.column), 99), p.message),
    )
    return ImportPlan(
        centre=centre,
        created=[number for number in employees if number not in existing],
        updated=[number for number in employees if number in existing],
        education_rows=len(education),
        period_rows=len(periods),
        problems=problems,
        changes=None
        if problems
        else changes_of(centre=centre, employees=list(employees.values()), education=education, periods=periods),
        employees=list(employees.values()),
        education=education,
        periods=periods,
        extra=extra,
    )
