"""Attestation policies and which centre (or post) follows which, kept by catalogue editors in the admin
(docs/attestation-policies.md)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from attestation.models import AttestationPolicy, PolicyAssignment
from config.admin_limits import LimitedAdminMixin
from config.inputs import SafeModelForm


class PolicyForm(SafeModelForm):
    stages = forms.MultipleChoiceField(
        label=_("stages"),
        choices=AttestationPolicy.Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AttestationPolicy
        fields = "__all__"

    def clean_stages(self):
        chosen = set(self.cleaned_data["stages"])
        return [stage for stage in AttestationPolicy.Stage.values if stage in chosen]  # always in their order


class AssignmentInline(admin.TabularInline):
    model = PolicyAssignment
    form = SafeModelForm
    extra = 0
    autocomplete_fields = []
    raw_id_fields = ["centre"]


@admin.register(AttestationPolicy)
class AttestationPolicyAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    form = PolicyForm
    list_display = [
        "name_kk",
        "name_ru",
        "interval_years",
        "min_months_in_post",
        "min_months_after_child_care_leave",
        "category_validity_years",
        "unconfirmed",
        "default",
    ]
    search_fields = ["name_kk", "name_ru", "name_en", "source_act"]
    inlines = [AssignmentInline]

    # Marks, not the admin's boolean icons: their alt text is English ("True", "False").
    @admin.display(description=_("to be confirmed for family-support centres"))
    def unconfirmed(self, policy):
        return "✓" if policy.to_be_confirmed else "—"

    @admin.display(description=_("default policy"))
    def default(self, policy):
        return "✓" if policy.is_default else "—"


@admin.register(PolicyAssignment)
class PolicyAssignmentAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    form = SafeModelForm
    list_display = ["centre", "position", "policy"]
    list_filter = ["policy"]
    list_select_related = ["centre", "position", "policy"]
    search_fields = ["centre__code", "centre__name_kk", "centre__name_ru"]
    raw_id_fields = ["centre"]
