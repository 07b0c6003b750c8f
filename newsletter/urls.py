from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe_view, name="subscribe"),
    path("bestaetigen/<str:token>/", views.confirm_view, name="confirm"),
    path("einstellungen/<str:token>/", views.preferences_view, name="preferences"),
    path("abmelden/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
    path("abmelden/<str:token>/sofort/", views.one_click_unsubscribe, name="one_click"),
    path("archiv/", views.archive_index, name="archive"),
    path("archiv/<int:issue_id>/", views.archive_detail, name="archive_detail"),
]
