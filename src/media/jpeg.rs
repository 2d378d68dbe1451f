//! A JPEG marker walk: finds out whether a JPEG is whole, because the
//! decoder fills a truncated scan with grey instead of failing.

/// Whether the JPEG in `bytes` reaches its end-of-image marker: segments are
/// skipped by their lengths (so an EXIF thumbnail's markers do not count),
/// entropy-coded scans are scanned for the next marker, and every scan of a
/// progressive JPEG is followed.
pub(crate) fn is_complete(bytes: &[u8]) -> bool {
    if bytes.len() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 {
        return false;
    }
    let mut i = 2;
    loop {
        // Find the next marker (fill bytes 0xFF may repeat).
        while i < bytes.len() && bytes[i] != 0xFF {
            i += 1;
        }
        while i < bytes.len() && bytes[i] == 0xFF {
            i += 1;
        }
        let Some(&marker) = bytes.get(i) else {
            return false;
        };
        i += 1;
        match marker {
            0xD9 => return true,
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = bytes
            .get(i..i + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
        else {
            return false;
        };
        if len < 2 || i + len > bytes.len() {
            return false;
        }
        i += len;
        if marker == 0xDA {
            // Entropy-coded data: runs until a marker that is not a stuffed
            // 0xFF00 or a restart marker.
            loop {
                // 0xFF is rare in entropy-coded data: jump to the next one.
                match bytes.get(i..).and_then(|rest| memchr::memchr(0xFF, rest)) {
                    Some(ff) => i += ff,
                    None => return false,
                }
                match bytes.get(i..i + 2) {
                    None => return false,
                    Some([0xFF, 0x00]) | Some([0xFF, 0xD0..=0xD7]) => i += 2,
                    Some(_) => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn encode(progressive_like: bool) -> Vec<u8> {
        let img = image::RgbImage::from_fn(120, 80, |x, y| {
            image::Rgb([(x * 2) as u8, (y * 3) as u8, ((x + y) % 256) as u8])
        });
        let mut out = Vec::new();
        let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
        enc.encode_image(&img).unwrap();
        if progressive_like {
            // Two scans: repeat the scan header + data before EOI.
            let sos = out.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
            let eoi = out.len() - 2;
            let scan = out[sos..eoi].to_vec();
            out.splice(eoi..eoi, scan);
        }
        out
    }

    #[test]
    fn whole_jpegs_are_complete_and_cut_ones_are_not() {
        for multi in [false, true] {
            let jpeg = encode(multi);
            assert!(is_complete(&jpeg));
            for cut in [
                3,
                20,
                jpeg.len() / 3,
                jpeg.len() * 6 / 10,
                jpeg.len() - 2,
                jpeg.len() - 1,
            ] {
                assert!(!is_complete(&jpeg[..cut]), "cut at {cut} of {}", jpeg.len());
            }
        }
    }

    #[test]
    fn trailing_bytes_after_the_end_marker_are_fine() {
        let mut jpeg = encode(false);
        jpeg.extend_from_slice(b"\0\0trailer written by some cameras");
        assert!(is_complete(&jpeg));
    }

    #[test]
    fn an_embedded_end_marker_in_a_segment_does_not_count() {
        let jpeg = encode(false);
        // An APP1 segment holding a thumbnail that ends with FFD9.
        let mut with_thumb = jpeg[..2].to_vec();
        let payload = [b"Exif\0\0".as_slice(), &[0xFF, 0xD8, 1, 2, 0xFF, 0xD9]].concat();
        with_thumb.extend_from_slice(&[0xFF, 0xE1]);
        with_thumb.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        with_thumb.extend_from_slice(&payload);
        with_thumb.extend_from_slice(&jpeg[2..]);
        assert!(is_complete(&with_thumb));
        let cut = with_thumb.len() / 2;
        assert!(!is_complete(&with_thumb[..cut]));
    }
}
