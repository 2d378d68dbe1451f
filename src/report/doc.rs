//! A small document model shared by the HTML, PDF and Markdown writers, so
//! the three say the same thing: headings, paragraphs, fact lists, tables,
//! lists, photo grids and page breaks. Text is plain (writers escape it);
//! a link is kept only for http/https URLs.

use crate::model::{PhotoId, Verdict};
use crate::rules::export_gate::is_http_url;

/// How a piece of text is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Plain,
    Strong,
    Go,
    NoGo,
    NotReady,
    Warn,
    Muted,
}

impl Tone {
    pub fn of(v: Verdict) -> Self {
        match v {
            Verdict::Go | Verdict::GoWithConditions => Tone::Go,
            Verdict::NoGo => Tone::NoGo,
            Verdict::NotReady => Tone::NotReady,
        }
    }
}

/// A run of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub tone: Tone,
    /// An http or https URL (never anything else).
    pub link: Option<String>,
}

/// A line of text made of spans.
pub type Line = Vec<Span>;

pub fn plain(text: impl Into<String>) -> Span {
    toned(text, Tone::Plain)
}

pub fn toned(text: impl Into<String>, tone: Tone) -> Span {
    Span {
        text: text.into(),
        tone,
        link: None,
    }
}

/// A link when `url` is http or https, plain text otherwise.
pub fn link(url: &str) -> Span {
    Span {
        text: url.trim().to_string(),
        tone: Tone::Plain,
        link: is_http_url(url).then(|| url.trim().to_string()),
    }
}

/// One item of a list, with lines nested under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub line: Line,
    pub sub: Vec<Line>,
}

impl Item {
    pub fn new(line: Line) -> Self {
        Item {
            line,
            sub: Vec::new(),
        }
    }
}

/// A photo in a grid, with its caption lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub photo: PhotoId,
    /// The file name, shown above the caption.
    pub name: String,
    pub caption: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1: a product; 2: a part of it or an order; 3: a part of an order.
    Heading {
        level: u8,
        text: String,
        badge: Option<Verdict>,
    },
    Para(Line),
    /// Label and value pairs.
    Facts(Vec<(String, Line)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<Line>>,
    },
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    Photos(Vec<Card>),
    /// Products start on a new page when printed.
    PageBreak,
}

/// A whole document: a title, lines under it, and the blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub title: String,
    pub subtitle: Vec<String>,
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Every piece of text in the document, one string per span, title
    /// first (for tests and for collecting the glyphs a PDF needs).
    pub fn texts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![&self.title];
        out.extend(self.subtitle.iter().map(String::as_str));
        for b in &self.blocks {
            match b {
                Block::Heading { text, .. } => out.push(text),
                Block::Para(l) => line(l, &mut out),
                Block::Facts(f) => {
                    for (k, v) in f {
                        out.push(k);
                        line(v, &mut out);
                    }
                }
                Block::Table { head, rows } => {
                    out.extend(head.iter().map(String::as_str));
                    for cell in rows.iter().flatten() {
                        line(cell, &mut out);
                    }
                }
                Block::List { items, .. } => {
                    for i in items {
                        line(&i.line, &mut out);
                        for s in &i.sub {
                            line(s, &mut out);
                        }
                    }
                }
                Block::Photos(cards) => {
                    for c in cards {
                        out.push(&c.name);
                        for l in &c.caption {
                            line(l, &mut out);
                        }
                    }
                }
                Block::PageBreak => {}
            }
        }
        out
    }
}

fn line<'a>(l: &'a Line, out: &mut Vec<&'a str>) {
    for s in l {
        out.push(&s.text);
    }
}

/// A line's text without styling.
pub fn line_text(line: &Line) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_become_links() {
        assert_eq!(
            link("https://detail.1688.com/offer/1.html").link.as_deref(),
            Some("https://detail.1688.com/offer/1.html")
        );
        assert!(link("http://x.cn").link.is_some());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "file:///etc/passwd",
            "//evil.example/x",
            "detail.1688.com",
            "https://",
        ] {
            assert_eq!(link(bad).link, None, "{bad}");
            assert_eq!(link(bad).text, bad);
        }
    }
}
