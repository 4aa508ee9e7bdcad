"""The staff workbook's optional fourth sheet `contracts` (staffing.workbook.layout.register_extra_sheet):
one row per employment contract of an employee of the `employees` sheet, imported and exported like the other
sheets, all or nothing. A contract is matched by (personnel number, number): an existing one is updated, a new
one created; contracts missing from the sheet are kept (nothing HR might need is deleted). The termination date
is the employee's dismissal date on the `employees` sheet. Workbooks without the sheet import as before."""

from datetime import date
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace

from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from config.dates import today
from personnel.models import Contract
from personnel.services import contract_problems
from staffing.workbook.layout import ExtraSheet

CONTRACTS = "contracts"
COLUMNS = (
    "personnel_number",
    "number",
    "signed_on",
    "kind",
    "start_date",
    "end_date",
    "probation_end",
    "rate",
    "registered_on",
    "termination_registered_on",
)
DATES = ("signed_on", "start_date", "end_date", "probation_end", "registered_on", "termination_registered_on")
FIELDS = COLUMNS[1:]
LABELS = {
    "number": "Шарт нөмірі / Номер договора",
    "signed_on": "Қол қойылған күні / Дата подписания",
    "kind": "Түрі (indefinite/fixed_term) / Вид (indefinite/fixed_term)",
    "probation_end": "Сынақ мерзімінің соңы / Окончание испытательного срока",
    "rate": "Ставка / Ставка",
    "registered_on": "ЕСУТД-да тіркелген күні / Дата регистрации в ЕСУТД",
    "termination_registered_on": "Бұзылуы ЕСУТД-да тіркелген күні / Дата регистрации прекращения в ЕСУТД",
}
KINDS = [kind.value for kind in Contract.Kind]
RATE_MIN, RATE_MAX = Decimal("0.05"), Decimal("1.5")


def _rate(checker, row, values) -> str:
    text = checker.text(CONTRACTS, row, values, "rate").replace(",", ".")
    if not text:
        return "1.00"
    try:
        rate = Decimal(text)
    except InvalidOperation:
        rate = None
    if rate is None or not RATE_MIN <= rate <= RATE_MAX or rate.as_tuple().exponent < -2:
        checker.problem(CONTRACTS, row, "rate", _("A rate between 0.05 and 1.5, e.g. 1 or 0.5."))
        return "1.00"
    return str(rate.quantize(Decimal("0.01")))


def read(checker, rows, employees: dict[str, dict], centre) -> list[dict]:
    day = today()
    found, seen = [], set()
    for row, values in rows:
        number = checker.text(CONTRACTS, row, values, "personnel_number", required=True, max_length=30)
        contract = {
            "personnel_number": number,
            "number": checker.text(CONTRACTS, row, values, "number", required=True, max_length=60),
            "kind": checker.code(CONTRACTS, row, values, "kind", KINDS, default="indefinite"),
            "rate": _rate(checker, row, values),
        }
        for name in DATES:
            required = name in ("signed_on", "start_date")
            contract[name] = checker.date(CONTRACTS, row, values, name, required=required)
        employee = employees.get(number)
        if number and employee is None:
            checker.problem(
                CONTRACTS, row, "personnel_number", _("No employee with this personnel number on the employees sheet.")
            )
            continue
        if not number:
            continue
        key = (number, contract["number"])
        if contract["number"] and key in seen:
            checker.problem(CONTRACTS, row, "number", _("This employee already has a contract with this number."))
        seen.add(key)
        person = SimpleNamespace(dismissal_date=employee.get("dismissal_date"), birth_date=employee.get("birth_date"))
        checker.report(CONTRACTS, row, contract_problems(employee=person, fields=contract, day=day))
        found.append(contract)
    return found


def write(centre, rows: list[dict], employee_ids: dict[str, int], history: dict) -> None:
    existing = {
        (contract.employee_id, contract.number): contract
        for contract in Contract.objects.filter(employee_id__in=set(employee_ids.values()))
    }
    to_create, to_update = [], []
    for row in rows:
        employee_id = employee_ids[row["personnel_number"]]
        values = {name: row[name] for name in FIELDS}
        values["rate"] = Decimal(values["rate"])
        contract = existing.get((employee_id, row["number"]))
        if contract is None:
            to_create.append(Contract(employee_id=employee_id, **values))
        else:
            for name, value in values.items():
                setattr(contract, name, value)
            to_update.append(contract)
    bulk_create_with_history(to_create, Contract, **history)
    bulk_update_with_history(to_update, Contract, list(FIELDS[1:]), **history)


def export(centre) -> list[list]:
    contracts = Contract.objects.filter(employee__centre=centre).select_related("employee")
    ordered = sorted(contracts, key=lambda c: (c.employee.personnel_number, c.signed_on, c.pk))
    return [[c.employee.personnel_number] + [getattr(c, name) for name in FIELDS] for c in ordered]


CONTRACTS_SHEET = ExtraSheet(
    name=CONTRACTS,
    columns=COLUMNS,
    labels=LABELS,
    date_columns=frozenset(DATES),
    read=read,
    write=write,
    export=export,
    sample=(
        "0001",
        "17",
        date(2020, 1, 15),
        "indefinite",
        date(2020, 1, 15),
        None,
        date(2020, 4, 15),
        "1",
        date(2020, 1, 17),
        None,
    ),
)
