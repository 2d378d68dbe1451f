//! Lays a [`Doc`] out on A4 pages: wrapped text (Latin at spaces, Chinese
//! between any two characters), fact lists, tables that repeat their head
//! on a new page, lists, photo grids, and a new page for each product. The
//! result is a display list per page; `super` turns it into PDF.

use super::font::Font;
use crate::model::{PhotoId, Verdict};
use crate::report::doc::{Block, Doc, Item, Line, Tone};
use crate::report::images::Images;
use crate::report::summary::verdict_words;

pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
pub(super) const MARGIN: f32 = 42.0;
const TOP: f32 = 40.0;
pub(super) const BOTTOM: f32 = 46.0;
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const BODY: f32 = 9.5;

pub type Rgb = [f32; 3];
pub const INK: Rgb = [0.11, 0.14, 0.19];
pub const MUTED: Rgb = [0.42, 0.45, 0.51];
const GO: Rgb = [0.12, 0.48, 0.23];
const NOGO: Rgb = [0.70, 0.15, 0.12];
const AMBER: Rgb = [0.63, 0.36, 0.0];
const BLUE: Rgb = [0.10, 0.34, 0.69];
pub(super) const RULE: Rgb = [0.83, 0.85, 0.88];
pub(super) const SHADE: Rgb = [0.93, 0.945, 0.96];

/// One drawing operation; `y` is measured from the top of the page (the
/// baseline for text).
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        bold: bool,
        text: String,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        photo: PhotoId,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
}

pub type Page = Vec<Op>;

/// A piece of a wrapped line: text in one style.
#[derive(Clone, Debug)]
pub(super) struct Frag {
    text: String,
    tone: Tone,
    link: Option<String>,
}

pub(super) type Row = Vec<Frag>;

fn style(tone: Tone, link: bool) -> (Rgb, bool) {
    if link {
        return (BLUE, false);
    }
    match tone {
        Tone::Plain => (INK, false),
        Tone::Strong => (INK, true),
        Tone::Go => (GO, true),
        Tone::NoGo => (NOGO, true),
        Tone::NotReady => (AMBER, true),
        Tone::Warn => (AMBER, false),
        Tone::Muted => (MUTED, false),
    }
}

fn verdict_colour(v: Verdict) -> Rgb {
    match v {
        Verdict::Go | Verdict::GoWithConditions => GO,
        Verdict::NoGo => NOGO,
        Verdict::NotReady => AMBER,
    }
}

fn breaks_anywhere(c: char) -> bool {
    crate::report::zh::is_cjk(c) || ('\u{3000}'..='\u{303f}').contains(&c) || c == '\u{ff0c}'
}

/// Splits text into pieces that may end a line: words with their trailing
/// spaces, single Chinese characters, and "\n" for a forced break.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_spaces = false;
    for c in text.chars() {
        if c == '\n' {
            out.extend((!cur.is_empty()).then(|| std::mem::take(&mut cur)));
            out.push("\n".into());
            in_spaces = false;
        } else if breaks_anywhere(c) {
            out.extend((!cur.is_empty()).then(|| std::mem::take(&mut cur)));
            cur.push(c);
            in_spaces = true;
        } else if c.is_whitespace() {
            cur.push(' ');
            in_spaces = true;
        } else {
            if in_spaces && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            in_spaces = false;
            cur.push(c);
        }
    }
    out.extend((!cur.is_empty()).then_some(cur));
    out
}

pub struct Layout<'a> {
    pub(super) font: &'a Font,
    pub(super) images: &'a Images,
    pages: Vec<Page>,
    pub(super) y: f32,
}

impl<'a> Layout<'a> {
    pub fn new(font: &'a Font, images: &'a Images) -> Self {
        Layout {
            font,
            images,
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    pub(super) fn ops(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `h` points fit on this one (or it is empty).
    pub(super) fn ensure(&mut self, h: f32) {
        if self.y + h > PAGE_H - BOTTOM && self.y > TOP + 0.5 {
            self.new_page();
        }
    }

    pub(super) fn wrap(&self, line: &Line, size: f32, width: f32) -> Vec<Row> {
        let mut rows: Vec<Row> = vec![Vec::new()];
        let mut used = 0.0;
        for span in line {
            for tok in tokens(&span.text) {
                if tok == "\n" {
                    rows.push(Vec::new());
                    used = 0.0;
                    continue;
                }
                let mut tok = tok;
                let trimmed = self.font.width(tok.trim_end(), size);
                if used > 0.0 && used + trimmed > width {
                    rows.push(Vec::new());
                    used = 0.0;
                }
                if used == 0.0 {
                    tok = tok.trim_start().to_string();
                    if tok.is_empty() {
                        continue;
                    }
                }
                // A word longer than the line is cut where it must be.
                let mut pieces = Vec::new();
                if self.font.width(tok.trim_end(), size) > width {
                    let mut piece = String::new();
                    for c in tok.chars() {
                        let w = self.font.width(&format!("{piece}{c}"), size);
                        if w > width && !piece.is_empty() {
                            pieces.push(std::mem::take(&mut piece));
                        }
                        piece.push(c);
                    }
                    pieces.push(piece);
                } else {
                    pieces.push(tok);
                }
                for (i, piece) in pieces.into_iter().enumerate() {
                    if i > 0 {
                        rows.push(Vec::new());
                        used = 0.0;
                    }
                    used += self.font.width(&piece, size);
                    let row = rows.last_mut().expect("rows is never empty");
                    match row.last_mut() {
                        Some(f) if f.tone == span.tone && f.link == span.link => {
                            f.text.push_str(&piece)
                        }
                        _ => row.push(Frag {
                            text: piece,
                            tone: span.tone,
                            link: span.link.clone(),
                        }),
                    }
                }
            }
        }
        rows
    }

    /// Draws one wrapped row with its baseline at `y`; returns its width.
    pub(super) fn draw_row(&mut self, row: &Row, x: f32, y: f32, size: f32) -> f32 {
        let mut at = x;
        for f in row {
            let w = self.font.width(&f.text, size);
            let (color, bold) = style(f.tone, f.link.is_some());
            self.ops().push(Op::Text {
                x: at,
                y,
                size,
                color,
                bold,
                text: f.text.clone(),
            });
            if let Some(url) = &f.link {
                self.ops().push(Op::Link {
                    x: at,
                    y: y - size,
                    w,
                    h: size * 1.3,
                    url: url.clone(),
                });
            }
            at += w;
        }
        at - x
    }

    /// Wrapped text from the cursor down, page breaks between rows.
    fn text(&mut self, line: &Line, x: f32, width: f32, size: f32) {
        let lh = size * 1.38;
        for row in self.wrap(line, size, width) {
            self.ensure(lh);
            let y = self.y + size;
            self.draw_row(&row, x, y, size);
            self.y += lh;
        }
    }

    pub(super) fn plain_line(text: &str, tone: Tone) -> Line {
        vec![crate::report::doc::toned(text, tone)]
    }

    pub fn document(mut self, doc: &Doc) -> Vec<Page> {
        self.text(
            &Self::plain_line(&doc.title, Tone::Strong),
            MARGIN,
            CONTENT_W,
            19.0,
        );
        self.y += 2.0;
        for s in &doc.subtitle {
            self.text(&Self::plain_line(s, Tone::Muted), MARGIN, CONTENT_W, BODY);
        }
        self.y += 6.0;
        for b in &doc.blocks {
            self.block(b);
        }
        self.pages
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::PageBreak => {
                if self.y > TOP + 0.5 {
                    self.new_page();
                }
            }
            Block::Heading { level, text, badge } => self.heading(*level, text, *badge),
            Block::Para(l) => {
                self.text(l, MARGIN, CONTENT_W, BODY);
                self.y += 4.0;
            }
            Block::Facts(facts) => {
                let label_w = 108.0;
                for (k, v) in facts {
                    let rows = self.wrap(v, BODY, CONTENT_W - label_w).len().max(1);
                    self.ensure(rows as f32 * BODY * 1.38);
                    let top = self.y;
                    self.text(
                        &Self::plain_line(k, Tone::Muted),
                        MARGIN,
                        label_w - 6.0,
                        BODY,
                    );
                    let after_label = self.y;
                    self.y = top;
                    self.text(v, MARGIN + label_w, CONTENT_W - label_w, BODY);
                    self.y = self.y.max(after_label);
                }
                self.y += 4.0;
            }
            Block::Table { head, rows } => self.table(head, rows),
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    self.item(item, *ordered, i);
                }
                self.y += 4.0;
            }
            Block::Photos(cards) => self.photos(cards),
        }
    }

    fn heading(&mut self, level: u8, text: &str, badge: Option<Verdict>) {
        let (size, before) = match level {
            1 => (15.0, 2.0),
            2 => (12.0, 12.0),
            _ => (10.5, 7.0),
        };
        self.y += before;
        // Keep a heading with a few lines of what follows.
        self.ensure(size * 1.4 + 48.0);
        if level <= 2 {
            let (y, w) = (self.y, if level == 1 { 2.0 } else { 1.0 });
            self.ops().push(Op::Line {
                x1: MARGIN,
                y1: y,
                x2: MARGIN + CONTENT_W,
                y2: y,
                width: w,
                color: INK,
            });
            self.y += 5.0;
        }
        let badge_text = badge.map(verdict_words);
        let badge_size = size * 0.72;
        let badge_w = badge_text.map_or(0.0, |t| self.font.width(t, badge_size) + 10.0);
        let line = Self::plain_line(text, Tone::Strong);
        let rows = self.wrap(&line, size, CONTENT_W - badge_w - 8.0);
        let n = rows.len();
        for (i, row) in rows.iter().enumerate() {
            let y = self.y + size;
            let w = self.draw_row(row, MARGIN, y, size);
            if let (true, Some(t), Some(v)) = (i + 1 == n, badge_text, badge) {
                let x = MARGIN + w + 8.0;
                self.ops().push(Op::Fill {
                    x,
                    y: y - badge_size - 1.5,
                    w: badge_w,
                    h: badge_size + 5.0,
                    color: verdict_colour(v),
                });
                self.ops().push(Op::Text {
                    x: x + 5.0,
                    y: y - 0.5,
                    size: badge_size,
                    color: [1.0, 1.0, 1.0],
                    bold: true,
                    text: t.to_string(),
                });
            }
            self.y += size * 1.35;
        }
        self.y += 3.0;
    }

    fn item(&mut self, item: &Item, ordered: bool, i: usize) {
        let indent = 14.0;
        let lh = BODY * 1.38;
        // An item and its first reasons start together: never one line
        // alone at the foot of a page.
        let mut lines = self.wrap(&item.line, BODY, CONTENT_W - indent).len();
        for sub in &item.sub {
            lines += self.wrap(sub, BODY - 0.5, CONTENT_W - 2.0 * indent).len();
        }
        self.ensure(lines.min(3) as f32 * lh);
        let y = self.y;
        if ordered {
            let n = format!("{}.", i + 1);
            self.ops().push(Op::Text {
                x: MARGIN,
                y: y + BODY,
                size: BODY,
                color: INK,
                bold: false,
                text: n,
            });
        } else {
            self.ops().push(Op::Fill {
                x: MARGIN + 3.0,
                y: y + BODY * 0.45,
                w: 2.8,
                h: 2.8,
                color: INK,
            });
        }
        self.text(&item.line, MARGIN + indent, CONTENT_W - indent, BODY);
        for sub in &item.sub {
            self.ensure(lh);
            let y = self.y + BODY * 0.62;
            self.ops().push(Op::Line {
                x1: MARGIN + indent + 2.0,
                y1: y,
                x2: MARGIN + indent + 6.0,
                y2: y,
                width: 0.8,
                color: MUTED,
            });
            let x = MARGIN + 2.0 * indent;
            self.text(sub, x, CONTENT_W - 2.0 * indent, BODY - 0.5);
        }
    }
}

/// Adds "title · page N of M" at the foot of every page.
pub fn footers(pages: &mut [Page], font: &Font, title: &str) {
    let n = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let text = format!("{title} \u{b7} page {} of {n}", i + 1);
        let size = 7.5;
        let w = font.width(&text, size);
        page.push(Op::Text {
            x: PAGE_W - MARGIN - w,
            y: PAGE_H - 24.0,
            size,
            color: MUTED,
            bold: false,
            text,
        });
    }
}
#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
