"""Codes shared by the catalogue, staffing records and the eligibility engine (domain.md, Vocabulary)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

CATEGORY_CHOICES = [
    ("none", pgettext_lazy("category", "no category")),
    ("second", pgettext_lazy("category", "second category")),
    ("first", pgettext_lazy("category", "first category")),
    ("highest", pgettext_lazy("category", "highest category")),
]
CATEGORY_CODES = [code for code, _label in CATEGORY_CHOICES]

LEVEL_CHOICES = [
    ("high", _("high qualification level")),
    ("medium", _("medium qualification level")),
]
LEVEL_CODES = [code for code, _label in LEVEL_CHOICES]

EDUCATION_LEVEL_CHOICES = [
    ("postgraduate", _("postgraduate")),
    ("higher", _("higher")),
    ("tvet", _("technical and vocational (secondary special)")),
    ("basic_secondary", _("basic secondary")),
    ("certificate", _("training certificate")),
]
EDUCATION_LEVEL_CODES = [code for code, _label in EDUCATION_LEVEL_CHOICES]

SECTOR_CHOICES = [
    ("social_protection", _("social protection")),
    ("employment", _("employment")),
    ("education", _("education")),
    ("health", _("health care")),
    ("law_enforcement", _("law enforcement")),
    ("other", _("other")),
]
SECTOR_CODES = [code for code, _label in SECTOR_CHOICES]

EXPERIENCE_KINDS = ("sectors", "managerial", "profile", "category")


def label(choices, code) -> str:
    return str(dict(choices).get(code, code or "—"))
