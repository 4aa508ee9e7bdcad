from django import template
from django.utils.translation import gettext as _

from positions.wording import duration_text

register = template.Library()


@register.filter
def duration(value):
    """Experience as HR officers write it: years, months, days (staffing.experience.Duration or its dict)."""
    return duration_text(value)


@register.filter
def masked_iin(iin):
    """The IIN with its birth-date and serial digits hidden, for roles that do not need it in full."""
    return f"{iin[:2]}••••••••{iin[-2:]}" if iin else ""


@register.filter
def age_on(birth_date, day):
    """Whole years of age on the day: what a reader who may not see the birth date is shown instead."""
    if not birth_date or not day:
        return ""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


@register.filter
def flag(value):
    """A period's yes/no flag; blank is "not established" (it counts as no) so that HR can fix it."""
    if value is None:
        return _("not established")
    return _("yes") if value else _("no")
