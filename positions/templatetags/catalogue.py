"""Readable renderings of catalogue data for templates."""

from django import template
from django.utils.translation import gettext as _

from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, label
from positions.wording import education_text, experience_text

register = template.Library()


@register.filter
def category_label(code):
    return label(CATEGORY_CHOICES, code) if code else "—"


@register.filter
def level_label(code):
    return label(LEVEL_CHOICES, code) if code else "—"


def experience_requirement(experience: dict | None) -> str:
    if not experience:
        return _("no experience required")
    return experience_text(
        experience["kind"],
        experience["years"],
        sectors=experience.get("sectors") or (),
        category_text=label(CATEGORY_CHOICES, experience.get("category")),
    )


@register.simple_tag
def alternative_text(alternative, field_names):
    education = _(" and ").join(
        education_text(condition["levels"], condition.get("fields") or [], field_names)
        for condition in alternative["education"]
    )
    return f"{education}; {experience_requirement(alternative.get('experience'))}"
