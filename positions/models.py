"""The catalogue: order No. 580-НҚ as versioned data.

Structure (sections, paragraphs = positions, items, clauses) is fixed by the order; wording lives in
ClauseVersion rows and qualification requirements in Requirement rows, both effective-dated by the act
that gave them. A version is in force on D when valid_from <= D < valid_to; an empty valid_from means
"since the act came into force, date unknown" and an empty valid_to means "still in force". The
database forbids two versions of one clause (or requirement) that overlap (migration 0002).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_comma_separated_integer_list
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from positions import schema
from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, label
from positions.requirements import validate_alternatives


class EffectiveDatedQuerySet(models.QuerySet):
    def in_force_on(self, day: date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=day)
        )


class EffectiveDated(models.Model):
    act = models.ForeignKey("LegalAct", on_delete=models.PROTECT, verbose_name=_("act"))
    valid_from = models.DateField(
        _("in force from"), null=True, blank=True, help_text=_("Empty: since the act came into force (date unknown).")
    )
    valid_to = models.DateField(
        _("in force until (exclusive)"), null=True, blank=True, help_text=_("Empty: still in force.")
    )

    objects = EffectiveDatedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": _("The end of a version must come after its start.")})
        if self.act_id and self.valid_from and self.act.signed_on and self.valid_from < self.act.signed_on:
            raise ValidationError(
                {"valid_from": _("A wording cannot be in force before the act that gives it was signed.")}
            )

    def is_in_force_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


class LegalAct(models.Model):
    number = models.CharField(_("number"), max_length=40, unique=True)
    signed_on = models.DateField(_("date of the act"))
    title = models.TextField(_("title"))
    issuer = models.CharField(_("issuer"), max_length=300)
    published_on = models.DateField(_("first official publication"), null=True, blank=True)
    effective_on = models.DateField(_("comes into force"), null=True, blank=True)
    effective_rule = models.CharField(_("rule for coming into force"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["signed_on", "number"]
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def __str__(self):
        return f"№ {self.number} ({self.signed_on:%d.%m.%Y})"

    def clean(self):
        if self.published_on and self.signed_on and self.published_on < self.signed_on:
            raise ValidationError({"published_on": _("An act cannot be published before it is signed.")})
        if self.effective_on and self.signed_on and self.effective_on < self.signed_on:
            raise ValidationError({"effective_on": _("An act cannot come into force before the date it is signed.")})


class Section(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    heading = models.TextField(_("heading"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.heading


class Position(models.Model):
    class Group(models.TextChoices):
        HEADS = "heads", _("Heads")
        SPECIALISTS = "specialists", _("Specialists")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), unique=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="positions", verbose_name=_("section"))
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    heading = models.TextField(_("paragraph heading (official)"))
    title_kk = models.TextField(_("title (official, Kazakh)"))
    title_ru = models.TextField(_("title in Russian (unofficial translation)"), blank=True)
    title_en = models.TextField(_("title in English (unofficial translation)"), blank=True)
    has_levels = models.BooleanField(_("has qualification levels"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["paragraph"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("positions:detail", args=[self.code])

    @property
    def title(self) -> str:
        """The title in the interface language; Russian and English titles are our translations."""
        language = translation.get_language() or "kk"
        if language.startswith("ru") and self.title_ru:
            return self.title_ru
        if language.startswith("en") and self.title_en:
            return self.title_en
        return self.title_kk

    @property
    def title_is_translation(self) -> bool:
        return self.title != self.title_kk


class Item(models.Model):
    """A тармақ of the annex, numbered as in the order (1-39)."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General provisions")
        DUTIES = "duties", _("Duties")
        KNOWLEDGE = "knowledge", _("Must know")
        REQUIREMENTS = "requirements", _("Qualification requirements")

    number = models.PositiveSmallIntegerField(_("item"), unique=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="items", verbose_name=_("section"))
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, null=True, blank=True, related_name="items", verbose_name=_("position")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["number"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return _("item %(number)s") % {"number": self.number}


class Clause(models.Model):
    """An абзац of an item, or (number 0, no item) the title of a paragraph."""

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, null=True, blank=True, related_name="clauses", verbose_name=_("item")
    )
    title_of = models.OneToOneField(
        Position,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="title_clause",
        verbose_name=_("title of the paragraph"),
    )
    number = models.PositiveSmallIntegerField(_("paragraph (абзац)"))

    class Meta:
        ordering = ["item__number", "number"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="clause_unique_number_in_item"),
            models.CheckConstraint(
                condition=Q(item__isnull=False, title_of__isnull=True) | Q(item__isnull=True, title_of__isnull=False),
                name="clause_belongs_to_item_or_title",
            ),
        ]

    def __str__(self):
        if self.item_id is None:
            return _("title of paragraph %(number)s") % {"number": self.title_of.paragraph}
        return _("item %(item)s, paragraph %(number)s") % {"item": self.item.number, "number": self.number}


class ClauseVersion(EffectiveDated):
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="versions", verbose_name=_("clause"))
    text = models.TextField(
        _("official wording (Kazakh)"), null=True, blank=True, help_text=_("Empty: the wording is not known.")
    )
    text_ru = models.TextField(_("official wording (Russian)"), blank=True)
    note = models.TextField(_("amendment note"), blank=True)
    # Lower-cased wording for search: Python folds Kazakh letters; SQLite's LIKE folds only ASCII.
    search_text = models.TextField(editable=False, default="")

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["clause", models.F("valid_from").asc(nulls_first=True)]
        verbose_name = _("clause wording")
        verbose_name_plural = _("clause wordings")
        constraints = [
            models.UniqueConstraint(
                fields=["clause"], condition=Q(valid_to__isnull=True), name="clauseversion_one_open_version"
            ),
            models.UniqueConstraint(
                fields=["clause"], condition=Q(valid_from__isnull=True), name="clauseversion_one_undated_start"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gt=models.F("valid_from")),
                name="clauseversion_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.clause} [{self.act.number}]"

    def save(self, *args, **kwargs):
        self.search_text = " ".join(filter(None, [self.text, self.text_ru])).lower()
        super().save(*args, **kwargs)

    @property
    def wording_known(self) -> bool:
        return self.text is not None


class EducationField(models.Model):
    """A node of the editable tree of education fields; a requirement naming a field accepts its descendants."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("education field")
        verbose_name_plural = _("education fields")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        language = translation.get_language() or "kk"
        if language.startswith("ru"):
            return self.name_ru
        if language.startswith("en"):
            return self.name_en
        return self.name_kk

    def clean(self):
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError({"parent": _("A field cannot be its own ancestor.")})
            node = node.parent


class Requirement(EffectiveDated):
    """The qualification requirement of one post (position, level, category), read by the eligibility engine.

    `alternatives` is a list; ANY one satisfies the requirement ("… or …" in the order). Its shape is the one
    schema of positions.schema, checked by clean() (so by every full_clean: the admin, the amendment service, the
    loader) against the codes of the catalogue, and again, shape and vocabulary, wherever it is read.
    """

    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="requirements", verbose_name=_("position")
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="requirements", verbose_name=_("item"))
    qualification_level = models.CharField(
        _("qualification level"), max_length=10, choices=LEVEL_CHOICES, blank=True, default=""
    )
    category = models.CharField(_("category"), max_length=10, choices=CATEGORY_CHOICES, blank=True, default="")
    alternatives = models.JSONField(_("alternatives"))

    history = HistoricalRecords()

    class Meta:
        ordering = [
            "position__paragraph",
            "qualification_level",
            "category",
            models.F("valid_from").asc(nulls_first=True),
        ]
        verbose_name = _("qualification requirement")
        verbose_name_plural = _("qualification requirements")
        constraints = [
            models.UniqueConstraint(
                fields=["position", "qualification_level", "category"],
                condition=Q(valid_to__isnull=True),
                name="requirement_one_open_version",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gt=models.F("valid_from")),
                name="requirement_ends_after_start",
            ),
        ]

    def __str__(self):
        """ "15-тармақ · Әлеуметтік жұмыскер · жоғары деңгейлі біліктілік · екінші санат": the item first."""
        parts = [_("item %(number)s") % {"number": self.item.number}, self.position.title]
        if self.qualification_level:
            parts.append(label(LEVEL_CHOICES, self.qualification_level))
        if self.category:
            parts.append(label(CATEGORY_CHOICES, self.category))
        return " · ".join(str(part) for part in parts)

    def clean(self):
        super().clean()
        try:
            validate_alternatives(
                self.alternatives,
                field_codes=EducationField.objects.values_list("code", flat=True),
                position_codes=Position.objects.values_list("code", flat=True),
            )
        except ValidationError as error:
            raise ValidationError({"alternatives": error.messages}) from None

    @property
    def is_readable(self) -> bool:
        """The values have the schema's shape and vocabulary: the engine and the pages can read them. A row that
        is not (written around the checks, or before them) is shown as invalid and flagged to the editors."""
        return schema.is_valid(self.alternatives)


class Reading(models.Model):
    """How the product reads words of the order (docs/glossary.md, "Readings"): the verbatim fragment, the
    interpretation in one sentence, whether the text itself says so or the product chose, and where the data
    that carries it is edited. Shown on the catalogue's "How the order is read" page and in the export; editors
    change the wording here, the behaviour in the data it names."""

    class Source(models.TextChoices):
        TEXT = "text", _("the text itself")
        PRODUCT = "product", _("product choice")

    class Data(models.TextChoices):
        REQUIREMENTS = "requirements", _("qualification requirements of the item")
        EDUCATION_FIELDS = "education_fields", _("tree of education fields")
        LEGAL_ACT = "legal_act", _("dates of the order")
        ENGINE = "engine", _("rule of the eligibility engine")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    # Item numbers, not links to the items: readings are seeded by a migration, before the catalogue is loaded.
    items = models.CharField(
        _("items"),
        max_length=100,
        blank=True,
        validators=[validate_comma_separated_integer_list],
        help_text=_("Numbers of the items it reads, separated by commas; empty: the order as a whole."),
    )
    fragment = models.TextField(_("verbatim fragment (Kazakh)"))
    interpretation_kk = models.TextField(_("interpretation (Kazakh)"))
    interpretation_ru = models.TextField(_("interpretation (Russian)"))
    interpretation_en = models.TextField(_("interpretation (English)"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    data = models.CharField(_("where it is edited"), max_length=20, choices=Data.choices)
    rank = models.PositiveSmallIntegerField(_("order on the page"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["rank", "code"]
        verbose_name = _("reading of the order")
        verbose_name_plural = _("readings of the order")

    def __str__(self):
        return self.interpretation

    @property
    def item_numbers(self) -> list[int]:
        return [int(number) for number in self.items.split(",") if number.strip()]

    @property
    def interpretation(self) -> str:
        language = translation.get_language() or "kk"
        if language.startswith("ru"):
            return self.interpretation_ru
        if language.startswith("en") and self.interpretation_en:
            return self.interpretation_en
        return self.interpretation_kk
