"""The personal data access log (docs/security.md): every look at full IINs is recorded here, and nowhere else.

Recorded: the employee card and its Changes tab (whom: the employee), the employee list (one entry per centre whose
full IINs a page showed, with how many), the centre's workbook in the browser and `export_staff` (whom: the
centre's staff), and the eligibility command. Who reads it: superusers everything, a centre's director their
centres (staffing.access.access_log_centres). Kept ACCESS_LOG_RETENTION_DAYS days (default 365), then removed by
`manage.py purge`, run daily.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.client_ip import client_ip
from staffing.access import access_log_centres
from staffing.models import PersonalDataAccess

What = PersonalDataAccess.What


def _who(request=None, user=None) -> dict:
    user = user if user is not None else getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    return {
        "user": user,
        "username": user.get_username() if user is not None else "",
        "address": client_ip(request) if request is not None else None,
    }


def access_record(*, what: str, request=None, user=None, employee=None, centre=None, people=1, detail="") -> None:
    """One entry: by the request's user (and address), or by `user` for commands (None: the operator)."""
    PersonalDataAccess.objects.create(
        at=timezone.now(),
        what=what,
        employee=employee,
        centre=centre if centre is not None else getattr(employee, "centre", None),
        people=people,
        detail=detail[:200],
        **_who(request, user),
    )


def access_record_list(*, request, employees) -> None:
    """The employees of a list page whose full IINs were shown: one entry per centre, with how many (one insert)."""
    counts = Counter(employee.centre for employee in employees if getattr(employee, "full_iin", False))
    if not counts:
        return
    who, when = _who(request), timezone.now()
    detail = request.get_full_path()[:200]
    entries = [
        PersonalDataAccess(at=when, what=What.LIST, centre=centre, people=count, detail=detail, **who)
        for centre, count in counts.items()
    ]
    if len(entries) == 1:
        entries[0].save()  # one INSERT, atomic by itself: no transaction around it (bulk_create opens one)
    else:
        PersonalDataAccess.objects.bulk_create(entries)


def access_record_centres(*, what: str, counts: dict, detail: str = "", user=None) -> None:
    """One entry per centre for an export of several centres ({centre: employees}), by a command's operator."""
    who, when = _who(user=user), timezone.now()
    PersonalDataAccess.objects.bulk_create(
        [
            PersonalDataAccess(at=when, what=what, centre=centre, people=count, detail=detail[:200], **who)
            for centre, count in counts.items()
        ]
    )


@transaction.atomic
def access_log_purge(*, now=None) -> int:
    """Remove the entries older than ACCESS_LOG_RETENTION_DAYS; returns how many went."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    deleted, _by_model = PersonalDataAccess.objects.filter(at__lt=cutoff).delete()
    return deleted


def access_log_entries(user, *, centre=None):
    """What the user may read, newest first, with who and whom in the same query."""
    entries = PersonalDataAccess.objects.select_related("centre", "employee", "user")
    if not user.is_superuser:
        entries = entries.filter(centre__in=access_log_centres(user))
    if centre is not None:
        entries = entries.filter(centre=centre)
    return entries.order_by("-at", "-pk")
