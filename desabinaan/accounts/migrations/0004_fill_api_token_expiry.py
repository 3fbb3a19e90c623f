"""Existing API tokens: valid for API_TOKEN_DAYS from their creation, bound to their owner's current password."""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import migrations


def fill(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    days = dt.timedelta(days=settings.API_TOKEN_DAYS)
    for token in ApiToken.objects.select_related("user").filter(expires_at__isnull=True):
        token.expires_at = token.created_at + days
        # Same as models.password_marker (historical models have no methods).
        token.password_marker = hashlib.sha256(token.user.password.encode()).hexdigest()
        token.save(update_fields=["expires_at", "password_marker"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_api_token_expiry_login_address")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
