# Fixture: demo project's URL configuration (admin only).
from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
