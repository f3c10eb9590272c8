#!/usr/bin/env python3
"""Draws the widget grid of a generated dashboard as SVG: one box per widget at its x/y/width/height, labelled with
its title (metric widgets) or its first markdown line (text widgets). A layout diagram of the DashboardBody, not a
picture of the CloudWatch console: it shows no data.

Usage: neuron-cw dashboard [options] | scripts/dashboard-layout.py > docs/dashboard-layout.svg
"""
import json
import sys
from xml.sax.saxutils import escape

COLUMN, ROW = 44, 34  # pixels per grid column and row


def label(widget):
    props = widget["properties"]
    if widget["type"] == "text":
        return props["markdown"].splitlines()[0].lstrip("#").strip()
    return props.get("title", "")


def main():
    document = json.load(sys.stdin)
    body = json.loads(document["DashboardBody"])
    widgets = body["widgets"]
    width = 24 * COLUMN
    height = max(w["y"] + w["height"] for w in widgets) * ROW
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 2}" height="{height + 2}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width + 2}" height="{height + 2}" fill="#ffffff"/>']
    for w in widgets:
        x, y, wd, ht = w["x"] * COLUMN + 1, w["y"] * ROW + 1, w["width"] * COLUMN, w["height"] * ROW
        fill = "#eef3fb" if w["type"] == "metric" else "#f4f4f4"
        out.append(f'<rect x="{x + 2}" y="{y + 2}" width="{wd - 4}" height="{ht - 4}" fill="{fill}" stroke="#8899aa"/>')
        text = escape(label(w))
        max_chars = max(4, wd // 7)
        if len(text) > max_chars:
            text = text[: max_chars - 1] + "…"
        out.append(f'<text x="{x + 8}" y="{y + 18}">{text}</text>')
        if w["type"] == "metric":
            searches = sum(line[0]["expression"].count("SEARCH(") for line in w["properties"]["metrics"])
            out.append(f'<text x="{x + 8}" y="{y + 34}" fill="#556677" font-size="10">{searches} SEARCH, {w["properties"]["stat"]}, {w["properties"]["period"]} s</text>')
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
