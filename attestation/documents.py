"""Printable attestation documents in Kazakh and Russian: the attestation sheet of one candidate, the
commission's protocol and the draft order, as HTML (what the browser shows and prints) and as PDF (WeasyPrint).

The same template gives both: `document_html` renders it in the requested language and `document_pdf` hands
that HTML to WeasyPrint. What the commission saw is read from the candidate (the post, the engine's verdict
and its reasons frozen when the candidate was taken), never recomputed. Dates are written dd.mm.yyyy; the
fonts are DejaVu, which carry the Kazakh letters (ә ғ қ ң ө ұ ү һ і).
"""

from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from attestation.models import Candidate, CommissionMember, Session
from attestation.reasons import category_label
from config.documents import LANGUAGES, html_to_pdf
from positions.labels import LEVEL_CHOICES, label

SESSION_KINDS = ("protocol", "order")
KINDS = ("sheet", *SESSION_KINDS)
TEMPLATES = {kind: f"attestation/documents/{kind}.html" for kind in KINDS}
ROLE_ORDER = {CommissionMember.Role.CHAIR: 0, CommissionMember.Role.SECRETARY: 1, CommissionMember.Role.MEMBER: 2}
DOCUMENT_FIELDS = ("has_diploma", "has_certificates", "has_employment_record", "has_characteristic")
BLANK = "____"


def day_text(day: date | None, blank: str = BLANK) -> str:
    return day.strftime("%d.%m.%Y") if day else blank


def position_title(position, language: str) -> str:
    """The official Kazakh title; a Russian document adds our translation after it, since the official Russian
    wording of the order is not in the catalogue (a translation of ours is never shown as the law alone)."""
    if position is None:
        return "—"
    if language == "ru" and position.title_ru:
        return f"{position.title_kk} ({position.title_ru})"
    return position.title_kk


@dataclass
class Row:
    """One candidate as a document shows it (labels already in the document's language)."""

    candidate: Candidate
    full_name: str
    personnel_number: str
    position: str
    level: str
    category: str
    next_category: str
    meets_requirements: str
    eligibility: str
    reasons: list[str]
    decision: str
    checklist: list[tuple[str, bool]] = field(default_factory=list)


def _eligibility_text(candidate: Candidate, next_label: str) -> str:
    if not candidate.next_category:
        return _("no next category on this ladder")
    if candidate.eligible:
        if candidate.eligible_from:
            return _("eligible for the %(category)s since %(date)s") % {
                "category": next_label,
                "date": day_text(candidate.eligible_from),
            }
        return _("eligible for the %(category)s") % {"category": next_label}
    if candidate.eligible_from:
        return _("eligible for the %(category)s from %(date)s") % {
            "category": next_label,
            "date": day_text(candidate.eligible_from),
        }
    return _("not eligible for the %(category)s") % {"category": next_label}


def _decision_text(candidate: Candidate, next_label: str) -> str:
    if not candidate.decision:
        return _("not recorded")
    text = candidate.get_decision_display()
    if candidate.decision == Candidate.Decision.ASSIGN_NEXT and candidate.next_category:
        return f"{text}: {next_label}"
    return text


def _row(candidate: Candidate, language: str) -> Row:
    employee, position = candidate.employee, candidate.position
    next_label = category_label(candidate.next_category) if candidate.next_category else "—"
    return Row(
        candidate=candidate,
        full_name=employee.full_name,
        personnel_number=employee.personnel_number,
        position=position_title(position, language),
        level=label(LEVEL_CHOICES, candidate.qualification_level) if candidate.qualification_level else "—",
        category=category_label(candidate.category) if candidate.category else "—",
        next_category=next_label,
        meets_requirements=_("meets the requirements of the post")
        if candidate.meets_requirements
        else _("does not meet the requirements of the post"),
        eligibility=_eligibility_text(candidate, next_label),
        reasons=list(getattr(candidate, f"reasons_{language}") or []),
        decision=_decision_text(candidate, next_label),
        checklist=[
            (str(Candidate._meta.get_field(name).verbose_name), getattr(candidate, name)) for name in DOCUMENT_FIELDS
        ],
    )


def _members(session: Session) -> list[CommissionMember]:
    return sorted(session.members.all(), key=lambda member: (ROLE_ORDER.get(member.role, 9), member.pk))


def _candidates(session: Session):
    return session.candidates.filter(removed=False).select_related("employee", "position")


def document_context(kind: str, session: Session, *, language: str, candidate: Candidate | None = None) -> dict:
    """What the templates need; call it with the document's language active (document_html does)."""
    members = _members(session)
    context = {
        "kind": kind,
        "language": language,
        "session": session,
        "centre": session.centre,
        "centre_name": session.centre.name,
        "session_date": day_text(session.date),
        "meeting_date": day_text(session.commission_date or session.date),
        # "№ 3/2026": numbered per centre and year when the commission is recorded as held
        "protocol_number": session.protocol_label,
        "order_number": session.order_number or BLANK,
        "order_date": day_text(session.order_date),
        "order_issued": session.state == Session.State.ORDER_ISSUED and bool(session.order_date),
        "members": members,
        "chair": next((m for m in members if m.role == CommissionMember.Role.CHAIR), None),
        "secretary": next((m for m in members if m.role == CommissionMember.Role.SECRETARY), None),
        "ordinary_members": [m for m in members if m.role == CommissionMember.Role.MEMBER],
        "blank": BLANK,
    }
    if kind == "sheet":
        context["row"] = _row(candidate, language)
    elif kind == "protocol":
        context["rows"] = [_row(c, language) for c in _candidates(session)]
    else:  # order: the categories assigned, taking effect from the order date
        context["rows"] = [
            _row(c, language) for c in _candidates(session).filter(decision=Candidate.Decision.ASSIGN_NEXT)
        ]
        context["effective_date"] = day_text(session.order_date)
    return context


def _check(kind: str, session: Session, language: str, candidate: Candidate | None) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown document kind {kind!r}; expected one of {', '.join(KINDS)}.")
    if language not in LANGUAGES:
        raise ValueError(f"Documents are written in {' or '.join(LANGUAGES)}, not {language!r}.")
    if kind == "sheet" and (candidate is None or candidate.session_id != session.pk):
        raise ValueError("An attestation sheet needs a candidate of this session.")


def document_html(
    kind: str, session: Session, *, language: str, candidate: Candidate | None = None, extra_context: dict | None = None
) -> str:
    """The document as a standalone, printable HTML page in `language` (kk or ru).

    `extra_context` is for the browser page only (links to the PDF and the other language)."""
    _check(kind, session, language, candidate)
    with translation.override(language):
        context = document_context(kind, session, language=language, candidate=candidate)
        context.update(extra_context or {})
        return render_to_string(TEMPLATES[kind], context)


def document_pdf(kind: str, session: Session, *, language: str, candidate: Candidate | None = None) -> bytes:
    """The document as A4 PDF bytes, rendered by WeasyPrint from the same HTML."""
    return html_to_pdf(document_html(kind, session, language=language, candidate=candidate))


def document_filename(
    kind: str, session: Session, *, candidate: Candidate | None = None, extension: str = "pdf"
) -> str:
    """protocol-<centre code>-<YYYY-MM-DD>.pdf; a sheet adds the employee's personnel number."""
    parts = [kind, session.centre.code, session.date.isoformat()]
    if kind == "sheet" and candidate is not None:
        parts.append(candidate.employee.personnel_number)
    return "-".join(parts) + f".{extension}"
