//! Control characters in exported text. A project's strings may carry
//! terminal escape sequences or bidi overrides (which make `gpj.exe` read
//! as `exe.jpg`); Markdown and the brief are plain text read in terminals
//! and editors, so those characters are written visibly as `\u{..}`. HTML
//! and PDF escape on their own.

use std::borrow::Cow;

/// Whether `c` is a bidi embedding, override or isolate control, or a
/// directional mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with control characters (C0, DEL, C1; line breaks and tabs too
/// unless `keep_layout`) and bidi controls replaced by `\u{hex}`.
pub fn escape_controls(s: &str, keep_layout: bool) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !(keep_layout && matches!(c, '\n' | '\t')))
            || is_bidi_control(c)
            || matches!(c, '\u{2028}' | '\u{2029}')
    };
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_kept_and_everything_else_shown() {
        let s = "Mug\u{1b}[2J\u{202e}gpj.exe\u{7}\nnext\tcol\r\u{85}";
        assert_eq!(
            escape_controls(s, true),
            "Mug\\u{1b}[2J\\u{202e}gpj.exe\\u{7}\nnext\tcol\\u{d}\\u{85}"
        );
        assert_eq!(escape_controls("a\nb", false), "a\\u{a}b");
        assert!(matches!(
            escape_controls("陶瓷杯 ok", true),
            Cow::Borrowed(_)
        ));
    }
}
