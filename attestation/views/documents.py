"""Attestation documents in the browser (printable HTML) and as PDF downloads, in Kazakh or Russian.

Query parameters: `lang=kk|ru` (default: the interface language when it is kk or ru, else kk) and
`format=html|pdf` (default html). Users without a staff role get 403; a session or candidate of a centre the
user does not see is a 404, like any other record outside their scope.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from attestation.documents import SESSION_KINDS, document_filename, document_html, document_pdf
from attestation.models import Candidate, Session
from config.documents import document_response
from staffing.access import get_visible_or_404, may_see_staff, visible_centres


def _require_staff(request) -> None:
    if not may_see_staff(request.user):
        raise PermissionDenied


def _session_url(session: Session) -> str | None:
    try:
        return session.get_absolute_url()
    except NoReverseMatch:  # the session pages are not wired in
        return None


def _respond(request, kind: str, session: Session, candidate: Candidate | None = None) -> HttpResponse:
    return document_response(
        request,
        filename=document_filename(kind, session, candidate=candidate),
        pdf=lambda language: document_pdf(kind, session, language=language, candidate=candidate),
        html=lambda language, links: document_html(
            kind, session, language=language, candidate=candidate, extra_context={"links": links}
        ),
        back=_session_url(session),
    )


@require_safe
@never_cache
def document(request, pk: int, kind: str):
    """The protocol or the draft order of session `pk`."""
    _require_staff(request)
    if kind not in SESSION_KINDS:
        raise Http404
    sessions = Session.objects.filter(centre__in=visible_centres(request.user)).select_related("centre")
    session = get_visible_or_404(sessions, pk=pk)
    return _respond(request, kind, session)


@require_safe
@never_cache
def candidate_sheet(request, pk: int):
    """The attestation sheet of one candidate (removed candidates have none)."""
    _require_staff(request)
    candidates = Candidate.objects.filter(
        session__centre__in=visible_centres(request.user), removed=False
    ).select_related("session__centre", "employee", "position")
    candidate = get_visible_or_404(candidates, pk=pk)
    return _respond(request, "sheet", candidate.session, candidate)
