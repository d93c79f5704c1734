#!/usr/bin/env python3
"""Draws the Teams app icons in package/: a white speech bubble with a plus, the bot's own simple design.

color.png   192x192, the bubble on the accent colour (the manifest's accentColor).
outline.png 32x32, the bubble's white outline on transparency, as Teams requires.
../ProSpine.FaqBot/Widget/Assets/favicon.ico  the colour icon at 32x32 (a PNG in an ICO), for the bot's own pages.
Standard library only; run it again after changing the shapes: python3 draw-icons.py
"""
import math
import os
import struct
import zlib

ACCENT = (0x1E, 0x5A, 0x8C)
WHITE = (255, 255, 255)
SAMPLES = 4  # per axis, for smooth edges


def rounded_box(px, py, cx, cy, hw, hh, r):
    qx, qy = abs(px - cx) - (hw - r), abs(py - cy) - (hh - r)
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r


def segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def triangle(px, py, a, b, c):
    d = min(segment(px, py, *a, *b), segment(px, py, *b, *c), segment(px, py, *c, *a))
    def side(p, q):
        return (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0])
    s1, s2, s3 = side(a, b), side(b, c), side(c, a)
    inside = (s1 >= 0 and s2 >= 0 and s3 >= 0) or (s1 <= 0 and s2 <= 0 and s3 <= 0)
    return -d if inside else d


# Shapes in a 192-unit square; the outline icon scales them down.
def bubble(x, y):
    return min(rounded_box(x, y, 96, 84, 62, 46, 24), triangle(x, y, (58, 120), (94, 120), (48, 158)))


def plus(x, y):
    return min(rounded_box(x, y, 96, 84, 9, 27, 3), rounded_box(x, y, 96, 84, 27, 9, 3))


def coverage(size, inside):
    scale = 192 / size
    rows = []
    for j in range(size):
        row = []
        for i in range(size):
            hits = 0
            for sj in range(SAMPLES):
                for si in range(SAMPLES):
                    x = (i + (si + 0.5) / SAMPLES) * scale
                    y = (j + (sj + 0.5) / SAMPLES) * scale
                    hits += inside(x, y, scale)
            row.append(hits / (SAMPLES * SAMPLES))
        rows.append(row)
    return rows


def png(size, pixels):
    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in pixels)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def write_png(path, size, pixels):
    with open(path, "wb") as f:
        f.write(png(size, pixels))


def write_ico(path, size, pixels):
    # One image, stored as PNG (every browser reads PNG inside ICO): directory header, one entry, the image.
    image = png(size, pixels)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 6 + 16)
    with open(path, "wb") as f:
        f.write(struct.pack("<HHH", 0, 1, 1) + entry + image)


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "package")

    # Colour: accent background, white bubble, accent plus inside it.
    white = coverage(192, lambda x, y, s: bubble(x, y) <= 0 and plus(x, y) > 0)
    write_png(os.path.join(here, "color.png"), 192, [[mix(ACCENT, WHITE, c) + (255,) for c in row] for row in white])

    # Outline: a white ring about 2 pixels wide (12 units at this scale) and a white plus, on transparency.
    ring = coverage(32, lambda x, y, s: (-2 * s <= bubble(x, y) <= 0) or plus(x, y) <= 0)
    write_png(os.path.join(here, "outline.png"), 32, [[WHITE + (round(255 * c),) for c in row] for row in ring])

    # Favicon: the colour icon, small.
    small = coverage(32, lambda x, y, s: bubble(x, y) <= 0 and plus(x, y) > 0)
    widget = os.path.join(os.path.dirname(here), "..", "ProSpine.FaqBot", "Widget", "Assets")
    write_ico(os.path.join(widget, "favicon.ico"), 32, [[mix(ACCENT, WHITE, c) + (255,) for c in row] for row in small])


if __name__ == "__main__":
    main()
