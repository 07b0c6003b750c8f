import os

from django.core.wsgi import get_wsgi_application

from cms.longlived import prepare_web_worker

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()
prepare_web_worker()
