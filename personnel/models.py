"""What an HR officer files besides attestation: employment contracts and their amendments (with the dates of
their registration in ЕСУТД), personnel orders (бұйрықтар), certificates of employment, and the table of
non-working days that the deadlines are counted on. See docs/personnel.md."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES


class Contract(models.Model):
    class Kind(models.TextChoices):
        INDEFINITE = "indefinite", _("indefinite")
        FIXED_TERM = "fixed_term", _("fixed-term")

    employee = models.ForeignKey(
        "staffing.Employee", on_delete=models.PROTECT, related_name="contracts", verbose_name=_("employee")
    )
    number = models.CharField(_("contract number"), max_length=60)
    signed_on = models.DateField(_("signed on"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.INDEFINITE)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Only for a fixed-term contract."))
    probation_end = models.DateField(_("end of probation"), null=True, blank=True)
    rate = models.DecimalField(
        _("rate"),
        max_digits=3,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.05), MaxValueValidator(1.5)],
        help_text=_("Share of a full-time post, e.g. 1.0 or 0.5."),
    )
    registered_on = models.DateField(_("registered in ЕСУТД on"), null=True, blank=True)
    termination_registered_on = models.DateField(_("termination registered in ЕСУТД on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("employment contract")
        verbose_name_plural = _("employment contracts")
        constraints = [
            models.UniqueConstraint(fields=["employee", "number"], name="contract_number_unique_per_employee"),
            models.CheckConstraint(
                condition=Q(kind="indefinite", end_date__isnull=True) | Q(kind="fixed_term", end_date__isnull=False),
                name="contract_end_date_iff_fixed_term",
            ),
        ]
        indexes = [models.Index(fields=["registered_on"], name="contract_registered_idx")]

    def __str__(self):
        return f"№ {self.number} ({self.signed_on:%d.%m.%Y})"


class ContractAmendment(models.Model):
    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="amendments", verbose_name=_("employment contract")
    )
    number = models.CharField(_("amendment number"), max_length=60)
    signed_on = models.DateField(_("signed on"))
    change = models.TextField(_("what changed"), max_length=2000)
    registered_on = models.DateField(_("registered in ЕСУТД on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["signed_on", "pk"]
        verbose_name = _("contract amendment")
        verbose_name_plural = _("contract amendments")
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="amendment_number_unique_per_contract"),
        ]

    def __str__(self):
        return f"№ {self.number} ({self.signed_on:%d.%m.%Y})"


class CalendarDay(models.Model):
    """An exception to "Monday to Friday are working days": a public holiday or a transferred day off
    (working=False), or a Saturday or Sunday made working by a transfer (working=True)."""

    date = models.DateField(_("date"), unique=True)
    working = models.BooleanField(_("working day"), default=False)
    name = models.CharField(_("name"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.name}"


class OrderRegister(models.Model):
    """How a centre numbers its personnel orders: "<sequence>-<suffix>", the sequence restarting every year."""

    centre = models.OneToOneField(
        "staffing.Centre", on_delete=models.CASCADE, related_name="order_register", verbose_name=_("centre")
    )
    suffix = models.CharField(_("number suffix"), max_length=20, default="ж/қ", help_text=_('e.g. "ж/қ": 45-ж/қ'))

    class Meta:
        verbose_name = _("order register")
        verbose_name_plural = _("order registers")

    def __str__(self):
        return f"{self.centre} ({self.suffix})"


class Order(models.Model):
    class Kind(models.TextChoices):
        HIRE = "hire", _("hire")
        TRANSFER = "transfer", _("transfer or change of post")
        CATEGORY = "category", _("category assignment")
        RATE = "rate", _("change of rate")
        LEAVE = "leave", _("leave")
        DISMISSAL = "dismissal", _("dismissal")
        CANCELLATION = "cancellation", _("cancelling an order")

    centre = models.ForeignKey(
        "staffing.Centre", on_delete=models.PROTECT, related_name="orders", verbose_name=_("centre")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("order number"), max_length=60)
    date = models.DateField(_("order date"))
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    basis = models.TextField(_("basis"), max_length=2000, blank=True)
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    cancels = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="cancelled_by", verbose_name=_("cancels")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-sequence"]
        verbose_name = _("personnel order")
        verbose_name_plural = _("personnel orders")
        constraints = [
            models.UniqueConstraint(fields=["centre", "year", "sequence"], name="order_sequence_unique_per_year"),
        ]

    def __str__(self):
        return f"№ {self.number} {self.date:%d.%m.%Y}"


class OrderItem(models.Model):
    """One numbered point of an order: what it does to one employee, kept so that cancelling can undo it."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    employee = models.ForeignKey(
        "staffing.Employee", on_delete=models.PROTECT, related_name="order_items", verbose_name=_("employee")
    )
    effective_date = models.DateField(_("from"))
    position = models.ForeignKey(
        "positions.Position", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    qualification_level = models.CharField(max_length=10, choices=LEVEL_CHOICES, blank=True, default="")
    category = models.CharField(max_length=10, choices=CATEGORY_CHOICES, blank=True, default="")
    # The work period the point opened (hire, transfer, category) — removed again if the order is cancelled.
    period = models.ForeignKey(
        "staffing.WorkPeriod", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rate = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)  # the last day of a leave
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.order} · {self.employee_id}"


class Certificate(models.Model):
    """A certificate of employment (жұмыс орнынан анықтама), numbered in the centre's register per year."""

    employee = models.ForeignKey(
        "staffing.Employee", on_delete=models.PROTECT, related_name="certificates", verbose_name=_("employee")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    centre = models.ForeignKey("staffing.Centre", on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-issued_on", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "year", "sequence"], name="certificate_sequence_unique"),
        ]

    def __str__(self):
        return f"№ {self.number}"

    @property
    def number(self) -> str:
        return f"{self.sequence}/{self.year}"


class ReminderSent(models.Model):
    """The daily digest went to this user on this day: send_reminders sends at most one a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_reminder_per_user_per_day")]

    def __str__(self):
        return f"{self.user_id} {self.day}"
