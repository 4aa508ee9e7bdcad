"""The dashboard and the area report; included by attestation.urls into the "attestation" namespace."""

from django.urls import path

from attestation import report_views

urlpatterns = [
    path("centres/<slug:code>/dashboard/", report_views.dashboard, name="dashboard"),
    path("centres/<slug:code>/dashboard.xlsx", report_views.dashboard_export, name="dashboard_export"),
    path("reports/", report_views.area, name="area"),
    path("reports.xlsx", report_views.area_export, name="area_export"),
]
