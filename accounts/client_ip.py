"""The client's address for django-axes (AXES_CLIENT_IP_CALLABLE): failed sign-ins are counted per username and
address, so behind a proxy the address must be the client's, not the proxy's, and not one the client made up.

With PROXY_COUNT = N (the number of proxies in front of the app, each appending the address it received the
request from to X-Forwarded-For), the client is the N-th address from the right: anything further left was
sent by the client itself and is not trusted. Without PROXY_COUNT the header is ignored (REMOTE_ADDR)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(hops) < count:
        # Fewer hops than proxies: the request did not come the documented way; the peer is all we know.
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
