"""Photos and scans of contract pages (JPEG, PNG, TIFF, multi-page TIFF included), read by OCR.

Sizes are checked from the file's header before any pixel is decoded: a 1 kB PNG can announce
50 000 x 50 000 pixels, and a TIFF 100 000 pages (decompression bombs). Large JPEG photos are decoded
directly at a reduced scale (`draft`), which is both faster and smaller in memory than a full decode.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

from vendorcheck import errors
from vendorcheck.i18n import Message, message
from vendorcheck.ingest.assemble import assemble
from vendorcheck.ingest.layout import tidy_pages
from vendorcheck.ingest.ocr import recognise_pages
from vendorcheck.ingest.options import IngestOptions
from vendorcheck.ingest.recognised import merge_readings, write_searchable_pdf
from vendorcheck.models import Document


def load_image(path: Path, data: bytes, options: IngestOptions) -> Document:
    if options.ocr == "never":
        raise errors.OcrDisabled(path)
    from PIL import Image, UnidentifiedImageError

    settings = options.ocr_settings()
    try:
        with Image.open(io.BytesIO(data)) as image:
            count = getattr(image, "n_frames", 1)
            if count > options.max_ocr_pages:
                raise errors.ImageTooLarge(
                    path,
                    detail=message("ingest.errors.pages", count=count),
                    limit=message("ingest.errors.pages", count=options.max_ocr_pages),
                )
            _check_sizes(path, image, count, options.max_image_pixels)
            readings = recognise_pages(path, _frames(image, count, settings.max_side), count, settings)
    except Image.DecompressionBombError as exc:  # over twice our limit: Pillow refuses it while opening
        announced = str(exc).partition("(")[2].partition(")")[0]  # "Image size (400000000 pixels) exceeds…"
        raise errors.ImageTooLarge(path, detail=announced or "?", limit=_megapixels(options.max_image_pixels)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        # Pillow signals a truncated or malformed image with any of these, depending on the codec.
        raise errors.CorruptImage(path, detail=type(exc).__name__) from exc
    pages = [""] * count
    recognised = merge_readings(path, pages, readings)
    if options.ocr_output is not None:
        write_searchable_pdf(options.ocr_output, count, readings)
    return assemble(
        path, data, "image", tidy_pages(pages), unit="page", separator="", page_count=count, recognised=recognised
    )


def _check_sizes(path: Path, image, count: int, max_pixels: int) -> None:  # noqa: ANN001 - a PIL image
    """Every frame's size as its header announces it; seeking a frame decodes none of its pixels."""
    for index in range(count):
        image.seek(index)
        width, height = image.size
        if width * height > max_pixels:
            raise errors.ImageTooLarge(
                path,
                detail=message("ingest.errors.pixels", width=str(width), height=str(height)),
                limit=_megapixels(max_pixels),
            )


def _megapixels(pixels: int) -> Message:
    return message("ingest.errors.megapixels", count=pixels // 1_000_000)


def _frames(image, count: int, max_side: int) -> Iterator[tuple[int, Callable[[], object]]]:  # noqa: ANN001
    """(page number, decode) for each frame, decoded only when the recogniser is ready for it."""
    for index in range(count):

        def decode(image=image, index=index):  # noqa: ANN001, ANN202 - PIL image in and out
            image.seek(index)
            if image.format == "JPEG":
                image.draft("L", (max_side, max_side))
            return image.copy()

        yield index + 1, decode
