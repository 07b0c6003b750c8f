from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from cms.api import api
from home import views as home_views
from newsletter.webhooks import authenticated_anymail_urls
from publicsite import routing
from publicsite.sitemaps import robots_txt, sitemap
from publicsite.theme import theme_stylesheet

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/2fa/passkey/", include("loginsecurity.webauthn_urls")),
    path("admin/2fa/", include("loginsecurity.urls")),
    path("admin/pages/<int:page_id>/headless-preview/", home_views.headless_preview, name="headless_preview"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("images/<str:signature>/<int:image_id>/<str:filter_spec>/", ServeView.as_view(), name="wagtailimages_serve"),
    path("api/v3/", api.urls),
    path("anymail/", include(authenticated_anymail_urls())),  # 401 without the webhook secret
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("theme.css", theme_stylesheet, name="theme_css"),
    path("healthz", lambda request: HttpResponse("ok", content_type="text/plain"), name="healthz"),
    path("", include("operations.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public forms of the accessibility statement and the translation request (unprefixed).
urlpatterns += [path("", include("signlanguage.urls")), path("", include("translations.urls"))]
urlpatterns += [path("feeds/", include("publicsite.urls"))]
# German pages keep their unprefixed URLs; translations live under /en/, /ar/ …
# Wagtail's own page URLs, its page view routed in two queries (publicsite/routing.py).
page_urls = [pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", "") != "wagtail_serve"]
page_urls.append(re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"))
# The reader's own pages too: /suche/ and /newsletter/ in German, /ar/suche/ searches the Arabic
# pages and /ar/newsletter/ signs up in Arabic (links in mails stay unprefixed: they still work).
urlpatterns += i18n_patterns(
    path("suche/", include("search.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("", include(page_urls)),
    prefix_default_language=False,
)
