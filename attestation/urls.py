from django.urls import include, path

from attestation import session_views, views

app_name = "attestation"

urlpatterns = [
    path("eligibility/", views.eligibility_list, name="eligibility"),
    path("eligibility/export.xlsx", views.eligibility_export, name="eligibility_export"),
    path("impact/", views.amendment_impact_view, name="impact"),
    path("sessions/", session_views.session_list, name="session_list"),
    path("sessions/<int:pk>/", session_views.session_detail, name="session"),
    path("sessions/<int:pk>/step/<slug:step>/", session_views.session_step, name="session_step"),
    path("sessions/<int:pk>/members/", session_views.member_add, name="member_add"),
    path("sessions/<int:pk>/members/<int:member_pk>/remove/", session_views.member_remove, name="member_remove"),
    path("sessions/<int:pk>/candidates/", session_views.candidate_add, name="candidate_add"),
    path("sessions/<int:pk>/order/", session_views.session_order, name="session_order"),
    path("candidates/<int:pk>/", session_views.candidate_decision, name="candidate"),
    path("candidates/<int:pk>/remove/", session_views.candidate_remove, name="candidate_remove"),
    path("", include("attestation.urls_documents")),
    path("", include("attestation.urls_reports")),
]
