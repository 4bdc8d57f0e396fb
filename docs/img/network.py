"""Draw a GEXF file the way it opens: nodes in their viz colours and sizes, labelled, edges by weight.

Writes an SVG (no plotting library needed); the README's PNG is that SVG rendered by headless Chromium:

    .venv/bin/python docs/img/network.py out/actors.gexf docs/img/network.svg
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,820 \\
        --screenshot=docs/img/network.png docs/img/network.svg

Linked actors (a shared event or sentence) are laid out by networkx's spring layout with a fixed seed (like a short
ForceAtlas 2 run in Gephi), the others on a ring around them, so the picture is the same every time.
"""

from __future__ import annotations

import sys
from html import escape

import networkx as nx

WIDTH, HEIGHT, MARGIN = 1100, 820, 90


def svg(path: str) -> str:
    G = nx.read_gexf(path)
    places = layout(G)
    xs = [p[0] for p in places.values()] or [0.0]
    ys = [p[1] for p in places.values()] or [0.0]

    def at(node: str) -> tuple[float, float]:
        x, y = places[node]
        sx = MARGIN + (x - min(xs)) / ((max(xs) - min(xs)) or 1) * (WIDTH - 2 * MARGIN)
        sy = MARGIN + (y - min(ys)) / ((max(ys) - min(ys)) or 1) * (HEIGHT - 2 * MARGIN)
        return sx, sy

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Liberation Sans, Arial, sans-serif">',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>']
    for u, v, data in G.edges(data=True):
        (x1, y1), (x2, y2) = at(u), at(v)
        width = 0.6 + 0.6 * float(data.get("weight", 1.0)) ** 0.5
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#9aa3ae" '
                   f'stroke-opacity="0.7" stroke-width="{width:.1f}"><title>{escape(str(data.get("label", "")))}</title></line>')
    for node, data in sorted(G.nodes(data=True), key=lambda item: item[1]["viz"]["size"]):
        x, y = at(node)
        viz = data["viz"]
        colour = "rgb({r},{g},{b})".format(**viz["color"])
        radius = viz["size"] / 2.2
        dash = ' stroke-dasharray="3 2"' if data.get("single_source") else ""
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" stroke="#1d2433" '
                   f'stroke-width="1"{dash}/>')
        out.append(f'<text x="{x:.1f}" y="{y - radius - 4:.1f}" text-anchor="middle" font-size="13" '
                   f'fill="#1d2433">{escape(data["label"])}</text>')
    legend = [("PERSON", "78,121,167"), ("ORG", "242,142,43"), ("GPE", "89,161,79"), ("NORP", "176,122,161"),
              ("LOC", "118,183,178")]
    for i, (name, rgb) in enumerate(legend):
        out.append(f'<circle cx="{24 + i * 90}" cy="22" r="7" fill="rgb({rgb})"/>'
                   f'<text x="{36 + i * 90}" y="27" font-size="13" fill="#1d2433">{name}</text>')
    out.append(f'<text x="{WIDTH - 20}" y="27" font-size="13" fill="#5b6474" text-anchor="end">'
               "dashed: only one outlet mentions it; size: mentions; lines: shared events and sentences</text>")
    out.append("</svg>")
    return "\n".join(out)


def layout(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """The largest linked group in the middle (spring layout), smaller groups and lone actors on rings."""
    import math

    groups = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(c)))
    main = groups[0] if groups and len(groups[0]) > 1 else set()
    pairs = [sorted(c) for c in groups if 1 < len(c) and c is not main]
    alone = sorted((n for c in groups if len(c) == 1 for n in c), key=lambda n: G.nodes[n]["label"].lower())
    places: dict[str, tuple[float, float]] = {}
    if main:
        inner = nx.spring_layout(G.subgraph(main), seed=7, k=1.0, iterations=500)
        reach = max((math.hypot(x, y) for x, y in inner.values()), default=1.0) or 1.0
        places |= {n: (0.55 * x / reach, 0.55 * y / reach) for n, (x, y) in inner.items()}
    ring = [(group, 0.12) for group in pairs] + [([n], 0.0) for n in alone]
    for i, (group, spread) in enumerate(ring):
        angle = 2 * math.pi * i / len(ring)
        for j, node in enumerate(group):
            offset = spread * (j - (len(group) - 1) / 2)
            places[node] = (math.cos(angle) + offset * -math.sin(angle), math.sin(angle) + offset * math.cos(angle))
    return places


if __name__ == "__main__":
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        fh.write(svg(sys.argv[1]) + "\n")
