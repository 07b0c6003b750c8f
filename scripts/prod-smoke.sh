#!/usr/bin/env bash
# The production shape, run exactly as docker-compose.yml runs it, but as local processes:
# gunicorn + Celery worker + Celery beat with cms.settings.production, PostgreSQL, Redis and an
# SMTP server. Migrate, load the demo, wait for /health/ready/, read a page and the API, sign up
# for a newsletter through the worker, then shut everything down and check it stopped cleanly.
# Needs: PostgreSQL on 127.0.0.1:5432 (trust auth, as on our machines and in CI), redis-server.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
BIN=$(dirname "$PY")
WORK=$(mktemp -d /tmp/miteinander-smoke.XXXXXX)
DB=miteinander_smoke_$$
PGURL=${SMOKE_PG_URL:-postgres://postgres@127.0.0.1:5432}
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REDIS_PORT=$(free_port); SMTP_PORT=$(free_port); WEB_PORT=$(free_port)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$PGURL/postgres" -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  [ "${SMOKE_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "prod-smoke: $*"; }

step "throwaway Redis :$REDIS_PORT, SMTP :$SMTP_PORT, database $DB, work dir $WORK"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
mkdir -p "$WORK/Maildir/tmp" "$WORK/Maildir/new" "$WORK/Maildir/cur"
"$PY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/Maildir" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)
psql "$PGURL/postgres" -q -c "CREATE DATABASE $DB" >/dev/null

# The environment docker-compose.yml gives web, worker and beat (x-app), pointed at local servers.
export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="prod-smoke-$(date +%s)-$RANDOM-0123456789abcdefghijklmnopqrstuvwxyz"
export ALLOWED_HOSTS="127.0.0.1,localhost,.localhost"
export DATABASE_URL="$PGURL/$DB"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$SMTP_PORT
export DEFAULT_FROM_EMAIL="Miteinander <newsletter@localhost>"
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$WEB_PORT"
export SECURE_SSL_REDIRECT=false
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export BEAT_HEARTBEAT_SECONDS=5 PYTHONUNBUFFERED=1

step "collectstatic, migrate, load_demo"
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_demo >"$WORK/load_demo.log" 2>&1 || { cat "$WORK/load_demo.log"; exit 1; }

step "gunicorn :$WEB_PORT, Celery worker and mailer, Celery beat"
"$BIN/gunicorn" cms.wsgi:application --bind "127.0.0.1:$WEB_PORT" --workers 2 >"$WORK/web.log" 2>&1 &
WEB=$!; PIDS+=($WEB)
"$BIN/celery" -A cms worker -Q celery --loglevel INFO --concurrency 1 -n "smoke@%h" >"$WORK/worker.log" 2>&1 &
WORKER=$!; PIDS+=($WORKER)
"$BIN/celery" -A cms worker -Q mail --loglevel INFO --concurrency 1 -n "smoke-mailer@%h" >"$WORK/mailer.log" 2>&1 &
MAILER=$!; PIDS+=($MAILER)
"$BIN/celery" -A cms beat --loglevel INFO --schedule "$WORK/celerybeat-schedule" >"$WORK/beat.log" 2>&1 &
BEAT=$!; PIDS+=($BEAT)

if ! "$PY" scripts/prod_smoke_checks.py "http://127.0.0.1:$WEB_PORT" "$WORK/Maildir" "$WORK"; then
  for log in web worker mailer beat; do echo "--- $log.log (last 40 lines)"; tail -n 40 "$WORK/$log.log"; done
  exit 1
fi

step "shutting down (SIGTERM), as docker compose stop does"
kill -TERM "$WEB" "$WORKER" "$MAILER" "$BEAT"
status=0
for pid in "$WEB" "$WORKER" "$MAILER" "$BEAT"; do
  rc=0
  timeout 60 tail --pid="$pid" -f /dev/null || { echo "process $pid did not stop within 60 s"; status=1; }
  wait "$pid" || rc=$?
  if [ "$rc" -ne 0 ]; then echo "process $pid exited with $rc"; status=1; fi
done
[ "$status" -eq 0 ] && step "passed" || step "FAILED"
exit "$status"
