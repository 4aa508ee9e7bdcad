"""Readable renderings of catalogue data for templates."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from positions.vocabulary import CATEGORY_CHOICES, EDUCATION_LEVEL_CHOICES, LEVEL_CHOICES, SECTOR_CHOICES, label

register = template.Library()


@register.filter
def category_label(code):
    return label(CATEGORY_CHOICES, code) if code else "—"


@register.filter
def level_label(code):
    return label(LEVEL_CHOICES, code) if code else "—"


def _years(count: int) -> str:
    return ngettext("%(count)d year", "%(count)d years", count) % {"count": count}


def education_text(condition: dict, field_names: dict) -> str:
    levels = " / ".join(label(EDUCATION_LEVEL_CHOICES, level) for level in condition["levels"])
    fields = condition.get("fields") or []
    if not fields:
        return levels
    return f"{levels} ({', '.join(field_names.get(code, code) for code in fields)})"


def experience_text(experience: dict | None) -> str:
    if not experience:
        return _("no experience required")
    years = _years(experience["years"])
    kind = experience["kind"]
    if kind == "sectors":
        sectors = ", ".join(label(SECTOR_CHOICES, code) for code in experience["sectors"])
        return _("%(years)s in: %(sectors)s") % {"years": years, "sectors": sectors}
    if kind == "managerial":
        return _("%(years)s in managerial posts") % {"years": years}
    if kind == "profile":
        return _("%(years)s in the relevant activity by the organisation's profile") % {"years": years}
    return _("%(years)s in the %(category)s") % {"years": years, "category": label(CATEGORY_CHOICES, experience["category"])}


@register.simple_tag
def alternative_text(alternative, field_names):
    education = _(" and ").join(education_text(condition, field_names) for condition in alternative["education"])
    return f"{education}; {experience_text(alternative.get('experience'))}"
