"""What a network's editor group may do with forms: read and delete its network's
submissions (the per-site policy in apps.py keeps other networks' submissions out of reach)."""

from django.contrib.auth.models import Permission

SUBMISSION_PERMISSIONS = ("view_formsubmission", "delete_formsubmission")


def grant_editor_permissions(group):
    """Called by home.editors.ensure_editor_group; safe to call repeatedly."""
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="participation", codename__in=SUBMISSION_PERMISSIONS)
    )
    from report.permissions import grant_editor_permissions as grant_report_permissions

    grant_report_permissions(group)
