from django.urls import path

from . import views

app_name = "accessibility"
urlpatterns = [
    path("pages/<int:page_id>/", views.variant_status, name="variant_status"),
    path("pages/<int:page_id>/rebuild/", views.rebuild, name="rebuild"),
    path("pages/<int:page_id>/leichte-sprache/create/", views.create_version, name="create_version"),
    path("pages/<int:page_id>/leichte-sprache/link/", views.link_version, name="link_version"),
    path("pages/<int:page_id>/check/", views.stored_check, name="stored_check"),
    path("check/", views.live_check, name="check_text"),
    path("reports/missing-leichte-sprache/", views.MissingLeichteSpracheReport.as_view(), name="missing_report"),
    path(
        "reports/missing-leichte-sprache/results/",
        views.MissingLeichteSpracheReport.as_view(results_only=True),
        name="missing_report_results",
    ),
]
