//! Text for a reader in their language: a sentence in Simplified Chinese
//! and in English ([`Said`]), and plain-text lists that show either or both
//! ([`Lang`]). Every Chinese sentence comes from a template in this module's
//! callers (`brief`, `request`), never from machine translation; values the
//! buyer typed are quoted as typed.

/// Which language a text output is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese only.
    Zh,
    /// English only.
    En,
    /// Each sentence in Chinese with the English under it.
    #[default]
    Both,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Self::Zh, Self::En, Self::Both];

    /// "zh", "en" or "both".
    pub fn code(self) -> &'static str {
        match self {
            Self::Zh => "zh",
            Self::En => "en",
            Self::Both => "both",
        }
    }
}

/// One sentence in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub zh: String,
    pub en: String,
}

impl Said {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Said {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The lines shown for `lang`: one, or the Chinese then the English.
    pub fn lines(&self, lang: Lang) -> Vec<&str> {
        match lang {
            Lang::Zh => vec![&self.zh],
            Lang::En => vec![&self.en],
            Lang::Both => vec![&self.zh, &self.en],
        }
    }
}

/// A heading line: "需要改正 / To correct" for both languages.
pub fn heading(s: &Said, lang: Lang) -> String {
    match lang {
        Lang::Zh => s.zh.clone(),
        Lang::En => s.en.clone(),
        Lang::Both => format!("{} / {}", s.zh, s.en),
    }
}

/// Appends "N. sentence" lines, the second language indented under the
/// first, numbering from `first`.
pub fn numbered(out: &mut String, items: &[Said], first: usize, lang: Lang) {
    for (i, item) in items.iter().enumerate() {
        let n = format!("{}. ", first + i);
        for (j, line) in item.lines(lang).into_iter().enumerate() {
            if j == 0 {
                out.push_str(&n);
            } else {
                out.push_str(&" ".repeat(n.chars().count()));
            }
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// Appends each line of a paragraph in `lang`.
pub fn para(out: &mut String, s: &Said, lang: Lang) {
    for line in s.lines(lang) {
        out.push_str(line);
        out.push('\n');
    }
}

/// “quoted” in English, “quoted” in Chinese too (the seller's apps show
/// curly quotes in both).
pub fn q(s: &str) -> String {
    format!("\u{201c}{}\u{201d}", s.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lists_show_one_or_both_languages_aligned() {
        let items = [
            Said::new("请确认。", "Please confirm."),
            Said::new("谢谢", "Thanks"),
        ];
        let mut both = String::new();
        numbered(&mut both, &items, 9, Lang::Both);
        assert_eq!(
            both,
            "9. 请确认。\n   Please confirm.\n10. 谢谢\n    Thanks\n"
        );
        let mut zh = String::new();
        numbered(&mut zh, &items, 1, Lang::Zh);
        assert_eq!(zh, "1. 请确认。\n2. 谢谢\n");
        let mut en = String::new();
        numbered(&mut en, &items, 1, Lang::En);
        assert_eq!(en, "1. Please confirm.\n2. Thanks\n");
        assert_eq!(heading(&items[1], Lang::Both), "谢谢 / Thanks");
    }
}
