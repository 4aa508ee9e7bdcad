"""Catalogue editing for catalogue editors. Wordings and requirements are never edited in place: "add"
records an amendment (the version in force is closed, the new one opens from its date)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from config.admin_limits import LimitedAdminMixin
from config.inputs import SafeForm, SafeModelForm
from positions.forms import StructuredAlternativesField, editor_catalogue
from positions.models import Clause, ClauseVersion, EducationField, LegalAct, Position, Reading, Requirement
from positions.selectors import latest_requirement_values
from positions.services import clause_amend, requirement_amend, requirement_withdraw
from positions.widgets import AlternativesEditor


def as_code(value):
    """Codes are identifiers, not words of any language: shown as code so no one reads them as untranslated."""
    return format_html("<code>{}</code>", value)


@admin.register(LegalAct)
class LegalActAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    form = SafeModelForm
    list_display = ["number", "signed_on", "published_on", "effective_on", "issuer"]
    search_fields = ["number", "title"]


@admin.register(Position)
class PositionAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    form = SafeModelForm
    list_display = ["paragraph", "code_shown", "title_kk", "title_ru", "group"]
    readonly_fields = ["code_shown", "paragraph", "section", "group", "heading", "title_kk"]
    fields = [
        "code_shown",
        "paragraph",
        "section",
        "group",
        "heading",
        "title_kk",
        "title_ru",
        "title_en",
        "has_levels",
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "title_en":
            formfield.widget.attrs["lang"] = "en"  # English by design: our unofficial translation
        return formfield

    @admin.display(description=_("code"), ordering="code")
    def code_shown(self, position):
        return as_code(position.code)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EducationField)
class EducationFieldAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    form = SafeModelForm
    list_display = ["code_shown", "name_kk", "name_ru", "parent"]
    list_select_related = ["parent"]
    search_fields = ["code", "name_kk", "name_ru"]

    @admin.display(description=_("code"), ordering="code")
    def code_shown(self, field):
        return as_code(field.code)


class AmendmentForm(SafeModelForm):
    """ "Add" records an amendment through a service (positions.services): the version in force is closed and
    the new one opens. clean() runs the service and rolls it back, so its errors become form errors; save()
    runs it for real. Subclasses name the fields the service needs and call it in amend()."""

    required_for_amendment: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "valid_from" in self.fields:  # not on a recorded version's page, where every field is read-only
            self.fields["valid_from"].required = True

    def amend(self):
        raise NotImplementedError

    def _post_clean(self):
        pass  # the service validates the model (dates against the version in force, the act, the codes)

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(name) not in (None, "") for name in self.required_for_amendment):
            try:
                with transaction.atomic():
                    self.amend()
                    transaction.set_rollback(True)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return cleaned

    def save(self, commit=True):
        self.instance = self.amend()
        return self.instance

    def save_m2m(self):
        pass


def latest_wordings() -> dict[int, str]:
    """The wording each clause has in its latest version (the one an amendment closes); "" where unknown."""
    versions = ClauseVersion.objects.filter(valid_to__isnull=True).order_by("clause_id", "valid_from")
    return {clause_id: text or "" for clause_id, text in versions.values_list("clause_id", "text")}


class ClauseSelect(forms.Select):
    """Each option carries its clause's latest wording: static/js/clause-wording.js starts the new wording from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wordings = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        key = getattr(value, "value", value)
        if key in self.wordings:
            option["attrs"]["data-wording"] = self.wordings[key]
        return option


class ClauseChoiceField(forms.ModelChoiceField):
    """Clauses named by item and абзац and shown with the start of their wording, so an editor finds the one
    to amend by its text."""

    widget = ClauseSelect
    wordings: dict[int, str] = {}

    def label_from_instance(self, clause):
        text = self.wordings.get(clause.pk, "")
        if not text:
            return str(clause)
        return f"{clause} — {text[:90]}{'…' if len(text) > 90 else ''}"


class ClauseAmendmentForm(AmendmentForm):
    required_for_amendment = ("clause", "act", "valid_from", "text")
    clause = ClauseChoiceField(
        queryset=Clause.objects.select_related("item", "title_of").order_by("item__number", "number"),
        label=_("clause"),
    )

    class Meta:
        model = ClauseVersion
        fields = ["clause", "act", "valid_from", "text", "text_ru", "note"]

    class Media:
        js = ["js/clause-wording.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True
        wordings = latest_wordings()
        self.fields["clause"].wordings = wordings
        self.fields["clause"].widget.wordings = wordings
        clause = self.initial.get("clause")  # from the address (?clause=): anything may be typed there
        if clause and str(clause).isdigit() and not self.initial.get("text"):
            self.initial["text"] = wordings.get(int(clause), "")

    def amend(self):
        cleaned = self.cleaned_data
        return clause_amend(
            clause=cleaned["clause"],
            act=cleaned["act"],
            text=cleaned["text"],
            valid_from=cleaned["valid_from"],
            text_ru=cleaned.get("text_ru", ""),
            note=cleaned.get("note", ""),
        )


class ClauseVersionChangeForm(SafeModelForm):
    """Only the official Russian wording and the note can be filled in on a recorded version."""

    class Meta:
        model = ClauseVersion
        fields = ["text_ru", "note"]


@admin.register(ClauseVersion)
class ClauseVersionAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    list_display = ["clause", "act", "valid_from", "valid_to", "short_text"]
    list_filter = ["act", "clause__item__position"]
    list_select_related = ["clause__item", "clause__title_of", "act"]
    search_fields = ["search_text"]
    readonly_fields = ["clause", "act", "valid_from", "valid_to", "text"]

    @admin.display(description=_("wording"))
    def short_text(self, version):
        return (version.text or _("(not in the source)"))[:120]

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = ClauseVersionChangeForm if obj else ClauseAmendmentForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        if obj:
            return ["clause", "act", "valid_from", "valid_to", "text", "text_ru", "note"]
        return ["clause", "act", "valid_from", "text", "text_ru", "note"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            messages.info(request, _("The amendment has been recorded; the previous wording stays in the history."))

    def has_delete_permission(self, request, obj=None):
        return False


class RequirementAmendmentForm(AmendmentForm):
    required_for_amendment = ("position", "item", "act", "valid_from", "alternatives")
    alternatives = StructuredAlternativesField(label=_("alternatives"))

    class Media:
        js = ["js/requirement-amendment.js"]  # starts from the values of the chosen post's latest version

    class Meta:
        model = Requirement
        fields = ["position", "qualification_level", "category", "item", "act", "valid_from", "alternatives"]

    def amend(self):
        cleaned = self.cleaned_data
        return requirement_amend(
            position=cleaned["position"],
            qualification_level=cleaned.get("qualification_level", ""),
            category=cleaned.get("category", ""),
            item=cleaned["item"],
            act=cleaned["act"],
            alternatives=cleaned["alternatives"],
            valid_from=cleaned["valid_from"],
        )


class WithdrawForm(SafeForm):
    reason = forms.CharField(label=_("Why is this version withdrawn?"), max_length=80, widget=forms.TextInput)


@admin.register(Requirement)
class RequirementAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    list_display = ["position", "qualification_level", "category", "item", "act", "valid_from", "valid_to"]
    list_filter = ["position", "qualification_level", "category"]
    list_select_related = ["position", "item", "act"]
    form = RequirementAmendmentForm

    class Media:
        css = AlternativesEditor.Media.css  # the read-only editor of a recorded version's page

    def get_readonly_fields(self, request, obj=None):
        if obj:
            return [
                "position",
                "qualification_level",
                "category",
                "item",
                "act",
                "valid_from",
                "valid_to",
                "pretty",
                "amend",
                "impact",
                "withdraw",
            ]
        return []

    def get_fields(self, request, obj=None):
        if obj:
            return self.get_readonly_fields(request, obj)
        return RequirementAmendmentForm.Meta.fields

    @admin.display(description=_("alternatives"))
    def pretty(self, requirement):
        """The values in the editor's controls, read-only: labels, never codes or JSON."""
        editor = AlternativesEditor(catalogue=editor_catalogue)
        return editor.render("alternatives", requirement.alternatives, attrs={"disabled": True})

    @admin.display(description=_("amend"))
    def amend(self, requirement):
        url = reverse("admin:positions_requirement_add") + f"?from={requirement.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Record an amendment starting from these values"))

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "latest_values": latest_requirement_values()}
        return super().add_view(request, form_url, extra_context)

    def get_changeform_initial_data(self, request):
        """``?from=<pk>``: the amendment starts from that version's post, item and values."""
        initial = super().get_changeform_initial_data(request)
        initial.pop("from", None)
        source = request.GET.get("from", "")
        version = Requirement.objects.filter(pk=source).first() if source.isdigit() else None
        if version is not None:
            initial.update(
                position=version.position_id,
                qualification_level=version.qualification_level,
                category=version.category,
                item=version.item_id,
                alternatives=version.alternatives,
            )
        return initial

    @admin.display(description=_("impact on staff"))
    def impact(self, requirement):
        if requirement.valid_from is None:
            return "—"
        url = reverse("attestation:impact") + f"?requirement={requirement.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Who changes when this version comes into force"))

    @admin.display(description=_("recorded by mistake?"))
    def withdraw(self, requirement):
        if requirement.valid_from is None:
            return _("A version given by the order itself is corrected by an amendment.")
        url = reverse("admin:positions_requirement_withdraw", args=[requirement.pk])
        return format_html('<a href="{}">{}</a>', url, _("Withdraw this version"))

    def get_urls(self):
        withdraw = self.admin_site.admin_view(self.withdraw_view)
        return [path("<int:pk>/withdraw/", withdraw, name="positions_requirement_withdraw"), *super().get_urls()]

    def withdraw_view(self, request, pk):
        """A version recorded by mistake stops applying; the one it closed applies again (positions.services)."""
        if not request.user.has_perm("positions.delete_requirement"):
            raise PermissionDenied
        requirement = get_object_or_404(Requirement.objects.select_related("position", "item", "act"), pk=pk)
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                requirement_withdraw(requirement=requirement, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The version has been withdrawn; the history keeps it and the reason."))
                return redirect("admin:positions_requirement_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Withdraw a version recorded by mistake"),
            "requirement": requirement,
            "form": form,
        }
        return TemplateResponse(request, "admin/positions/requirement/withdraw.html", context)

    def has_change_permission(self, request, obj=None):
        # Requirement values are amended by adding a new version, never edited in place.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Reading)
class ReadingAdmin(LimitedAdminMixin, SimpleHistoryAdmin):
    """The readings of the order shown on the catalogue's "How the order is read" page."""

    form = SafeModelForm
    list_display = ["rank", "items", "short_interpretation", "source", "data"]
    list_display_links = ["short_interpretation"]
    list_filter = ["source", "data"]
    search_fields = ["fragment", "interpretation_kk", "interpretation_ru"]
    fields = [
        "code",
        "items",
        "fragment",
        "interpretation_kk",
        "interpretation_ru",
        "interpretation_en",
        "source",
        "data",
        "rank",
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "interpretation_en":
            formfield.widget.attrs["lang"] = "en"
        return formfield

    @admin.display(description=_("interpretation"))
    def short_interpretation(self, reading):
        return reading.interpretation[:120]
