"""The screening page names what raised the advisory level by the indicator's label, with its points in words."""

from django.urls import reverse

from desabinaan.protection.models import Indicator


def test_the_breakdown_shows_labels_and_points_not_codes(world, login, screening):
    html = login(world.fajar).get(reverse("protection:screening", args=[screening.pk])).content.decode()
    breakdown = html[
        html.index('data-testid="breakdown"') : html.index("</ul>", html.index('data-testid="breakdown"'))
    ]
    label = Indicator.objects.filter(code="upfront_money_or_debt").latest("pk").label
    assert label in breakdown
    assert "+4 poin" in breakdown
    assert "upfront_money_or_debt" not in breakdown
