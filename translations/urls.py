from django.urls import path

from . import views

urlpatterns = [
    path("translation-request/", views.request_translation, name="translation_request"),
]
