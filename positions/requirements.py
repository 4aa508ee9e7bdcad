"""The shape of Requirement.alternatives, checked wherever requirements are written (admin, loader)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from positions.models import EducationField, Position
from positions.vocabulary import CATEGORY_CODES, EDUCATION_LEVEL_CODES, EXPERIENCE_KINDS, SECTOR_CODES


def validate_alternatives(alternatives, *, field_codes=None, position_codes=None) -> None:
    """Raise ValidationError naming the alternative and the bad value; codes are checked against the catalogue."""
    if field_codes is None:
        field_codes = set(EducationField.objects.values_list("code", flat=True))
    if position_codes is None:
        position_codes = set(Position.objects.values_list("code", flat=True))
    if not isinstance(alternatives, list) or not alternatives:
        raise ValidationError(_("Give at least one alternative as a list."), code="alternatives")
    errors = []
    for number, alternative in enumerate(alternatives, start=1):
        errors.extend(
            f"{_('Alternative')} {number}: {message}"
            for message in _alternative_errors(alternative, field_codes, position_codes)
        )
    if errors:
        raise ValidationError(errors, code="alternatives")


def _alternative_errors(alternative, field_codes, position_codes):
    if not isinstance(alternative, dict):
        yield _("must be an object with 'education' and 'experience'.")
        return
    unknown_keys = set(alternative) - {"education", "experience", "source"}
    if unknown_keys:
        yield _("unknown keys: %(keys)s.") % {"keys": ", ".join(sorted(unknown_keys))}
    education = alternative.get("education")
    if not isinstance(education, list) or not education:
        yield _("'education' must be a non-empty list of conditions.")
        education = []
    for condition in education:
        if not isinstance(condition, dict) or not condition.get("levels"):
            yield _("each education condition needs 'levels'.")
            continue
        for level in set(condition["levels"]) - set(EDUCATION_LEVEL_CODES):
            yield _("unknown education level '%(code)s'.") % {"code": level}
        for field in set(condition.get("fields") or []) - set(field_codes):
            yield _("unknown education field '%(code)s'.") % {"code": field}
    experience = alternative.get("experience")
    if experience is None:
        return
    if not isinstance(experience, dict):
        yield _("'experience' must be empty or an object.")
        return
    years = experience.get("years")
    if not isinstance(years, int) or years < 0:
        yield _("experience 'years' must be a whole number of years, 0 or more.")
    kind = experience.get("kind")
    if kind not in EXPERIENCE_KINDS:
        yield _("experience 'kind' must be one of: %(kinds)s.") % {"kinds": ", ".join(EXPERIENCE_KINDS)}
    if kind == "sectors":
        sectors = experience.get("sectors") or []
        if not sectors:
            yield _("experience in sectors needs the list of 'sectors'.")
        for sector in set(sectors) - set(SECTOR_CODES):
            yield _("unknown sector '%(code)s'.") % {"code": sector}
    if kind == "category":
        if experience.get("category") not in CATEGORY_CODES:
            yield _("experience in a category needs the previous 'category'.")
        for code in set(experience.get("positions") or []) - set(position_codes):
            yield _("unknown position '%(code)s'.") % {"code": code}
