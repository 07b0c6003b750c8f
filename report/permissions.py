"""What a network's editor group may do with yearly reports: order and download its own
network's (the report views check the network; see views.py)."""

from django.contrib.auth.models import Permission

REPORT_PERMISSIONS = ("view_yearlyreport", "add_yearlyreport")


def grant_editor_permissions(group):
    group.permissions.add(*Permission.objects.filter(content_type__app_label="report", codename__in=REPORT_PERMISSIONS))
