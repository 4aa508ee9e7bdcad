"""Attestation's section of the employee card (staffing.card): the verdict on the day, with its reasons, and
the employee's attestation history. Registered in AttestationConfig.ready()."""

from datetime import date

from attestation.reasons import catalogue_names, category_label, verdict_texts
from attestation.selectors import catalogue_lookups, employee_schedule, employee_verdict
from personnel.documents import PersonalCardPart
from staffing.card import CardSection


def _context(employee, day: date) -> dict:
    candidacies = list(employee.candidacies.select_related("session").order_by("-session__date"))
    context = {"day": day, "candidacies": candidacies}
    if employee.is_active:
        catalogue = catalogue_lookups()
        verdict = employee_verdict(employee, day, lineage=catalogue.lineage)
        titles, fields = catalogue_names(catalogue)
        context.update(
            verdict=verdict,
            verdict_reasons=verdict_texts(verdict, on=day, position_titles=titles, field_names=fields),
            verdict_next_label=category_label(verdict.next_category),
            # from the periods and child-care leaves the card has fetched, and the candidacies above
            schedule=employee_schedule(employee, candidacies, day),
        )
    return context


EMPLOYEE_CARD_SECTION = CardSection(template="attestation/_employee_card.html", context=_context)


def _personal_card_context(employee) -> dict:
    """The attestation history on the personal card (personnel.documents): sessions the employee was a
    candidate of (not removed), newest first. One query."""
    return {
        "candidacies": list(
            employee.candidacies.filter(removed=False).select_related("session").order_by("-session__date", "-pk")
        )
    }


PERSONAL_CARD_PART = PersonalCardPart(
    template="attestation/documents/_personal_card_part.html", context=_personal_card_context
)
