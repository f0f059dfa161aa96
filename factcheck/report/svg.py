"""Inline SVG pictures for the HTML page: a time axis, a timeline and a number line.

Plain SVG text built here, every string from a file escaped (`markupsafe.escape`); no script, no
external reference. Shapes, labels and dash patterns carry the meaning, colour only repeats it, so a
picture reads in grey and in print. Each picture has a `<title>` and `<desc>` and the page puts a
table of the same data beside it (the text alternative). Colours come from the page's CSS classes
(`mark`, `band`, `apart`, `overlap`, `axis`), so dark mode and print restyle them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from factcheck.report.figures import DatedFact, Interval, NumberLine, TimeAxis

WIDTH = 640
LEFT = 190  # the label column
RIGHT = 620
ROW = 30
AXIS = 34  # room for the axis and its labels
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")


def _svg(kind: str, height: int, title: str, desc: str, body: Sequence[str], uid: str) -> Markup:
    return Markup(
        f'<svg class="figure {kind}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(desc)}</desc>'
        + "".join(body) + "</svg>")


def _scale(low: float, high: float) -> Callable[[float], float]:
    span = (high - low) or 1.0
    return lambda x: round(LEFT + (RIGHT - LEFT) * (x - low) / span, 1)


# --- time ----------------------------------------------------------------------------------------------

def _day_range(intervals: Sequence[Interval]) -> tuple[int, int]:
    first = min(i.earliest for i in intervals).toordinal()
    last = max(i.latest for i in intervals).toordinal() + 1
    pad = max(2, (last - first) // 12)
    return first - pad, last + pad


def _time_ticks(first: int, last: int) -> list[tuple[int, str]]:
    start, end = dt.date.fromordinal(first), dt.date.fromordinal(last)
    months = (end.year - start.year) * 12 + end.month - start.month
    if months <= 14:
        step = 1 if months <= 7 else 2
        ticks, year, month = [], start.year, start.month + 1
        while True:
            if month > 12:
                year, month = year + 1, month - 12
            day = dt.date(year, month, 1)
            if day > end:
                return ticks
            if (month - 1) % step == 0:
                ticks.append((day.toordinal(), day.strftime("%b %Y")))
            month += 1
    years = end.year - start.year
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if years / s <= 7), 1000)
    return [(dt.date(y, 1, 1).toordinal(), str(y)) for y in range(start.year + 1, end.year + 1) if y % step == 0]


def _axis(x: Callable[[float], float], ticks: Sequence[tuple[float, str]], y: int) -> str:
    parts = [f'<line class="axis" x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}"/>']
    for value, label in ticks:
        px = x(value)
        if LEFT <= px <= RIGHT:
            parts.append(f'<line class="axis" x1="{px}" y1="{y}" x2="{px}" y2="{y + 5}"/>'
                         f'<text class="tick" x="{px}" y="{y + 17}" text-anchor="middle">{escape(label)}</text>')
    return "".join(parts)


def _span(interval: Interval) -> str:
    return _span_of(interval.earliest, interval.latest)


def _mark(interval: Interval, x: Callable[[float], float], y: float, shape: str = "circle") -> str:
    """A day as a shape; a longer interval as a band (its first to its last day, inclusive)."""
    kind = "mark apart" if interval.apart else "mark"
    if interval.is_day:
        return _shape(shape, x(interval.earliest.toordinal() + 0.5), y, kind)
    x1, x2 = x(interval.earliest.toordinal()), x(interval.latest.toordinal() + 1)
    return (f'<rect class="band{" apart" if interval.apart else ""}" x="{x1}" y="{y - 6}" '
            f'width="{max(round(x2 - x1, 1), 2)}" height="12" rx="2"/>')


def _shape(shape: str, cx: float, cy: float, kind: str) -> str:
    r = 6
    if shape == "square":
        return f'<rect class="{kind}" x="{cx - r + 1}" y="{cy - r + 1}" width="{2 * r - 2}" height="{2 * r - 2}"/>'
    if shape == "triangle":
        return f'<polygon class="{kind}" points="{cx},{cy - r} {cx + r},{cy + r - 1} {cx - r},{cy + r - 1}"/>'
    if shape == "diamond":
        return f'<polygon class="{kind}" points="{cx},{cy - r} {cx + r},{cy} {cx},{cy + r} {cx - r},{cy}"/>'
    if shape == "cross":
        return (f'<path class="{kind} stroke" d="M{cx - r} {cy - r}L{cx + r} {cy + r}M{cx - r} {cy + r}'
                f'L{cx + r} {cy - r}"/>')
    if shape == "star":
        reach = [r if i % 2 == 0 else r / 2.2 for i in range(10)]
        points = " ".join(f"{round(cx + reach[i] * math.sin(i * math.pi / 5), 1)},"
                          f"{round(cy - reach[i] * math.cos(i * math.pi / 5), 1)}" for i in range(10))
        return f'<polygon class="{kind}" points="{points}"/>'
    return f'<circle class="{kind}" cx="{cx}" cy="{cy}" r="{r - 1}"/>'


def time_axis_svg(axis: TimeAxis, uid: str) -> Markup:
    """Each source's days on one axis, the days they share shaded; a source standing apart is dashed."""
    first, last = _day_range(axis.intervals)
    x = _scale(first, last)
    height = ROW * len(axis.intervals) + AXIS
    body = []
    if axis.overlap:
        x1, x2 = x(axis.overlap[0].toordinal()), x(axis.overlap[1].toordinal() + 1)
        body.append(f'<rect class="overlap" x="{x1}" y="2" width="{max(round(x2 - x1, 1), 2)}" '
                    f'height="{height - AXIS - 2}"><title>shared: {_span_of(*axis.overlap)}</title></rect>')
    for row, interval in enumerate(axis.intervals):
        y = ROW * row + ROW // 2 + 2
        apart = " (stands apart)" if interval.apart else ""
        body.append(f'<text class="label" x="4" y="{y - 2}">{escape(interval.source)}{apart}</text>'
                    f'<text class="sub" x="4" y="{y + 10}">{escape(_span(interval))}</text>'
                    f'<line class="guide" x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}"/>'
                    + _mark(interval, x, y))
    body.append(_axis(x, _time_ticks(first, last), height - AXIS + 4))
    shared = f"; every source allows {_span_of(*axis.overlap)}" if axis.overlap else "; no day is shared"
    desc = "; ".join(f"{i.source}: {i.label} = {_span(i)}" for i in axis.intervals) + shared
    return _svg("time-axis", height, "Each source's date on one time axis", desc, body, uid)


def _span_of(first: dt.date, last: dt.date) -> str:
    return str(first) if first == last else f"{first} – {last}"


def timeline_svg(facts: Sequence[DatedFact], sources: Sequence[str], uid: str) -> Markup:
    """Every dated fact: one row per subject, a mark per source (its shape in the legend), each a link."""
    subjects = list(dict.fromkeys(f.subject for f in facts))
    first, last = _day_range([f.interval for f in facts])
    x = _scale(first, last)
    height = ROW * len(subjects) + AXIS
    shape = {source: SHAPES[i % len(SHAPES)] for i, source in enumerate(sources)}
    body = []
    for row, subject in enumerate(subjects):
        y = ROW * row + ROW // 2 + 2
        body.append(f'<text class="label" x="4" y="{y + 4}">{escape(_clip(subject, 30))}</text>'
                    f'<line class="guide" x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}"/>')
        for fact in (f for f in facts if f.subject == subject):
            interval = fact.interval
            hint = f"{interval.source}: {fact.subject} {fact.property} {interval.label} ({_span(interval)})"
            band = "" if interval.is_day else _mark(interval, x, y)
            middle = (interval.earliest.toordinal() + interval.latest.toordinal() + 1) / 2
            body.append(f'<a href="#{escape(fact.finding_id)}"><title>{escape(hint)}</title>{band}'
                        f'{_shape(shape.get(interval.source, "circle"), x(middle), y, "mark")}</a>')
    body.append(_axis(x, _time_ticks(first, last), height - AXIS + 4))
    desc = (f"{len(facts)} dated facts of {len(subjects)} subjects, "
            f"from {dt.date.fromordinal(first)} to {dt.date.fromordinal(last)}")
    return _svg("timeline", height, "Timeline of the dated facts", desc, body, uid)


def legend_shape(shape: str) -> Markup:
    """A small picture of a source's shape, for the timeline's legend."""
    return Markup(f'<svg class="legend-shape" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" '
                  f'xmlns="http://www.w3.org/2000/svg">{_shape(shape, 7, 7, "mark")}</svg>')


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


# --- numbers -------------------------------------------------------------------------------------------

def _nice_ticks(low: float, high: float) -> list[tuple[float, str]]:
    span = high - low
    if span <= 0:
        return [(low, _figure(low))]
    step = 10 ** math.floor(math.log10(span / 5))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= 6:
            step *= factor
            break
    first = math.ceil(low / step) * step
    return [(first + i * step, _figure(first + i * step)) for i in range(int((high - first) / step) + 1)]


def _figure(value: float) -> str:
    rounded = round(value, 9)
    return f"{int(rounded):,}" if float(rounded).is_integer() else f"{rounded:,.6g}"


def number_line_svg(line: NumberLine, uid: str) -> Markup:
    """Each source's figure (a point, or a band for a range) with the tolerance either side as whiskers."""
    known = [v for r in line.ranges for v in (r.low, r.high) if v is not None]
    low, high = min(known) - line.tolerance, max(known) + line.tolerance
    pad = (high - low) / 10 or abs(high) / 10 or 1.0
    low, high = low - pad, high + pad
    x = _scale(low, high)
    height = ROW * len(line.ranges) + AXIS
    body = []
    for row, item in enumerate(line.ranges):
        y = ROW * row + ROW // 2 + 2
        apart = " apart" if item.apart else ""
        left = item.low if item.low is not None else low
        right = item.high if item.high is not None else high
        body.append(f'<text class="label" x="4" y="{y - 2}">{escape(item.source)}'
                    f'{" (stands apart)" if item.apart else ""}</text>'
                    f'<text class="sub" x="4" y="{y + 10}">{escape(_clip(item.label, 32))}</text>'
                    f'<line class="guide" x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}"/>')
        if line.tolerance:
            t1, t2 = x(left - line.tolerance), x(right + line.tolerance)
            body.append(f'<path class="tolerance" d="M{t1} {y - 5}V{y + 5}M{t1} {y}H{t2}M{t2} {y - 5}V{y + 5}"/>')
        if left == right:
            body.append(_shape("circle", x(left), y, f"mark{apart}"))
        else:
            width = max(round(x(right) - x(left), 1), 2)
            body.append(f'<rect class="band{apart}" x="{x(left)}" y="{y - 6}" width="{width}" height="12" rx="2"/>')
    body.append(_axis(x, _nice_ticks(low, high), height - AXIS + 4))
    tolerance = f"; tolerance {_figure(line.tolerance)} {line.unit}" if line.tolerance else ""
    desc = "; ".join(f"{r.source}: {r.label}" for r in line.ranges) + tolerance
    return _svg("number-line", height, f"Each source's figure in {line.unit}", desc, body, uid)
