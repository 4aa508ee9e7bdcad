from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from config.inputs import SafeForm, SafeModelForm
from config.widgets import DateInput
from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, SECTOR_CHOICES
from positions.models import EducationField, Position
from staffing.models import ChildCareLeave, Education, Employee, Unit, WorkPeriod
from staffing.services import iin_problem

DATE_WIDGET = DateInput()
BLANK = [("", "—")]


class PositionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, position):
        return f"§{position.paragraph}. {position.title}"


class FieldChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, field):
        return field.name


class EmployeeFilterForm(SafeForm):
    text_formulas = False
    q = forms.CharField(label=_("Name, IIN or personnel number"), required=False, max_length=200)
    centre = forms.ChoiceField(label=_("Centre"), required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    position = forms.ChoiceField(label=_("Position"), required=False)
    qualification_level = forms.ChoiceField(label=_("Level"), required=False, choices=BLANK + LEVEL_CHOICES)
    category = forms.ChoiceField(label=_("Category"), required=False, choices=BLANK + CATEGORY_CHOICES)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("active", _("active")), ("dismissed", _("dismissed")), ("all", _("all"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("name", _("name")),
            ("-name", _("name, Я→А")),
            ("number", _("personnel number")),
            ("hired", _("hire date")),
            ("-hired", _("hire date, newest")),
            ("position", _("position")),
            ("centre", _("centre")),
        ],
    )

    # Above this many centres (analysts see them all) the centre is typed as a code with suggestions: a select of
    # hundreds of options costs more to render than the page's queries.
    MAX_CENTRE_OPTIONS = 30

    def __init__(self, *args, centres, positions, units, **kwargs):
        super().__init__(*args, **kwargs)
        if len(centres) > self.MAX_CENTRE_OPTIONS:
            self.fields["centre"] = forms.CharField(
                label=_("Centre code"), required=False, widget=forms.TextInput(attrs={"list": "centre-codes"})
            )
            self.centre_codes = [c.code for c in centres]
        else:
            self.fields["centre"].choices = BLANK + [(c.code, c.name) for c in centres]
        self.fields["position"].choices = BLANK + [(p.code, p.title) for p in positions]
        # A unit is named with its centre only where units of several centres are listed (no codes in labels).
        several = len({u.centre_id for u in units}) > 1
        self.fields["unit"].choices = BLANK + [
            (u.pk, f"{u.name} — {u.centre.name}" if several else u.name) for u in units
        ]


class EmployeeForm(SafeModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Employee
        fields = [
            "personnel_number",
            "iin",
            "last_name",
            "first_name",
            "middle_name",
            "birth_date",
            "sex",
            "hire_date",
            "unit",
            "phone",
            "email",
        ]
        # static/js/iin.js fills the birth date and sex from the IIN as it is typed (checked again on save).
        widgets = {
            "birth_date": DATE_WIDGET,
            "hire_date": DATE_WIDGET,
            "iin": forms.TextInput(attrs={"data-iin": "", "inputmode": "numeric", "maxlength": "12"}),
        }

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.centre = centre
        self.instance.centre = centre
        self.fields["unit"].queryset = Unit.objects.filter(centre=centre)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        iin = cleaned.get("iin")
        if iin:
            problem = iin_problem(iin, cleaned.get("birth_date"), cleaned.get("sex"))
            if problem:
                self.add_error("iin", problem)
        return cleaned


class HireForm(EmployeeForm):
    position = PositionChoiceField(label=_("Position"), queryset=Position.objects.order_by("paragraph"))
    qualification_level = forms.ChoiceField(
        label=_("Qualification level"), required=False, choices=BLANK + LEVEL_CHOICES
    )
    category = forms.ChoiceField(label=_("Category"), required=False, choices=BLANK + CATEGORY_CHOICES)

    class Meta(EmployeeForm.Meta):
        fields = EmployeeForm.Meta.fields


class AssignmentForm(SafeForm):
    position = PositionChoiceField(label=_("Position"), queryset=Position.objects.order_by("paragraph"))
    qualification_level = forms.ChoiceField(
        label=_("Qualification level"), required=False, choices=BLANK + LEVEL_CHOICES
    )
    category = forms.ChoiceField(label=_("Category"), required=False, choices=BLANK + CATEGORY_CHOICES)
    start_date = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DateForm(SafeForm):
    day = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DeleteForm(SafeForm):
    reason = forms.CharField(
        label=_("Why is this row deleted?"),
        max_length=100,
        help_text=_("The row stays in the history of changes with this reason."),
    )


class FlagSelect(forms.NullBooleanSelect):
    """Yes / no / not established: a blank flag counts as no and the card says it is not established."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", _("not established")), ("true", _("yes")), ("false", _("no")))


class EducationForm(SafeModelForm):
    field = FieldChoiceField(label=_("Field"), queryset=EducationField.objects.order_by("code"), required=False)

    class Meta:
        model = Education
        fields = ["level", "field", "institution", "specialty", "document_number", "graduation_date"]
        widgets = {"graduation_date": DATE_WIDGET}


class WorkPeriodForm(SafeModelForm):
    position = PositionChoiceField(
        label=_("Position (catalogue)"), queryset=Position.objects.order_by("paragraph"), required=False
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("not established"))] + SECTOR_CHOICES)
    managerial = forms.NullBooleanField(label=_("Managerial post"), required=False, widget=FlagSelect)
    profile_experience = forms.NullBooleanField(
        label=_("Counts as experience in the organisation's profile"), required=False, widget=FlagSelect
    )

    def clean_sector(self):
        return self.cleaned_data["sector"] or None

    class Meta:
        model = WorkPeriod
        fields = [
            "organisation",
            "sector",
            "position",
            "position_text",
            "qualification_level",
            "category",
            "managerial",
            "profile_experience",
            "start_date",
            "end_date",
        ]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET}


class UploadForm(SafeForm):
    centre = forms.ChoiceField(label=_("Centre"))
    workbook = forms.FileField(label=_("Workbook (.xlsx)"))

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].choices = [(c.code, c.name) for c in centres]

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload an Excel workbook (.xlsx)."), code="extension")
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_UPLOAD_MB}, code="size"
            )
        return upload


class ChildCareLeaveForm(SafeModelForm):
    class Meta:
        model = ChildCareLeave
        fields = ["start_date", "end_date"]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET}
