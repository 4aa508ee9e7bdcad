"""Personnel's section of the employee card (staffing.card): contracts with their amendments and ЕСУТД dates,
and the orders concerning the employee. Two queries whatever the records. Registered in
PersonnelConfig.ready()."""

from datetime import date

from django.db.models import F

from personnel.models import Contract, ContractAmendment, OrderItem
from staffing.card import CardSection

# The amendment's columns read with its contract (its contract_id is the contract's pk).
AMENDMENT_FIELDS = tuple(
    field.attname for field in ContractAmendment._meta.concrete_fields if field.attname != "contract_id"
)


def contracts_with_amendments(employee) -> list[Contract]:
    """The employee's contracts, newest first, each with `amendment_list` (oldest first), in one query: the
    amendments are LEFT JOINed to their contract, one row per amendment (a contract without any: one row)."""
    rows = (
        Contract.objects.filter(employee=employee)
        .annotate(**{f"amendment_{name}": F(f"amendments__{name}") for name in AMENDMENT_FIELDS})
        .order_by("-signed_on", "-pk", "amendments__signed_on", "amendments__pk")
    )
    contracts = {}
    for row in rows:
        contract = contracts.get(row.pk)
        if contract is None:
            contract = contracts[row.pk] = row
            contract.amendment_list = []
        if row.amendment_id is not None:
            names = [field.attname for field in ContractAmendment._meta.concrete_fields]  # from_db's order
            values = [row.pk if name == "contract_id" else getattr(row, f"amendment_{name}") for name in names]
            amendment = ContractAmendment.from_db(row._state.db, names, values)
            amendment.contract = contract
            contract.amendment_list.append(amendment)
    return list(contracts.values())


def _context(employee, day: date) -> dict:
    order_items = list(
        OrderItem.objects.filter(employee=employee)
        .select_related("order__cancelled_by")
        .order_by("-order__date", "-order__sequence")
    )
    return {"contracts": contracts_with_amendments(employee), "order_items": order_items}


EMPLOYEE_CARD_SECTION = CardSection(template="personnel/_employee_card.html", context=_context)
