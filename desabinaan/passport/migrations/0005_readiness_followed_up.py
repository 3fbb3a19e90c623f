from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("passport", "0004_fill_route_rules"),
    ]

    operations = [
        migrations.AddField(
            model_name="readinesscheck",
            name="followed_up_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="ditindaklanjuti pada"
            ),
        ),
    ]
