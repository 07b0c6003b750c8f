"""A newsletter send never waits behind the audio and PDF builds of a big publish: the mail tasks
go to their own queue, and the production shape runs a worker that takes only that queue, next to
the worker for everything else. No queue is left without a worker."""

import re
from pathlib import Path

from celery import current_app
from django.conf import settings
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]


def queue_of(task_name):
    return current_app.amqp.router.route({}, task_name)["queue"].name


def test_mail_tasks_have_their_own_queue_and_builds_the_other():
    for name in ("newsletter.send_batch", "newsletter.send_confirmation", "newsletter.resume_sends"):
        assert queue_of(name) == settings.CELERY_MAIL_QUEUE, name
    for name in ("accessibility.build_page_variants", "signlanguage.build_poster", "report.build_yearly_report"):
        assert queue_of(name) == settings.CELERY_TASK_DEFAULT_QUEUE, name
    # every task of the project is known to the router's queues (none lands in a queue nobody reads)
    ours = [name for name in current_app.tasks if not name.startswith("celery.")]
    assert {queue_of(name) for name in ours} <= {queue.name for queue in settings.CELERY_TASK_QUEUES}


def test_production_shape_runs_a_worker_for_each_queue():
    services = YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())["services"]
    consumed = {}
    for name, service in services.items():
        command = str(service.get("command", ""))
        if " worker" in command:
            queues = re.search(r"-Q\s+(\S+)", command)
            assert queues, f"{name} must name its queues"
            consumed[name] = set(queues.group(1).split(","))
    assert consumed["mailer"] == {"mail"}, "the mailer takes nothing that could hold a send up"
    assert "mail" not in consumed["worker"]
    assert set().union(*consumed.values()) == {"celery", "mail"}  # the queues of cms/settings/base.py
