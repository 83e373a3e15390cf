"""A bar chart of visits per day drawn on the server as SVG: no outside script, works anywhere."""

import datetime

WIDTH = 720
HEIGHT = 180
TOP = 10


def daily_series(rows, *, start, end):
    """Every day from ``start`` to ``end`` with its visits; days without a row count 0."""
    values = dict(rows)
    days = (end - start).days + 1
    return [
        (start + datetime.timedelta(days=i), values.get(start + datetime.timedelta(days=i), 0)) for i in range(days)
    ]


def bar_chart(series):
    """Bars scaled to the highest day; each bar carries its date and figure for the tooltip."""
    peak = max((value for _, value in series), default=0) or 1
    slot = WIDTH / max(len(series), 1)
    bars = []
    for index, (day, value) in enumerate(series):
        height = round((HEIGHT - TOP) * value / peak, 1)
        bars.append(
            {
                "x": round(index * slot, 2),
                "y": round(HEIGHT - height, 1),
                "width": round(max(slot * 0.8, 0.5), 2),
                "height": height,
                "day": day,
                "value": value,
            }
        )
    return {"width": WIDTH, "height": HEIGHT, "bars": bars, "peak": max((v for _, v in series), default=0)}
