"""The OpenAPI document says what the API really answers, so clients and the fuzzer can trust it.

Corrections made to the generated document in one pass:

- ``format: time`` means an RFC 3339 time *with* a UTC offset (``16:00:00+01:00``); Django
  serialises a ``TimeField`` as a local wall-clock time (``"16:00:00"``, office hours have no
  time zone). Such fields are documented as strings with a ``HH:MM[:SS[.ffffff]]`` pattern.
- Unions of models discriminated by ``meta.type`` are written as ``oneOf``; when two members'
  schemas both accept an item, ``oneOf`` (exactly one) fails although the answer is right.
  They are ``anyOf``: ``meta.type`` still tells which model an item is.
- Snippet operations that need a mixin none of our snippet models has (revisions, publishing,
  translation copies) get a ``type`` parameter that only the empty string matches, so no URL
  can reach them: they are left out of the document.
"""

from functools import wraps

LOCAL_TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$"


def correct(node):
    """Apply the corrections to a schema (sub)document in place; returns it."""
    if isinstance(node, dict):
        if node.get("format") == "time" and node.get("type") == "string":
            del node["format"]
            node["pattern"] = LOCAL_TIME_PATTERN
        if "oneOf" in node and "anyOf" not in node:
            node["anyOf"] = node.pop("oneOf")
        for value in node.values():
            correct(value)
    elif isinstance(node, list):
        for value in node:
            correct(value)
    return node


def _unreachable(operation):
    return any(
        parameter.get("in") == "path" and parameter.get("schema", {}).get("const") == ""
        for parameter in operation.get("parameters", [])
    )


def drop_unreachable_operations(document):
    for path in list(document.get("paths", {})):
        operations = document["paths"][path]
        for method in [
            m for m, operation in operations.items() if isinstance(operation, dict) and _unreachable(operation)
        ]:
            del operations[method]
        if not operations:
            del document["paths"][path]
    return document


def install(api):
    generate = api.get_openapi_schema

    @wraps(generate)
    def get_openapi_schema(*args, **kwargs):
        return drop_unreachable_operations(correct(generate(*args, **kwargs)))

    api.get_openapi_schema = get_openapi_schema
