"""Personnel documents as printable HTML and A4 PDF (WeasyPrint), in Kazakh or Russian: orders in the usual
layout of a Kazakh order (centre, number and date, БҰЙЫРАМЫН / ПРИКАЗЫВАЮ, numbered points, basis, signature),
the employee's personal card and the certificate of employment."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from config.dates import today
from config.documents import html_to_pdf
from personnel.models import Certificate, Order
from positions.labels import CATEGORY_CHOICES, LEVEL_CHOICES, label
from staffing.models import Employee
from staffing.selectors import experience_summary
from staffing.templatetags.staffing_tags import age_on, masked_iin


def _d(day) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def _subject(kind: str) -> str:
    return {
        Order.Kind.HIRE: _("On hiring"),
        Order.Kind.TRANSFER: _("On a transfer"),
        Order.Kind.CATEGORY: _("On the assignment of a qualification category"),
        Order.Kind.RATE: _("On a change of rate"),
        Order.Kind.LEAVE: _("On leave"),
        Order.Kind.DISMISSAL: _("On dismissal"),
        Order.Kind.CANCELLATION: _("On cancelling an order"),
    }[kind]


def _point(order: Order, item) -> str:
    values = {
        "name": item.employee.full_name,
        "position": item.position.title
        if item.position_id
        else (item.employee.position.title if item.employee.position_id else ""),
        "date": _d(item.effective_date),
        "category": label(CATEGORY_CHOICES, item.category) if item.category else "",
        "level": label(LEVEL_CHOICES, item.qualification_level) if item.qualification_level else "",
    }
    if order.kind == Order.Kind.HIRE:
        return _("To hire %(name)s as %(position)s from %(date)s.") % values
    if order.kind == Order.Kind.TRANSFER:
        return _("To transfer %(name)s to the post of %(position)s from %(date)s.") % values
    if order.kind == Order.Kind.CATEGORY:
        if not item.category:
            return _("To record %(name)s, %(position)s, without a category from %(date)s.") % values
        return _("To assign %(name)s, %(position)s, the %(category)s from %(date)s.") % values
    if order.kind == Order.Kind.RATE:
        return _("To set %(name)s, %(position)s, a rate of %(rate)s from %(date)s.") % (values | {"rate": item.rate})
    if order.kind == Order.Kind.LEAVE:
        text = _("To grant %(name)s, %(position)s, leave from %(date)s to %(until)s.") % (
            values | {"until": _d(item.end_date)}
        )
        return f"{text} {item.detail}".strip()
    if order.kind == Order.Kind.DISMISSAL:
        return _("To dismiss %(name)s, %(position)s, on %(date)s.") % values
    if order.kind == Order.Kind.CANCELLATION:
        cancelled = order.cancels
        return _("To cancel order No. %(number)s of %(date)s as regards %(name)s.") % {
            "number": cancelled.number,
            "date": _d(cancelled.date),
            "name": item.employee.full_name,
        }
    return item.detail


def _render(template: str, context: dict, language: str) -> str:
    with translation.override(language):
        return render_to_string(template, {"language": language, **context})


def order_html(order: Order, *, language: str, links: dict | None = None) -> str:
    with translation.override(language):
        points = [_point(order, item) for item in order.items.all()]
        context = {
            "order": order,
            "centre_name": order.centre.name,
            "subject": _subject(order.kind),
            "points": points,
            "date": _d(order.date),
            "links": links,
        }
        return render_to_string("personnel/documents/order.html", {"language": language, **context})


def order_pdf(order: Order, *, language: str) -> bytes:
    return html_to_pdf(order_html(order, language=language))


@dataclass(frozen=True)
class PersonalCardPart:
    """A part of the personal card that an app above personnel adds (attestation: its history), registered in
    its AppConfig.ready(): `template` is included with `part` (what `context(employee)` returned)."""

    template: str
    context: Callable[[Employee], dict]


_card_parts: list[PersonalCardPart] = []


def register_personal_card_part(part: PersonalCardPart) -> None:
    if part not in _card_parts:
        _card_parts.append(part)


def _card_context(employee: Employee, show_iin: bool) -> dict:
    day = today()
    periods = list(employee.periods.select_related("position").order_by("start_date", "pk"))
    return {
        "employee": employee,
        "centre_name": employee.centre.name,
        "iin": employee.iin if show_iin else masked_iin(employee.iin),
        "show_personal": show_iin,
        "age": age_on(employee.birth_date, day),
        "education": list(employee.education.select_related("field").order_by("graduation_date", "pk")),
        "periods": periods,
        "experience": experience_summary(periods, day),
        "contracts": list(employee.contracts.prefetch_related("amendments").order_by("signed_on", "pk")),
        "orders": list(employee.order_items.select_related("order").order_by("order__date", "order__sequence")),
        "day": _d(day),
        "parts": [{"template": part.template, **part.context(employee)} for part in _card_parts],
    }


def personal_card_html(employee: Employee, *, language: str, show_iin: bool, links: dict | None = None) -> str:
    return _render(
        "personnel/documents/personal_card.html", _card_context(employee, show_iin) | {"links": links}, language
    )


def personal_card_pdf(employee: Employee, *, language: str, show_iin: bool) -> bytes:
    return html_to_pdf(personal_card_html(employee, language=language, show_iin=show_iin))


def certificate_html(certificate: Certificate, *, language: str, links: dict | None = None) -> str:
    employee = certificate.employee
    # Experience in the centre: the periods since the employee was hired there.
    periods = list(employee.periods.filter(start_date__gte=employee.hire_date).order_by("start_date", "pk"))
    summary = experience_summary(periods, certificate.issued_on)
    context = {
        "certificate": certificate,
        "employee": employee,
        "centre_name": employee.centre.name,
        "experience": summary["total"],
        "links": links,
    }
    return _render("personnel/documents/certificate.html", context, language)


def certificate_pdf(certificate: Certificate, *, language: str) -> bytes:
    return html_to_pdf(certificate_html(certificate, language=language))
