"""Personnel's section of the start page: for HR officers and directors, the overdue items of their centres'
calendar and those due in the next 14 days (personnel.deadlines, a fixed number of queries)."""

from accounts.roles import CENTRE_DIRECTOR, HR_OFFICER, has_role
from config.dates import today
from personnel.deadlines import deadlines
from staffing.access import visible_centres

LEGAL_TERMS = {"contract_registration", "amendment_registration", "termination_registration"}
START_PAGE_DAYS = 14
START_PAGE_ITEMS = 10  # the most urgent; the calendar page has the rest


def start_page_deadlines(user) -> list:
    if not has_role(user, HR_OFFICER, CENTRE_DIRECTOR) or user.is_superuser:
        return []
    centre_ids = list(visible_centres(user).filter(users=user).values_list("pk", flat=True))
    if not centre_ids:
        return []
    items = deadlines(centre_ids, today(), within=START_PAGE_DAYS)
    # What a late entry is fined for comes first (ЕСУТД, docs/personnel.md), then the rest, soonest first.
    items.sort(key=lambda item: (item.kind not in LEGAL_TERMS, item.due))
    return items[:START_PAGE_ITEMS]
