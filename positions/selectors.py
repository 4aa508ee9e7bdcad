"""Reads of the catalogue, each in a fixed number of queries whatever the size of the position."""

import difflib
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.utils.html import escape
from django.utils.safestring import mark_safe

from config.inputs import search_words
from positions.models import Clause, ClauseVersion, Item, Position, Reading, Requirement
from positions.vocabulary import CATEGORY_CODES


@dataclass(frozen=True)
class ClauseView:
    number: int
    version: ClauseVersion | None  # None: the clause was not in force on that date
    amended: bool  # the wording in force was given by an amending act

    @property
    def text(self):
        return self.version.text if self.version else None


@dataclass(frozen=True)
class ItemView:
    item: Item
    clauses: list[ClauseView]


@dataclass(frozen=True)
class PositionDocument:
    position: Position
    day: date
    title: ClauseView
    items: list[ItemView]
    requirements: list[Requirement]


def _versions_prefetch(day: date | None):
    versions = ClauseVersion.objects.select_related("act")
    if day is not None:
        versions = versions.in_force_on(day)
    return Prefetch("versions", queryset=versions, to_attr="versions_on_day")


def _clause_view(clause: Clause) -> ClauseView:
    version = clause.versions_on_day[0] if clause.versions_on_day else None
    amended = version is not None and (version.valid_from is not None or bool(version.note))
    return ClauseView(number=clause.number, version=version, amended=amended)


def positions_by_group():
    """Positions grouped as in the annex: heads (§1-3), then specialists (§4-12). One query."""
    positions = list(Position.objects.order_by("paragraph"))
    return [
        (label, [position for position in positions if position.group == group])
        for group, label in Position.Group.choices
    ]


def position_document(position: Position, day: date) -> PositionDocument:
    """The position's items and the wording of each clause in force on `day`. Four queries."""
    title = Clause.objects.prefetch_related(_versions_prefetch(day)).get(title_of=position)
    items = list(
        Item.objects.filter(position=position)
        .order_by("number")
        .prefetch_related(
            Prefetch("clauses", queryset=Clause.objects.order_by("number").prefetch_related(_versions_prefetch(day)))
        )
    )
    return PositionDocument(
        position=position,
        day=day,
        title=_clause_view(title),
        items=[ItemView(item=item, clauses=[_clause_view(clause) for clause in item.clauses.all()]) for item in items],
        requirements=requirements_in_force(day, position=position),
    )


def general_provisions(day: date) -> list[ItemView]:
    items = (
        Item.objects.filter(position__isnull=True)
        .order_by("number")
        .prefetch_related(
            Prefetch("clauses", queryset=Clause.objects.order_by("number").prefetch_related(_versions_prefetch(day)))
        )
    )
    return [ItemView(item=item, clauses=[_clause_view(clause) for clause in item.clauses.all()]) for item in items]


def requirements_in_force(day: date, *, position: Position | None = None) -> list[Requirement]:
    requirements = Requirement.objects.in_force_on(day).select_related("position", "item", "act")
    if position is not None:
        requirements = requirements.filter(position=position)
    rank = {code: index for index, code in enumerate(CATEGORY_CODES)}
    return sorted(
        requirements,
        key=lambda r: (r.position.paragraph, r.qualification_level != "high", rank.get(r.category, -1)),
    )


def latest_requirement_values() -> dict[str, dict]:
    """The latest version of each post (the one an amendment closes), keyed "position id|level|category": its item
    and values, where a new amendment of that post starts from (one query)."""
    rows = Requirement.objects.filter(valid_to__isnull=True).values_list(
        "position_id", "qualification_level", "category", "item_id", "alternatives"
    )
    return {
        f"{position}|{level}|{category}": {"item": item, "alternatives": alternatives}
        for position, level, category, item, alternatives in rows
    }


@dataclass(frozen=True)
class ClauseChange:
    label: str
    before: str | None
    after: str | None
    diff_html: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _word_diff(before: str | None, after: str | None) -> str:
    old_words, new_words = (before or "").split(), (after or "").split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f'<del class="diff">{escape(" ".join(old_words[i1:i2]))}</del>')
        if j2 > j1:
            parts.append(f'<ins class="diff">{escape(" ".join(new_words[j1:j2]))}</ins>')
    return mark_safe(" ".join(parts))


def position_comparison(position: Position, first: date, second: date) -> list[ClauseChange]:
    """Every clause of the position with its wording on two dates and a word-level difference."""
    documents = position_document(position, first), position_document(position, second)
    changes = []
    pairs = [(documents[0].title, documents[1].title, None)] + [
        (clause_a, clause_b, view_a.item)
        for view_a, view_b in zip(documents[0].items, documents[1].items, strict=True)
        for clause_a, clause_b in zip(view_a.clauses, view_b.clauses, strict=True)
    ]
    for clause_a, clause_b, item in pairs:
        label = f"{item.number}.{clause_a.number}" if item else "§"
        changes.append(
            ClauseChange(
                label=label,
                before=clause_a.text,
                after=clause_b.text,
                diff_html=_word_diff(clause_a.text, clause_b.text),
            )
        )
    return changes


@dataclass(frozen=True)
class SearchHit:
    position: Position | None
    item_number: int | None
    clause_number: int
    text: str


def clause_search(query: str, day: date, *, limit: int = 200) -> list[SearchHit]:
    """Clauses in force on `day` whose wording contains `query`, ignoring case (Kazakh letters included)."""
    words = search_words(query.lower())  # the first few (config.inputs)
    if not words:
        return []
    versions = ClauseVersion.objects.in_force_on(day).select_related("clause__item__position", "clause__title_of")
    for word in words:
        versions = versions.filter(search_text__contains=word)
    hits = []
    for version in versions.order_by("clause__item__number", "clause__number")[:limit]:
        clause = version.clause
        hits.append(
            SearchHit(
                position=clause.item.position if clause.item_id else clause.title_of,
                item_number=clause.item.number if clause.item_id else None,
                clause_number=clause.number,
                text=version.text or "",
            )
        )
    return hits


@dataclass(frozen=True)
class ItemReadings:
    """One item of the order (None: the order as a whole) with the readings the product makes of it."""

    item: Item | None
    readings: list


def readings_by_item() -> list[ItemReadings]:
    """Every reading under each item it reads, items in the order's sequence. Two queries."""
    readings = list(Reading.objects.all())
    numbers = sorted({number for reading in readings for number in reading.item_numbers})
    items = {item.number: item for item in Item.objects.filter(number__in=numbers).select_related("position")}
    groups = [ItemReadings(None, [reading for reading in readings if not reading.item_numbers])]
    for number in numbers:
        if number in items:
            groups.append(ItemReadings(items[number], [r for r in readings if number in r.item_numbers]))
    return [group for group in groups if group.readings]
