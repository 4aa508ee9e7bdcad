"""The project's URLs with the document views under the "attestation" namespace, for test_documents.py while
attestation/urls.py does not include attestation.urls_documents yet (the test uses it only in that case)."""

from django.urls import include, path

from attestation import urls as attestation_urls
from attestation import urls_documents
from config.urls import handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [pattern for pattern in project_urlpatterns if getattr(pattern, "namespace", None) != "attestation"] + [
    path("attestation/", include((attestation_urls.urlpatterns + urls_documents.urlpatterns, "attestation"))),
]
