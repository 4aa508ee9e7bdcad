"""Writes to the catalogue: loading the official text and recording amendments. History is never rewritten:
an amendment closes the version in force and opens a new one from the date it applies."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from positions.data import catalogue
from positions.models import (
    Clause,
    ClauseVersion,
    EducationField,
    Item,
    LegalAct,
    Position,
    Requirement,
    Section,
)
from positions.parsing import ParsedOrder, parse_order, read_shipped_text

ORIGINAL_ACT = "580-НҚ"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, name: str, created: bool) -> None:
        if created:
            self.created[name] = self.created.get(name, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created)


@transaction.atomic
def catalogue_load(*, order: ParsedOrder | None = None) -> LoadReport:
    """Load the shipped order into the catalogue. Idempotent: what exists is kept as it is, so a second run
    changes nothing and an editor's amendments are never overwritten."""
    order = order or parse_order(read_shipped_text())
    report = LoadReport()
    acts = {}
    for data in catalogue.ACTS:
        act, created = LegalAct.objects.get_or_create(
            number=data["number"],
            defaults={
                "signed_on": data["date"],
                "title": data["title"],
                "issuer": data["issuer"],
                "published_on": data.get("publication_date"),
                "effective_on": data.get("effective_date"),
                "effective_rule": data.get("effective_rule", ""),
            },
        )
        acts[act.number] = act
        report.count("acts", created)

    _load_fields(report)
    positions_by_paragraph = {data["paragraph"]: data for data in catalogue.POSITIONS}
    for parsed_section in order.sections:
        section, created = Section.objects.get_or_create(
            number=parsed_section.number, defaults={"heading": parsed_section.heading}
        )
        report.count("sections", created)
        for parsed_item in parsed_section.items:
            _load_item(parsed_item, section, None, acts, report)
        for parsed_paragraph in parsed_section.paragraphs:
            data = positions_by_paragraph[parsed_paragraph.number]
            position, created = Position.objects.get_or_create(
                code=parsed_paragraph.position_code,
                defaults={
                    "paragraph": parsed_paragraph.number,
                    "section": section,
                    "group": data["group"],
                    "heading": parsed_paragraph.heading,
                    "title_kk": parsed_paragraph.title,
                    "title_ru": data["title_ru"],
                    "title_en": data["title_en"],
                    "has_levels": data["has_levels"],
                },
            )
            report.count("positions", created)
            title_clause, created = Clause.objects.get_or_create(title_of=position, defaults={"number": 0})
            report.count("clauses", created)
            if not title_clause.versions.exists():
                note = parsed_paragraph.title_amendment
                # §12's title got a new wording by 188-НҚ, in force on a date the source does not give.
                _create_version(title_clause, parsed_paragraph.title, note, acts, report)
            for parsed_item in parsed_paragraph.items:
                _load_item(parsed_item, section, position, acts, report)

    _load_requirements(acts[ORIGINAL_ACT], report)
    return report


def _load_fields(report: LoadReport) -> None:
    by_code = {}
    for data in catalogue.EDUCATION_FIELDS:  # parents come before their children
        field_, created = EducationField.objects.get_or_create(
            code=data["code"],
            defaults={
                "parent": by_code.get(data["parent"]) if data["parent"] else None,
                "name_kk": data["name_kk"],
                "name_ru": data["name_ru"],
                "name_en": data["name_en"],
            },
        )
        by_code[field_.code] = field_
        report.count("education fields", created)


def _load_item(parsed_item, section, position, acts, report) -> None:
    item, created = Item.objects.get_or_create(
        number=parsed_item.number, defaults={"section": section, "position": position, "kind": parsed_item.kind}
    )
    report.count("items", created)
    existing = set(Clause.objects.filter(item=item, versions__isnull=False).values_list("number", flat=True))
    for parsed_clause in parsed_item.clauses:
        if parsed_clause.number in existing:
            continue
        clause, created = Clause.objects.get_or_create(item=item, number=parsed_clause.number)
        report.count("clauses", created)
        _create_version(clause, parsed_clause.text, parsed_clause.amendment, acts, report)


def _create_version(clause, text, note, acts, report) -> None:
    if note is None:
        ClauseVersion.objects.create(clause=clause, text=text, act=acts[ORIGINAL_ACT])
        report.count("clause versions", True)
        return
    amending_act = acts[note.act_number]
    if note.effective_date is not None:
        # The wording before the amendment is not in the source: recorded as unknown, never invented.
        ClauseVersion.objects.create(clause=clause, text=None, act=acts[ORIGINAL_ACT], valid_to=note.effective_date)
        report.count("clause versions", True)
    ClauseVersion.objects.create(
        clause=clause, text=text, act=amending_act, valid_from=note.effective_date, note=note.text
    )
    report.count("clause versions", True)


def _load_requirements(original_act: LegalAct, report: LoadReport) -> None:
    positions = {position.code: position for position in Position.objects.all()}
    items = {item.number: item for item in Item.objects.all()}
    existing = set(Requirement.objects.values_list("position__code", "qualification_level", "category"))
    for data in catalogue.REQUIREMENTS:
        key = (data["position"], data["level"] or "", data["category"] or "")
        if key in existing:
            continue
        requirement = Requirement(
            position=positions[data["position"]],
            item=items[data["item"]],
            qualification_level=key[1],
            category=key[2],
            alternatives=data["alternatives"],
            act=original_act,
        )
        requirement.full_clean()  # the shipped data meets the schema like an editor's amendment
        requirement.save()
        report.count("requirements", True)


def _close_open_version(versions, *, valid_from: date, what: str):
    current = versions.filter(valid_to__isnull=True).first()
    if current is None:
        return None
    if current.valid_from is not None and current.valid_from >= valid_from:
        raise ValidationError(
            _("The %(what)s in force since %(start)s can only be amended from a later date.")
            % {"what": what, "start": current.valid_from.strftime("%d.%m.%Y")},
            code="dates_out_of_order",
        )
    current.valid_to = valid_from
    current.save(update_fields=["valid_to"])
    return current


def _check_act_dates(act: LegalAct, valid_from: date) -> None:
    if valid_from < act.signed_on:
        raise ValidationError(
            _("An amendment cannot apply before the act that makes it (%(act)s).") % {"act": act},
            code="before_act",
        )


@transaction.atomic
def clause_amend(
    *, clause: Clause, act: LegalAct, text: str, valid_from: date, text_ru: str = "", note: str = ""
) -> ClauseVersion:
    """Record a new wording of a clause by an act, in force from valid_from; the previous wording stays."""
    text = " ".join(text.split())
    if not text:
        raise ValidationError(_("Give the new wording."), code="empty")
    _check_act_dates(act, valid_from)
    clause = Clause.objects.select_for_update().get(pk=clause.pk)
    _close_open_version(clause.versions.all(), valid_from=valid_from, what=_("wording"))
    version = ClauseVersion(clause=clause, act=act, text=text, text_ru=text_ru, valid_from=valid_from, note=note)
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def requirement_amend(
    *,
    position: Position,
    qualification_level: str,
    category: str,
    item: Item,
    act: LegalAct,
    alternatives,
    valid_from: date,
) -> Requirement:
    """Record new requirement values for one post from valid_from; the previous values stay in the history. The
    values are checked by the model's full_clean (positions.schema), before anything is written."""
    _check_act_dates(act, valid_from)
    versions = Requirement.objects.select_for_update().filter(
        position=position, qualification_level=qualification_level, category=category
    )
    _close_open_version(versions, valid_from=valid_from, what=_("requirement"))
    requirement = Requirement(
        position=position,
        qualification_level=qualification_level,
        category=category,
        item=item,
        act=act,
        alternatives=alternatives,
        valid_from=valid_from,
    )
    requirement.full_clean()
    requirement.save()
    return requirement


@transaction.atomic
def requirement_withdraw(*, requirement: Requirement, reason: str) -> Requirement | None:
    """Withdraw a version recorded by mistake: it stops applying on every day, the version it closed applies again
    until the next one, and the history keeps both entries with who, when and why. Returns that earlier version
    (None when there is none). The order's own versions (no start date) are corrected by an amendment instead."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(_("Give the reason for withdrawing this version."), code="no_reason")
    requirement = Requirement.objects.select_for_update().get(pk=requirement.pk)
    if requirement.valid_from is None:
        raise ValidationError(
            _("A version given by the order itself cannot be withdrawn; record an amendment instead."),
            code="original_version",
        )
    previous = (
        Requirement.objects.select_for_update()
        .filter(
            position_id=requirement.position_id,
            qualification_level=requirement.qualification_level,
            category=requirement.category,
            valid_to=requirement.valid_from,
        )
        .first()
    )
    note = (_("withdrawn: %(reason)s") % {"reason": reason})[:100]  # the history's change reason holds 100
    ends = requirement.valid_to
    requirement._change_reason = note
    requirement.delete()  # first: the earlier version may only be extended once this one no longer overlaps it
    if previous is not None:
        previous.valid_to = ends
        previous._change_reason = note
        previous.save(update_fields=["valid_to"])
    return previous
