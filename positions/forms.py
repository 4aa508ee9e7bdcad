"""Form fields of the catalogue shared by the admin and the pages of higher apps."""

from django import forms

from config.inputs import check_text
from positions import schema
from positions.models import EducationField, Position
from positions.requirements import messages
from positions.widgets import AlternativesEditor


def editor_catalogue() -> tuple[list[dict], list[tuple[str, str]]]:
    """What the structured editor offers besides the vocabulary: the field tree (each node with its children, in
    the active language) and the positions, in two queries."""
    nodes = {
        field.pk: {"code": field.code, "label": field.name, "parent": field.parent_id, "children": []}
        for field in EducationField.objects.order_by("pk")  # the order they were added: the shipped tree first
    }
    roots = []
    for node in nodes.values():
        parent = nodes.get(node["parent"])
        (parent["children"] if parent else roots).append(node)
    positions = [(position.code, position.title) for position in Position.objects.order_by("paragraph")]
    return roots, positions


class StructuredAlternativesField(forms.Field):
    """A requirement's values edited with controls (positions.widgets.AlternativesEditor), never as JSON text.
    The cleaned value is the JSON the model stores, checked against the one schema (positions.schema) with the
    codes of the catalogue; problems are worded after the controls, in the active language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", AlternativesEditor(catalogue=editor_catalogue))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None:
            return None
        return [dict(alternative) for alternative in value]  # a plain list, as the model stores it

    def validate(self, value):
        if value is None:
            super().validate(value)
            return
        found = schema.problems(
            value,
            field_codes=EducationField.objects.values_list("code", flat=True),
            position_codes=Position.objects.values_list("code", flat=True),
        )
        if found:
            raise forms.ValidationError(messages(found, form=True), code="alternatives")
        for alternative in value:
            if "source" in alternative:
                check_text(alternative["source"], multiline=True)

    def has_changed(self, initial, data):
        return self.to_python(data) != initial
