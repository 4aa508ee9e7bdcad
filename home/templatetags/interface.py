"""Small filters for Django's and the packages' pages that we show in the users' language."""

from django import template
from django.core.exceptions import FieldDoesNotExist

register = template.Library()


@register.filter
def field_label(opts, name: str) -> str:
    """The verbose name of a model field (the admin's history lists fields by their attribute names)."""
    try:
        return str(opts.get_field(name).verbose_name)
    except (FieldDoesNotExist, AttributeError):
        return name
