from django import forms
from django.utils.translation import gettext_lazy as _

from attestation.models import Candidate, CommissionMember, Session
from config.inputs import SafeForm
from config.widgets import DateInput
from positions.forms import StructuredAlternativesField
from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES
from positions.models import Requirement

BLANK = [("", "—")]
STATUS_CHOICES = [
    ("", _("everyone")),
    ("eligible", _("eligible now")),
    ("30", _("eligible within 30 days")),
    ("90", _("eligible within 90 days")),
    ("365", _("eligible within 365 days")),
    ("not_meeting", _("not meeting the requirements of their post")),
]


class EligibilityFilterForm(SafeForm):
    text_formulas = False

    on = forms.DateField(label=_("As of"), required=False, widget=DateInput())
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


class ImpactForm(SafeForm):
    """A proposed amendment of one post's requirement (nothing is saved), its values in the structured editor
    (positions/widgets.py). The new values start as the chosen requirement's current ones (the template loads
    another requirement's values into the editor when it is chosen)."""

    requirement = forms.ModelChoiceField(queryset=None, label=_("Requirement in force"), empty_label=None)
    valid_from = forms.DateField(label=_("Would apply from"), widget=DateInput())
    alternatives = StructuredAlternativesField(label=_("New values (alternatives)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        requirements = (
            Requirement.objects.filter(valid_to__isnull=True)
            .select_related("position", "item")
            .order_by("item__number", "qualification_level", "category")
        )
        self.fields["requirement"].queryset = requirements
        self.current_values = {str(r.pk): r.alternatives for r in requirements}
        if not self.is_bound and not self.initial.get("alternatives"):
            chosen = self.initial.get("requirement")
            if str(chosen) not in self.current_values:  # none given, or a version no longer in force
                chosen = next(iter(self.current_values), None)
            if chosen is not None:
                self.initial["requirement"] = int(chosen)
                self.initial["alternatives"] = self.current_values[str(chosen)]


DATE_INPUT = DateInput()


class OwnIds:
    """The session page holds several of these forms, with fields of the same name (reason, day): each form's
    fields get ids of their own, so every label points at its own field."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{type(self).__name__.lower()}_%s")
        super().__init__(*args, **kwargs)


class SessionForm(SafeForm):
    centre = forms.ChoiceField(label=_("Centre"))
    day = forms.DateField(label=_("Session date"), widget=DATE_INPUT)

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].choices = [(c.code, c.name) for c in centres]


class MemberForm(OwnIds, SafeForm):
    name = forms.CharField(label=_("Full name"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    role = forms.ChoiceField(label=_("Role in the commission"), choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = CommissionMember.Role.choices


class CandidateAddForm(OwnIds, SafeForm):
    employee = forms.ModelChoiceField(label=_("Employee"), queryset=None)
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees


class ReasonForm(OwnIds, SafeForm):
    reason = forms.CharField(label=_("Reason"), max_length=500)


# A commission is a handful of people; anything above this is a typing error, refused by the form before it could
# reach the database's small integer columns.
MAX_VOTES = 999
VOTE_ERRORS = {
    "min_value": _("Votes cannot be negative."),
    "max_value": _("No commission has that many members."),
    "invalid": _("Enter a whole number."),
}


def vote_field(label):
    return forms.IntegerField(label=label, min_value=0, max_value=MAX_VOTES, error_messages=VOTE_ERRORS)


class MeetingForm(OwnIds, SafeForm):
    day = forms.DateField(label=_("The commission met on"), widget=DATE_INPUT)
    members_present = forms.IntegerField(
        label=_("Members present"), min_value=1, max_value=MAX_VOTES, error_messages=VOTE_ERRORS
    )


class ApprovalForm(OwnIds, SafeForm):
    day = forms.DateField(label=_("Approved on"), widget=DATE_INPUT)


class DecisionForm(SafeForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=[])
    votes_for = vote_field(_("Votes for"))
    votes_against = vote_field(_("Votes against"))
    votes_abstained = vote_field(_("Abstained"))
    remarks = forms.CharField(label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(
        label=_("Chair's reason to assign against the engine"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    has_diploma = forms.BooleanField(label=_("Diploma"), required=False)
    has_certificates = forms.BooleanField(label=_("Certificates"), required=False)
    has_employment_record = forms.BooleanField(label=_("Employment record"), required=False)
    has_characteristic = forms.BooleanField(label=_("Characteristic"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = Candidate.Decision.choices


class OrderForm(OwnIds, SafeForm):
    number = forms.CharField(label=_("Order number"), max_length=60)
    day = forms.DateField(label=_("Order date"), widget=DATE_INPUT)


class SendBackForm(OwnIds, SafeForm):
    to_state = forms.ChoiceField(label=_("Send back to"), choices=[])
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(state, Session.State(state).label) for state in targets]


class BulkDecisionForm(OwnIds, SafeForm):
    """One decision for the ticked candidates; each is posted as "id:version" (the version the user saw)."""

    candidates = forms.MultipleChoiceField(label=_("Candidates"), choices=[], widget=forms.CheckboxSelectMultiple)
    decision = forms.ChoiceField(label=_("Decision"), choices=Candidate.Decision.choices)
    votes_for = vote_field(_("Votes for"))
    votes_against = vote_field(_("Votes against"))
    votes_abstained = vote_field(_("Abstained"))
    remarks = forms.CharField(label=_("Remarks"), required=False, max_length=2000)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].choices = [(f"{c.pk}:{c.version}", str(c.employee)) for c in candidates]

    def clean_candidates(self):
        return {
            int(pk): int(version) for pk, version in (value.split(":") for value in self.cleaned_data["candidates"])
        }
