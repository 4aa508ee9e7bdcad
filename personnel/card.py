"""Personnel's section of the employee card (staffing.card): contracts with their amendments and ЕСУТД dates,
and the orders concerning the employee. Three queries whatever the records. Registered in
PersonnelConfig.ready()."""

from collections import defaultdict
from datetime import date

from personnel.models import Contract, ContractAmendment, OrderItem
from staffing.card import CardSection


def _context(employee, day: date) -> dict:
    amendments = defaultdict(list)
    for amendment in ContractAmendment.objects.filter(contract__employee=employee).order_by("signed_on", "pk"):
        amendments[amendment.contract_id].append(amendment)
    contracts = list(Contract.objects.filter(employee=employee).order_by("-signed_on", "-pk"))
    for contract in contracts:
        contract.amendment_list = amendments[contract.pk]
    order_items = list(
        OrderItem.objects.filter(employee=employee)
        .select_related("order__cancelled_by")
        .order_by("-order__date", "-order__sequence")
    )
    return {"contracts": contracts, "order_items": order_items}


EMPLOYEE_CARD_SECTION = CardSection(template="personnel/_employee_card.html", context=_context)
