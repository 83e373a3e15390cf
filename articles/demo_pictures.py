"""The demo's own pictures: simple scenes drawn with Pillow, so every caption can say what is in them.

A demo must not borrow photographs, and an abstract gradient under a caption like "Toàn cảnh phiên
họp" tells a visitor the caption lies. Each scene here is drawn from flat shapes (people are a head
and a body, a table is a rectangle) and ``SCENES`` keeps, next to the drawing, the words that describe
it, which the articles use for their alt text. ``seed`` only varies colours of clothes and the like,
never what the alt text names, and the same seed always gives the same bytes.
"""

import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
SCALE = 2  # drawn at twice the size and reduced, so that edges are smooth

SKY = ((120, 180, 230), (215, 235, 250))
SHIRTS = ((32, 74, 135), (250, 250, 250), (180, 40, 40), (60, 120, 80), (230, 190, 60), (120, 90, 160))
SKIN = ((236, 196, 160), (220, 175, 135), (200, 155, 115))
HAIR = (40, 32, 28)


class Canvas:
    """A Pillow drawing in 1200 × 800 coordinates, drawn at ``SCALE`` times the size."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), (255, 255, 255))
        self.draw = ImageDraw.Draw(self.image)

    def _box(self, box):
        return [round(value * SCALE) for value in box]

    def rect(self, box, fill, radius=0):
        self.draw.rounded_rectangle(self._box(box), radius=radius * SCALE, fill=fill)

    def ellipse(self, box, fill):
        self.draw.ellipse(self._box(box), fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line([(x * SCALE, y * SCALE) for x, y in points], fill=fill, width=round(width * SCALE))

    def gradient(self, top, bottom, y0=0, y1=HEIGHT):
        for y in range(round(y0 * SCALE), round(y1 * SCALE)):
            ratio = (y - y0 * SCALE) / max(1, (y1 - y0) * SCALE - 1)
            colour = tuple(round(t + (b - t) * ratio) for t, b in zip(top, bottom, strict=True))
            self.draw.line([(0, y), (WIDTH * SCALE, y)], fill=colour)

    def shirt(self):
        return self.rng.choice(SHIRTS)

    def person(self, x, y, size=1.0, *, shirt=None, seated=False, hat=None, arm_up=False):
        """A figure whose feet (or, seated, whose seat) are at ``(x, y)``: a head and a rounded body."""
        shirt = shirt or self.shirt()
        skin = self.rng.choice(SKIN)
        body_h = (46 if seated else 78) * size
        half = 19 * size
        if not seated:
            self.rect((x - half + 4 * size, y - 34 * size, x - 3 * size, y), (50, 55, 70), radius=4 * size)
            self.rect((x + 3 * size, y - 34 * size, x + half - 4 * size, y), (50, 55, 70), radius=4 * size)
        top = y - (body_h if seated else 34 * size + body_h - 10 * size)
        self.rect((x - half, top, x + half, top + body_h), shirt, radius=12 * size)
        if arm_up:
            self.line(
                [(x + half - 4 * size, top + 12 * size), (x + half + 16 * size, top - 26 * size)], shirt, 9 * size
            )
        head = 15 * size
        self.ellipse((x - head, top - 2 * head - 2 * size, x + head, top - 2 * size), skin)
        self.draw.chord(
            self._box((x - head, top - 2 * head - 2 * size, x + head, top - 2 * size + head * 0.2)), 180, 360, HAIR
        )
        if hat == "cone":
            self.polygon(
                [(x - 30 * size, top - head), (x, top - 3 * head), (x + 30 * size, top - head)], (235, 215, 150)
            )
        elif hat == "helmet":
            self.draw.chord(
                self._box((x - head - 3 * size, top - 2 * head - 6 * size, x + head + 3 * size, top - head)),
                180,
                360,
                (245, 200, 30),
            )
        return top

    def tree(self, x, y, size=1.0, fruit=None):
        self.rect((x - 7 * size, y - 70 * size, x + 7 * size, y), (110, 80, 50))
        self.ellipse((x - 55 * size, y - 165 * size, x + 55 * size, y - 55 * size), (60, 140, 70))
        self.ellipse((x - 40 * size, y - 190 * size, x + 30 * size, y - 110 * size), (75, 160, 80))
        for _ in range(9 if fruit else 0):
            fx, fy = x + self.rng.uniform(-40, 40) * size, y + self.rng.uniform(-160, -75) * size
            self.ellipse((fx - 8 * size, fy - 8 * size, fx + 8 * size, fy + 8 * size), fruit)

    def windows(self, x0, y0, x1, y1, *, columns, rows, colour=(170, 205, 235)):
        step_x, step_y = (x1 - x0) / columns, (y1 - y0) / rows
        for column in range(columns):
            for row in range(rows):
                left, top = x0 + column * step_x, y0 + row * step_y
                self.rect((left + step_x * 0.2, top + step_y * 0.2, left + step_x * 0.8, top + step_y * 0.75), colour)

    def jpeg(self):
        buffer = io.BytesIO()
        self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(buffer, format="JPEG", quality=78)
        return buffer.getvalue()


def _meeting(c, *, screen_tiles=False):
    c.rect((0, 0, WIDTH, 520), (238, 228, 205))
    c.rect((0, 520, WIDTH, HEIGHT), (150, 110, 80))
    c.rect((0, 0, WIDTH, 70), (175, 30, 35))
    c.rect((380, 110, 820, 360), (40, 45, 60), radius=6)
    if screen_tiles:
        for column in range(4):
            for row in range(3):
                left, top = 395 + column * 106, 125 + row * 76
                c.rect((left, top, left + 96, top + 66), (90, 140, 190) if (column + row) % 2 else (110, 160, 120))
                c.ellipse((left + 36, top + 14, left + 60, top + 38), (236, 196, 160))
                c.rect((left + 30, top + 40, left + 66, top + 66), (32, 74, 135))
    else:
        c.rect((395, 125, 805, 345), (235, 240, 250))
        for row in range(4):
            c.rect((430, 160 + row * 45, 430 + (330 if row % 2 else 260), 180 + row * 45), (120, 140, 180))
    for index in range(5):
        c.person(150 + index * 225, 655, 1.7, seated=True)
    c.polygon([(120, 640), (1080, 640), (1180, 780), (20, 780)], (35, 95, 70))
    c.rect((20, 780, 1180, 800), (25, 70, 50))
    for index in range(4):
        x = 260 + index * 230
        c.rect((x - 30, 655, x + 30, 675), (250, 250, 245))
        c.rect((x + 45, 630, x + 55, 668), (70, 70, 80))
        c.ellipse((x + 40, 618, x + 60, 638), (70, 70, 80))


def _rice_field(c, *, harvester=True):
    c.gradient(*SKY, 0, 330)
    c.ellipse((980, 50, 1080, 150), (255, 230, 120))
    c.polygon([(0, 330), (300, 250), (620, 330)], (110, 150, 120))
    c.polygon([(450, 330), (850, 230), (1200, 320), (1200, 330)], (95, 140, 110))
    c.gradient((225, 185, 60), (200, 150, 30), 330, HEIGHT)
    for row in range(14):
        y = 345 + row * 33 + row * row * 0.9
        c.line([(0, y), (WIDTH, y)], (240, 205, 90), 2 + row * 0.4)
    if harvester:
        c.rect((440, 400, 760, 560), (200, 35, 35), radius=10)
        c.rect((640, 330, 760, 420), (60, 70, 90), radius=6)
        c.rect((655, 345, 745, 400), (170, 205, 235))
        c.rect((360, 500, 460, 560), (150, 30, 30))
        for x in range(365, 460, 18):
            c.line([(x, 505), (x - 20, 560)], (90, 20, 20), 4)
        c.rect((460, 560, 740, 610), (40, 40, 40), radius=20)
        c.line([(760, 430), (860, 360)], (200, 35, 35), 16)
    else:
        c.person(380, 640, 1.3, hat="cone")
        c.person(760, 600, 1.1, hat="cone")


def _road(c):
    c.gradient(*SKY, 0, 340)
    c.polygon([(0, 340), (1200, 340), (1200, HEIGHT), (0, HEIGHT)], (170, 140, 90))
    c.polygon([(540, 340), (660, 340), (1100, HEIGHT), (100, HEIGHT)], (185, 185, 180))
    c.polygon([(560, 340), (640, 340), (640, 420), (520, 420)], (120, 100, 70))
    for index, x in enumerate((90, 1060)):
        c.tree(x, 380, 0.8 + index * 0.1)
    c.rect((700, 440, 930, 560), (240, 190, 30), radius=10)
    c.rect((780, 370, 900, 450), (60, 70, 90), radius=6)
    c.rect((795, 385, 885, 435), (170, 205, 235))
    c.ellipse((620, 500, 760, 640), (90, 90, 95))
    c.ellipse((870, 530, 960, 620), (40, 40, 40))
    for x, y in ((260, 720), (380, 700), (1050, 740)):
        c.person(x, y, 1.3, shirt=(240, 120, 30), hat="helmet")
    for x, y in ((170, 640), (480, 540), (560, 760)):
        c.polygon([(x - 16, y), (x, y - 50), (x + 16, y)], (240, 100, 30))
        c.rect((x - 10, y - 30, x + 10, y - 22), (250, 250, 250))


def _school(c):
    c.gradient(*SKY, 0, 420)
    c.rect((0, 560, WIDTH, HEIGHT), (200, 195, 185))
    c.rect((140, 180, 1060, 560), (245, 205, 90))
    c.polygon([(110, 190), (600, 110), (1090, 190)], (180, 60, 45))
    c.rect((140, 365, 1060, 380), (230, 185, 70))
    c.windows(160, 200, 1040, 545, columns=8, rows=2)
    c.rect((560, 450, 640, 560), (120, 80, 50))
    c.line([(1120, 560), (1120, 150)], (150, 150, 150), 8)
    c.rect((1124, 150, 1194, 196), (218, 37, 29))
    c.polygon([(1159, 158), (1163, 169), (1174, 169), (1165, 176), (1168, 187), (1159, 180),
               (1150, 187), (1153, 176), (1144, 169), (1155, 169)], (255, 221, 0))  # fmt: skip
    for index in range(7):
        c.person(190 + index * 135, 740 - (index % 2) * 25, 1.0, shirt=(250, 250, 250))


def _flower_road(c):
    c.gradient(*SKY, 0, 340)
    c.rect((0, 340, WIDTH, HEIGHT), (120, 170, 90))
    c.polygon([(560, 340), (640, 340), (1000, HEIGHT), (200, HEIGHT)], (205, 205, 200))
    for index, x in enumerate((120, 330, 870, 1080)):
        c.tree(x, 360, 0.55 + index % 2 * 0.1)
    for step in range(9):
        y = 360 + step * 50
        spread = 40 + step * 42
        for side in (-1, 1):
            x = 600 + side * spread
            c.ellipse((x - 18 - step * 3, y - 14, x + 18 + step * 3, y + 14 + step * 2), (60, 130, 60))
            for petal in range(3):
                px = x + (petal - 1) * (10 + step * 2)
                colour = (220, 40, 60) if (step + petal) % 2 else (240, 120, 170)
                c.ellipse((px - 5 - step, y - 8, px + 5 + step, y + 2 + step), colour)
    c.person(560, 700, 1.2)
    c.person(650, 690, 1.0)


def _counter(c):
    c.rect((0, 0, WIDTH, HEIGHT), (235, 238, 240))
    c.rect((0, 600, WIDTH, HEIGHT), (200, 190, 175))
    c.rect((430, 60, 770, 160), (30, 35, 45), radius=8)
    for index in range(3):
        c.rect((455 + index * 105, 85, 540 + index * 105, 135), (220, 60, 50) if index == 0 else (60, 170, 90))
    for index in range(3):
        x = 220 + index * 350
        c.person(x, 440, 1.4, seated=True, shirt=(40, 90, 160))
        c.rect((x + 50, 350, x + 150, 420), (60, 60, 70), radius=4)
        c.rect((x + 58, 358, x + 142, 412), (150, 200, 235))
        c.rect((x + 92, 420, x + 108, 432), (60, 60, 70))
    c.rect((80, 430, 1120, 560), (160, 120, 80))
    c.rect((80, 430, 1120, 450), (130, 95, 60))
    for index in range(5):
        c.person(200 + index * 200, 760, 1.2, seated=True)
    c.rect((100, 760, 1100, 780), (60, 90, 140))


def _market(c):
    c.gradient(*SKY, 0, 300)
    c.rect((0, 300, WIDTH, HEIGHT), (190, 180, 160))
    for index in range(4):
        left = 30 + index * 295
        c.polygon([(left, 330), (left + 270, 330), (left + 250, 250), (left + 20, 250)], (30, 120, 170))
        c.rect((left + 15, 330, left + 25, 520), (90, 90, 90))
        c.rect((left + 245, 330, left + 255, 520), (90, 90, 90))
        c.rect((left + 10, 470, left + 260, 530), (150, 110, 70))
        for spot in range(6):
            x = left + 40 + spot * 38
            colour = (240, 150, 30) if (index + spot) % 3 == 0 else (70, 160, 60)
            c.ellipse((x - 20, 440, x + 20, 478), colour)
        c.person(left + 135, 465, 0.9, seated=True)
    for x in (200, 520, 880):
        c.person(x, 760, 1.3, hat="cone" if x == 520 else None)


def _boat_race(c):
    c.gradient(*SKY, 0, 300)
    c.rect((0, 260, WIDTH, 320), (90, 150, 90))
    for x in range(40, WIDTH, 160):
        c.tree(x, 300, 0.45)
    c.gradient((70, 130, 170), (40, 90, 140), 320, HEIGHT)
    for index, (y, hull) in enumerate(((470, (200, 40, 40)), (660, (30, 90, 160)))):
        c.polygon([(80, y), (1120, y), (1060, y + 45), (140, y + 45)], hull)
        c.polygon([(1120, y), (1170, y - 50), (1150, y + 5)], hull)
        for seat in range(10):
            x = 190 + seat * 88
            c.person(x, y, 0.85, seated=True, shirt=(250, 210, 40) if index == 0 else (250, 250, 250))
            c.line([(x - 10, y - 20), (x - 50, y + 70)], (120, 80, 40), 5)


def _beach(c):
    c.gradient(*SKY, 0, 280)
    c.gradient((60, 140, 190), (110, 180, 210), 280, 430)
    c.polygon([(0, 430), (WIDTH, 400), (WIDTH, HEIGHT), (0, HEIGHT)], (235, 215, 170))
    c.line([(0, 440), (400, 420), (800, 425), (1200, 405)], (250, 250, 250), 8)
    for x, y in ((180, 640), (430, 700), (690, 620), (950, 720)):
        top = c.person(x, y, 1.25, shirt=(40, 140, 90), hat="cone" if x == 690 else None)
        c.rect((x + 24, top + 40, x + 70, top + 100), (240, 240, 230), radius=8)
    for x, y in ((300, 560), (560, 760), (820, 540), (1100, 620)):
        c.rect((x, y, x + 22, y + 10), (60, 120, 200))


def _orchard(c):
    c.gradient(*SKY, 0, 360)
    c.rect((0, 360, WIDTH, HEIGHT), (110, 160, 80))
    for row, (y, size) in enumerate(((420, 0.7), (560, 1.0), (760, 1.35))):
        for x in range(80 + row * 60, WIDTH, 320 - row * 30):
            c.tree(x, y, size, fruit=(245, 150, 20))
    c.person(560, 770, 1.4, hat="cone", arm_up=True)
    c.rect((620, 700, 720, 770), (180, 130, 70), radius=6)
    for x in (640, 665, 690):
        c.ellipse((x - 12, 690, x + 12, 714), (245, 150, 20))


def _night_street(c):
    c.gradient((15, 25, 60), (50, 60, 110), 0, 420)
    c.rect((0, 300, 420, 380), (30, 60, 100))
    c.rect((0, 420, WIDTH, HEIGHT), (120, 110, 100))
    for index in range(6):
        left = 470 + index * 125
        c.rect((left, 200 + index % 2 * 30, left + 110, 440), (70, 60, 80))
        c.windows(left, 220 + index % 2 * 30, left + 110, 420, columns=2, rows=3, colour=(250, 210, 120))
    c.line([(0, 150), (WIDTH, 120)], (40, 40, 40), 3)
    for x in range(60, WIDTH, 120):
        y = 150 - x * 0.025
        c.ellipse((x - 18, y + 5, x + 18, y + 45), (240, 70, 40) if x % 240 else (250, 190, 50))
    for x, y in ((150, 700), (260, 760), (520, 690), (640, 740), (900, 700), (1050, 760)):
        c.person(x, y, 1.1)


def _dike(c):
    c.gradient(*SKY, 0, 360)
    c.gradient((60, 130, 180), (40, 100, 150), 360, HEIGHT)
    c.polygon([(380, HEIGHT), (520, 360), (640, 360), (760, HEIGHT)], (160, 150, 130))
    c.polygon([(520, 360), (640, 360), (650, 380), (510, 380)], (120, 115, 100))
    c.rect((760, 360, WIDTH, HEIGHT), (225, 225, 215))
    for x in range(790, WIDTH, 110):
        for y in range(400, HEIGHT, 110):
            c.rect((x, y, x + 90, y + 90), (245, 245, 240))
    for x, y in ((560, 520), (610, 600)):
        c.person(x, y, 1.0, shirt=(30, 90, 60), hat="helmet")


def _house(c):
    c.gradient(*SKY, 0, 450)
    c.rect((0, 560, WIDTH, HEIGHT), (120, 170, 90))
    c.rect((330, 320, 870, 600), (240, 230, 200))
    c.polygon([(290, 330), (600, 170), (910, 330)], (190, 70, 50))
    c.rect((545, 440, 655, 600), (120, 80, 50))
    c.rect((380, 400, 480, 490), (150, 195, 225))
    c.rect((720, 400, 820, 490), (150, 195, 225))
    c.tree(160, 600, 1.0)
    for x in (960, 1040, 1120):
        c.person(x, 720, 1.1)


def _phone(c):
    c.gradient((220, 225, 232), (190, 198, 210))
    c.ellipse((330, 520, 930, 900), SKIN[0])
    c.rect((430, 70, 770, 760), (30, 30, 35), radius=40)
    c.rect((450, 110, 750, 720), (250, 250, 250), radius=6)
    c.rect((450, 110, 750, 170), (175, 30, 35))
    c.rect((470, 190, 730, 330), (110, 160, 120))
    for row in range(5):
        c.rect((470, 350 + row * 70, 530, 400 + row * 70), (90, 140, 190))
        c.rect((545, 355 + row * 70, 730, 370 + row * 70), (120, 120, 130))
        c.rect((545, 380 + row * 70, 680, 392 + row * 70), (180, 180, 185))
    c.ellipse((250, 480, 470, 640), SKIN[0])


def _classroom(c):
    c.rect((0, 0, WIDTH, HEIGHT), (240, 235, 215))
    c.rect((0, 610, WIDTH, HEIGHT), (180, 150, 110))
    c.rect((300, 80, 900, 330), (40, 90, 60))
    c.rect((290, 70, 910, 85), (140, 100, 60))
    c.line([(360, 150), (560, 150)], (240, 240, 240), 6)
    c.line([(360, 210), (680, 210)], (240, 240, 240), 6)
    c.person(980, 560, 1.2, shirt=(32, 74, 135))
    for row, (y, size) in enumerate(((560, 0.95), (720, 1.2))):
        for index in range(4):
            x = 170 + index * 230 + row * 40
            c.person(x, y, size, seated=True, shirt=(250, 250, 250))
            c.rect((x - 80 * size, y - 5, x + 80 * size, y + 20), (200, 160, 90))


def _stage(c):
    c.rect((0, 0, WIDTH, HEIGHT), (120, 25, 30))
    c.rect((0, 0, WIDTH, 90), (175, 30, 35))
    c.rect((0, 560, WIDTH, HEIGHT), (150, 100, 60))
    c.rect((0, 560, WIDTH, 585), (110, 70, 40))
    for index in range(6):
        x = 180 + index * 170
        top = c.person(x, 560, 1.25, shirt=(250, 250, 250) if index % 3 else (32, 74, 135))
        c.rect((x - 26, top + 30, x + 26, top + 66), (245, 225, 150))
    c.rect((0, 660, WIDTH, HEIGHT), (60, 40, 40))
    for x in range(60, WIDTH, 110):
        c.ellipse((x - 24, 680, x + 24, 730), HAIR)


SCENES = {
    # key: (drawing, what it shows: the alt text articles use)
    "meeting": (_meeting, "Hình vẽ một phòng họp: năm người ngồi sau bàn họp phủ khăn xanh, phía sau là màn chiếu"),
    "meeting-online": (
        lambda c: _meeting(c, screen_tiles=True),
        "Hình vẽ một phòng họp: năm người ngồi sau bàn họp, màn hình phía sau chia ô hình các điểm cầu",
    ),
    "harvest": (_rice_field, "Hình vẽ cánh đồng lúa chín vàng, một máy gặt màu đỏ đang chạy giữa ruộng"),
    "rice-farmers": (
        lambda c: _rice_field(c, harvester=False),
        "Hình vẽ cánh đồng lúa chín vàng, hai người đội nón lá đứng giữa ruộng",
    ),
    "road": (_road, "Hình vẽ một con đường đang thi công: xe lu màu vàng, công nhân đội mũ bảo hộ, cọc tiêu màu cam"),
    "school": (_school, "Hình vẽ ngôi trường hai tầng sơn vàng, cột cờ bên phải, học sinh áo trắng đứng ở sân"),
    "flower-road": (_flower_road, "Hình vẽ con đường làng hai bên trồng hoa đỏ và hồng, hai em nhỏ đứng giữa đường"),
    "counter": (
        _counter,
        "Hình vẽ quầy tiếp nhận hồ sơ: ba cán bộ ngồi sau quầy với máy tính, người dân ngồi chờ, bảng số phía trên",
    ),
    "market": (_market, "Hình vẽ dãy sạp chợ dưới mái che màu xanh, bày rau xanh và cam, người mua đi lại phía trước"),
    "boat-race": (_boat_race, "Hình vẽ hai chiếc thuyền dài với hàng người chèo trên mặt sông, bờ bên kia có cây"),
    "beach": (_beach, "Hình vẽ bãi biển, bốn người áo xanh cầm bao nhặt rác trên cát"),
    "orchard": (_orchard, "Hình vẽ vườn cam nhiều quả chín, một người đội nón lá hái cam bỏ vào sọt"),
    "night-street": (_night_street, "Hình vẽ con phố ban đêm treo đèn lồng, người đi bộ dưới phố"),
    "dike": (_dike, "Hình vẽ con đê giữa biển và ruộng muối, hai người đội mũ bảo hộ đứng trên mặt đê"),
    "house": (_house, "Hình vẽ ngôi nhà nhỏ tường vàng nhạt mái đỏ, bên cạnh có cây và ba người đứng"),
    "phone": (_phone, "Hình vẽ bàn tay cầm điện thoại, màn hình hiện một trang tin với ảnh và các dòng tiêu đề"),
    "classroom": (_classroom, "Hình vẽ lớp học: học sinh áo trắng ngồi bàn, giáo viên đứng cạnh bảng xanh"),
    "stage": (_stage, "Hình vẽ sân khấu phông đỏ, sáu người đứng cầm giấy khen, khán giả ngồi phía dưới"),
}


def alt_text(scene):
    """What the picture of ``scene`` shows, in words."""
    return SCENES[scene][1]


def picture(scene, seed):
    """The JPEG of ``scene``; ``seed`` varies clothes and skin, never what ``alt_text`` says."""
    canvas = Canvas(f"{scene}:{seed}")
    SCENES[scene][0](canvas)
    return canvas.jpeg()
