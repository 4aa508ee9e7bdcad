"""Demo contracts for the demo staff (`make run`): every employee gets an employment contract from the hire
date, registered in ЕСУТД two days later; a few get something that falls due, so the HR calendar and the start
page have something to show: an amendment signed a few days ago and not yet registered, a fixed-term contract
ending soon, a probation ending soon. Deterministic (seeded)."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from personnel.models import Contract, ContractAmendment
from staffing.models import Employee


@transaction.atomic
def demo_contracts(*, today: date, seed: int = 2026) -> int:
    rng = random.Random(seed)
    contracts, amendments = [], []
    employees = list(Employee.objects.filter(dismissal_date__isnull=True).order_by("centre_id", "personnel_number"))
    for index, employee in enumerate(employees):
        kind, end, probation = Contract.Kind.INDEFINITE, None, None
        if index % 17 == 3:  # a fixed-term contract ending within the month
            kind, end = Contract.Kind.FIXED_TERM, today + timedelta(days=rng.randint(3, 28))
        if index % 23 == 5:  # a recent hire on probation
            probation = today + timedelta(days=rng.randint(2, 12))
        contracts.append(
            Contract(
                employee=employee,
                number=f"{employee.hire_date.year}-{employee.personnel_number}",
                signed_on=employee.hire_date,
                kind=kind,
                start_date=employee.hire_date,
                end_date=end,
                probation_end=probation if probation and (not end or probation <= end) else None,
                rate=Decimal("1.00"),
                registered_on=employee.hire_date + timedelta(days=2),
            )
        )
    Contract.objects.bulk_create(contracts)
    for index, contract in enumerate(Contract.objects.filter(employee__in=employees).order_by("pk")):
        if index % 11 == 7:
            amendments.append(
                ContractAmendment(
                    contract=contract,
                    number="1",
                    signed_on=today - timedelta(days=rng.randint(1, 20)),
                    change="Ставка 0,5 / 0,5 ставка",
                )
            )
    ContractAmendment.objects.bulk_create(amendments)
    return len(contracts)
