from django.urls import path

from .feedback import submit_feedback

urlpatterns = [
    path("accessibility-feedback/<int:page_id>/", submit_feedback, name="accessibility_feedback"),
]
