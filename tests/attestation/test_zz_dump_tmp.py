import pytest
from attestation.documents import document_pdf, document_html
from tests.attestation.test_documents import *  # noqa

def test_dump(issued):
    c = candidate_of(issued, "011")
    for lang in ("kk", "ru"):
        open(f"/tmp/sheet-{lang}.pdf", "wb").write(document_pdf("sheet", issued, language=lang, candidate=c))
        open(f"/tmp/protocol-{lang}.pdf", "wb").write(document_pdf("protocol", issued, language=lang))
        open(f"/tmp/order-{lang}.pdf", "wb").write(document_pdf("order", issued, language=lang))
    open("/tmp/sheet-kk.html", "w").write(document_html("sheet", issued, language="kk", candidate=c))
