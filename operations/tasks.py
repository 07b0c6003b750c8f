from celery import shared_task

from . import retention


@shared_task(name="operations.purge_unpublished_variants", ignore_result=True)
def purge_unpublished_variants_task():
    retention.purge_unpublished_variants()
