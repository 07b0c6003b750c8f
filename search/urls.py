from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("vorschlaege/", views.autocomplete, name="autocomplete"),
]
