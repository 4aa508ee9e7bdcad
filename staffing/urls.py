from django.urls import path

from staffing import views

app_name = "staffing"

urlpatterns = [
    path("", views.employee_list, name="employee_list"),
    path("employees/<int:pk>/", views.employee_detail, name="employee"),
    path("employees/<int:pk>/changes/", views.employee_changes, name="employee_changes"),
    path("employees/<int:pk>/edit/", views.employee_edit, name="employee_edit"),
    path("employees/<int:pk>/restore/", views.employee_restore, name="employee_restore"),
    path("employees/<int:pk>/education/", views.education_add, name="education_add"),
    path("employees/<int:pk>/periods/", views.work_period_add, name="period_add"),
    path("employees/<int:pk>/education/<int:row>/", views.education_edit, name="education_edit"),
    path("employees/<int:pk>/education/<int:row>/delete/", views.education_delete, name="education_delete"),
    path("employees/<int:pk>/periods/<int:row>/", views.work_period_edit, name="period_edit"),
    path("employees/<int:pk>/periods/<int:row>/delete/", views.work_period_delete, name="period_delete"),
    path("employees/<int:pk>/child-care-leave/", views.child_care_leave_add, name="leave_add"),
    path("employees/<int:pk>/child-care-leave/<int:row>/delete/", views.child_care_leave_delete, name="leave_delete"),
    path("employees/<int:pk>/dismissal/cancel/", views.employee_dismissal_cancel, name="dismissal_cancel"),
    path("centres/", views.centre_list, name="centre_list"),
    path("centres/<slug:code>/", views.centre_detail, name="centre"),
    path("centres/<slug:code>/export.xlsx", views.centre_export, name="centre_export"),
    path("import/", views.import_upload, name="import"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("import/cancel/", views.import_cancel, name="import_cancel"),
    path("import/template.xlsx", views.import_template, name="import_template"),
    path("access-log/", views.access_log, name="access_log"),
]
