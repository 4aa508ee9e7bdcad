import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

from django.conf import settings  # noqa: E402

# Fail at start-up, not at the first request, when production settings lack a SECRET_KEY (config/settings.py).
settings.SECRET_KEY  # noqa: B018
