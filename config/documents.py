"""What every printable document shares (attestation's and personnel's): the languages documents are written in,
the language a request asks for, the toolbar's links, the PDF rendering (templates/documents/_base.html) and the
answer to a document's request."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

LANGUAGES = ("kk", "ru")  # documents are official papers: Kazakh or Russian, never English


def language_of(request) -> str:
    """`lang=kk|ru` from the query string; else the interface language when it is kk or ru; else kk."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGES:
        return asked
    active = (translation.get_language() or "").split("-")[0]
    return active if active in LANGUAGES else "kk"


def document_links(request, language: str, back: str | None = None) -> dict:
    """The toolbar of the document's page: back (else the browser's history), the PDF, the other language."""
    names = dict(settings.LANGUAGES)
    return {
        "back": back,
        "pdf": f"{request.path}?{urlencode({'lang': language, 'format': 'pdf'})}",
        "languages": [
            (code, names.get(code, code), f"{request.path}?{urlencode({'lang': code})}")
            for code in LANGUAGES
            if code != language
        ],
    }


def html_to_pdf(html: str) -> bytes:
    """A4 PDF bytes of a document's HTML."""
    from weasyprint import HTML  # imported here: loading WeasyPrint (pango, fonts) is slow

    return HTML(string=html).write_pdf()


def document_response(
    request,
    *,
    filename: str,
    pdf: Callable[[str], bytes],
    html: Callable[[str, dict], str],
    back: str | None = None,
) -> HttpResponse:
    """The document in the language asked for (language_of): with ?format=pdf its A4 PDF as an attachment named
    `filename`, else its page with the toolbar. `pdf(language)` and `html(language, links)` render it."""
    language = language_of(request)
    if request.GET.get("format") == "pdf":
        response = HttpResponse(pdf(language), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
        return response
    page = html(language, document_links(request, language, back))
    return HttpResponse(page, content_type="text/html; charset=utf-8", headers={"Content-Language": language})
