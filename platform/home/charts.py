"""Bar charts drawn on the server as SVG: no JavaScript, readable in print, with a table beside them."""

from dataclasses import dataclass

WIDTH, BAR_AREA, LABEL_WIDTH, ROW = 320, 200, 110, 28


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    unit: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    value_x: int = LABEL_WIDTH + 4


def bar_chart(
    *,
    id: str,
    title: str,
    description: str,
    rows: list[tuple[str, float | None]],
    unit: str = "",
    maximum: float | None = None,
) -> Chart:
    """Horizontal bars, one row per label; `maximum` fixes the scale (100 for shares).

    A value given as text (a download's "< 5") is shown as that text, without a bar that gives its size away.
    """
    values = [0 if value is None or isinstance(value, str) else value for _label, value in rows]
    top = maximum or max(values, default=0) or 1
    bars = []
    for index, ((label, value), length) in enumerate(zip(rows, values, strict=True)):
        shown = value if isinstance(value, str) else "–" if value is None else f"{value:g}{unit}"
        bars.append(Bar(str(label), length, shown, index * ROW, (BAR_AREA - 40) * length / top))
    return Chart(id, str(title), str(description), unit, bars, max(ROW, len(rows) * ROW))
