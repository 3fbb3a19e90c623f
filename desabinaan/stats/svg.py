"""Server-side SVG bar charts: no JavaScript, no CDN, no inline style (the CSP forbids it).

Colours and sizes are SVG presentation attributes (fill, font-size), which the CSP allows; the chart scales to the
screen through its viewBox, and every chart is followed by its numbers as a table.
"""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .periods import MONTHS_ID

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 320, 160, 34, 22, 10


def bar_chart(title: str, points: list[tuple[dt.date, int]]) -> SafeString:
    top = max([v for _, v in points] + [1])
    inner_w, inner_h = WIDTH - PAD_LEFT - 4, HEIGHT - PAD_BOTTOM - PAD_TOP
    step = inner_w / max(len(points), 1)
    bar = max(step * 0.7, 1)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - 4}" y2="{PAD_TOP + inner_h}" '
        'stroke="#666" stroke-width="1"/>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + 8}" text-anchor="end" font-size="10" fill="#333">{top}</text>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + inner_h}" text-anchor="end" font-size="10" fill="#333">0</text>',
    ]
    label_every = max(1, len(points) // 6)
    for i, (month, value) in enumerate(points):
        h = inner_h * value / top
        x = PAD_LEFT + i * step + (step - bar) / 2
        y = PAD_TOP + inner_h - h
        label = f"{MONTHS_ID[month.month - 1][:3]} {month.year}"
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="#1d5e8c">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle" font-size="9" fill="#333">'
                f"{escape(MONTHS_ID[month.month - 1][:3])}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every interpolated text is escaped above
