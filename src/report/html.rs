//! The HTML summary: one self-contained file. Inline CSS, photos as
//! `data:` URIs, no script, no external request. Every string from the
//! project is escaped; only http/https URLs become links. Readable on a
//! phone (one column under 700 px) and printed with each product on a new
//! page.

use super::doc::{Block, Doc, Line, Span, Tone};
use super::images::{Images, base64, placeholder};
use crate::model::Verdict;
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans SC","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
 color:#1d2430;background:#fff;margin:0 auto;max-width:960px;padding:16px;line-height:1.45;font-size:15px}
h1{font-size:1.6em;margin:.2em 0}
h2{font-size:1.35em;margin:1.2em 0 .4em;padding-top:.4em;border-top:3px solid #1d2430}
h3{font-size:1.12em;margin:1.1em 0 .3em}
h4{font-size:1em;margin:1em 0 .3em;color:#394456}
.sub{color:#5b6675;margin:.1em 0}
.badge{display:inline-block;border-radius:4px;padding:.05em .5em;color:#fff;font-size:.8em;vertical-align:middle;margin-left:.4em;white-space:nowrap}
.b-go{background:#1e7b3a}.b-goif{background:#0b6e79}.b-nogo{background:#b3261e}.b-notready{background:#a15c00}
.go{color:#1e7b3a}.nogo{color:#b3261e}.notready{color:#a15c00}.warn{color:#a15c00}.muted{color:#6b7482}
.strong{font-weight:600}.nw{white-space:nowrap}
a{color:#1a56b0;word-break:break-all}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.4em 0}
dt{color:#5b6675}dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.4em 0;font-size:.93em}
th,td{border:1px solid #d5dae1;padding:.3em .45em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef1f5}
ul,ol{margin:.3em 0;padding-left:1.4em}
li{margin:.15em 0}
li ul{padding-left:1.1em}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin:.5em 0}
figure{margin:0;border:1px solid #d5dae1;border-radius:6px;padding:6px;break-inside:avoid;page-break-inside:avoid}
figure img{display:block;width:100%;height:auto;max-height:320px;object-fit:contain;background:#f4f5f7}
figcaption{font-size:.85em;margin-top:4px;overflow-wrap:anywhere}
figcaption div{margin:.1em 0}
.missing{background:#fff4e5;border:1px dashed #a15c00;color:#7a4500;padding:1em;font-size:.9em}
.product{break-before:page;page-break-before:always}
@media (max-width:700px){body{padding:10px;font-size:14px}dl{grid-template-columns:1fr}dt{margin-top:.3em}.grid{grid-template-columns:1fr 1fr}}
@media print{body{max-width:none;padding:0;font-size:11pt}a{color:#1d2430}h2,h3,h4{break-after:avoid;page-break-after:avoid}
 tr{break-inside:avoid;page-break-inside:avoid}.grid{grid-template-columns:repeat(3,1fr)}}
"#;

fn class(t: Tone) -> Option<&'static str> {
    Some(match t {
        Tone::Plain => return None,
        Tone::Strong => "strong",
        Tone::Go => "go strong",
        Tone::NoGo => "nogo strong",
        Tone::NotReady => "notready strong",
        Tone::Warn => "warn",
        Tone::Muted => "muted",
    })
}

fn span(out: &mut String, s: &Span) {
    let text = escape(&s.text);
    let inner = match &s.link {
        // Links come from doc::link, which keeps only http(s) URLs.
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{text}</a>",
            escape(url)
        ),
        None => text,
    };
    // A verdict never breaks across lines.
    let nowrap = [Verdict::Go, Verdict::NoGo, Verdict::NotReady]
        .iter()
        .any(|v| super::summary::verdict_words(*v) == s.text);
    match class(s.tone) {
        Some(c) if nowrap => {
            let _ = write!(out, "<span class=\"{c} nw\">{inner}</span>");
        }
        Some(c) => {
            let _ = write!(out, "<span class=\"{c}\">{inner}</span>");
        }
        None => out.push_str(&inner),
    }
}

fn line(out: &mut String, l: &Line) {
    for s in l {
        span(out, s);
    }
}

fn badge(v: Verdict) -> String {
    let c = match v {
        Verdict::Go => "b-go",
        Verdict::GoWithConditions => "b-goif",
        Verdict::NoGo => "b-nogo",
        Verdict::NotReady => "b-notready",
    };
    format!(
        "<span class=\"badge {c}\">{}</span>",
        escape(super::summary::verdict_words(v))
    )
}

/// The HTML of a document, with the photos from `images`.
pub fn html(doc: &Doc, images: &Images) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&doc.title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&doc.title));
    for s in &doc.subtitle {
        let _ = writeln!(out, "<p class=\"sub\">{}</p>", escape(s));
    }
    out.push_str("</header>\n");
    let mut open_section = false;
    for b in &doc.blocks {
        match b {
            Block::PageBreak => {
                if open_section {
                    out.push_str("</section>\n");
                }
                out.push_str("<section class=\"product\">\n");
                open_section = true;
            }
            Block::Heading {
                level,
                text,
                badge: v,
            } => {
                let h = (level + 1).min(4);
                let _ = write!(out, "<h{h}>{}", escape(text));
                if let Some(v) = v {
                    out.push_str(&badge(*v));
                }
                let _ = writeln!(out, "</h{h}>");
            }
            Block::Para(l) => {
                out.push_str("<p>");
                line(&mut out, l);
                out.push_str("</p>\n");
            }
            Block::Facts(facts) => {
                out.push_str("<dl>\n");
                for (k, v) in facts {
                    let _ = write!(out, "<dt>{}</dt><dd>", escape(k));
                    line(&mut out, v);
                    out.push_str("</dd>\n");
                }
                out.push_str("</dl>\n");
            }
            Block::Table { head, rows } => {
                out.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
                for h in head {
                    let _ = write!(out, "<th>{}</th>", escape(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str("<td>");
                        line(&mut out, cell);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table></div>\n");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    out.push_str("<li>");
                    line(&mut out, &item.line);
                    if !item.sub.is_empty() {
                        out.push_str("\n<ul>\n");
                        for s in &item.sub {
                            out.push_str("<li>");
                            line(&mut out, s);
                            out.push_str("</li>\n");
                        }
                        out.push_str("</ul>");
                    }
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Photos(cards) => {
                out.push_str("<div class=\"grid\">\n");
                for card in cards {
                    out.push_str("<figure>");
                    match images.get(&card.photo) {
                        Some(Ok(t)) => {
                            let _ = write!(
                                out,
                                "<img src=\"data:image/jpeg;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\">",
                                base64(&t.jpeg),
                                t.width,
                                t.height,
                                escape(&card.name)
                            );
                        }
                        other => {
                            let why = match other {
                                Some(Err(why)) => why.as_str(),
                                _ => "it was not loaded",
                            };
                            let _ = write!(
                                out,
                                "<div class=\"missing\">{}</div>",
                                escape(&placeholder(&card.name, why))
                            );
                        }
                    }
                    let _ = write!(
                        out,
                        "<figcaption><div class=\"strong\">{}</div>",
                        escape(&card.name)
                    );
                    for l in &card.caption {
                        out.push_str("<div>");
                        line(&mut out, l);
                        out.push_str("</div>");
                    }
                    out.push_str("</figcaption></figure>\n");
                }
                out.push_str("</div>\n");
            }
        }
    }
    if open_section {
        out.push_str("</section>\n");
    }
    out.push_str("<footer><p class=\"sub\">Made with BulkReady.</p></footer>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::doc::{link, plain};

    #[test]
    fn hostile_text_is_escaped_and_only_web_links_are_links() {
        let doc = Doc {
            title: "<script>alert('t')</script>".into(),
            subtitle: vec!["a & b".into()],
            blocks: vec![
                Block::Para(vec![plain("\"><img src=x onerror=alert(1)>")]),
                Block::Facts(vec![("<b>".into(), vec![link("javascript:alert(1)")])]),
                Block::Para(vec![link("https://a.example/?q=\"><script>")]),
            ],
        };
        let h = html(&doc, &Images::new());
        assert!(!h.contains("<script>"), "{h}");
        assert!(!h.contains("<img src=x"), "{h}");
        assert!(!h.contains("<b>"));
        assert!(h.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
        assert!(!h.contains("href=\"javascript"), "{h}");
        assert!(h.contains("href=\"https://a.example/?q=&quot;&gt;&lt;script&gt;\""));
    }
}
