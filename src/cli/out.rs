//! Terminal output. Every line goes through [`line`]: output to a closed
//! pipe (`bulkready list BIG | head -1`) ends quietly instead of panicking,
//! and the command still finishes (an import has already saved). Text from
//! a project goes through [`clean`], so escape sequences and bidi overrides
//! in it are shown, not obeyed.

use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// Prints one line to stdout, any control character but line breaks and
/// tabs made visible. Once stdout is closed (or fails), further output is
/// dropped silently.
pub fn line(text: impl AsRef<str>) {
    raw(&crate::report::escape_controls(text.as_ref(), true));
}

/// Prints JSON as it is (serde_json escapes control characters itself).
pub fn json(text: impl AsRef<str>) {
    raw(text.as_ref());
}

fn raw(text: &str) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    if written.is_err() {
        CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Prints one line to stderr; a closed stderr is ignored.
pub fn warn(text: impl AsRef<str>) {
    let text = crate::report::escape_controls(text.as_ref(), true);
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

/// Text from a project, made safe for a terminal line: control characters
/// (escape sequences, bells, line breaks) and bidi overrides are written as
/// `\u{..}` (see [`crate::report::escape_controls`]).
pub fn clean(s: &str) -> Cow<'_, str> {
    crate::report::escape_controls(s, false)
}

/// Prints a formatted line with [`line`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::out::line(format!($($arg)*))
    };
}
pub(crate) use say;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_shown_not_obeyed() {
        assert_eq!(clean("plain 陶瓷杯"), "plain 陶瓷杯");
        assert_eq!(
            clean("a\u{1b}]0;x\u{7}\u{1b}[2J\u{202e}b\nc"),
            "a\\u{1b}]0;x\\u{7}\\u{1b}[2J\\u{202e}b\\u{a}c"
        );
    }
}
