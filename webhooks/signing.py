"""The signature on every webhook, in the style of Stripe and GitHub.

``Miteinander-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>``.
A receiver recomputes it over the raw body, compares in constant time and refuses a ``t`` older
than a few minutes (replays)."""

import hashlib
import hmac
import time

HEADER = "Miteinander-Signature"


def signature(secret, body, timestamp):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret, body, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={timestamp},v1={signature(secret, body, timestamp)}"


def verify(secret, body, header, tolerance=300, now=None):
    """What a receiver does: True when the header signs this body and is recent."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(parts.get("v1", ""), signature(secret, body, timestamp))
