"""Attestation documents. No app_name: attestation/urls.py includes these into the "attestation" namespace."""

from django.urls import path

from attestation import document_views

urlpatterns = [
    path("sessions/<int:pk>/documents/<str:kind>/", document_views.document, name="session_document"),
    path("candidates/<int:pk>/sheet/", document_views.candidate_sheet, name="candidate_sheet"),
]
