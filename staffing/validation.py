"""The one place that says which staffing records are impossible (docs/records.md).

Forms, services and the Excel import all call these functions, so a record refused at one door is refused at
every door with the same words. Each check returns {field name: message} (empty when the record is possible);
messages are lazy translations, rendered in the user's language.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, label
from positions.models import Requirement

# Labour Code of the Republic of Kazakhstan, article 31: an employment contract may be concluded from the age of
# 14 at the earliest (with a parent's consent). Nobody can have worked or been hired before that, and the
# product refuses education finished before it as a typing error (docs/records.md).
MINIMUM_AGE = 14
# Scheduled changes (a post, a category or a dismissal from a future date) are accepted at most this far ahead:
# a date like 31.12.9999 is a typing error, not a plan.
MAX_DAYS_AHEAD = 366
EARLIEST = date(1900, 1, 1)


def birthday(birth_date: date, years: int) -> date:
    """The day a person born on birth_date turns `years` (29 February: 1 March in a common year)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 3, 1)


def latest_allowed(today: date) -> date:
    return today + timedelta(days=MAX_DAYS_AHEAD)


def _dmy(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _too_young(name: str, day: date | None, birth_date: date | None, what) -> dict:
    if day and birth_date and day < birthday(birth_date, MINIMUM_AGE):
        return {
            name: _("%(what)s (%(date)s) is before the employee's 14th birthday (%(birthday)s).")
            % {"what": what, "date": _dmy(day), "birthday": _dmy(birthday(birth_date, MINIMUM_AGE))}
        }
    return {}


def check_bounds(name: str, day: date | None, today: date) -> dict:
    if day is None:
        return {}
    if day < EARLIEST:
        return {name: _("The date %(date)s is not possible.") % {"date": _dmy(day)}}
    if day > latest_allowed(today):
        return {
            name: _("The date %(date)s is too far ahead: at most one year from today (until %(limit)s).")
            % {"date": _dmy(day), "limit": _dmy(latest_allowed(today))}
        }
    return {}


def check_employee(*, birth_date: date | None, hire_date: date | None, today: date) -> dict:
    problems = {}
    if birth_date and birth_date > today:
        problems["birth_date"] = _("The birth date cannot be in the future.")
    problems.update(
        check_bounds("hire_date", hire_date, today)
        or _too_young("hire_date", hire_date, birth_date, _("The hire date"))
    )
    return problems


def check_dismissal(*, dismissal_date: date | None, hire_date: date | None, today: date) -> dict:
    problems = check_bounds("dismissal_date", dismissal_date, today)
    if not problems and dismissal_date and hire_date and dismissal_date < hire_date:
        problems["dismissal_date"] = _("The dismissal date cannot be before the hire date.")
    return problems


def check_education(*, graduation_date: date | None, birth_date: date | None, today: date) -> dict:
    if graduation_date and graduation_date > today:
        return {
            "graduation_date": _("The graduation date %(date)s is after today: record a diploma once it is obtained.")
            % {"date": _dmy(graduation_date)}
        }
    return check_bounds("graduation_date", graduation_date, today) or _too_young(
        "graduation_date", graduation_date, birth_date, _("The graduation date")
    )


def check_period_dates(*, start_date: date | None, end_date: date | None, birth_date: date | None, today: date) -> dict:
    problems = {}
    problems.update(check_bounds("start_date", start_date, today))
    problems.update(check_bounds("end_date", end_date, today))
    if start_date and end_date and end_date < start_date:
        problems.setdefault("end_date", _("The end date must not be before the start date."))
    if "start_date" not in problems:
        problems.update(_too_young("start_date", start_date, birth_date, _("The start of the work period")))
    return problems


@dataclass(frozen=True)
class Ladder:
    """What the requirements item of one position distinguishes: its levels and, per level ("" for none),
    the categories of its ladder (empty for a position without a ladder)."""

    item: int
    categories: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def levels(self) -> frozenset[str]:
        return frozenset(level for level in self.categories if level)

    @property
    def has_ladder(self) -> bool:
        return any(self.categories.values())

    def effective_level(self, level: str) -> str:
        """Item 36 (case manager) names one level only ("жоғары деңгейлі біліктілік маманы"): a blank level is
        that ladder, not "no requirement"."""
        if not level and len(self.levels) == 1:
            return next(iter(self.levels))
        return level


def ladders_on(day: date) -> dict[int, Ladder]:
    """Per position id, the ladder of the requirements in force on `day` (one query)."""
    collected: dict[int, tuple[int, dict[str, set[str]]]] = {}
    rows = Requirement.objects.in_force_on(day).values_list(
        "position_id", "item__number", "qualification_level", "category"
    )
    for position_id, item, level, category in rows:
        _item, categories = collected.setdefault(position_id, (item, {}))
        if category:
            categories.setdefault(level, set()).add(category)
    return {
        pk: Ladder(item=item, categories={level: frozenset(c) for level, c in categories.items()})
        for pk, (item, categories) in collected.items()
    }


def check_assignment(
    *,
    level: str,
    category: str,
    ladders: dict[int, Ladder],
    current: bool,
    position=None,
    position_id: int | None = None,
) -> dict:
    """A post held in a period (a position, or its id): the level and category must exist in the position's
    requirements item (items 15 and 18 distinguish levels, item 21 has none, item 36 has one; only ladders have
    categories)."""
    if position is not None:
        position_id = position.pk
    ladder = ladders.get(position_id) if position_id is not None else None
    if ladder is None:
        return {}
    problems = {}
    levels = ladder.levels
    if level and not levels:
        problems["qualification_level"] = _(
            "Item %(item)s does not distinguish qualification levels for this position: leave the level blank."
        ) % {"item": ladder.item}
    elif level and level not in levels:
        problems["qualification_level"] = _("Item %(item)s has no %(level)s for this position.") % {
            "item": ladder.item,
            "level": label(LEVEL_CHOICES, level),
        }
    elif not level and current and len(levels) > 1:
        problems["qualification_level"] = _(
            "Item %(item)s distinguishes qualification levels for this position: choose the level."
        ) % {"item": ladder.item}
    # "No category" is not a category: it is accepted on any position.
    if category and category != "none":
        if not ladder.has_ladder:
            problems["category"] = _(
                "This position has no category ladder (item %(item)s): leave the category blank."
            ) % {"item": ladder.item}
        elif "qualification_level" not in problems:
            effective = ladder.effective_level(level)
            allowed = ladder.categories.get(effective) or ladder.categories.get("") or frozenset()
            if category not in allowed:
                problems["category"] = _("The ladder of item %(item)s has no %(category)s.") % {
                    "item": ladder.item,
                    "category": label(CATEGORY_CHOICES, category),
                }
    return problems


def raise_if(*problem_dicts: dict) -> None:
    merged = {}
    for problems in problem_dicts:
        for name, message in problems.items():
            merged.setdefault(name, message)
    if merged:
        raise ValidationError({name: [message] for name, message in merged.items()})


def iin_holder(iin: str, *, today: date, exclude_pk: int | None = None):
    """The employee (of any centre) who is employed today, or scheduled, under this IIN, else None."""
    from staffing.models import Employee

    holders = Employee.objects.filter(iin=iin).current(today).select_related("centre")
    if exclude_pk is not None:
        holders = holders.exclude(pk=exclude_pk)
    return holders.order_by("pk").first()


def iin_taken_message(holder, *, may_see: bool) -> str:
    """Who already has the IIN: named only to users who may see that centre's records."""
    if may_see:
        return _("This IIN is already registered: %(centre)s, personnel number %(number)s.") % {
            "centre": holder.centre.name,
            "number": holder.personnel_number,
        }
    return str(_("This IIN is already registered in another centre."))
