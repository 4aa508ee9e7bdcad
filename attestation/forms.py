from django import forms
from django.utils.translation import gettext_lazy as _

from positions.vocabulary import CATEGORY_CHOICES, LEVEL_CHOICES

BLANK = [("", "—")]
STATUS_CHOICES = [
    ("", _("everyone")),
    ("eligible", _("eligible now")),
    ("30", _("eligible within 30 days")),
    ("90", _("eligible within 90 days")),
    ("365", _("eligible within 365 days")),
    ("not_meeting", _("not meeting the requirements of their post")),
]


class EligibilityFilterForm(forms.Form):
    on = forms.DateField(label=_("As of"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    region = forms.ChoiceField(label=_("Region"), required=False)
    centre = forms.ChoiceField(label=_("Centre"), required=False)
    position = forms.ChoiceField(label=_("Position"), required=False)
    qualification_level = forms.ChoiceField(label=_("Level"), required=False, choices=BLANK + LEVEL_CHOICES)
    category = forms.ChoiceField(label=_("Category"), required=False, choices=BLANK + CATEGORY_CHOICES)
    status = forms.ChoiceField(label=_("Show"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, centres, regions, positions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].choices = BLANK + [(c.code, c.name) for c in centres]
        self.fields["position"].choices = BLANK + [(p.code, p.title) for p in positions]
        if regions:
            self.fields["region"].choices = BLANK + [(r.code, r.name) for r in regions]
        else:
            del self.fields["region"]


class ImpactForm(forms.Form):
    """A proposed amendment of one post's requirement (nothing is saved)."""

    requirement = forms.ModelChoiceField(queryset=None, label=_("Requirement in force"))
    valid_from = forms.DateField(label=_("Would apply from"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    alternatives = forms.JSONField(label=_("New values (alternatives)"), widget=forms.Textarea(attrs={"rows": 14, "class": "font-monospace"}))

    def __init__(self, *args, **kwargs):
        from positions.models import Requirement

        super().__init__(*args, **kwargs)
        self.fields["requirement"].queryset = Requirement.objects.filter(valid_to__isnull=True).select_related("position", "item")

    def clean_alternatives(self):
        from django.core.exceptions import ValidationError

        from positions.requirements import validate_alternatives

        alternatives = self.cleaned_data["alternatives"]
        try:
            validate_alternatives(alternatives)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return alternatives
