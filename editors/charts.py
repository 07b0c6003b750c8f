"""Charts for the admin dashboard as plain SVG rendered on the server: no script, no CDN.

Each chart is an ``<svg role="img">`` with a title and a description; the numbers themselves
are always in a table next to it (the template puts it there), so screen-reader users and
people who cannot tell the colours apart read the same data."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart also by the legend.
COLOURS = ("#1d4ed8", "#b45309", "#b91c1c", "#047857", "#6d28d9")


def grouped_bars(title, description, labels, series, width=640, height=232, months=False):
    """Vertical grouped bars: ``labels`` along the x axis, ``series`` a list of
    ``(name, values)`` with one value per label. With ``months`` the labels are "Jan 2026":
    the month on the first line, the year below only where it changes, so twelve fit."""
    top, bottom, left, right = 16, 54, 36, 8
    plot_w, plot_h = width - left - right, height - top - bottom
    maximum = max([max(values, default=0) for _name, values in series] + [1])
    group_w = plot_w / max(len(labels), 1)
    bar_w = max(group_w * 0.8 / max(len(series), 1), 1)
    parts = []
    for tick in (0, maximum):
        y = top + plot_h - plot_h * tick / maximum
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#6b7280" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#111827">{}</text>',
                left,
                width - right,
                round(y, 1),
                round(y, 1),
                left - 4,
                round(y + 4, 1),
                tick,
            )
        )
    for i, label in enumerate(labels):
        x0 = left + i * group_w + group_w * 0.1
        for j, (name, values) in enumerate(series):
            value = values[i]
            h = plot_h * value / maximum
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                    round(x0 + j * bar_w, 1),
                    round(top + plot_h - h, 1),
                    round(bar_w, 1),
                    round(h, 1),
                    COLOURS[j % len(COLOURS)],
                    label,
                    value,
                    name,
                )
            )
        month, year = (str(label).partition(" ")[::2]) if months else (label, "")
        show_year = year and (i == 0 or str(labels[i - 1]).partition(" ")[2] != year)
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#111827">{}</text>',
                round(left + i * group_w + group_w / 2, 1),
                height - bottom + 14,
                month,
            )
        )
        if show_year:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#111827">{}</text>',
                    round(left + i * group_w + group_w / 2, 1),
                    height - bottom + 27,
                    year,
                )
            )
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="10" height="10" fill="{}"/>'
        '<text x="{}" y="{}" font-size="11" fill="#111827">{}</text>',
        (
            (left + k * 150, height - 14, COLOURS[k % len(COLOURS)], left + k * 150 + 14, height - 5, name)
            for k, (name, _values) in enumerate(series)
        ),
    )
    return _svg(title, description, width, height, mark_safe("".join(str(p) for p in parts)) + legend)


def horizontal_bars(title, description, rows, maximum=None, unit="", width=640, row_height=26):
    """One horizontal bar per ``(label, value)`` row, value written at the bar's end."""
    left, right = 220, 60
    height = max(len(rows), 1) * row_height + 8
    maximum = maximum or max([value for _label, value in rows] + [1])
    plot_w = width - left - right
    parts = []
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_height
        w = plot_w * value / maximum if maximum else 0
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#111827">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}{}</title></rect>'
                '<text x="{}" y="{}" font-size="12" fill="#111827">{}{}</text>',
                left - 6,
                y + row_height / 2 + 4,
                label,
                left,
                y + 3,
                round(w, 1),
                row_height - 8,
                COLOURS[0],
                label,
                value,
                unit,
                round(left + w + 4, 1),
                y + row_height / 2 + 4,
                value,
                unit,
            )
        )
    return _svg(title, description, width, height, mark_safe("".join(str(p) for p in parts)))


def _svg(title, description, width, height, body):
    return format_html(
        '<svg class="dashboard-chart" role="img" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        "<title>{}</title><desc>{}</desc>{}</svg>",
        width,
        height,
        title,
        description,
        body,
    )
