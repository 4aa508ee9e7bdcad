"""Staffing's access policy: which centres and employees a user may see and change, and who sees full IINs.
Every staffing view and export, and the apps above staffing, ask here.

- superusers and committee analysts see every centre (analysts read only);
- HR officers and directors see the centres they are linked to (Centre.users);
- HR officers change records of their centres; directors review and approve; catalogue editors have no
  staffing access at all;
- full IINs, birth dates and contacts, IIN search and a centre's workbook (which holds full IINs) only for the
  centres where the user is linked as HR officer or director: they need them for paperwork. Everywhere else
  (analysts, and an HR officer who is also an analyst looking at another centre) the IIN is masked, the birth
  date is given as an age in years (a masked IIN plus the birth date would reveal the IIN) and contacts are
  not shown: analysts compare numbers, not people. docs/security.md sums this up.
A record outside the user's scope is answered with 404, so its existence is not revealed.
"""

from django.db.models import BooleanField, CharField, Exists, IntegerField, OuterRef, Value
from django.http import Http404

from accounts.roles import (
    CENTRE_DIRECTOR,
    COMMITTEE_ANALYST,
    HR_OFFICER,
    has_role,
    remember_roles,
    role_names,
    roles_known,
)
from staffing.models import Centre, Employee


def linked_centre_ids(user) -> frozenset[int]:
    """The ids of the centres the user is linked to (Centre.users), read once per request and kept on the user
    object like the roles; when the request has not read the roles yet, they come in the same query."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_centre_ids", None)
    if cached is None:
        links = Centre.users.through.objects.filter(user_id=user.pk)
        if roles_known(user):
            cached = frozenset(links.values_list("centre_id", flat=True))
        else:
            roles = role_names(user).values_list("name", Value(None, output_field=IntegerField()))
            rows = list(roles.union(links.values_list(Value("", output_field=CharField()), "centre_id"), all=True))
            remember_roles(user, [name for name, centre_id in rows if centre_id is None])
            cached = frozenset(centre_id for _name, centre_id in rows if centre_id is not None)
        user._centre_ids = cached
    return cached


def _has(user, *roles: str) -> bool:
    """accounts.roles.has_role; when the request has not read the roles yet, the user's centres come with them
    (one query a request for both)."""
    if user.is_authenticated and not roles_known(user):
        linked_centre_ids(user)
    return has_role(user, *roles)


def sees_all_centres(user) -> bool:
    return _has(user, COMMITTEE_ANALYST)


def may_see_staff(user) -> bool:
    return _has(user, HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)


def full_iin_centres(user):
    """The centres whose employees the user sees in full (IIN, birth date, contacts): those the user is linked to
    as HR officer or director. Seeing every centre as an analyst widens nothing here."""
    if user.is_superuser:
        return Centre.objects.all()
    if not user.is_authenticated or not _has(user, HR_OFFICER, CENTRE_DIRECTOR):
        return Centre.objects.none()
    return Centre.objects.filter(users=user)


def may_see_full_iin(user, centre) -> bool:
    """For one centre (a Centre or its id); full_iin_centres without a query of its own, except for superusers."""
    centre_id = getattr(centre, "pk", centre)
    if user.is_superuser:
        return Centre.objects.filter(pk=centre_id).exists()
    if not user.is_authenticated or not _has(user, HR_OFFICER, CENTRE_DIRECTOR):
        return False
    return centre_id in linked_centre_ids(user)


def full_iin_expression(user, centre_field: str = "centre_id"):
    """may_see_full_iin for the row's centre, as an expression to annotate a query with (no query of its own)."""
    if user.is_superuser:
        return Value(True, output_field=BooleanField())
    if not _has(user, HR_OFFICER, CENTRE_DIRECTOR):
        return Value(False, output_field=BooleanField())
    return Exists(Centre.users.through.objects.filter(centre_id=OuterRef(centre_field), user_id=user.pk))


def may_search_by_iin(user) -> bool:
    """Whether an IIN search is offered at all; it only ever matches employees of full_iin_centres (elsewhere a
    search would confirm a number the page masks)."""
    return user.is_superuser or _has(user, HR_OFFICER, CENTRE_DIRECTOR)


def may_download_workbook(user, centre) -> bool:
    # The workbook holds full IINs.
    return may_see_full_iin(user, centre)


def visible_centres(user):
    if not user.is_authenticated or not may_see_staff(user):
        return Centre.objects.none()
    if sees_all_centres(user):
        return Centre.objects.all()
    return Centre.objects.filter(users=user)


def changeable_centres(user):
    if user.is_superuser:
        return Centre.objects.all()
    if not _has(user, HR_OFFICER):
        return Centre.objects.none()
    return Centre.objects.filter(users=user)


def may_change_centre(user, centre) -> bool:
    """Whether the user may change records of the centre (a Centre or its id): changeable_centres without a
    query of its own, except for superusers."""
    centre_id = getattr(centre, "pk", centre)
    if user.is_superuser:
        return Centre.objects.filter(pk=centre_id).exists()
    if not user.is_authenticated or not _has(user, HR_OFFICER):
        return False
    return centre_id in linked_centre_ids(user)


def may_change_some_centre(user) -> bool:
    """Whether changeable_centres(user) is not empty, without a query of its own except for superusers."""
    if user.is_superuser:
        return Centre.objects.exists()
    return _has(user, HR_OFFICER) and bool(linked_centre_ids(user))


def may_change_expression(user, centre_field: str = "centre_id"):
    """Whether the user may change records of the row's centre, as an expression to annotate a query with
    (so a page asks it inside the query that fetches the record instead of in one of its own)."""
    if user.is_superuser:
        return Value(True, output_field=BooleanField())
    if not _has(user, HR_OFFICER):
        return Value(False, output_field=BooleanField())
    return Exists(Centre.users.through.objects.filter(centre_id=OuterRef(centre_field), user_id=user.pk))


def access_log_centres(user):
    """Centres whose personal data access log the user reads: superusers all, directors the centres they are
    linked to (the log says who looked at their staff's full IINs)."""
    if user.is_superuser:
        return Centre.objects.all()
    if not user.is_authenticated or not _has(user, CENTRE_DIRECTOR):
        return Centre.objects.none()
    return Centre.objects.filter(users=user)


def may_read_access_log(user) -> bool:
    return user.is_superuser or _has(user, CENTRE_DIRECTOR)


def visible_employees(user):
    if sees_all_centres(user):
        return Employee.objects.all()
    return Employee.objects.filter(centre__in=visible_centres(user))


def get_visible_or_404(queryset, **lookup):
    """Fetch one record from an already scoped queryset; anything outside the scope is a 404."""
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
