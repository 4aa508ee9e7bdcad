app_name = "staffing"

urlpatterns = []
