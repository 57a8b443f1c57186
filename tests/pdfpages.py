"""A PDF read back for the tests: its pages rendered to pixels (pypdfium2, PDFium's
Python binding from PyPI) and saved as PNG, and its text extracted."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2


@dataclass
class PdfPage:
    pixels: np.ndarray  # height x width x 3, RGB
    text: str
    width_pt: float
    height_pt: float

    @property
    def ink(self) -> float:
        """The share of pixels that are not white: 0 for a blank page."""
        return float((self.pixels.min(axis=2) < 200).mean())


def read_pdf(data: bytes, *, scale: float = 1.0) -> list[PdfPage]:
    document = pypdfium2.PdfDocument(data)
    pages = []
    try:
        for page in document:
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) order
            pixels = bitmap.to_numpy()[:, :, :3].copy()
            textpage = page.get_textpage()
            pages.append(PdfPage(pixels, textpage.get_text_range(), page.get_width(), page.get_height()))
            textpage.close()
            page.close()
    finally:
        document.close()
    return pages


def write_png(path: Path, pixels: np.ndarray) -> Path:
    """An RGB array as a PNG file (zlib and the PNG chunk format: no imaging library)."""
    height, width, _ = pixels.shape
    rows = b"".join(b"\x00" + pixels[y].astype(np.uint8).tobytes() for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 6))
        + chunk(b"IEND", b"")
    )
    return path
