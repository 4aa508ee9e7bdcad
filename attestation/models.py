"""Attestation sessions of a centre: commission, candidates with the engine's verdict frozen as the commission
saw it, decisions, the director's approval and the order that makes assigned categories take effect.

State machine (attestation.services enforces who may move it and the guards of each step; README, "Attestation"):
draft → candidates fixed → commission held → approved by the director → order issued; the director may send a
held session back (to "commission held" or "candidates fixed"), and HR may cancel a session without an order.
A session is finished when its order is recorded or it is cancelled: until then its candidates are taken.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES


class AttestationPolicy(models.Model):
    """The rules of periodic attestation a centre (or one post of a centre) follows, with the act they come from.

    Order No. 580-НҚ sets none of them, and no act written for family-support centres was found: which rules
    apply is configuration, kept by catalogue editors (docs/attestation-policies.md). A blank limit is no limit:
    the product never applies a rule the source does not give.
    """

    class Stage(models.TextChoices):
        TESTING = "testing", _("testing")
        INTERVIEW = "interview", _("interview")
        COMMISSION = "commission", _("commission meeting")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    source_act = models.CharField(
        _("source act"), max_length=500, blank=True, help_text=_("The act the rules come from, as it is cited.")
    )
    source_date = models.DateField(_("date of the act"), null=True, blank=True)
    to_be_confirmed = models.BooleanField(
        _("to be confirmed for family-support centres"),
        default=False,
        help_text=_("The act was written for other organisations; its use by the centres is not confirmed."),
    )
    interval_years = models.PositiveSmallIntegerField(
        _("periodic attestation at least every (years)"),
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    min_months_in_post = models.PositiveSmallIntegerField(
        _("not earlier than (months in the post)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Empty: no minimum."),
    )
    min_months_after_child_care_leave = models.PositiveSmallIntegerField(
        _("not earlier than (months after returning from child-care leave)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Empty: no minimum."),
    )
    category_validity_years = models.PositiveSmallIntegerField(
        _("a category is assigned for (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Empty: a category does not expire. At expiry the employee is proposed for attestation."),
    )
    stages = models.JSONField(_("stages"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_default = models.BooleanField(
        _("default policy"), default=False, help_text=_("Used by every centre that has no policy of its own.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_default", "name_kk"]
        verbose_name = _("attestation policy")
        verbose_name_plural = _("attestation policies")
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_policy")
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """In the interface language, Kazakh when there is no other."""
        language = (translation.get_language() or "kk")[:2]
        return {"ru": self.name_ru, "en": self.name_en or self.name_ru}.get(language) or self.name_kk

    def clean(self):
        stages = self.stages or []
        if not isinstance(stages, list) or any(stage not in self.Stage.values for stage in stages):
            raise ValidationError({"stages": _("Choose stages from the list.")})

    @property
    def stage_labels(self) -> list[str]:
        return [str(self.Stage(stage).label) for stage in self.stages or [] if stage in self.Stage.values]


class PolicyAssignment(models.Model):
    """Which policy a centre follows, for all its posts (no position) or for one post."""

    centre = models.ForeignKey("staffing.Centre", on_delete=models.CASCADE, related_name="+", verbose_name=_("centre"))
    position = models.ForeignKey(
        "positions.Position",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("position"),
        help_text=_("Empty: every post of the centre without a policy of its own."),
    )
    policy = models.ForeignKey(
        AttestationPolicy, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("attestation policy")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("policy of a centre")
        verbose_name_plural = _("policies of the centres")
        constraints = [
            models.UniqueConstraint(
                fields=["centre"], condition=Q(position__isnull=True), name="policy_one_per_centre"
            ),
            models.UniqueConstraint(fields=["centre", "position"], name="policy_one_per_centre_position"),
        ]

    def __str__(self):
        return f"{self.centre}: {self.policy}"


class Session(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        CANDIDATES_FIXED = "candidates_fixed", _("candidates fixed")
        COMMISSION_HELD = "commission_held", _("commission held")
        APPROVED = "approved", _("approved by the director")
        ORDER_ISSUED = "order_issued", _("order issued")
        CANCELLED = "cancelled", _("cancelled")

    centre = models.ForeignKey(
        "staffing.Centre", on_delete=models.PROTECT, related_name="sessions", verbose_name=_("centre")
    )
    date = models.DateField(_("session date"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    order_number = models.CharField(_("order number"), max_length=60, blank=True)
    order_date = models.DateField(_("order date"), null=True, blank=True)
    # The meeting of the commission: when it was held and how many members were present (votes add up to it).
    commission_date = models.DateField(_("commission held on"), null=True, blank=True)
    members_present = models.PositiveSmallIntegerField(_("members present"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    # The protocol's number, per centre and year of the meeting ("№ 3/2026"), given when the commission is held.
    protocol_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    protocol_number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("attestation session")
        verbose_name_plural = _("attestation sessions")
        indexes = [models.Index(fields=["centre", "state"], name="session_centre_state")]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "protocol_year", "protocol_number"], name="session_protocol_number_per_centre_year"
            )
        ]

    def __str__(self):
        return _("Attestation of %(date)s") % {"date": self.date.strftime("%d.%m.%Y")}

    def get_absolute_url(self):
        return reverse("attestation:session", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        """Nobody edits an approved, issued or cancelled session: corrections go through a new session or order."""
        return self.state in (self.State.APPROVED, self.State.ORDER_ISSUED, self.State.CANCELLED)

    @property
    def protocol_label(self) -> str:
        return f"{self.protocol_number}/{self.protocol_year}" if self.protocol_number else ""


# Not finished: the order is not recorded and the session is not cancelled (an approved session is still open).
OPEN_STATES = (
    Session.State.DRAFT,
    Session.State.CANDIDATES_FIXED,
    Session.State.COMMISSION_HELD,
    Session.State.APPROVED,
)
# Decided: the director approved the decisions (the order may follow).
DECIDED_STATES = (Session.State.APPROVED, Session.State.ORDER_ISSUED)


class CommissionMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        SECRETARY = "secretary", _("secretary")
        MEMBER = "member", _("member")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    role = models.CharField(_("role in the commission"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["role", "pk"]
        verbose_name = _("commission member")
        verbose_name_plural = _("commission")
        constraints = [
            models.UniqueConstraint(fields=["session"], condition=Q(role="chair"), name="commission_one_chair"),
            models.UniqueConstraint(fields=["session"], condition=Q(role="secretary"), name="commission_one_secretary"),
        ]

    def __str__(self):
        return self.name


class Transition(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=Session.State.choices)
    to_state = models.CharField(max_length=20, choices=Session.State.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.session}: {self.from_state} → {self.to_state}"


class Candidate(models.Model):
    class Source(models.TextChoices):
        ELIGIBLE = "eligible", _("eligible for the next category")
        PERIODIC = "periodic", _("periodic attestation due")
        CATEGORY_EXPIRY = "expiry", _("the category's term ends")
        MANUAL = "manual", _("added by HR")

    class Decision(models.TextChoices):
        ASSIGN_NEXT = "assign_next", _("assign the next category")
        CONFIRM = "confirm", _("meets the post")
        NOT_MEET = "not_meet", _("does not meet the post")
        POSTPONE = "postpone", _("postpone")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="candidates")
    employee = models.ForeignKey("staffing.Employee", on_delete=models.PROTECT, related_name="candidacies")
    source = models.CharField(_("why a candidate"), max_length=10, choices=Source.choices)
    added_reason = models.CharField(_("reason for adding"), max_length=500, blank=True)
    removed = models.BooleanField(default=False)
    removed_reason = models.CharField(_("reason for removal"), max_length=500, blank=True)
    # The post and the engine's verdict at the moment the candidate was taken: what the commission saw.
    position = models.ForeignKey("positions.Position", on_delete=models.PROTECT, related_name="+")
    qualification_level = models.CharField(max_length=10, choices=LEVEL_CHOICES, blank=True)
    category = models.CharField(max_length=10, choices=CATEGORY_CHOICES, blank=True)
    meets_requirements = models.BooleanField()
    next_category = models.CharField(max_length=10, choices=CATEGORY_CHOICES, blank=True)
    eligible = models.BooleanField()
    eligible_from = models.DateField(null=True, blank=True)
    reasons_kk = models.JSONField(default=list)
    reasons_ru = models.JSONField(default=list)
    # Documents checked by HR before the commission.
    has_diploma = models.BooleanField(_("diploma"), default=False)
    has_certificates = models.BooleanField(_("certificates"), default=False)
    has_employment_record = models.BooleanField(_("employment record"), default=False)
    has_characteristic = models.BooleanField(_("characteristic"), default=False)
    # The commission's decision.
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), default=0)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), default=0)
    votes_abstained = models.PositiveSmallIntegerField(_("abstained"), default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    remarks = models.TextField(_("remarks"), blank=True)
    override_reason = models.TextField(_("chair's reason to assign against the engine"), blank=True)
    applied_period = models.OneToOneField(
        "staffing.WorkPeriod", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["employee__name_key", "pk"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [models.UniqueConstraint(fields=["session", "employee"], name="candidate_once_per_session")]

    def __str__(self):
        return str(self.employee)


# The decisions that count as the employee's last attestation (the schedule of periodic attestation).
ATTESTING_DECISIONS = (Candidate.Decision.ASSIGN_NEXT, Candidate.Decision.CONFIRM)
