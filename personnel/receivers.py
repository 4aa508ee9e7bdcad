"""Personnel's reactions to what staffing does (connected in PersonnelConfig.ready)."""

from personnel.services import order_items_release_periods


def release_replaced_periods(sender, *, employee_ids, **kwargs) -> None:
    order_items_release_periods(employee_ids=employee_ids)
