"""One place that refuses text no view can store or look up: NUL characters and lone surrogates.

PostgreSQL text cannot hold a NUL (psycopg raises on it), and a lone UTF-16 surrogate
(``"\\ud800"`` in JSON) cannot be encoded as UTF-8 at all. Both only come from broken or hostile
clients, so the request is refused with 400 before a view sees it, instead of a 500 deep in a
query. Django's forms already refuse NUL in form fields; this covers the path, the query string
(``?search=``, ``?site=``, ``?html_path=`` …) and the API's JSON bodies (``UnstorableTextParser``).
"""

import json

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from ninja.parser import Parser

API_PREFIX = "/api/"


def unstorable(text):
    """Why ``text`` cannot be stored, or None when it can."""
    if "\x00" in text:
        return "NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "lone surrogate"
    return None


def find_unstorable(value, where):
    """The first place in a decoded JSON value that holds unstorable text, as (where, why)."""
    if isinstance(value, str):
        reason = unstorable(value)
        return (where, reason) if reason else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = (isinstance(key, str) and find_unstorable(key, f"{where}.{key}")) or find_unstorable(
            item, f"{where}.{key}"
        )
        if found:
            return found
    return None


def request_problem(request):
    """Where the request carries unstorable text in its path or query string, or None."""
    found = find_unstorable(request.path, "path")
    if found:
        return found
    for key, values in request.GET.lists():
        found = find_unstorable(key, "query") or find_unstorable(values, f"query.{key}")
        if found:
            return found
    return None


def refuse(request, where, reason):
    if request.path.startswith(API_PREFIX):
        from wagtail.api.v3.errors import problem_response

        return problem_response(status=400, detail=f"{where}: contains a {reason}, which is not allowed")
    return HttpResponseBadRequest(
        _("The request contains characters that cannot be processed (such as a null character)."),
        content_type="text/plain; charset=utf-8",
    )


class RejectUnstorableInputMiddleware:
    """Answers 400 to a request whose path or query string holds a NUL or a lone surrogate."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = request_problem(request)
        if found:
            return refuse(request, *found)
        return self.get_response(request)


class BadBody(ValueError):
    """Why a JSON body was refused; Ninja wraps it in a 400, ``cms.api`` shows this text."""


class UnstorableTextParser(Parser):
    """The API's JSON parser: malformed JSON, a body that is not an object, or unstorable text
    in it answers 400 (every operation's body is an object)."""

    def parse_body(self, request):
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise BadBody(f"The request body is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise BadBody("The request body must be a JSON object.")
        found = find_unstorable(data, "body")
        if found:
            where, reason = found
            raise BadBody(f"{where}: contains a {reason}, which is not allowed")
        return data
