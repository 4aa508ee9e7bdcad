from django.urls import path

from personnel import views

app_name = "personnel"

urlpatterns = [
    path("centres/<slug:code>/hire/", views.hire, name="hire"),
    path("employees/<int:pk>/assignment/", views.assign, name="assign"),
    path("employees/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("employees/<int:pk>/orders/new/", views.other_order, name="other_order"),
    path("employees/<int:pk>/contracts/new/", views.contract_add, name="contract_add"),
    path("employees/<int:pk>/personal-card/", views.personal_card, name="personal_card"),
    path("employees/<int:pk>/certificates/new/", views.certificate_issue, name="certificate_issue"),
    path("certificates/<int:pk>/", views.certificate, name="certificate"),
    path("contracts/<int:pk>/", views.contract_edit, name="contract_edit"),
    path("contracts/<int:pk>/amendments/new/", views.amendment_add, name="amendment_add"),
    path("amendments/<int:pk>/", views.amendment_edit, name="amendment_edit"),
    path("orders/", views.order_list, name="order_list"),
    path("orders/<int:pk>/", views.order_document, name="order"),
    path("orders/<int:pk>/cancel/", views.order_cancel, name="order_cancel"),
    path("calendar/", views.calendar, name="calendar"),
]
