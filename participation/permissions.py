"""What a network's editor group may do with forms: read and delete its network's
submissions (the per-site policy in apps.py keeps other networks' submissions out of reach)."""

SUBMISSION_PERMISSIONS = ("view_formsubmission", "delete_formsubmission")
