"""What needs attention, shown on each role's start page: a few counts with a link to where to act.

It runs on every start page, so it stays cheap, in a fixed number of queries whatever the staff size:
- directors: sessions of their centres awaiting their approval (1 query), linked to the centre's dashboard;
- HR officers: over the staff of their own centres, employees eligible now who are not candidates of an open
  session and employees not meeting their post (eligibility, 7 queries, shared with the calendar's items on the
  start page, + candidates of open sessions, 1),
  linked to the eligibility page filtered accordingly;
- committee analysts and superusers: sessions awaiting directors' approval nationally (1 count query), linked to
  the area report ordered by the share not meeting. The engine is never run over the whole nation here.
Only non-zero counts are listed.
"""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER, roles_of
from attestation.access import directed_centres
from attestation.models import Candidate, Session
from attestation.reports import OPEN_STATES
from attestation.selectors import eligibility_of_centres
from config.dates import today
from staffing.access import linked_centre_ids


def _url(name: str, *args, query: dict | None = None) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def _director_items(user) -> list[dict]:
    centres = (
        directed_centres(user)
        .annotate(awaiting=Count("sessions", filter=Q(sessions__state=Session.State.COMMISSION_HELD)))
        .filter(awaiting__gt=0)
        .order_by("code")
    )
    return [
        {
            "label": _("Sessions awaiting your approval: %(centre)s") % {"centre": centre.name},
            "url": _url("attestation:dashboard", centre.code),
            "count": centre.awaiting,
        }
        for centre in centres
    ]


def _hr_items(user) -> list[dict]:
    centre_ids = sorted(linked_centre_ids(user))  # an HR officer's own centres, read with the roles
    # The same question as the calendar's `eligible` items on the start page: answered once (home.sections).
    rows = eligibility_of_centres(centre_ids, today())
    if not rows:
        return []
    candidates = set(
        Candidate.objects.filter(
            session__centre__in=centre_ids, session__state__in=OPEN_STATES, removed=False
        ).values_list("employee_id", flat=True)
    )
    one_centre = len({row.person.centre_id for row in rows}) == 1
    scope = {"centre": rows[0].employee.centre.code} if one_centre else {}
    eligible = sum(row.verdict.eligible and row.person.employee_id not in candidates for row in rows)
    not_meeting = sum(not row.verdict.meets_requirements for row in rows)
    items = []
    if eligible:
        items.append(
            {
                "label": _("Employees eligible for the next category who are not yet candidates"),
                "url": _url("attestation:eligibility", query={**scope, "status": "eligible"}),
                "count": eligible,
            }
        )
    if not_meeting:
        items.append(
            {
                "label": _("Employees not meeting the requirements of their post"),
                "url": _url("attestation:eligibility", query={**scope, "status": "not_meeting"}),
                "count": not_meeting,
            }
        )
    return items


def _analyst_items(user) -> list[dict]:
    awaiting = Session.objects.filter(state=Session.State.COMMISSION_HELD).count()
    if not awaiting:
        return []
    return [
        {
            "label": _("Sessions awaiting directors' approval across the country"),
            "url": _url("attestation:area", query={"sort": "share"}),
            "count": awaiting,
        }
    ]


def attention_items(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        # A superuser has every role: only the cheap national count, never the engine over every centre.
        return _analyst_items(user)
    roles = roles_of(user)
    items = []
    if CENTRE_DIRECTOR in roles:
        items += _director_items(user)
    if HR_OFFICER in roles:
        items += _hr_items(user)
    if COMMITTEE_ANALYST in roles:
        items += _analyst_items(user)
    return items
