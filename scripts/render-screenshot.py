#!/usr/bin/env python3
"""Renders a terminal capture (`tmux capture-pane -p -e -N`) to a PNG, cell by cell, on a fixed grid.

Usage: render-screenshot.py CAPTURE.ansi OUT.png --cols N --rows N [--cursor X,Y] [--font-size PX]
       render-screenshot.py --check       (exits 0 when Pillow and the DejaVu Sans Mono font are there)

The capture holds text with SGR escape sequences: 16, 256 and truecolor foreground and background, bold,
dim, italic, underline, blink (ignored), reverse, hidden and strike-through. Every cell is drawn on a grid of
fixed-size cells with DejaVu Sans Mono; wide characters (East Asian wide and fullwidth) take two cells.
Box-drawing and block characters (U+2500-U+259F) are drawn as lines and rectangles that fill the cell, so
frames join whatever the font's metrics. A glyph the monospace font lacks is taken from DejaVu Sans and
centred in its cell.

Deterministic: the same capture gives the same bytes (fixed palette, fixed font size, no timestamp or other
metadata in the PNG). Needs Pillow (Debian: python3-pil; PyPI: pillow) and DejaVu Sans Mono (Debian:
fonts-dejavu-core).
"""
import argparse
import os
import re
import sys
import unicodedata

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
             "/usr/local/share/fonts", "/Library/Fonts", os.path.expanduser("~/Library/Fonts")]


def find_font(name):
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    return None


# A dark terminal: the 16 ANSI colours (Tango-like, readable on a projector), default foreground/background.
PALETTE16 = [
    (0x1e, 0x1e, 0x1e), (0xcc, 0x3e, 0x3e), (0x4e, 0x9a, 0x06), (0xc4, 0xa0, 0x00),
    (0x34, 0x65, 0xa4), (0x9b, 0x59, 0xb6), (0x06, 0x98, 0x9a), (0xd3, 0xd7, 0xcf),
    (0x6e, 0x6e, 0x6e), (0xef, 0x29, 0x29), (0x8a, 0xe2, 0x34), (0xfc, 0xe9, 0x4f),
    (0x72, 0x9f, 0xcf), (0xc6, 0x8d, 0xe0), (0x34, 0xe2, 0xe2), (0xff, 0xff, 0xff),
]
DEFAULT_FG = (0xd8, 0xd8, 0xd8)
DEFAULT_BG = (0x12, 0x12, 0x12)


def color256(n):
    if n < 16:
        return PALETTE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return (v, v, v)


class Style:
    __slots__ = ("fg", "bg", "bold", "dim", "italic", "underline", "reverse", "hidden", "strike")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None  # None: default; else an (r, g, b) tuple
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = False
        self.reverse = self.hidden = self.strike = False

    def copy(self):
        s = Style()
        for k in Style.__slots__:
            setattr(s, k, getattr(self, k))
        return s

    def apply(self, params):
        """Applies one SGR parameter list (strings; colon sub-parameters kept inside an item)."""
        if not params:
            params = ["0"]
        i = 0
        while i < len(params):
            p = params[i]
            sub = p.split(":")
            try:
                n = int(sub[0]) if sub[0] else 0
            except ValueError:
                i += 1
                continue
            if n == 0:
                self.reset()
            elif n == 1:
                self.bold = True
            elif n == 2:
                self.dim = True
            elif n == 3:
                self.italic = True
            elif n == 4:
                self.underline = not (len(sub) > 1 and sub[1] == "0")
            elif n == 7:
                self.reverse = True
            elif n == 8:
                self.hidden = True
            elif n == 9:
                self.strike = True
            elif n == 21:
                self.underline = True
            elif n == 22:
                self.bold = self.dim = False
            elif n == 23:
                self.italic = False
            elif n == 24:
                self.underline = False
            elif n == 27:
                self.reverse = False
            elif n == 28:
                self.hidden = False
            elif n == 29:
                self.strike = False
            elif 30 <= n <= 37:
                self.fg = PALETTE16[n - 30]
            elif n == 39:
                self.fg = None
            elif 40 <= n <= 47:
                self.bg = PALETTE16[n - 40]
            elif n == 49:
                self.bg = None
            elif 90 <= n <= 97:
                self.fg = PALETTE16[n - 90 + 8]
            elif 100 <= n <= 107:
                self.bg = PALETTE16[n - 100 + 8]
            elif n in (38, 48, 58):
                # 38;5;N  38;2;R;G;B  or the colon forms 38:5:N  38:2::R:G:B
                if len(sub) > 1:
                    rest = [x for x in sub[1:]]
                else:
                    rest = params[i + 1:]
                color, used = None, 0
                if rest and rest[0] == "5" and len(rest) >= 2:
                    color, used = color256(int(rest[1] or 0) & 255), 2
                elif rest and rest[0] == "2":
                    vals = rest[1:]
                    if len(sub) > 1 and len(vals) == 4:  # 38:2:colourspace:R:G:B
                        vals = vals[1:]
                    if len(vals) >= 3:
                        color, used = tuple(int(v or 0) & 255 for v in vals[:3]), 4
                if len(sub) == 1:
                    i += used
                if n == 38:
                    self.fg = color
                elif n == 48:
                    self.bg = color
            i += 1


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESC = re.compile(r"\x1b(\[[0-9;:?]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Za-z0-9]|[=>78])")


def char_width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text, cols, rows):
    """The capture as a grid: rows of cells (char, style) with None for the right half of a wide char."""
    blank = Style()
    grid = [[(" ", blank) for _ in range(cols)] for _ in range(rows)]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    style = Style()
    for y, line in enumerate(lines[:rows]):
        x = 0
        pos = 0
        while pos < len(line):
            if line[pos] == "\x1b":
                m = SGR.match(line, pos)
                if m:
                    style = style.copy()  # cells already drawn keep the style they were drawn with
                    style.apply(m.group(1).split(";") if m.group(1) else [])
                    pos = m.end()
                    continue
                m = OTHER_ESC.match(line, pos)
                pos = m.end() if m else pos + 1
                continue
            ch = line[pos]
            pos += 1
            if ch == "\r":
                continue
            w = char_width(ch)
            if w == 0:
                if x > 0 and grid[y][x - 1][0] is not None:
                    c, s = grid[y][x - 1]
                    grid[y][x - 1] = (c + ch, s)
                continue
            if x + w > cols:
                break
            grid[y][x] = (ch, style)
            if w == 2:
                grid[y][x + 1] = (None, style)
            x += w
        # tmux carries attributes over line ends only through explicit sequences; keep the state as is.
    return grid


# ---- Box drawing -------------------------------------------------------------------------------------------
# For U+2500-U+257F: the weight of the (up, right, down, left) arms: 0 none, 1 light, 2 heavy, 3 double.
def _box_table():
    t = {}
    L, H, D = 1, 2, 3

    def put(cp, up, right, down, left):
        t[chr(cp)] = (up, right, down, left)
    put(0x2500, 0, L, 0, L); put(0x2501, 0, H, 0, H); put(0x2502, L, 0, L, 0); put(0x2503, H, 0, H, 0)
    for cp in (0x2504, 0x2508, 0x254C):
        put(cp, 0, L, 0, L)
    for cp in (0x2505, 0x2509, 0x254D):
        put(cp, 0, H, 0, H)
    for cp in (0x2506, 0x250A, 0x254E):
        put(cp, L, 0, L, 0)
    for cp in (0x2507, 0x250B, 0x254F):
        put(cp, H, 0, H, 0)
    # Corners and tees: generated from names.
    for cp in range(0x250C, 0x254C):
        name = unicodedata.name(chr(cp), "")
        arms = _arms_from_name(name)
        if arms:
            t[chr(cp)] = arms
    for cp in range(0x2550, 0x256D):
        name = unicodedata.name(chr(cp), "")
        arms = _arms_from_name(name)
        if arms:
            t[chr(cp)] = arms
    for cp, arms in {0x2574: (0, 0, 0, L), 0x2575: (L, 0, 0, 0), 0x2576: (0, L, 0, 0), 0x2577: (0, 0, L, 0),
                     0x2578: (0, 0, 0, H), 0x2579: (H, 0, 0, 0), 0x257A: (0, H, 0, 0), 0x257B: (0, 0, H, 0),
                     0x257C: (0, H, 0, L), 0x257D: (L, 0, H, 0), 0x257E: (0, L, 0, H), 0x257F: (H, 0, L, 0)}.items():
        t[chr(cp)] = arms
    return t


def _arms_from_name(name):
    """'BOX DRAWINGS LIGHT DOWN AND RIGHT', 'BOX DRAWINGS DOWN SINGLE AND HORIZONTAL DOUBLE', ..."""
    if not name.startswith("BOX DRAWINGS "):
        return None
    words = name[len("BOX DRAWINGS "):].split()
    arms = {"UP": 0, "RIGHT": 0, "DOWN": 0, "LEFT": 0}
    expand = {"VERTICAL": ["UP", "DOWN"], "HORIZONTAL": ["LEFT", "RIGHT"]}
    weights = {"LIGHT": 1, "HEAVY": 2, "DOUBLE": 3, "SINGLE": 1}
    default = None
    if words and words[0] in ("LIGHT", "HEAVY", "DOUBLE"):
        default = weights[words[0]]
        words = words[1:]
    # Split into groups joined by AND; each group: directions followed by an optional weight.
    groups, cur = [], []
    for w in words:
        if w == "AND":
            groups.append(cur)
            cur = []
        else:
            cur.append(w)
    groups.append(cur)
    for g in groups:
        dirs = [w for w in g if w in arms or w in expand]
        ws = [weights[w] for w in g if w in weights]
        weight = ws[0] if ws else (default or 1)
        for d in dirs:
            for e in expand.get(d, [d]):
                arms[e] = weight
    if not any(arms.values()):
        return None
    return (arms["UP"], arms["RIGHT"], arms["DOWN"], arms["LEFT"])


BOX = _box_table()
ROUNDED = {"╭": (0, 1, 1, 0), "╮": (0, 0, 1, 1), "╯": (1, 0, 0, 1), "╰": (1, 1, 0, 0)}


def draw_box(draw, ch, x0, y0, cw, chh, color):
    arms = BOX.get(ch) or ROUNDED.get(ch)
    if arms is None:
        return False
    light = max(1, round(cw / 9))
    heavy = light * 2 + 1
    gap = light + 1  # half the distance between the strokes of a double line
    cx = x0 + cw // 2
    cy = y0 + chh // 2
    up, right, down, left = arms

    def strokes(weight):
        """(offset, thickness) of each stroke across a line of `weight`, relative to the centre line."""
        if weight == 3:
            return [(-gap - light // 2, light), (gap - light // 2, light)]
        t = light if weight == 1 else heavy
        return [(-(t // 2), t)]

    def hline(xa, xb, weight):
        for off, t in strokes(weight):
            draw.rectangle([xa, cy + off, xb, cy + off + t - 1], fill=color)

    def vline(ya, yb, weight):
        for off, t in strokes(weight):
            draw.rectangle([cx + off, ya, cx + off + t - 1, yb], fill=color)

    # Each arm runs from its edge of the cell to the centre; the centre piece closes corners and tees.
    if left:
        hline(x0, cx, left)
    if right:
        hline(cx, x0 + cw - 1, right)
    if up:
        vline(y0, cy, up)
    if down:
        vline(cy, y0 + chh - 1, down)
    h = max(left, right)
    v = max(up, down)
    if h and v:
        hs, vs = strokes(h), strokes(v)
        top = cy + hs[0][0]
        bottom = cy + hs[-1][0] + hs[-1][1] - 1
        lft = cx + vs[0][0]
        rgt = cx + vs[-1][0] + vs[-1][1] - 1
        if 3 not in arms:
            draw.rectangle([lft, top, rgt, bottom], fill=color)
        else:
            # A double corner or tee: the outline of the crossing, so the strokes stay apart.
            if left or right:
                for off, t in hs:
                    xa = x0 if left else lft
                    xb = x0 + cw - 1 if right else rgt
                    draw.rectangle([xa, cy + off, xb, cy + off + t - 1], fill=color)
            if up or down:
                for off, t in vs:
                    ya = y0 if up else top
                    yb = y0 + chh - 1 if down else bottom
                    draw.rectangle([cx + off, ya, cx + off + t - 1, yb], fill=color)
    elif ch in ROUNDED:
        pass
    return True


def draw_block(draw, ch, x0, y0, cw, chh, fg, bg):
    cp = ord(ch)
    if cp == 0x2588:
        draw.rectangle([x0, y0, x0 + cw - 1, y0 + chh - 1], fill=fg)
    elif 0x2581 <= cp <= 0x2587:  # lower eighths
        h = round(chh * (cp - 0x2580) / 8)
        draw.rectangle([x0, y0 + chh - h, x0 + cw - 1, y0 + chh - 1], fill=fg)
    elif cp == 0x2580:
        draw.rectangle([x0, y0, x0 + cw - 1, y0 + chh // 2 - 1], fill=fg)
    elif 0x2589 <= cp <= 0x258F:  # left eighths
        w = round(cw * (0x2590 - cp) / 8)
        draw.rectangle([x0, y0, x0 + w - 1, y0 + chh - 1], fill=fg)
    elif cp == 0x2590:
        draw.rectangle([x0 + cw // 2, y0, x0 + cw - 1, y0 + chh - 1], fill=fg)
    elif cp in (0x2591, 0x2592, 0x2593):  # shades: a blend, not a dither
        a = {0x2591: 0.25, 0x2592: 0.5, 0x2593: 0.75}[cp]
        c = tuple(round(f * a + b * (1 - a)) for f, b in zip(fg, bg))
        draw.rectangle([x0, y0, x0 + cw - 1, y0 + chh - 1], fill=c)
    elif cp == 0x2594:
        draw.rectangle([x0, y0, x0 + cw - 1, y0 + max(1, chh // 8) - 1], fill=fg)
    elif cp == 0x2595:
        draw.rectangle([x0 + cw - max(1, cw // 8), y0, x0 + cw - 1, y0 + chh - 1], fill=fg)
    else:
        return False
    return True


class Fonts:
    def __init__(self, size):
        from PIL import ImageFont
        regular = find_font("DejaVuSansMono.ttf")
        if not regular:
            raise SystemExit("render-screenshot: DejaVu Sans Mono (DejaVuSansMono.ttf) not found; "
                             "install fonts-dejavu-core")
        bold = find_font("DejaVuSansMono-Bold.ttf") or regular
        italic = find_font("DejaVuSansMono-Oblique.ttf") or regular
        bold_italic = find_font("DejaVuSansMono-BoldOblique.ttf") or bold
        self.mono = {(False, False): ImageFont.truetype(regular, size),
                     (True, False): ImageFont.truetype(bold, size),
                     (False, True): ImageFont.truetype(italic, size),
                     (True, True): ImageFont.truetype(bold_italic, size)}
        sans = find_font("DejaVuSans.ttf")
        sans_bold = find_font("DejaVuSans-Bold.ttf") or sans
        self.fallback = {False: ImageFont.truetype(sans, size) if sans else None,
                         True: ImageFont.truetype(sans_bold, size) if sans_bold else None}
        font = self.mono[(False, False)]
        ascent, descent = font.getmetrics()
        self.cell_w = int(round(font.getlength("M")))
        self.cell_h = ascent + descent + max(1, size // 8)
        self.ascent = ascent
        self.pad = max(1, size // 16)
        self._notdef = {}
        self._has = {}

    def _bitmap(self, font, ch):
        from PIL import Image, ImageDraw
        img = Image.new("L", (self.cell_w * 3, self.cell_h * 2))
        ImageDraw.Draw(img).text((0, 0), ch, font=font, fill=255)
        return img.tobytes()

    def has(self, font, ch):
        """False when `font` draws `ch` as its missing-glyph box (the glyph of a private-use character)."""
        key = (id(font), ch)
        if key not in self._has:
            if id(font) not in self._notdef:
                self._notdef[id(font)] = self._bitmap(font, "\ue000")
            self._has[key] = self._bitmap(font, ch) != self._notdef[id(font)]
        return self._has[key]

    def pick(self, ch, bold, italic):
        f = self.mono[(bold, italic)]
        if self.has(f, ch[0]):
            return f, False
        fb = self.fallback[bold]
        if fb is not None and self.has(fb, ch[0]):
            return fb, True
        return f, False


def render(capture, out, cols, rows, cursor=None, size=16):
    from PIL import Image, ImageDraw
    fonts = Fonts(size)
    cw, chh = fonts.cell_w, fonts.cell_h
    margin = cw
    img = Image.new("RGB", (cols * cw + 2 * margin, rows * chh + 2 * margin), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    grid = parse(capture, cols, rows)
    for y, row in enumerate(grid):
        for x, (ch, st) in enumerate(row):
            if ch is None:
                continue
            wide = x + 1 < cols and row[x + 1][0] is None
            fg = st.fg if st.fg is not None else DEFAULT_FG
            bg = st.bg if st.bg is not None else DEFAULT_BG
            if st.reverse:
                fg, bg = bg, fg
            if st.dim:
                fg = tuple(round(f * 0.55 + b * 0.45) for f, b in zip(fg, bg))
            x0 = margin + x * cw
            y0 = margin + y * chh
            span = cw * (2 if wide else 1)
            if bg != DEFAULT_BG:
                draw.rectangle([x0, y0, x0 + span - 1, y0 + chh - 1], fill=bg)
            if st.hidden or ch == " ":
                pass
            elif draw_box(draw, ch, x0, y0, cw, chh, fg) or draw_block(draw, ch, x0, y0, cw, chh, fg, bg):
                pass
            else:
                font, fallback = fonts.pick(ch, st.bold, st.italic)
                top = y0 + max(0, (chh - sum(font.getmetrics())) // 2)
                if fallback or wide:
                    # Centre a proportional or wide glyph in its cells; shrink it when it is wider.
                    w = font.getlength(ch)
                    if w > span:
                        scaled = font.font_variant(size=max(6, int(size * span / w)))
                        w = scaled.getlength(ch)
                        draw.text((x0 + (span - w) / 2, top + (size - scaled.size) // 2), ch, font=scaled, fill=fg)
                    else:
                        draw.text((x0 + (span - w) / 2, top), ch, font=font, fill=fg)
                else:
                    draw.text((x0, top), ch, font=font, fill=fg)
            if st.underline:
                uy = y0 + fonts.ascent + max(2, fonts.pad + 1)
                uy = min(uy, y0 + chh - 1)
                draw.rectangle([x0, uy, x0 + span - 1, uy + max(0, size // 16 - 1)], fill=fg)
            if st.strike:
                sy = y0 + chh // 2
                draw.rectangle([x0, sy, x0 + span - 1, sy], fill=fg)
    if cursor is not None:
        cx, cy = cursor
        if 0 <= cx < cols and 0 <= cy < rows:
            # The hardware cursor: an outline, so the cell under it stays readable.
            x0 = margin + cx * cw
            y0 = margin + cy * chh
            draw.rectangle([x0, y0, x0 + cw - 1, y0 + chh - 1], outline=(0xff, 0xb0, 0x00))
    img.save(out, format="PNG", optimize=True)


def check():
    try:
        import PIL  # noqa: F401
    except ImportError:
        print("render-screenshot: Pillow is not installed (Debian: python3-pil; PyPI: pillow)", file=sys.stderr)
        return 1
    if not find_font("DejaVuSansMono.ttf"):
        print("render-screenshot: DejaVu Sans Mono is not installed (Debian: fonts-dejavu-core)", file=sys.stderr)
        return 1
    return 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--check":
        sys.exit(check())
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("capture")
    ap.add_argument("out")
    ap.add_argument("--cols", type=int, required=True)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--cursor", help="X,Y of the hardware cursor (0-based), drawn as an outline")
    ap.add_argument("--font-size", type=int, default=16)
    a = ap.parse_args()
    with open(a.capture, encoding="utf-8", errors="replace") as f:
        text = f.read()
    cursor = tuple(int(v) for v in a.cursor.split(",")) if a.cursor else None
    render(text, a.out, a.cols, a.rows, cursor, a.font_size)


if __name__ == "__main__":
    main()
