"""Attestation's access policy, on top of staffing's (staffing.access: which centres a user sees and changes).

- sessions are prepared by HR officers of the centre (staffing.access.changeable_centres) and approved only by
  the centre's director (directed_centres), who is not one of those who recorded the session's decisions
  (settings.ATTESTATION_SEPARATE_APPROVAL, on by default: recorders());
- the impact of an amendment is for catalogue editors (counts per centre only: they have no access to staff
  records, and a count below SMALL_CELL is shown as "<5", since it would tell about one or two people) and for
  those who see every centre (who changes, by name).
"""

from django.conf import settings

from accounts.roles import CATALOGUE_EDITOR, CENTRE_DIRECTOR, has_role
from attestation.models import Session
from staffing.access import sees_all_centres
from staffing.models import Centre


def directed_centres(user):
    """Centres whose attestation sessions this user approves as director."""
    if user.is_superuser:
        return Centre.objects.all()
    if not has_role(user, CENTRE_DIRECTOR):
        return Centre.objects.none()
    return Centre.objects.filter(users=user)


def may_see_impact(user) -> bool:
    return has_role(user, CATALOGUE_EDITOR) or sees_all_centres(user)


def impact_shows_people(user) -> bool:
    return sees_all_centres(user)


# The smallest group whose count an editor sees: fewer people are reported as "<5" (a count of one or two people
# whose verdict changes is a statement about those people).
SMALL_CELL = 5


def impact_count(count: int, *, exact: bool) -> int | str:
    if exact or count == 0 or count >= SMALL_CELL:
        return count
    return f"<{SMALL_CELL}"


def recorders(session) -> set[int]:
    """Who recorded the decisions of the session: each candidate's decision and the commission held (one query
    each)."""
    users = set(session.candidates.filter(removed=False, decided_by__isnull=False).values_list("decided_by", flat=True))
    held = session.transitions.filter(from_state=Session.State.CANDIDATES_FIXED, to_state=Session.State.COMMISSION_HELD)
    users |= set(held.values_list("by", flat=True))
    return users


def separation_blocks(session, user) -> bool:
    """True when separation of duties keeps this user from approving the session."""
    return settings.ATTESTATION_SEPARATE_APPROVAL and user.pk in recorders(session)
