//! The Markdown summary: the same content as the HTML, with photos as
//! relative links into a folder of thumbnails written beside it. Text from
//! the project is escaped so it shows as typed (no HTML, no accidental
//! emphasis or links); only http/https URLs become links.

use super::doc::{Block, Doc, Line, Span, Tone};
use super::images::{Images, placeholder};
use super::summary::verdict_words;
use crate::model::PhotoId;
use std::fmt::Write;

/// The file name of a photo's thumbnail in the folder.
pub fn thumb_name(id: PhotoId) -> String {
    format!("photo-{id}.jpg")
}

/// Escapes inline text: Markdown punctuation gets a backslash, HTML
/// specials become entities, line breaks become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text that starts a line: also what would open a list, a quote
/// or a heading there ("- ", "+ ", "1. ", "=").
fn escape_start(s: &str) -> String {
    let e = escape(s);
    let digits = e.chars().take_while(char::is_ascii_digit).count();
    let mut after = e[digits..].chars();
    let marker =
        matches!(after.next(), Some('.' | ')')) && after.next().is_none_or(char::is_whitespace);
    if matches!(e.chars().next(), Some('-' | '+' | '=')) {
        format!("\\{e}")
    } else if digits > 0 && marker {
        format!("{}\\{}", &e[..digits], &e[digits..])
    } else {
        e
    }
}

fn span(s: &Span, first: bool) -> String {
    let text = if first {
        escape_start(&s.text)
    } else {
        escape(&s.text)
    };
    if text.trim().is_empty() {
        return text;
    }
    if let Some(url) = &s.link {
        let url = url.replace('<', "%3C").replace('>', "%3E");
        return format!("[{text}](<{url}>)");
    }
    // Emphasis markers must hug the text: keep outer spaces outside.
    let wrap = |mark: &str| {
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        format!("{lead}{mark}{}{mark}{trail}", text.trim())
    };
    match s.tone {
        Tone::Strong | Tone::Go | Tone::NoGo | Tone::NotReady => wrap("**"),
        Tone::Muted => wrap("_"),
        Tone::Plain | Tone::Warn => text,
    }
}

fn line(l: &Line) -> String {
    l.iter().enumerate().map(|(i, s)| span(s, i == 0)).collect()
}

/// The Markdown of a document; photos link to `folder/photo-ID.jpg`.
pub fn markdown(doc: &Doc, images: &Images, folder: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    for s in &doc.subtitle {
        let _ = writeln!(out, "{}  ", escape_start(s));
    }
    out.push('\n');
    for b in &doc.blocks {
        match b {
            Block::PageBreak => out.push_str("---\n\n"),
            Block::Heading {
                level,
                text,
                badge: v,
            } => {
                let hashes = "#".repeat(usize::from((*level + 1).min(6)));
                let badge = v.map_or(String::new(), |v| format!(" \u{2014} {}", verdict_words(v)));
                let _ = writeln!(out, "{hashes} {}{badge}\n", escape(text));
            }
            Block::Para(l) => {
                let _ = writeln!(out, "{}\n", line(l));
            }
            Block::Facts(facts) => {
                for (k, v) in facts {
                    let _ = writeln!(out, "- **{}:** {}", escape(k), line(v));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                let cells = |c: Vec<String>| format!("| {} |\n", c.join(" | "));
                out.push_str(&cells(head.iter().map(|h| escape(h)).collect()));
                out.push_str(&cells(head.iter().map(|_| "---".to_string()).collect()));
                for row in rows {
                    out.push_str(&cells(row.iter().map(line).collect()));
                }
                out.push('\n');
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".into()
                    };
                    let _ = writeln!(out, "{marker} {}", line(&item.line));
                    let indent = " ".repeat(marker.len() + 1);
                    for s in &item.sub {
                        let _ = writeln!(out, "{indent}- {}", line(s));
                    }
                }
                out.push('\n');
            }
            Block::Photos(cards) => {
                for card in cards {
                    let name = escape(&card.name);
                    let _ = writeln!(out, "**{name}**\n");
                    match images.get(&card.photo) {
                        Some(Ok(_)) => {
                            let _ =
                                writeln!(out, "![{name}](<{folder}/{}>)\n", thumb_name(card.photo));
                        }
                        Some(Err(why)) => {
                            let _ = writeln!(out, "_{}_\n", escape(&placeholder(&card.name, why)));
                        }
                        None => {
                            let text = placeholder(&card.name, "it was not loaded");
                            let _ = writeln!(out, "_{}_\n", escape(&text));
                        }
                    }
                    let lines: Vec<String> = card.caption.iter().map(line).collect();
                    let _ = writeln!(out, "{}\n", lines.join("  \n"));
                }
            }
        }
    }
    out.push_str("_Made with BulkReady._\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::doc::{Item, link, plain};

    #[test]
    fn hostile_and_markdown_text_shows_as_typed() {
        assert_eq!(
            escape("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(escape("*a* [b](c) `d` |"), "\\*a\\* \\[b\\](c) \\`d\\` \\|");
        assert_eq!(escape_start("1. one"), "1\\. one");
        assert_eq!(escape_start("- dash"), "\\- dash");
        assert_eq!(escape_start("12 cm"), "12 cm");
        assert_eq!(escape_start("8.5 CNY"), "8.5 CNY");
        assert_eq!(escape_start("3)"), "3\\)");
        let doc = Doc {
            title: "T".into(),
            subtitle: vec![],
            blocks: vec![Block::List {
                ordered: false,
                items: vec![Item::new(vec![
                    plain("see "),
                    link("javascript:alert(1)"),
                    plain(" and "),
                    link("https://x.cn/a_b"),
                ])],
            }],
        };
        let md = markdown(&doc, &Images::new(), "f");
        assert!(
            md.contains("- see javascript:alert(1) and [https://x.cn/a\\_b](<https://x.cn/a_b>)"),
            "{md}"
        );
    }
}
