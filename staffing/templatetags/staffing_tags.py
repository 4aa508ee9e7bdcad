from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(value):
    """Experience as HR officers write it: years, months, days (staffing.experience.Duration or its dict)."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        years, months, days = value["years"], value["months"], value["days"]
    else:
        years, months, days = value.years, value.months, value.days
    return _("%(years)d y %(months)d m %(days)d d") % {"years": years, "months": months, "days": days}


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
