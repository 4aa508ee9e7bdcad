"""The project's URLs with the report URLs included into the "attestation" namespace, until attestation.urls
includes them itself (then this module is no longer needed)."""

from django.urls import include, path

import attestation.urls
import attestation.urls_reports
from config import urls as project_urls

urlpatterns = [
    path("attestation/", include((attestation.urls.urlpatterns + attestation.urls_reports.urlpatterns, "attestation"))),
    *(pattern for pattern in project_urls.urlpatterns if str(pattern.pattern) != "attestation/"),
]

handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500
