"""Staffing's access policy: which centres and employees a user may see and change, and who sees full IINs.
Every staffing view and export, and the apps above staffing, ask here.

- superusers and committee analysts see every centre (analysts read only);
- HR officers and directors see the centres they are linked to (Centre.users);
- HR officers change records of their centres; directors review and approve; catalogue editors have no
  staffing access at all;
- only HR officers and directors see a full IIN, search by it or download a centre's workbook (which holds
  full IINs): they need it for paperwork; analysts compare numbers, not people.
A record outside the user's scope is answered with 404, so its existence is not revealed.
"""

from django.db.models import BooleanField, Exists, OuterRef, Value
from django.http import Http404

from accounts.roles import CENTRE_DIRECTOR, COMMITTEE_ANALYST, HR_OFFICER, has_role
from staffing.models import Centre, Employee


def sees_all_centres(user) -> bool:
    return has_role(user, COMMITTEE_ANALYST)


def may_see_staff(user) -> bool:
    return has_role(user, HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)


def may_see_full_iin(user) -> bool:
    return has_role(user, HR_OFFICER, CENTRE_DIRECTOR)


def may_search_by_iin(user) -> bool:
    # Only for roles that see full IINs: otherwise a search would confirm a number the page masks.
    return may_see_full_iin(user)


def may_download_workbook(user) -> bool:
    # The workbook holds full IINs.
    return may_see_full_iin(user)


def visible_centres(user):
    if not user.is_authenticated or not may_see_staff(user):
        return Centre.objects.none()
    if sees_all_centres(user):
        return Centre.objects.all()
    return Centre.objects.filter(users=user)


def changeable_centres(user):
    if user.is_superuser:
        return Centre.objects.all()
    if not has_role(user, HR_OFFICER):
        return Centre.objects.none()
    return Centre.objects.filter(users=user)


def may_change_expression(user, centre_field: str = "centre_id"):
    """Whether the user may change records of the row's centre, as an expression to annotate a query with
    (so a page asks it inside the query that fetches the record instead of in one of its own)."""
    if user.is_superuser:
        return Value(True, output_field=BooleanField())
    if not has_role(user, HR_OFFICER):
        return Value(False, output_field=BooleanField())
    return Exists(Centre.users.through.objects.filter(centre_id=OuterRef(centre_field), user_id=user.pk))


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
