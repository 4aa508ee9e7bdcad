"""The requirement schema's problems (positions.schema) as messages in the active language, raised as one
ValidationError. Imports no models: the callers pass the catalogue's codes (positions.models.Requirement.clean,
positions.forms.AlternativesField)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from positions import schema


def _message(problem: schema.Problem) -> str:
    messages = {
        "text_too_long": _("The values are too long (at most %(limit)d characters)."),
        "too_deep": _("The values are nested too deeply (at most %(limit)d levels)."),
        "alternatives_list": _("Give at least one alternative as a list."),
        "too_many_alternatives": _("Give at most %(limit)d alternatives."),
        "alternative_object": _("must be an object with 'education' and 'experience'."),
        "unknown_keys": _("unknown keys: %(keys)s."),
        "source": _("'source' must be the text of the order it is read from (at most %(limit)d characters)."),
        "education_list": _("'education' must be a non-empty list of conditions."),
        "too_many_conditions": _("'education' can have at most %(limit)d conditions."),
        "condition_object": _("each education condition must be an object with 'levels' (and 'fields')."),
        "experience_object": _("'experience' must be empty or an object."),
        "kind": _("experience 'kind' must be one of: %(kinds)s."),
        "keys_not_for_kind": _("%(keys)s do not apply to experience of kind '%(kind)s'."),
        "years": _("experience 'years' must be a whole number of years from 0 to %(limit)d."),
        "previous_category": _("experience in a category needs the previous 'category'."),
        "flag": _("'%(key)s' must be true or false."),
        "codes_list": _("'%(key)s' must be a list of codes."),
        "too_many_codes": _("'%(key)s' can have at most %(limit)d codes."),
        "repeated_codes": _("'%(key)s' names a code twice."),
        "unknown_code": _("'%(key)s': unknown code '%(code)s'."),
    }
    text = messages[problem.code] % problem.params
    if problem.alternative is None:
        return text
    return _("Alternative %(number)d: %(problem)s") % {"number": problem.alternative, "problem": text}


def messages(problems: Iterable[schema.Problem]) -> list[str]:
    return [_message(problem) for problem in problems]


def validate_alternatives(alternatives, *, field_codes: Iterable[str], position_codes: Iterable[str]) -> None:
    """Raise ValidationError listing every problem of the values, each naming its alternative."""
    found = schema.problems(alternatives, field_codes=field_codes, position_codes=position_codes)
    if found:
        raise ValidationError(messages(found), code="alternatives")
