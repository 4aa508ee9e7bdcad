app_name = "attestation"

urlpatterns = []
