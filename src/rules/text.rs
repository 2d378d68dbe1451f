//! Normalisation of typed text. Chinese input methods type full-width
//! digits, letters, punctuation and spaces ("１２．５ｃｍ", "ＮＡＶＹ"); the
//! rules compare and parse the half-width (ASCII) forms.

/// Maps full-width forms U+FF01..U+FF5E to ASCII and the ideographic space
/// U+3000 to a space; every other character is kept.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// The comparable form of a text: half-width, lower case, runs of white
/// space collapsed to one space, trimmed.
pub fn normalise(s: &str) -> String {
    half_width(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a text as a buyer would compare them: half-width, lower
/// case, punctuation and brackets (ASCII and CJK) dropped, and a run of
/// Chinese characters apart from Latin letters and digits beside it
/// ("雾霾蓝haze" is two words).
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut cjk = false;
    for c in half_width(s).to_lowercase().chars() {
        let is_cjk = is_cjk(c);
        let breaks = !(c.is_alphanumeric() || is_cjk) || is_cjk != cjk;
        if breaks && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() || is_cjk {
            word.push(c);
            cjk = is_cjk;
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether an observed text says what the brief says: the same words once
/// normalised ([`words`]), or every word of one side among the other's
/// ("雾霾蓝 haze blue" and "雾霾蓝 (haze blue)"; "navy" and "Navy blue").
pub fn says_the_same(brief: &str, observed: &str) -> bool {
    let (a, b) = (words(brief), words(observed));
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// Whether two texts are the same once normalised.
pub fn same_text(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

/// Formats a number for a sentence: at most three decimals, no trailing
/// zeros, no "-0".
pub fn fmt_num(x: f64) -> String {
    let s = format!("{:.3}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// Reads a number as a buyer types it: full-width digits, a decimal comma
/// ("1,5" is 1.5; "1,500" with three digits after the comma is 1500), and
/// spaces around it. `None` when it is not a finite number.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = half_width(s);
    let s = s.trim();
    let text = match s.split_once(',') {
        Some((whole, frac)) if !s.contains('.') && !frac.contains(',') => {
            if frac.len() == 3 && !whole.is_empty() && whole.len() <= 3 {
                format!("{whole}{frac}")
            } else {
                format!("{whole}.{frac}")
            }
        }
        _ => s.to_string(),
    };
    if text.is_empty() || text.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Reads a whole number as a buyer types it (full-width digits, spaces).
pub fn parse_whole(s: &str) -> Option<u32> {
    half_width(s).trim().parse().ok()
}

/// A count with its noun: "1 photo", "18 photos", "0 photos".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Items joined as a sentence says them: "a", "a and b", "a, b and c".
pub fn list_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [head @ .., last] => {
            let head: Vec<&str> = head.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_one_or_many_and_lists_read_as_a_sentence() {
        assert_eq!(count(0, "photo", "photos"), "0 photos");
        assert_eq!(count(1, "photo", "photos"), "1 photo");
        assert_eq!(count(2, "photo", "photos"), "2 photos");
        assert_eq!(count(1, "box", "boxes"), "1 box");
        assert_eq!(list_and::<&str>(&[]), "");
        assert_eq!(list_and(&["title"]), "title");
        assert_eq!(list_and(&["url", "title"]), "url and title");
        assert_eq!(list_and(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn half_width_maps_the_full_width_block() {
        let cases = [
            ("１２．５ｃｍ", "12.5cm"),
            ("ＮＡＶＹ　Ｂｌｕｅ", "NAVY Blue"),
            ("！～", "!~"),
            ("３", "3"),
            ("藏青色", "藏青色"),
            ("plain ascii", "plain ascii"),
            ("", ""),
            // U+FF00 and U+FF5F are outside the mapped range.
            ("\u{FF00}\u{FF5F}", "\u{FF00}\u{FF5F}"),
        ];
        for (input, want) in cases {
            assert_eq!(half_width(input), want, "{input}");
        }
    }

    #[test]
    fn normalise_ignores_case_spaces_and_width() {
        let same = [
            ("Navy Blue", "navy   blue"),
            ("  NAVY\tblue ", "navy blue"),
            ("ＮＡＶＹ　ｂｌｕｅ", "Navy Blue"),
            ("藏青色", " 藏青色 "),
        ];
        for (a, b) in same {
            assert!(same_text(a, b), "{a} vs {b}");
        }
        let different = [
            ("navy", "navy blue"),
            ("navyblue", "navy blue"),
            ("红", "蓝"),
        ];
        for (a, b) in different {
            assert!(!same_text(a, b), "{a} vs {b}");
        }
    }

    #[test]
    fn numbers_format_short() {
        let cases = [
            (0.8, "0.8"),
            (10.0, "10"),
            (0.30000000000000004, "0.3"),
            (-0.0001, "0"),
            (-1.25, "-1.25"),
            (12.3456, "12.346"),
        ];
        for (x, want) in cases {
            assert_eq!(fmt_num(x), want, "{x}");
        }
    }

    #[test]
    fn numbers_read_as_buyers_type_them() {
        let cases = [
            ("12.80", Some(12.8)),
            ("0.3", Some(0.3)),
            ("1,5", Some(1.5)),
            ("12,80", Some(12.8)),
            ("1,500", Some(1500.0)),
            ("\u{FF19}.\u{FF15}", Some(9.5)),
            (" 9. ", Some(9.0)),
            ("-2", Some(-2.0)),
            ("", None),
            ("1.2.3", None),
            ("inf", None),
            ("NaN", None),
            ("12 cm", None),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_decimal(typed), want, "{typed:?}");
        }
        assert_eq!(parse_whole("\u{FF14}2"), Some(42));
        assert_eq!(parse_whole("4.2"), None);
    }

    #[test]
    fn texts_say_the_same_despite_brackets_width_case_and_extra_words() {
        let same = [
            (
                "\u{96fe}\u{973e}\u{84dd} (haze blue)",
                "\u{96fe}\u{973e}\u{84dd} haze blue",
            ),
            (
                "\u{96fe}\u{973e}\u{84dd}\u{ff08}haze blue\u{ff09}",
                "HAZE BLUE",
            ),
            ("navy", "Navy blue"),
            (
                "\u{54d1}\u{5149}\u{767d} matte-white",
                "\u{54d1}\u{5149}\u{767d}matte white",
            ),
            ("\u{ff2e}\u{ff21}\u{ff36}\u{ff39}", "navy"),
        ];
        for (a, b) in same {
            assert!(says_the_same(a, b), "{a} ~ {b}");
        }
        let differ = [
            ("navy", "black"),
            ("haze blue", "grey"),
            ("\u{96fe}\u{973e}\u{84dd}", "\u{6df1}\u{84dd}"),
            ("navy", ""),
        ];
        for (a, b) in differ {
            assert!(!says_the_same(a, b), "{a} vs {b}");
        }
        assert_eq!(
            words("\u{96fe}\u{973e}\u{84dd}haze-blue!"),
            ["\u{96fe}\u{973e}\u{84dd}", "haze", "blue"]
        );
    }
}
