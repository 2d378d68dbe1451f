//! A small Code 128 encoder (sets B and C), to render test labels and the
//! barcode benchmark's photos without the decoder's own writer. The widths
//! are the standard symbol table (ISO/IEC 15417); the set choice and the
//! check symbol are computed here.

/// Bar and space widths of symbol values 0..=105, six digits each
/// (bar, space, bar, space, bar, space), then the stop symbol (seven).
const WIDTHS: &str = concat!(
    "212222222122222221121223121322131222122213122312132212221213221312231212",
    "112232122132122231113222123122123221223211221132221231213212223112312131",
    "311222321122321221312212322112322211212123212321232121111323131123131321",
    "112313132113132311211313231113231311112133112331132131113123113321133121",
    "313121211331231131213113213311213131311123311321331121312113312311332111",
    "314111221411431111111224111422121124121421141122141221112214112412122114",
    "122411142112142211241211221114413111241112134111111242121142121241114212",
    "124112124211411212421112421211212141214121412121111143111341131141114113",
    "114311411113411311113141114131311141411131211412211214211232",
    "2331112",
);
const START_B: u16 = 104;
const START_C: u16 = 105;
const CODE_B: u16 = 100;
const CODE_C: u16 = 99;
const STOP: u16 = 106;

/// The modules of `text` as Code 128 (true = bar), without quiet zones, or
/// `None` when `text` is empty or holds a character outside ASCII 32..=126.
pub fn encode(text: &str) -> Option<Vec<bool>> {
    let values = symbol_values(text)?;
    let mut modules = Vec::with_capacity(values.len() * 11 + 2);
    for v in values {
        push_symbol(&mut modules, v);
    }
    Some(modules)
}

/// Start, data, check and stop symbol values.
fn symbol_values(text: &str) -> Option<Vec<u16>> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.iter().any(|b| !(32..=126).contains(b)) {
        return None;
    }
    let mut values: Vec<u16> = Vec::new();
    let mut in_c = false;
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run >= 4 || (in_c && run >= 2) {
            if !in_c {
                values.push(if values.is_empty() { START_C } else { CODE_C });
                in_c = true;
            }
            for pair in bytes[i..i + run - run % 2].chunks(2) {
                values.push(u16::from(pair[0] - b'0') * 10 + u16::from(pair[1] - b'0'));
            }
            i += run - run % 2;
        } else {
            if in_c || values.is_empty() {
                values.push(if values.is_empty() { START_B } else { CODE_B });
                in_c = false;
            }
            values.push(u16::from(bytes[i] - 32));
            i += 1;
        }
    }
    let check = values
        .iter()
        .enumerate()
        .map(|(k, &v)| k.max(1) as u32 * u32::from(v))
        .sum::<u32>()
        % 103;
    values.push(check as u16);
    values.push(STOP);
    Some(values)
}

fn push_symbol(modules: &mut Vec<bool>, value: u16) {
    let start = usize::from(value) * 6;
    let len = if value == STOP { 7 } else { 6 };
    for (k, w) in WIDTHS.as_bytes()[start..start + len].iter().enumerate() {
        let bar = k % 2 == 0;
        modules.extend(std::iter::repeat_n(bar, usize::from(w - b'0')));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_is_eleven_modules_and_the_stop_thirteen() {
        assert_eq!(WIDTHS.len(), 106 * 6 + 7);
        for v in 0..106u16 {
            let mut m = Vec::new();
            push_symbol(&mut m, v);
            assert_eq!(m.len(), 11, "symbol {v}");
            assert!(
                m[0] && !m[10],
                "symbol {v} starts with a bar, ends with a space"
            );
        }
        let mut m = Vec::new();
        push_symbol(&mut m, STOP);
        assert_eq!(m.len(), 13);
    }

    #[test]
    fn digits_use_set_c_and_letters_set_b() {
        // "YT" in B, twelve digits in C, the odd last digit back in B.
        let v = symbol_values("YT7512345678901").unwrap();
        assert_eq!(v[..3], [START_B, 57, 52]);
        assert_eq!(v[3], CODE_C);
        assert_eq!(v[4..10], [75, 12, 34, 56, 78, 90]);
        assert_eq!(v[10], CODE_B);
        assert_eq!(v[11], 17);
        assert_eq!(*v.last().unwrap(), STOP);
        assert_eq!(symbol_values("1234").unwrap()[..3], [START_C, 12, 34]);
    }

    #[test]
    fn the_check_symbol_is_the_weighted_sum_mod_103() {
        // Start B (104) + 1×'A' (33) + 2×'B' (34) = 205 → 205 mod 103 = 102.
        let v = symbol_values("AB").unwrap();
        assert_eq!(v, vec![START_B, 33, 34, 102, STOP]);
    }

    #[test]
    fn empty_and_non_ascii_text_is_refused() {
        assert!(encode("").is_none());
        assert!(encode("单号").is_none());
        assert!(encode("A\tB").is_none());
        assert_eq!(encode("AB").unwrap().len(), 11 * 4 + 13);
    }
}
