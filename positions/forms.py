"""Form fields of the catalogue shared by the admin and the pages of higher apps."""

from django import forms
from django.forms.fields import InvalidJSONInput

from positions import schema
from positions.models import EducationField, Position
from positions.requirements import messages, validate_alternatives


class AlternativesField(forms.JSONField):
    """A requirement's values as JSON text, checked against the one schema (positions.schema) with the codes of
    the catalogue. Text too long or too deeply nested is refused before it is parsed, so no input answers 500."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 14, "class": "font-monospace"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and not self.disabled:
            found = schema.text_problems(value)
            if found:
                raise forms.ValidationError(messages(found), code="invalid")
        try:
            return super().to_python(value)
        except RecursionError:  # a parser's limit below ours: refused all the same
            too_deep = schema.Problem("too_deep", params={"limit": schema.MAX_DEPTH})
            raise forms.ValidationError(messages([too_deep]), code="invalid") from None

    def bound_data(self, data, initial):
        if isinstance(data, str) and not self.disabled and schema.text_problems(data):
            return InvalidJSONInput(data)
        try:
            return super().bound_data(data, initial)
        except RecursionError:
            return InvalidJSONInput(data)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            validate_alternatives(
                value,
                field_codes=EducationField.objects.values_list("code", flat=True),
                position_codes=Position.objects.values_list("code", flat=True),
            )
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages, code="alternatives") from None
