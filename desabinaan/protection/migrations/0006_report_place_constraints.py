from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("protection", "0005_fill_report_place")]

    operations = [
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(("village__isnull", True), ("regency__isnull", False), _connector="OR"),
                name="report_village_has_regency",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(("regency__isnull", True), ("province__isnull", False), _connector="OR"),
                name="report_regency_has_province",
            ),
        ),
    ]
