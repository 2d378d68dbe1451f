"""Renders the demo's chat screenshot (a seller's reply in Chinese).

Run once; the PNG is committed. Needs Pillow and Debian's fonts-noto-cjk.
    python3 assets/demo/make_chat_screenshot.py
"""
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
W, H = 540, 1010
img = Image.new("RGB", (W, H), (237, 237, 237))
d = ImageDraw.Draw(img)
title = ImageFont.truetype(FONT, 26, index=2)  # index 2: Simplified Chinese
body = ImageFont.truetype(FONT, 24, index=2)
small = ImageFont.truetype(FONT, 18, index=2)

# Status and title bars.
d.rectangle([0, 0, W, 36], fill=(225, 225, 225))
d.text((20, 6), "20:31", font=small, fill=(30, 30, 30))
d.rectangle([0, 36, W, 100], fill=(245, 245, 245))
d.text((W // 2, 68), "乐高玩具厂 客服小美", font=title, fill=(20, 20, 20), anchor="mm")
d.line([0, 100, W, 100], fill=(210, 210, 210), width=1)


def wrap(text, font, width):
    lines, line = [], ""
    for ch in text:
        if d.textlength(line + ch, font=font) > width:
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def bubble(y, text, mine):
    lines = wrap(text, body, 330)
    w = max(d.textlength(l, font=body) for l in lines) + 32
    h = len(lines) * 36 + 20
    avatar = (W - 70, y) if mine else (20, y)
    d.rounded_rectangle([avatar[0], y, avatar[0] + 50, y + 50], 6,
                        fill=(92, 160, 220) if mine else (240, 160, 80))
    x = W - 82 - w if mine else 82
    d.rounded_rectangle([x, y, x + w, y + h], 10,
                        fill=(149, 236, 105) if mine else (255, 255, 255))
    for i, l in enumerate(lines):
        d.text((x + 16, y + 10 + i * 36), l, font=body, fill=(25, 25, 25))
    return y + h + 28


d.text((W // 2, 130), "10月20日 晚上20:28", font=small, fill=(150, 150, 150), anchor="mm")
y = 160
y = bubble(y, "你好，磁力片60片马卡龙色，要带收纳袋的。请确认大货和样品同样材质、同样颜色批次、同样包装", True)
y = bubble(y, "亲，大货和样品一样的，材质颜色包装都不变，发货前可以拍照给您确认", False)
y = bubble(y, "收纳袋有吗？盒子上有3岁以上的警示标签吗？", True)
y = bubble(y, "有的亲，都是标配哦～", False)
y = bubble(y, "订单号 2026101988451207，今天能发货吗", True)
y = bubble(y, "明天中午前发中通，单号发您", False)

# Input bar.
d.rectangle([0, H - 70, W, H], fill=(245, 245, 245))
d.rounded_rectangle([70, H - 56, W - 120, H - 14], 6, fill=(255, 255, 255))

img = img.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
img.save("assets/demo/chat-screenshot.png", optimize=True)
print("wrote assets/demo/chat-screenshot.png")
