"""The requirement schema's problems (positions.schema) as messages in the active language, raised as one
ValidationError. Imports no models: the callers pass the catalogue's codes (positions.models.Requirement.clean,
positions.forms.StructuredAlternativesField, which words them after the editor's controls)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from positions import schema


def _form_message(problem: schema.Problem) -> str | None:
    """The problem in the words of the structured editor's controls (positions.widgets), None where the editor
    cannot produce it (then the schema's own wording is used)."""
    key = problem.params.get("key")
    if problem.code == "alternatives_list":
        return _("Add at least one alternative.")
    if problem.code == "education_list":
        return _("add at least one education condition.")
    if problem.code == "codes_list" and key == "levels":
        return _("tick at least one education level in each education condition.")
    if problem.code == "codes_list" and key == "sectors":
        return _("tick at least one sector for the years in the named sectors.")
    if problem.code == "unknown_code" and key == "fields":
        return _("the education field “%(code)s” is not in the field tree any more.")
    if problem.code == "unknown_code" and key == "positions":
        return _("the position “%(code)s” is not in the catalogue any more.")
    if problem.code == "years":
        return _("enter the years of experience as a whole number from 0 to %(limit)d.")
    if problem.code == "previous_category":
        return _("choose the previous category for the years in the previous category.")
    if problem.code == "source":
        return _("the words of the order can have at most %(limit)d characters.")
    if problem.code == "kind":
        return _("choose the kind of experience from the list.")
    return None


def _message(problem: schema.Problem, *, form: bool = False) -> str:
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
    text = ((form and _form_message(problem)) or messages[problem.code]) % problem.params
    if problem.alternative is None:
        return text
    return _("Alternative %(number)d: %(problem)s") % {"number": problem.alternative, "problem": text}


def messages(problems: Iterable[schema.Problem], *, form: bool = False) -> list[str]:
    """The problems as sentences; with ``form``, in the words of the structured editor where it has its own."""
    return [_message(problem, form=form) for problem in problems]


def validate_alternatives(alternatives, *, field_codes: Iterable[str], position_codes: Iterable[str]) -> None:
    """Raise ValidationError listing every problem of the values, each naming its alternative."""
    found = schema.problems(alternatives, field_codes=field_codes, position_codes=position_codes)
    if found:
        raise ValidationError(messages(found), code="alternatives")
