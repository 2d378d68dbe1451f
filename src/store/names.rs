//! The names the store builds paths from. A project file is untrusted
//! input (projects travel between people), so a photo's `hash` and `path`
//! are checked before either is joined to a folder: the hash is lowercase
//! hex of the stored length, the path is that hash plus a known extension.
//! Nothing else can then name a file outside the store.

use crate::model::StoredFile;

/// Hex digits in a stored hash (BLAKE3, first 128 bits).
pub const HASH_LEN: usize = 32;

/// The extensions a stored photo may have (lowercase, without the dot).
pub const KNOWN_EXTENSIONS: [&str; 10] = [
    "jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif", "tif", "tiff", "bmp",
];

/// Whether `hash` is what the store writes: [`HASH_LEN`] lowercase hex digits.
pub fn is_hash(hash: &str) -> bool {
    hash.len() == HASH_LEN && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The stored extension for a file called `name`, if it has a known one.
pub(crate) fn known_extension(name: &str) -> Option<String> {
    let ext = std::path::Path::new(name).extension()?.to_str()?;
    let ext = ext.to_ascii_lowercase();
    KNOWN_EXTENSIONS.contains(&ext.as_str()).then_some(ext)
}

/// Checks the names of a stored photo; the error says what is wrong, as the
/// end of a sentence starting "its stored file …".
pub fn check_stored_file(file: &StoredFile) -> Result<(), String> {
    if !is_hash(&file.hash) {
        return Err(format!(
            "has the hash {:?}, which is not {HASH_LEN} lowercase hex digits",
            file.hash
        ));
    }
    let ext = file
        .path
        .strip_prefix(file.hash.as_str())
        .and_then(|rest| rest.strip_prefix('.'));
    match ext {
        Some(ext) if KNOWN_EXTENSIONS.contains(&ext) => Ok(()),
        _ => Err(format!(
            "has the path {:?}, which is not its hash followed by a known extension ({})",
            file.path,
            KNOWN_EXTENSIONS.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(hash: &str, path: &str) -> StoredFile {
        StoredFile {
            hash: hash.into(),
            path: path.into(),
            original_name: "a.jpg".into(),
        }
    }

    #[test]
    fn only_a_hash_and_a_known_extension_pass() {
        let h = "0123456789abcdef0123456789abcdef";
        assert_eq!(check_stored_file(&file(h, &format!("{h}.jpg"))), Ok(()));
        assert_eq!(check_stored_file(&file(h, &format!("{h}.tiff"))), Ok(()));
        let bad = [
            ("/etc/passwd", "/etc/passwd"),
            ("../../x", "../../x.jpg"),
            (&h.to_uppercase(), &format!("{}.jpg", h.to_uppercase())),
            (&h[..31], &format!("{}.jpg", &h[..31])),
            (h, &format!("{h}.jpg/../../x")),
            (h, &format!("{h}.exe")),
            (h, h),
            (h, &format!("sub/{h}.jpg")),
            (h, &format!("{h}.JPG")),
            ("", ""),
        ];
        for (hash, path) in bad {
            assert!(
                check_stored_file(&file(hash, path)).is_err(),
                "{hash} {path}"
            );
        }
    }

    #[test]
    fn known_extensions_are_lowercased_and_others_dropped() {
        assert_eq!(known_extension("IMG_1.JPG").as_deref(), Some("jpg"));
        assert_eq!(known_extension("shot.webp").as_deref(), Some("webp"));
        assert_eq!(known_extension("x.dat"), None);
        assert_eq!(known_extension("noext"), None);
    }
}
