"""Generated ScreenSpot predictions and ground-truth boxes, with boxes on exact IoU thresholds."""
import random

from pyvalues import random_string

FRACS = [0, 0.0, 0.1, 0.125, 0.2, 0.25, 0.3, 0.375, 0.4, 0.5, 0.6, 0.625, 0.7, 0.75, 0.8, 0.875, 0.9, 1, 1.0]


def gt_box(rng):
    x1, x2 = sorted(rng.sample(FRACS, 2))
    y1, y2 = sorted(rng.sample(FRACS, 2))
    return [float(x1), float(y1), float(x2), float(y2)]


def threshold_pred(rng, gt):
    """A prediction box whose IoU with gt is exactly t (dyadic boxes): shrink the width by t, full height."""
    x1, y1, x2, y2 = gt
    t = rng.choice([0.5, 0.25, 0.125, 0.75, 0.875, 0.375])
    return [x1, y1, x1 + (x2 - x1) * t, y2]


def fmt_box(rng, b):
    style = rng.randint(0, 9)
    if style == 0:
        return "[" + ", ".join(repr(v) for v in b) + "]"
    if style == 1:
        return "(" + ",".join(f"{v:.2f}" for v in b) + ")"
    if style == 2:
        return "[" + ", ".join(str(int(v * 1000)) for v in b) + "]"
    if style == 3:
        return "The box is [" + ", ".join(f"{v:.3f}" for v in b) + "] I think"
    if style == 4:
        return "[" + " , ".join(f"{v:.2f}" for v in b) + "]"
    if style == 5:
        return "[" + ", ".join(f"{v:.2f}" for v in b[:3]) + "]"
    if style == 6:
        return "[" + ", ".join(f"{v:.2f}".translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}) for v in b) + "]"
    if style == 7:
        return "[-" + ", ".join(f"{v:.2f}" for v in b) + ")"
    if style == 8:
        return random_string(rng, 4)
    return "[" + ",\t".join(f"{v:.1f}" for v in b) + "]"


POINT_TEMPLATES = [
    "[{x}, {y}]", "({x} {y})", "({x},{y})", "[{x},{y}]", "x={x}, y={y}", "'x': {x}, 'y': {y}", "\"x\": {x}\n\"y\": {y}",
    "X: {x} Y: {y}", "Click at {x} and {y}", "<bbox>{x} {y} {x2} {y2}</bbox>", "<BBOX x1={x}>{x},{y},{x2},{y2}</bbox>",
    "box: {x} {y} {x2} {y2}", "rect {x},{y},{x2},{y2}", "{x}% {y}%", "[{x}%, {y}%]", "{x}", "", "no point",
    "The element is at [{x}, {y}].", "[{x}, {y}, {x2}, {y2}]", "point ({x}, {y}) box", "<bbox>{x} {y}</bbox> [{x2}, {y2}]",
    "x = {x}; y = {y}", "[ {x} ,  {y} ]",
]


def click_pred(rng, gt, pixels=None):
    x1, y1, x2, y2 = gt
    px = rng.uniform(x1 - 0.1, x2 + 0.1)
    py_ = rng.uniform(y1 - 0.1, y2 + 0.1)
    if rng.random() < 0.3:
        px, py_ = rng.choice([x1, x2]), rng.choice([y1, y2])
    if pixels and rng.random() < 0.5:
        px, py_ = round(px * pixels[0]), round(py_ * pixels[1])
    vals = {"x": px, "y": py_, "x2": px + 0.02, "y2": py_ + 0.02}
    if rng.random() < 0.5:
        vals = {k: f"{v:.3f}" for k, v in vals.items()}
    t = rng.choice(POINT_TEMPLATES)
    if "%" in t:
        vals = {k: f"{float(v) * 100:.1f}" for k, v in vals.items()}
    return t.format(**vals)
