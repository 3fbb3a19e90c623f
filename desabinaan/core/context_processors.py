from django.conf import settings

# Role values of accounts.Role, spelled out here because core sits below accounts (see ARCHITECTURE.md).
OFFICE_ROLES = frozenset({"national_admin", "kanwil", "officer", "pimpasa"})
VILLAGE_ROLES = frozenset({"liaison"})
PARTNER_ROLES = frozenset({"partner"})


def site(request):
    return {"DEMO_MODE": settings.DEMO_MODE, "SITE_URL": settings.SITE_URL, "nav": nav_for(request.user)}


def nav_for(user) -> dict[str, bool]:
    """Which menu items the signed-in user's role can use; each mirrors the rule of the page it opens.

    people, program, events, readiness: pages for users with a jurisdiction (accounts.scope: offices and village
    liaisons; partner agencies have none). protection: offices, partner agencies and liaisons
    (protection.selectors.can_see_protection). regions (the public village search) and API tokens are office
    tools: a liaison works in one village through the pages; a partner agency may integrate referrals by API.
    privacy: data-subject requests for offices and liaisons (privacy.selectors.can_see_requests); breaches: the
    breach register and the processing record for offices (can_see_breaches).
    `core/tests/test_menu.py` checks each shown link opens and each hidden page is refused.
    """
    if not getattr(user, "is_authenticated", False):
        return {}
    role = getattr(user, "role", "")
    office = user.is_superuser or role in OFFICE_ROLES
    scoped = office or role in VILLAGE_ROLES
    return {
        "people": scoped,
        "program": scoped,
        "events": scoped,
        "readiness": scoped,
        "protection": scoped or role in PARTNER_ROLES,
        "privacy": scoped,
        "breaches": office,
        "regions": office,
        "tokens": office or role in PARTNER_ROLES,
        "admin": user.is_staff,
    }
