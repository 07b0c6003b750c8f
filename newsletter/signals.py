"""Signals of the newsletter app, for apps above it (webhooks) to react to."""

from django.dispatch import Signal

# Sent once when an issue's last delivery is done and the issue becomes "sent" (kwargs: issue_id).
issue_sent = Signal()
