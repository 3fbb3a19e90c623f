import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0003_fill_indicators"),
        ("regions", "0002_region_import_scope_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="province",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="regions.province",
                verbose_name="provinsi",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="regency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="regions.regency",
                verbose_name="kabupaten/kota",
            ),
        ),
    ]
