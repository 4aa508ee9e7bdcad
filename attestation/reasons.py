"""The engine's reasons as sentences an HR officer reads, in the active language (kk, ru or en).

Every sentence starts with the item of the order it comes from. Experience is written as years, months and
days (staffing.experience), dates as dd.mm.yyyy.
"""

from datetime import date

from django.utils.translation import gettext as _

from attestation.rules import Reason
from attestation.selectors import catalogue_lookups
from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, label
from positions.wording import duration_text, education_text, experience_text


def _date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def category_label(code: str | None) -> str:
    """One wording per category on every page and in every reason ("екінші санат", also for item 21's "II санатты
    психолог"), so a table never mixes two names of one category."""
    return label(CATEGORY_CHOICES, code) if code else _("no category")


def post_label(params: dict, position_titles: dict[str, str]) -> str:
    parts = [position_titles.get(params.get("position"), params.get("position") or "—")]
    if params.get("level"):
        parts.append(label(LEVEL_CHOICES, params["level"]))
    if params.get("category"):
        parts.append(category_label(params["category"]))
    return ", ".join(parts)


def _education(params: dict, field_names: dict[str, str]) -> str:
    return education_text(params["levels"], params["fields"], field_names)


def _experience_need(params: dict, position_titles: dict[str, str]) -> str:
    positions = ""
    if params["kind"] == "category":
        positions = ", ".join(position_titles.get(code, code) for code in params["positions"])
    return experience_text(
        params["kind"],
        params["required_years"],
        sectors=params["sectors"],
        positions_text=positions,
        category_text=category_label(params.get("experience_category")),
    )


def _experience_outcome(params: dict, today: date) -> str:
    have = duration_text(params["have"])
    reached = params.get("reached_on")
    if reached and reached <= today:
        return _("has %(have)s, reached on %(date)s") % {"have": have, "date": _date(reached)}
    if reached:
        return _("has %(have)s, will be reached on %(date)s") % {"have": have, "date": _date(reached)}
    return _("has %(have)s, not reached with the periods recorded") % {"have": have}


def reading_labels() -> dict[str, str]:
    """One short sentence per reading of the product (docs/glossary.md, "Readings"), in the active language."""
    return {
        "managerial_by_profile": _("reading: only managerial posts in organisations of the profile count"),
        "blank_flag_not_established": _("reading: a period whose flag is blank is not counted (not established)"),
        "education_levels_nest": _("reading: a higher level of education meets the requirement of a lower one"),
        "case_manager_one_ladder": _("reading: item 36 has one ladder, whatever level is recorded"),
        "previous_category_same_post": _(
            "reading: the years in the previous category count in the same position and level"
        ),
        "relevant_specialty_defaults": _("reading: the fields of “the relevant specialty” are the product's"),
        "postgraduate_for_higher": _("reading: postgraduate education meets plain “higher education”"),
    }


def _readings(params: dict) -> str:
    codes = params.get("readings") or []
    if not codes:
        return ""
    labels = reading_labels()
    return " (" + "; ".join(labels.get(code, code) for code in codes) + ")"


def reason_text(reason: Reason, *, on: date, position_titles: dict[str, str], field_names: dict[str, str]) -> str:
    params = reason.params
    if reason.code == "requirement_invalid":
        # The row failed the schema when it was read (attestation.selectors); the editors' start page flags it.
        return _("the requirement of item %(item)s is invalid — the catalogue editor has been told") % {
            "item": reason.item
        }
    prefix = _("item %(item)s") % {"item": reason.item} if reason.item else _("order No. 580-НҚ")
    alternative = ""
    if params.get("alternatives", 1) > 1:
        alternative = _("option %(number)d of %(count)d: ") % {
            "number": params["alternative"] + 1,
            "count": params["alternatives"],
        }
    if reason.code == "not_in_force":
        sentence = _("order No. %(act)s is not yet in force on %(date)s (it applies from %(from)s at the earliest)") % {
            "act": params["act"],
            "date": _date(params["on"]),
            "from": _date(params["in_force_from"]),
        }
    elif reason.code == "category_not_in_ladder":
        sentence = _("there is no %(category)s for %(post)s: the recorded category is outside the ladder") % {
            "category": category_label(params.get("category")),
            "post": position_titles.get(params.get("position"), params.get("position") or "—"),
        }
    elif reason.code == "no_requirement":
        sentence = _("the order sets no requirement for %(post)s") % {"post": post_label(params, position_titles)}
    elif reason.code == "no_ladder":
        sentence = _("this position has no category ladder")
    elif reason.code == "top_of_ladder":
        sentence = _("the top of the category ladder has been reached")
    elif reason.code in ("education", "next_education"):
        text = {
            (True, "education"): _("education %(education)s required: met"),
            (False, "education"): _("education %(education)s required: not in the employee's records"),
            (True, "next_education"): _("for the %(next)s, education %(education)s required: met"),
            (False, "next_education"): _(
                "for the %(next)s, education %(education)s required: not in the employee's records"
            ),
        }[(reason.ok, reason.code)]
        sentence = text % {
            "education": _education(params, field_names),
            "next": category_label(params.get("category")),
        }
    elif reason.code == "experience":
        sentence = _("%(need)s required: %(outcome)s") % {
            "need": _experience_need(params, position_titles),
            "outcome": _experience_outcome(params, on),
        }
    else:  # next_experience
        sentence = _("for the %(next)s, %(need)s required: %(outcome)s") % {
            "next": category_label(params.get("next_category")),
            "need": _experience_need(params, position_titles),
            "outcome": _experience_outcome(params, on),
        }
    return f"{prefix}: {alternative}{sentence}{_readings(params)}"


def verdict_texts(verdict, *, on: date, position_titles: dict[str, str], field_names: dict[str, str]) -> list[str]:
    return [
        reason_text(reason, on=on, position_titles=position_titles, field_names=field_names)
        for reason in verdict.reasons
    ]


def catalogue_names(catalogue=None) -> tuple[dict[str, str], dict[str, str]]:
    """Position titles and field names in the active language, for rendering many verdicts (two queries unless
    the catalogue lookups of the request are given)."""
    catalogue = catalogue or catalogue_lookups()
    return catalogue.position_titles(), catalogue.field_names()
