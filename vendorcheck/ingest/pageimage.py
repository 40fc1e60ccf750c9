"""A page image made ready for recognition: greyscale, lighting flattened, bounded in size, straightened.

Tesseract binarises a page with one global threshold, so a phone photo lit from one side loses its
darker corner; dividing by the page's own background (the text removed by a maximum filter, then
blurred) evens the light first. Skew is measured by projection profiles: text lines are horizontal when
the histogram of dark pixels along y is the most peaked, so the angle that maximises the sum of squared
row counts is the page's skew. Measured on pages turned by known angles (tests/ingest/test_ocr.py), it
finds them within 0.1°; Tesseract's own line finder copes with a degree or two but drops words beyond.
Quarter turns (a sheet scanned sideways or upside down) are left to Tesseract's orientation detection.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageFilter, ImageOps

MAX_SKEW = 10.0  # degrees; a page turned further is a quarter turn's business, or not a page
_MIN_SKEW = 0.15  # below this, rotating costs more in blur than it gains
_PROFILE_WIDTH = 900  # the skew is measured on a reduced copy: as exact, and ~20 times cheaper
_MAX_SAMPLES = 60_000


def prepare(image: Image.Image, max_side: int) -> tuple[Image.Image, float]:
    """(greyscale page with even lighting, straightened; the skew corrected, in degrees)."""
    page = ImageOps.exif_transpose(image) if image.format == "JPEG" else image
    page = page.convert("L")
    longest = max(page.size)
    if longest > max_side:  # a 48-megapixel photo reads no better than the same page at 360 dpi
        scale = max_side / longest
        page = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
    page = flatten_lighting(page)
    skew = estimate_skew(page)
    if abs(skew) >= _MIN_SKEW:
        page = page.rotate(-skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return page, skew


def flatten_lighting(page: Image.Image) -> Image.Image:
    """Divide the page by its background brightness, estimated where there is no ink."""
    factor = max(1, min(page.size) // 150)
    small = page.reduce(factor) if factor > 1 else page
    background = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.BoxBlur(6))
    background = background.resize(page.size, Image.Resampling.BILINEAR)
    pixels = np.asarray(page, dtype=np.float32)
    light = np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    return Image.fromarray(np.clip(pixels * (255.0 / light), 0, 255).astype(np.uint8), "L")


def estimate_skew(page: Image.Image) -> float:
    """The angle, in degrees (positive: text rising to the right), that straightens the text lines."""
    factor = max(1, page.width // _PROFILE_WIDTH)
    small = np.asarray(page.reduce(factor) if factor > 1 else page)
    ys, xs = np.nonzero(small < 128)
    if len(ys) < 200:  # a blank page: nothing to straighten
        return 0.0
    if len(ys) > _MAX_SAMPLES:
        pick = np.random.default_rng(0).choice(len(ys), _MAX_SAMPLES, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys, xs = ys.astype(np.float64), xs.astype(np.float64)

    def sharpness(angle: float) -> float:
        # Rows of a text line all land in the same bin only at the right angle.
        rows = ys + xs * math.tan(math.radians(angle))
        counts = np.bincount((rows - rows.min()).astype(np.int64))
        return float(np.dot(counts, counts))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.05), key=sharpness)
    return round(float(fine), 2)
