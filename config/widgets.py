"""Form widgets shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """A date as dd.mm.yyyy whatever the browser's language: a text input (a browser's own date input follows
    the browser's locale, often mm/dd/yyyy), masked as it is typed by static/js/forms.js and read by the
    DATE_INPUT_FORMATS of config/formats (dd.mm.yyyy first, ISO still accepted)."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "data-date": "",
            "inputmode": "numeric",
            "autocomplete": "off",
            "maxlength": "10",
            "placeholder": _("dd.mm.yyyy"),
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d.%m.%Y")
