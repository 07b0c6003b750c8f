# Production image: gunicorn serves the web app; the same image runs Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=cms.settings.production
WORKDIR /app

COPY scripts/install-system-packages.sh scripts/
RUN ./scripts/install-system-packages.sh && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home miteinander && mkdir -p /app/media && chown miteinander /app/media
USER miteinander
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
# No gunicorn access log: the app writes one JSON line per request (operations/logs.py), without addresses.
