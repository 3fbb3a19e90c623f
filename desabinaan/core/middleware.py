"""Security headers every response carries."""

# No inline script or style anywhere, so the policy needs no 'unsafe-inline'. All assets come from the app itself.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/v1/docs"):
            # The interactive API docs page loads Swagger UI assets served by the app and needs an inline bootstrap.
            response.headers.setdefault(
                "Content-Security-Policy",
                CONTENT_SECURITY_POLICY.replace(
                    "script-src 'self'", "script-src 'self' 'unsafe-inline'"
                ).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
            )
        else:
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
