from django.urls import path

from . import views

app_name = "loginsecurity"
urlpatterns = [
    path("", views.start, name="start"),
    path("einrichten/", views.setup, name="setup"),
    path("pruefen/", views.verify, name="verify"),
    path("wiederherstellungscodes/", views.new_recovery_codes, name="new_recovery_codes"),
]
