from django.urls import path

from positions import views

app_name = "positions"

urlpatterns = [
    path("", views.position_list, name="list"),
    path("search/", views.clause_search, name="search"),
    path("readings/", views.order_readings, name="readings"),
    path("<slug:code>/", views.position_detail, name="detail"),
    path("<slug:code>/compare/", views.position_compare, name="compare"),
]
