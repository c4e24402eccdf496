"""Fixture images drawn in code (no downloads): one per crop grid, plus the PIL modes convert("RGB") must handle."""
import os

import numpy as np
from PIL import Image, ImageDraw


def _scene(width, height, seed):
    """Smooth gradients with a few shapes: compresses well as PNG and has edges for the resize to get right."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    a, b, c = rng.uniform(0.5, 3.0, size=3)
    r = 127.5 + 127.5 * np.sin(x / width * np.pi * a + seed)
    g = 127.5 + 127.5 * np.cos(y / height * np.pi * b)
    bl = 127.5 + 127.5 * np.sin((x + y) / (width + height) * np.pi * c)
    img = Image.fromarray(np.stack([r, g, bl], axis=-1).round().astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, width - 8)), int(rng.integers(0, height - 8))
        x1, y1 = x0 + int(rng.integers(4, max(5, width // 3))), y0 + int(rng.integers(4, max(5, height // 3)))
        color = tuple(int(v) for v in rng.integers(0, 256, size=3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x0, y0, x1, y1], fill=color)
    draw.line([0, 0, width - 1, height - 1], fill=(255, 255, 255), width=3)
    return img


# name -> (file, size, expected grid (rows, cols)), for the default 4 crops
IMAGES = {
    "square_256": ("square_256.png", (256, 256), (1, 1)),
    "wide_640x480": ("wide_640x480.png", (640, 480), (1, 2)),
    "tall_480x640": ("tall_480x640.png", (480, 640), (2, 1)),
    "large_800x600": ("large_800x600.jpg", (800, 600), (2, 2)),
    "phone_540x1200": ("phone_540x1200.png", (540, 1200), (3, 1)),
    "gray_300x200": ("gray_300x200.png", (300, 200), None),
    "rgba_200x300": ("rgba_200x300.png", (200, 300), None),
    "palette_333x222": ("palette_333x222.png", (333, 222), None),
    "cmyk_320x240": ("cmyk_320x240.jpg", (320, 240), None),
    "odd_513x97": ("odd_513x97.png", (513, 97), None),
}


def write_images(folder):
    """Writes every fixture image into folder; returns {name: path}."""
    os.makedirs(folder, exist_ok=True)
    paths = {}
    for seed, (name, (file, (w, h), _)) in enumerate(IMAGES.items()):
        img = _scene(w, h, seed)
        path = os.path.join(folder, file)
        if name.startswith("gray"):
            img.convert("L").save(path)
        elif name.startswith("rgba"):
            rgba = img.convert("RGBA")
            alpha = Image.fromarray((np.arange(w)[None, :].repeat(h, 0) * 255 // (w - 1)).astype(np.uint8), "L")
            rgba.putalpha(alpha)
            rgba.save(path)
        elif name.startswith("palette"):
            img.convert("P", palette=Image.ADAPTIVE, colors=64).save(path)
        elif name.startswith("cmyk"):
            img.convert("CMYK").save(path, quality=90)
        elif file.endswith(".jpg"):
            img.save(path, quality=90)
        else:
            img.save(path, optimize=True)
        paths[name] = path
    return paths
