"""The labels of the vocabulary's codes (positions.vocabulary) in the interface languages, and the model and
form choices built from them in the vocabulary's order."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, EXPERIENCE_KINDS, LEVEL_CODES, SECTOR_CODES

CATEGORY_LABELS = {
    "none": pgettext_lazy("category", "no category"),
    "second": pgettext_lazy("category", "second category"),
    "first": pgettext_lazy("category", "first category"),
    "highest": pgettext_lazy("category", "highest category"),
}

LEVEL_LABELS = {
    "high": _("high qualification level"),
    "medium": _("medium qualification level"),
}

EDUCATION_LEVEL_LABELS = {
    "postgraduate": _("postgraduate"),
    "higher": _("higher"),
    "tvet": _("technical and vocational (secondary special)"),
    "basic_secondary": _("basic secondary"),
    "certificate": _("training certificate"),
}

SECTOR_LABELS = {
    "social_protection": _("social protection"),
    "employment": _("employment"),
    "education": _("education"),
    "health": _("health care"),
    "law_enforcement": _("law enforcement"),
    "other": _("other"),
}

EXPERIENCE_KIND_LABELS = {
    "sectors": _("years in the named sectors"),
    "managerial": _("years in managerial posts"),
    "profile": _("years in the relevant activity by the organisation's profile"),
    "category": _("years in the previous category of the ladder"),
}

# A code of the vocabulary without a label fails here, at import, not on a page.
CATEGORY_CHOICES = [(code, CATEGORY_LABELS[code]) for code in CATEGORY_CODES]
LEVEL_CHOICES = [(code, LEVEL_LABELS[code]) for code in LEVEL_CODES]
EDUCATION_LEVEL_CHOICES = [(code, EDUCATION_LEVEL_LABELS[code]) for code in EDUCATION_LEVEL_CODES]
SECTOR_CHOICES = [(code, SECTOR_LABELS[code]) for code in SECTOR_CODES]
EXPERIENCE_KIND_CHOICES = [(code, EXPERIENCE_KIND_LABELS[code]) for code in EXPERIENCE_KINDS]


def label(choices, code) -> str:
    """The label of `code` among `choices`; an unknown code is shown as it is ("—" when empty)."""
    try:
        return str(dict(choices).get(code, code or "—"))
    except TypeError:  # an unhashable value read from a malformed row
        return str(code)
