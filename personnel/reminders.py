"""The daily digest of the HR calendar: each HR officer and director with an e-mail address gets, at most once a
day, the overdue items and those due in the next 14 days of the centres they are linked to. The mail names the
employee by name and personnel number — never an IIN (docs/security.md)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.roles import CENTRE_DIRECTOR, HR_OFFICER
from personnel.deadlines import deadlines
from personnel.models import ReminderSent

DIGEST_DAYS = 14


def _body(items) -> str:
    lines = [_("What falls due in your centres:"), ""]
    for item in items:
        mark = _("OVERDUE") + " " if item.overdue else ""
        lines.append(
            f"{mark}{item.due:%d.%m.%Y} · {item.centre_code} · {item.personnel_number} {item.employee_name}: "
            f"{item.detail}"
        )
    return "\n".join(lines)


def reminders_send(*, day, language: str = "kk") -> int:
    """Send today's digests; returns how many were sent. A user who already got one today is skipped (the row
    of ReminderSent is claimed before the mail goes, so two runs at once never send twice)."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[HR_OFFICER, CENTRE_DIRECTOR])
        .exclude(email="")
        .distinct()
        .prefetch_related("centres")
        .order_by("pk")
    )
    already = set(ReminderSent.objects.filter(day=day).values_list("user_id", flat=True))
    calendars: dict[tuple[int, ...], list] = {}  # the people of one centre share its calendar: computed once
    sent = 0
    for user in users:
        if user.pk in already:
            continue
        centre_ids = tuple(sorted(centre.pk for centre in user.centres.all()))
        if not centre_ids:
            continue
        with translation.override(language):
            if centre_ids not in calendars:
                calendars[centre_ids] = deadlines(list(centre_ids), day, within=DIGEST_DAYS)
            items = calendars[centre_ids]
            if not items:
                continue
            subject = _("HR calendar: %(count)d item(s) due, %(overdue)d overdue") % {
                "count": len(items),
                "overdue": sum(item.overdue for item in items),
            }
            body = _body(items)
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, day=day, items=len(items))
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent += 1
    return sent
