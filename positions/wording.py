"""Requirement values and durations as words, in the active language: one wording for the position page, the
employee card and the engine's reasons."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from positions.labels import EDUCATION_LEVEL_CHOICES, SECTOR_CHOICES, label


def years_text(count: int) -> str:
    return ngettext("%(count)d year", "%(count)d years", count) % {"count": count}


def duration_text(value) -> str:
    """Experience as HR officers write it, years, months and days: a staffing.experience.Duration or its dict."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        years, months, days = value["years"], value["months"], value["days"]
    else:
        years, months, days = value.years, value.months, value.days
    return _("%(years)d y %(months)d m %(days)d d") % {"years": years, "months": months, "days": days}


def education_text(levels, fields, field_names: dict[str, str]) -> str:
    levels_text = " / ".join(label(EDUCATION_LEVEL_CHOICES, level) for level in levels)
    if not fields:
        return levels_text
    return f"{levels_text} ({', '.join(field_names.get(code, code) for code in fields)})"


def experience_text(kind: str, years: int, *, sectors=(), category_text: str = "", positions_text: str = "") -> str:
    """E.g. "3 years of experience in: education, health care" or "1 year as Психолог in the no category"."""
    years_part = years_text(years)
    if kind == "sectors":
        sectors_text = ", ".join(label(SECTOR_CHOICES, code) for code in sectors)
        return _("%(years)s of experience in: %(sectors)s") % {"years": years_part, "sectors": sectors_text}
    if kind == "managerial":
        return _("%(years)s in managerial posts") % {"years": years_part}
    if kind == "profile":
        return _("%(years)s in the relevant activity by the organisation's profile") % {"years": years_part}
    if positions_text:
        return _("%(years)s as %(position)s in the %(category)s") % {
            "years": years_part,
            "position": positions_text,
            "category": category_text,
        }
    return _("%(years)s in the %(category)s") % {"years": years_part, "category": category_text}
