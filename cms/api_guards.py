"""Checks in front of Wagtail's v3 write operations, so bad requests get a 4xx, not a 500 or a
silent 200.

Wagtail's page and snippet routers are used as they ship; these guards wrap some of their
operations before the API's URLs are built:

- moving, copying or aliasing the tree's root page is refused with 400 (Wagtail follows the
  root's missing parent and fails);
- a create or update body with fields the operation's schema does not have is refused with 400
  naming them (pydantic would drop them, and the answer would be 200 with nothing changed).
"""

import json
from functools import wraps

from ninja.errors import HttpError
from pydantic import BaseModel
from wagtail.models import Page

ROOT_PAGE_ACTIONS = ("/{page_id}/actions/move/", "/{page_id}/actions/copy/", "/{page_id}/actions/create_alias/")


def _operations(router, path, method):
    path_view = router.path_operations.get(path)
    if path_view is None:
        raise LookupError(f"Wagtail's API has no operation {method} {path} any more; update cms/api_guards.py.")
    return [op for op in path_view.operations if method in op.methods]


def guard(router, path, method, check):
    """Run ``check(request, **kwargs)`` before the view of ``method path`` on ``router``."""
    for operation in _operations(router, path, method):
        view = operation.view_func

        @wraps(view)
        def guarded(request, *args, _view=view, **kwargs):
            check(request, **kwargs)
            return _view(request, *args, **kwargs)

        operation.view_func = guarded


def refuse_root_page(request, page_id=None, data=None, **kwargs):
    """The root page has no parent: it cannot be moved, copied or aliased, and a move next to or
    below it (where only network start pages live) crashes Wagtail's checks."""
    if page_id is not None and Page.objects.filter(pk=page_id, depth=1).exists():
        raise HttpError(400, "The root of the page tree cannot be moved, copied or aliased.")
    destination = getattr(data, "destination_id", None)
    if destination is not None and Page.objects.filter(pk=destination, depth=1).exists():
        raise HttpError(400, "A page cannot be moved into or beside the root of the page tree; use the admin.")


def _shown_names(schema_class):
    return {field.alias or name for name, field in schema_class.model_fields.items()}


def _accepted_names(schema_class):
    names = set()
    for name, field in schema_class.model_fields.items():
        names.add(name)
        if field.alias:
            names.add(field.alias)
    return names


def refuse_unknown_fields(request, data=None, **kwargs):
    """A body field the schema does not know is an error (RFC 9110: do not ignore what you cannot apply)."""
    if not isinstance(data, BaseModel):
        return
    try:
        body = json.loads(request.body)
    except ValueError:
        return
    if not isinstance(body, dict):
        return
    unknown = sorted(set(body) - _accepted_names(type(data)))
    if unknown:
        writable = ", ".join(sorted(_shown_names(type(data)) - {"meta"})) or "none"
        raise HttpError(
            400,
            f"Unknown or read-only field(s): {', '.join(unknown)}. Writable fields of this type: {writable}.",
        )


def install():
    from wagtail.api.v3.routers import pages
    from wagtail.snippets.api.v3 import router as snippets

    for path in ROOT_PAGE_ACTIONS:
        guard(pages.actions_router, path, "POST", refuse_root_page)
    guard(pages.router, "/", "POST", refuse_unknown_fields)
    guard(pages.router, "/{page_id}/", "PATCH", refuse_unknown_fields)
    guard(snippets.router, "/{type}/", "POST", refuse_unknown_fields)
    guard(snippets.router, "/{type}/{pk}/", "PATCH", refuse_unknown_fields)
