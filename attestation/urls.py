from django.urls import path

from attestation import views

app_name = "attestation"

urlpatterns = [
    path("eligibility/", views.eligibility_list, name="eligibility"),
    path("eligibility/export.xlsx", views.eligibility_export, name="eligibility_export"),
    path("impact/", views.amendment_impact_view, name="impact"),
]
