from django.contrib import admin
from django.urls import include, path

from desabinaan.api import api
from desabinaan.core.views import healthz

admin.site.site_header = "Desa Binaan Imigrasi"
admin.site.site_title = "Desa Binaan Imigrasi"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("akun/", include("desabinaan.accounts.urls")),
    path("wilayah/", include("desabinaan.regions.urls")),
    path("orang/", include("desabinaan.people.urls")),
    path("desa-binaan/", include("desabinaan.program.urls")),
    path("paspor/", include("desabinaan.passport.urls")),
    path("perlindungan/", include("desabinaan.protection.urls")),
    path("lapor/", include("desabinaan.protection.public_urls")),
    path("sosialisasi/", include("desabinaan.events.urls")),
    path("dasbor/", include("desabinaan.stats.urls")),
    path("statistik/", include("desabinaan.stats.public_urls")),
    path("privasi/", include("desabinaan.privacy.urls")),
    path("", include("desabinaan.web.urls")),
]

# Uploaded files (SK decrees, attachments, report evidence) are never served from a public media URL, not even in
# DEBUG: each app serves its files through a view that checks the user's jurisdiction.

handler404 = "desabinaan.core.views.not_found"
