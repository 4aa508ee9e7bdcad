"""Centres, their employees, education and work history.

Writes go through staffing.services only: they keep the employee's current assignment (position, level,
category) equal to their open work period, and close/open periods instead of rewriting history.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from positions.labels import CATEGORY_CHOICES, EDUCATION_LEVEL_CHOICES, LEVEL_CHOICES, SECTOR_CHOICES
from staffing.identifiers import IdentifierError, validate_bin
from staffing.names import NAME_KEY_LENGTH, name_key, search_fold


class Region(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=120)
    name_ru = models.CharField(_("name (Russian)"), max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_ru if (translation.get_language() or "").startswith(("ru", "en")) else self.name_kk


class Centre(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="centres", verbose_name=_("region"))
    district = models.CharField(_("district"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    bin = models.CharField(_("BIN"), max_length=12, blank=True)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="centres", blank=True, verbose_name=_("users who work for it")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("centre")
        verbose_name_plural = _("centres")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("staffing:centre", args=[self.code])

    @property
    def name(self):
        if (translation.get_language() or "").startswith(("ru", "en")) and self.name_ru:
            return self.name_ru
        return self.name_kk

    def clean(self):
        if self.bin:
            try:
                self.bin = validate_bin(self.bin)
            except IdentifierError:
                raise ValidationError(
                    {"bin": _("This BIN is not valid: 12 digits with a correct check digit.")}
                ) from None


class Unit(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="units", verbose_name=_("centre"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["centre", "name"]
        verbose_name = _("structural unit")
        verbose_name_plural = _("structural units")
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="unit_unique_name_in_centre")]

    def __str__(self):
        return self.name


class Sex(models.TextChoices):
    MALE = "M", _("male")
    FEMALE = "F", _("female")


class EmployeeQuerySet(models.QuerySet):
    def current(self, day):
        """Not dismissed before `day`: a dismissal dated later is scheduled and the employee still works."""
        return self.filter(Q(dismissal_date__isnull=True) | Q(dismissal_date__gte=day))

    def employed_on(self, day):
        """Employed on `day`: hired on or before it and not dismissed before it ("as of D", docs/records.md)."""
        return self.current(day).filter(hire_date__lte=day)

    def active(self):
        """Employed today (a scheduled dismissal takes effect on its date)."""
        from config.dates import today

        return self.current(today())


class Employee(models.Model):
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="employees", verbose_name=_("centre"))
    personnel_number = models.CharField(_("personnel number"), max_length=30)
    iin = models.CharField(_("IIN"), max_length=12, db_index=True)
    last_name = models.CharField(_("last name"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100)
    middle_name = models.CharField(_("middle name"), max_length=100, blank=True)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="employees", verbose_name=_("unit")
    )
    hire_date = models.DateField(_("hire date"))
    dismissal_date = models.DateField(_("dismissal date"), null=True, blank=True)
    # The current assignment mirrors the open work period (kept in step by staffing.services).
    position = models.ForeignKey(
        "positions.Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("position"),
    )
    qualification_level = models.CharField(
        _("qualification level"), max_length=10, choices=LEVEL_CHOICES, blank=True, default=""
    )
    category = models.CharField(_("category"), max_length=10, choices=CATEGORY_CHOICES, blank=True, default="")
    # Lower-cased names and personnel number: Python folds Kazakh letters, SQLite's LIKE does not; Latin i is
    # read as Kazakh і (staffing/names.py). The IIN is searched separately (exactly, and only by roles that may
    # see it).
    search_text = models.CharField(max_length=400, editable=False, default="")
    # The sort key of the name in the order of the Kazakh alphabet, the same on SQLite and PostgreSQL (names.py).
    name_key = models.CharField(max_length=NAME_KEY_LENGTH, editable=False, default="")
    # Optimistic locking: a save based on an older version is refused (staffing.services).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EmployeeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "name_key"])

    class Meta:
        ordering = ["name_key", "pk"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        constraints = [
            models.UniqueConstraint(fields=["centre", "personnel_number"], name="employee_unique_number_in_centre"),
        ]
        indexes = [
            models.Index(fields=["centre", "dismissal_date"], name="employee_centre_active"),
            models.Index(fields=["centre", "position", "qualification_level", "category"], name="employee_post"),
            # The national list (analysts) sorts every employee at work by name, a centre's list its own. Not a
            # partial index on "not dismissed": "at work" includes a dismissal scheduled after today, a condition
            # no index predicate can hold, and the planner then sorted the whole table (75 ms at 100,000 people,
            # 0.3 ms walking this index).
            models.Index(fields=["name_key", "id"], name="employee_by_name"),
            models.Index(fields=["centre", "name_key", "id"], name="employee_centre_by_name"),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        self.name_key = self.build_name_key()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("staffing:employee", args=[self.pk])

    def build_search_text(self) -> str:
        return search_fold(" ".join([self.last_name, self.first_name, self.middle_name, self.personnel_number]))

    def build_name_key(self) -> str:
        return name_key(self.last_name, self.first_name, self.middle_name)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)

    @property
    def is_active(self) -> bool:
        """Still works today; a dismissal dated after today is scheduled (see dismissal_scheduled)."""
        from config.dates import today

        return self.dismissal_date is None or self.dismissal_date >= today()

    def employed_on(self, day) -> bool:
        """EmployeeQuerySet.employed_on for this employee: hired on or before `day`, not dismissed before it."""
        return self.hire_date <= day and (self.dismissal_date is None or self.dismissal_date >= day)

    @property
    def dismissal_scheduled(self) -> bool:
        return self.dismissal_date is not None and self.is_active


class Education(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="education")
    level = models.CharField(_("level"), max_length=20, choices=EDUCATION_LEVEL_CHOICES)
    field = models.ForeignKey(
        "positions.EducationField", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("field")
    )
    institution = models.CharField(_("institution"), max_length=300, blank=True)
    specialty = models.CharField(_("specialty (as on the diploma)"), max_length=300, blank=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    graduation_date = models.DateField(_("graduation date"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["graduation_date", "pk"]
        verbose_name = _("education")
        verbose_name_plural = _("education")
        constraints = [
            models.CheckConstraint(
                condition=Q(field__isnull=False) | Q(level="basic_secondary"), name="education_field_required"
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()}: {self.specialty or self.field or ''}"

    def clean(self):
        if self.level != "basic_secondary" and self.field_id is None:
            raise ValidationError({"field": _("Choose the field of education (only basic secondary may have none).")})


class WorkPeriod(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="periods")
    organisation = models.CharField(_("organisation"), max_length=300)
    # Blank flags mean "not established": they count as no (never silently as yes) and the card says so.
    sector = models.CharField(_("sector"), max_length=20, choices=SECTOR_CHOICES, null=True, blank=True, default=None)
    position = models.ForeignKey(
        "positions.Position", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("position (catalogue)")
    )
    position_text = models.CharField(_("position (outside the catalogue)"), max_length=300, blank=True)
    qualification_level = models.CharField(
        _("qualification level"), max_length=10, choices=LEVEL_CHOICES, blank=True, default=""
    )
    category = models.CharField(_("category"), max_length=10, choices=CATEGORY_CHOICES, blank=True, default="")
    managerial = models.BooleanField(_("managerial post"), null=True, blank=True, default=None)
    profile_experience = models.BooleanField(
        _("counts as experience in the organisation's profile"), null=True, blank=True, default=None
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Empty while ongoing."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("work period")
        verbose_name_plural = _("work history")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="workperiod_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["employee"], condition=Q(end_date__isnull=True), name="workperiod_one_open_period"
            ),
            models.CheckConstraint(
                condition=Q(position__isnull=False) | ~Q(position_text=""), name="workperiod_has_a_position"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.position_label}"

    @property
    def position_label(self) -> str:
        return str(self.position) if self.position_id else self.position_text

    @property
    def is_open(self) -> bool:
        return self.end_date is None

    @property
    def is_scheduled(self) -> bool:
        """Starts after today: stored now, takes effect on its date."""
        from config.dates import today

        return self.start_date > today()

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must not be before the start date.")})
        if not self.position_id and not self.position_text:
            raise ValidationError({"position": _("Choose a catalogue position or write the post's name.")})


class ImportPreview(models.Model):
    """An import previewed and waiting for its confirmation: the workbook's rows as read and validated once (the
    file itself is not kept). Confirming claims the row atomically (imported_at), so a preview is imported at
    most once; the rows are cleared then, on cancel the preview is deleted, and `manage.py purge_uploads` deletes
    previews older than a day (staffing/workbook/previews.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    rows = models.JSONField(default=dict, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("import preview")
        verbose_name_plural = _("import previews")

    def __str__(self):
        return str(self.pk)


class PersonalDataAccess(models.Model):
    """One look at full IINs (Law of the Republic of Kazakhstan No. 94-V "On personal data and their protection"):
    who, whom (an employee, or a centre's staff), when and what. Written by staffing.access_log, kept
    ACCESS_LOG_RETENTION_DAYS, read by superusers and by the centre's director (docs/security.md)."""

    class What(models.TextChoices):
        CARD = "card", _("employee card")
        CHANGES = "changes", _("history of changes")
        LIST = "list", _("list of employees")
        EXPORT = "export", _("workbook export")
        COMMAND = "command", _("command-line export")

    at = models.DateTimeField(_("when"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as text too: the entry must still say who after the account is deleted.
    username = models.CharField(_("user name"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    what = models.CharField(_("what"), max_length=20, choices=What.choices)
    centre = models.ForeignKey(
        Centre, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("centre")
    )
    employee = models.ForeignKey(
        Employee, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("whom")
    )
    people = models.PositiveIntegerField(_("employees shown"), default=1)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        indexes = [models.Index(fields=["centre", "-at"], name="pdaccess_centre_at")]

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.username} {self.what}"


class ChildCareLeave(models.Model):
    """A period of leave to care for a child. Recorded so that an attestation policy can wait after the return to
    work (docs/attestation-policies.md); it does not change how experience is counted."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="child_care_leaves")
    start_date = models.DateField(_("leave from"))
    end_date = models.DateField(_("leave until"), null=True, blank=True, help_text=_("Empty while ongoing."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("child-care leave")
        verbose_name_plural = _("child-care leave")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="childcareleave_ends_after_start",
            ),
        ]

    def __str__(self):
        end = self.end_date.strftime("%d.%m.%Y") if self.end_date else "…"
        return f"{self.start_date.strftime('%d.%m.%Y')} — {end}"
