from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

admin.site.site_header = _("Family-support centres: HR")
admin.site.site_title = _("Family-support centres: HR")

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name none (a PDF, a downloaded file).
    path("favicon.ico", login_not_required(RedirectView.as_view(url=settings.STATIC_URL + "favicon.svg"))),
    path("", include("home.urls")),
    path("", include("accounts.urls")),
    # The language switcher must work on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("positions/", include("positions.urls")),
    path("staff/", include("staffing.urls")),
    path("personnel/", include("personnel.urls")),
    path("attestation/", include("attestation.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
