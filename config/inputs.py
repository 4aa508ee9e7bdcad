"""What input the product accepts, in one place: every form (SafeForm, SafeModelForm), the workbook import
(staffing/workbook/cells.py) and every file the product writes (XLSX cells, CSV) read these rules.

- Control characters (C0 and C1, DEL) and the bidirectional overrides that make a name read differently than it
  is stored: refused at entry; an XLSX file cannot hold most of them (openpyxl refuses to write it), so the one cell
  writer strips whatever older data still has. A text area keeps its line breaks and tabs.
- Formulas: a text a spreadsheet would run as a formula ("=…" always; "+", "-", "@" unless only a number or a phone
  number follows; leading whitespace ignored) is refused in one-line fields and in the import, and written as
  plain text in every export (docs/security.md).
- Dates between 01.01.1900 and 31.12.2199 (config.dates), whole numbers within the database's integer range:
  anything else is a form error, never a 500 from date arithmetic or the database.
- A search uses its first few distinct words (search_words): each word is one more condition, and SQLite refuses a
  query deeper than a thousand of them (a 500 instead of an answer).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from config.dates import EARLIEST_DAY, LATEST_DAY

_BIDI = "\u202a-\u202e\u2066-\u2069"
# Anywhere: C0 controls but tab and line breaks, DEL, C1 controls, bidirectional overrides and isolates.
CONTROL_CHARACTERS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
# In a one-line field also tabs and line breaks (including Unicode's line and paragraph separators).
LINE_CONTROL_CHARACTERS = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")
FORMULA = re.compile(r"^[\s]*(=|[+\-@](?![\d\s().,-]*$))")
# What a spreadsheet would run as a formula when it opens a CSV file: the first character alone decides.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# The range of an integer column on every database the product runs on (PostgreSQL's integer).
INTEGER_MIN, INTEGER_MAX = -(2**31), 2**31 - 1


def strip_control_characters(text: str) -> str:
    """For files: drop what XLSX cannot hold and what would disguise a text (line breaks and tabs stay)."""
    return CONTROL_CHARACTERS.sub("", text)


def csv_text(value):
    """A CSV cell that a spreadsheet shows as text: formula-like text gets a leading apostrophe (the usual
    convention; the value is unchanged otherwise), control characters go."""
    if not isinstance(value, str):
        return value
    value = strip_control_characters(value)
    return "'" + value if value.startswith(CSV_FORMULA_START) else value


def check_text(value: str, *, multiline: bool = False, formulas: bool = True) -> None:
    """Raise ValidationError for a text the product does not accept (see the module's docstring)."""
    if not isinstance(value, str) or not value:
        return
    pattern = CONTROL_CHARACTERS if multiline else LINE_CONTROL_CHARACTERS
    if pattern.search(value):
        raise ValidationError(
            _("Remove the invisible control characters from this text (they are often pasted by accident)."),
            code="control_characters",
        )
    if formulas and not multiline and FORMULA.match(value):
        raise ValidationError(
            _("A text may not start with “%(start)s”: a spreadsheet would run it as a formula."),
            code="formula",
            params={"start": value.strip()[:1]},
        )


def check_day(value) -> None:
    if value is not None and not EARLIEST_DAY <= value <= LATEST_DAY:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_range",
            params={"earliest": EARLIEST_DAY.strftime("%d.%m.%Y"), "latest": LATEST_DAY.strftime("%d.%m.%Y")},
        )


class SafeInputMixin:
    """The rules of this module on every field of the form: one-line text fields refuse control characters and
    formulas, text areas control characters only; dates and whole numbers are bounded. Filter forms set
    ``text_formulas = False`` (a search for "-5" is not a formula)."""

    text_formulas = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            extra = []
            if isinstance(field, forms.CharField):
                multiline = isinstance(field.widget, forms.Textarea)

                def validate(value, multiline=multiline, formulas=self.text_formulas):
                    check_text(value, multiline=multiline, formulas=formulas)

                extra.append(validate)
            elif isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField):
                extra.append(check_day)
            elif isinstance(field, forms.IntegerField):
                extra += [MinValueValidator(INTEGER_MIN), MaxValueValidator(INTEGER_MAX)]
            if extra:
                field.validators = [*field.validators, *extra]


class SafeForm(SafeInputMixin, forms.Form):
    pass


class SafeModelForm(SafeInputMixin, forms.ModelForm):
    pass


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal on the form: under the field it names when the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


MAX_SEARCH_WORDS = 10


def search_words(text: str) -> list[str]:
    """The first MAX_SEARCH_WORDS distinct words of a search, in the order typed."""
    return list(dict.fromkeys(text.split()))[:MAX_SEARCH_WORDS]
