"""What every printable document shares (attestation's and personnel's): the languages documents are written in,
the language a request asks for, the toolbar's links and the PDF rendering (templates/documents/_base.html)."""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

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
