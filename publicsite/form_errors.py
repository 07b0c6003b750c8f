"""One way every public form tells a reader what went wrong (newsletter, accessibility feedback,
participation, translation request): a summary at the top that takes the focus and links to each
field, the count in the page title, and fields whose ``aria-describedby`` points to ids that exist.

Django (5.2) already gives an invalid field ``aria-invalid="true"`` and
``aria-describedby="<id>_helptext <id>_error"``; the templates render those ids with
``includes/field.html`` so the references resolve."""

from dataclasses import dataclass

from django.utils.translation import ngettext

HONEYPOT_FIELDS = {"website", "started"}
FORM_CONTEXT_NAMES = ("form", "feedback_form")


@dataclass(frozen=True)
class Problem:
    """One entry of the error summary: the id to jump to (empty for a form-wide problem), the
    field's label and the message."""

    anchor: str
    label: str
    message: str


def field_anchor(bound_field):
    """The id of the element a summary link jumps to: a group's first choice, else the field."""
    if getattr(bound_field.field.widget, "use_fieldset", False) and bound_field.auto_id:
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


def form_problems(form):
    """What a submitted form's reader must fix, in the order of the form."""
    if form is None or not getattr(form, "is_bound", False) or not form.errors:
        return []
    problems = [Problem("", "", str(error)) for error in form.non_field_errors()]
    for field in form.visible_fields():
        if field.errors and field.name not in HONEYPOT_FIELDS:
            problems.append(Problem(field_anchor(field), str(field.label), " ".join(str(e) for e in field.errors)))
    return problems


def error_count(context):
    """How many problems the page reports: an explicit ``error_count`` or the bound forms' problems
    plus a form-wide message (``feedback_error``)."""
    explicit = context.get("error_count")
    if explicit is not None:
        return explicit
    count = sum(len(form_problems(context.get(name))) for name in FORM_CONTEXT_NAMES)
    return count + (1 if context.get("feedback_error") else 0)


def title_prefix(count):
    if not count:
        return ""
    return ngettext("%(count)d error", "%(count)d errors", count) % {"count": count} + ": "
