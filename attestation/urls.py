from django.urls import path

from attestation.views import documents, eligibility, reports, sessions

app_name = "attestation"

urlpatterns = [
    path("eligibility/", eligibility.eligibility_list, name="eligibility"),
    path("eligibility/export.xlsx", eligibility.eligibility_export, name="eligibility_export"),
    path("impact/", eligibility.amendment_impact_view, name="impact"),
    path("sessions/", sessions.session_list, name="session_list"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("sessions/<int:pk>/step/<slug:step>/", sessions.session_step, name="session_step"),
    path("sessions/<int:pk>/meeting/", sessions.session_meeting, name="session_meeting"),
    path("sessions/<int:pk>/decisions/", sessions.candidates_decide, name="candidates_decide"),
    path("sessions/<int:pk>/send-back/", sessions.session_send_back, name="session_send_back"),
    path("sessions/<int:pk>/cancel/", sessions.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/members/", sessions.member_add, name="member_add"),
    path("sessions/<int:pk>/members/<int:member_pk>/remove/", sessions.member_remove, name="member_remove"),
    path("sessions/<int:pk>/candidates/", sessions.candidate_add, name="candidate_add"),
    path("sessions/<int:pk>/order/", sessions.session_order, name="session_order"),
    path("candidates/<int:pk>/", sessions.candidate_decision, name="candidate"),
    path("candidates/<int:pk>/remove/", sessions.candidate_remove, name="candidate_remove"),
    path("sessions/<int:pk>/documents/<str:kind>/", documents.document, name="session_document"),
    path("candidates/<int:pk>/sheet/", documents.candidate_sheet, name="candidate_sheet"),
    path("centres/<slug:code>/dashboard/", reports.dashboard, name="dashboard"),
    path("centres/<slug:code>/dashboard.xlsx", reports.dashboard_export, name="dashboard_export"),
    path("reports/", reports.area, name="area"),
    path("reports.xlsx", reports.area_export, name="area_export"),
]
