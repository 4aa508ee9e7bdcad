"""What needs a catalogue editor's attention, on their start page (home.sections): requirement versions whose
values fail the schema (positions.schema) and which the eligibility pages therefore report as invalid. One query."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import CATALOGUE_EDITOR, has_role
from positions.models import Requirement


def unreadable_requirements() -> list[Requirement]:
    """Every version, in force or not, whose values the engine cannot read (they were written around the checks,
    or before them). A past version still answers "as of" questions, so it is listed too."""
    rows = Requirement.objects.select_related("position", "item").order_by("item__number", "pk")
    return [row for row in rows if not row.is_readable]


def catalogue_items(user) -> list[dict]:
    if not has_role(user, CATALOGUE_EDITOR):
        return []
    return [
        {
            "label": _("%(requirement)s: the values are invalid — withdraw the version or record a correction")
            % {"requirement": row},
            "url": reverse("admin:positions_requirement_change", args=[row.pk]),
            "count": "",
        }
        for row in unreadable_requirements()
    ]
