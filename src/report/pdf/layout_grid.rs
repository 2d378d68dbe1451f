//! Tables (their head repeated on each page they run onto) and photo grids
//! (three across, captions under each photo).

use super::layout::{BOTTOM, CONTENT_W, Layout, MARGIN, Op, PAGE_H, RULE, Row, SHADE};
use crate::report::doc::{Card, Line, Tone};
use crate::report::images::placeholder;

impl Layout<'_> {
    /// Column widths summing to the content width, each at least as wide as
    /// the longest word of its header, so a header wraps only at spaces.
    /// None when the header words alone do not fit at `size`.
    pub(super) fn column_widths(
        &self,
        head: &[String],
        rows: &[Vec<Line>],
        size: f32,
    ) -> Option<Vec<f32>> {
        let pad = 8.0 + 0.5;
        let n = head.len().max(1);
        let min: Vec<f32> = head
            .iter()
            .map(|h| {
                h.split_whitespace()
                    .map(|w| self.font.width(w, size))
                    .fold(0.0, f32::max)
                    + pad
            })
            .collect();
        let sum_min: f32 = min.iter().sum();
        if sum_min > CONTENT_W {
            return None;
        }
        let width = |l: &Line| -> f32 { l.iter().map(|s| self.font.width(&s.text, size)).sum() };
        let mut natural: Vec<f32> = head
            .iter()
            .map(|h| self.font.width(h, size) + pad)
            .collect();
        for row in rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                natural[i] = natural[i].max(width(cell) + pad);
            }
        }
        let cap = CONTENT_W * 0.5;
        let natural: Vec<f32> = natural
            .iter()
            .zip(&min)
            .map(|(w, m)| w.min(cap).max(36.0).max(*m))
            .collect();
        let sum: f32 = natural.iter().sum();
        Some(if sum <= CONTENT_W {
            natural.iter().map(|w| w * CONTENT_W / sum).collect()
        } else {
            // Give each column its header's longest word, and share what is
            // left in proportion to how much more each would like.
            let k = (CONTENT_W - sum_min) / (sum - sum_min);
            natural
                .iter()
                .zip(&min)
                .map(|(w, m)| m + (w - m) * k)
                .collect()
        })
    }

    /// The largest table font size (8.5 pt down to 5.5 pt) at which every
    /// header word fits its column, with the widths.
    fn fit_table(&self, head: &[String], rows: &[Vec<Line>]) -> (f32, Vec<f32>) {
        for size in [8.5, 7.5, 6.5, 5.5] {
            if let Some(w) = self.column_widths(head, rows, size) {
                return (size, w);
            }
        }
        let n = head.len().max(1);
        (5.5, vec![CONTENT_W / n as f32; n])
    }

    pub(super) fn table(&mut self, head: &[String], rows: &[Vec<Line>]) {
        let (size, widths) = self.fit_table(head, rows);
        let lh = size * 1.35;
        let pad = 4.0;
        let head_line: Vec<Line> = head
            .iter()
            .map(|h| Self::plain_line(h, Tone::Strong))
            .collect();
        let draw_row = |me: &mut Self, cells: &[Line], shade: bool| {
            let wrapped: Vec<Vec<Row>> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| me.wrap(c, size, w - 2.0 * pad))
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f32 * lh + 2.0 * pad - 2.0;
            let top = me.y;
            if shade {
                me.ops().push(Op::Fill {
                    x: MARGIN,
                    y: top,
                    w: CONTENT_W,
                    h,
                    color: SHADE,
                });
            }
            let mut x = MARGIN;
            for (rows, w) in wrapped.iter().zip(&widths) {
                for (i, row) in rows.iter().enumerate() {
                    let y = top + pad + size + i as f32 * lh - 1.0;
                    me.draw_row(row, x + pad, y, size);
                }
                x += w;
            }
            me.ops().push(Op::Line {
                x1: MARGIN,
                y1: top + h,
                x2: MARGIN + CONTENT_W,
                y2: top + h,
                width: 0.6,
                color: RULE,
            });
            me.y += h;
            h
        };
        self.ensure(3.0 * lh + 4.0 * pad);
        draw_row(self, &head_line, true);
        for row in rows {
            let needed = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| self.wrap(c, size, w - 2.0 * pad).len())
                .max()
                .unwrap_or(1) as f32
                * lh
                + 2.0 * pad;
            if self.y + needed > PAGE_H - BOTTOM {
                self.new_page();
                draw_row(self, &head_line, true);
            }
            draw_row(self, row, false);
        }
        self.y += 6.0;
    }

    pub(super) fn photos(&mut self, cards: &[Card]) {
        let cols = 3;
        let gap = 10.0;
        let col_w = (CONTENT_W - gap * (cols - 1) as f32) / cols as f32;
        let box_h = col_w * 0.78;
        let size = 7.5;
        let lh = size * 1.3;
        for chunk in cards.chunks(cols) {
            let captions: Vec<Vec<Row>> = chunk
                .iter()
                .map(|c| {
                    let mut rows = self.wrap(&Self::plain_line(&c.name, Tone::Strong), size, col_w);
                    for l in &c.caption {
                        rows.extend(self.wrap(l, size, col_w));
                    }
                    rows
                })
                .collect();
            let cap_lines = captions.iter().map(Vec::len).max().unwrap_or(0);
            let h = box_h + 4.0 + cap_lines as f32 * lh;
            self.ensure(h + 6.0);
            let top = self.y;
            for (i, (card, rows)) in chunk.iter().zip(&captions).enumerate() {
                let x = MARGIN + i as f32 * (col_w + gap);
                self.picture(card, x, top, col_w, box_h);
                for (j, row) in rows.iter().enumerate() {
                    let y = top + box_h + 4.0 + size + j as f32 * lh;
                    self.draw_row(row, x, y, size);
                }
            }
            self.y = top + h + 10.0;
        }
    }

    fn picture(&mut self, card: &Card, x: f32, y: f32, w: f32, h: f32) {
        match self.images.get(&card.photo) {
            Some(Ok(t)) => {
                self.ops().push(Op::Fill {
                    x,
                    y,
                    w,
                    h,
                    color: SHADE,
                });
                let scale = (w / t.width.max(1) as f32).min(h / t.height.max(1) as f32);
                let (iw, ih) = (t.width as f32 * scale, t.height as f32 * scale);
                self.ops().push(Op::Image {
                    x: x + (w - iw) / 2.0,
                    y: y + (h - ih) / 2.0,
                    w: iw,
                    h: ih,
                    photo: card.photo,
                });
            }
            other => {
                self.ops().push(Op::Fill {
                    x,
                    y,
                    w,
                    h,
                    color: [1.0, 0.955, 0.9],
                });
                let why = match other {
                    Some(Err(why)) => why.as_str(),
                    _ => "it was not loaded",
                };
                let text = placeholder(&card.name, why);
                let rows = self.wrap(&Self::plain_line(&text, Tone::Warn), 8.0, w - 12.0);
                for (i, row) in rows.iter().enumerate().take(8) {
                    self.draw_row(row, x + 6.0, y + 16.0 + i as f32 * 10.5, 8.0);
                }
            }
        }
    }
}
