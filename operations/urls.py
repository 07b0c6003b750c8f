from django.urls import path

from . import views

urlpatterns = [
    path("health/", views.live, name="health_live"),
    path("health/ready/", views.ready, name="health_ready"),
    path("metrics", views.prometheus, name="metrics"),
]
