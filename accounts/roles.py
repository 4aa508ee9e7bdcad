"""The four roles of the product, kept as Django groups (created by migration 0001).

Superusers can do everything. What each role may see and change is decided by each app's access module
(staffing.access, attestation.access);
which model permissions each role gets in the admin is decided here.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

CATALOGUE_EDITOR = "catalogue_editor"
HR_OFFICER = "hr_officer"
CENTRE_DIRECTOR = "centre_director"
COMMITTEE_ANALYST = "committee_analyst"

ROLES = (CATALOGUE_EDITOR, HR_OFFICER, CENTRE_DIRECTOR, COMMITTEE_ANALYST)

ROLE_LABELS = {
    CATALOGUE_EDITOR: _("Catalogue editor"),
    HR_OFFICER: _("HR officer"),
    CENTRE_DIRECTOR: _("Centre director"),
    COMMITTEE_ANALYST: _("Committee analyst"),
}

# Catalogue editors amend the catalogue in the admin: these models, all four permissions.
CATALOGUE_EDITOR_MODELS = {
    "positions": ["legalact", "clauseversion", "requirement", "educationfield", "position", "clause", "reading"],
    # attestation policies and which centre follows which (docs/attestation-policies.md)
    "attestation": ["attestationpolicy", "policyassignment"],
}


def roles_of(user) -> frozenset[str]:
    """The role codes of a user, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_codes", None)
    if cached is None:
        cached = remember_roles(user, role_names(user).values_list("name", flat=True))
    return cached


def role_names(user):
    """The user's role groups as a query, for an app that reads more per-request facts in the same query
    (staffing.access reads the user's centres with it); hand the names read to remember_roles."""
    return user.groups.filter(name__in=ROLES)


def remember_roles(user, codes) -> frozenset[str]:
    user._role_codes = frozenset(codes)
    return user._role_codes


def roles_known(user) -> bool:
    """Whether this request has read the user's roles already."""
    return getattr(user, "_role_codes", None) is not None


def has_role(user, *roles: str) -> bool:
    return user.is_superuser or bool(roles_of(user) & set(roles))


def grant_role_permissions(**kwargs):
    app_config = kwargs.get("app_config")
    if app_config is not None and app_config.label in CATALOGUE_EDITOR_MODELS:
        # This receiver may run before auth's own for the same app (the last app with models would otherwise
        # never be granted): create that app's permissions first, as auth would (idempotent).
        create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"))
    editors, _created = Group.objects.get_or_create(name=CATALOGUE_EDITOR)
    for app_label, models in CATALOGUE_EDITOR_MODELS.items():
        permissions = Permission.objects.filter(content_type__app_label=app_label, content_type__model__in=models)
        editors.permissions.add(*permissions)
