//! The fastest path for JPEG thumbnails: the image at 1/8 of its size from
//! the DC coefficients alone (each 8×8 block's mean, which is exactly what
//! an 8→1 scaled inverse DCT gives). AC coefficients are only skipped:
//! their Huffman codes are read for their lengths, never turned into
//! values. Progressive JPEGs only need their DC scans; the AC scans
//! (most of the file) are jumped over to the next marker.
//!
//! Baseline, extended and progressive Huffman JPEGs with 1 (grey) or 3
//! (YCbCr) components are handled; anything else (CMYK, RGB, arithmetic
//! coding, 12-bit, damaged data) returns `None` and `jpeg-decoder` does it.

use image::RgbaImage;

const LOOKUP: u32 = 9;

struct Huffman {
    /// (code length, symbol) for codes of at most `LOOKUP` bits.
    fast: Vec<(u8, u8)>,
    /// Per length 1..=16: first code, last code + 1, index of its first symbol.
    first: [u32; 17],
    end: [u32; 17],
    index: [usize; 17],
    symbols: Vec<u8>,
}

impl Huffman {
    fn new(counts: &[u8], symbols: &[u8]) -> Option<Self> {
        let mut h = Huffman {
            fast: vec![(0, 0); 1 << LOOKUP],
            first: [0; 17],
            end: [0; 17],
            index: [0; 17],
            symbols: symbols.to_vec(),
        };
        let (mut code, mut k) = (0u32, 0usize);
        for len in 1..=16 {
            let n = usize::from(counts[len - 1]);
            h.first[len] = code;
            h.index[len] = k;
            for _ in 0..n {
                if len as u32 <= LOOKUP {
                    let shift = LOOKUP - len as u32;
                    let start = (code << shift) as usize;
                    let fill = (len as u8, *symbols.get(k)?);
                    h.fast.get_mut(start..start + (1 << shift))?.fill(fill);
                }
                code += 1;
                k += 1;
            }
            h.end[len] = code;
            if code > 1 << len {
                return None;
            }
            code <<= 1;
        }
        Some(h)
    }
}

/// Entropy-coded data, read MSB first, with stuffed zero bytes removed;
/// at a marker (or the end) it feeds zeros and counts them.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u64,
    count: u32,
    padding: u32,
}

impl Bits<'_> {
    #[inline]
    fn refill(&mut self) {
        // Fast: the next 8 bytes hold no 0xFF, so no stuffing and no marker.
        if let Some(next) = self.data.get(self.pos..self.pos + 8)
            && let Ok(next) = <[u8; 8]>::try_from(next)
        {
            let x = u64::from_be_bytes(next);
            let no_ff = (!x).wrapping_sub(0x0101_0101_0101_0101) & x & 0x8080_8080_8080_8080 == 0;
            let n = (64 - self.count) / 8;
            if no_ff && n > 0 {
                self.buf |= (x >> (64 - 8 * n)) << (64 - self.count - 8 * n);
                self.pos += n as usize;
                self.count += 8 * n;
                return;
            }
        }
        while self.count <= 56 {
            let byte = match self.data.get(self.pos) {
                Some(&0xFF) if self.data.get(self.pos + 1) == Some(&0) => {
                    self.pos += 2;
                    0xFF
                }
                Some(&0xFF) | None => {
                    self.padding += 1;
                    0
                }
                Some(&b) => {
                    self.pos += 1;
                    b
                }
            };
            self.buf |= u64::from(byte) << (56 - self.count);
            self.count += 8;
        }
    }

    #[inline]
    fn take(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        let v = (self.buf >> (64 - n)) as u32;
        self.buf <<= n;
        self.count -= n;
        v
    }

    #[inline]
    fn decode(&mut self, h: &Huffman) -> Option<u8> {
        if self.count < 32 {
            self.refill();
        }
        let (len, symbol) = h.fast[(self.buf >> (64 - LOOKUP)) as usize];
        if len > 0 {
            self.take(u32::from(len));
            return Some(symbol);
        }
        for len in LOOKUP as usize + 1..=16 {
            let code = (self.buf >> (64 - len)) as u32;
            if code < h.end[len] && code >= h.first[len] {
                self.take(len as u32);
                return h
                    .symbols
                    .get(h.index[len] + (code - h.first[len]) as usize)
                    .copied();
            }
        }
        None
    }

    /// `n` raw bits as a signed JPEG value (n ≤ 16).
    #[inline]
    fn receive_extend(&mut self, n: u32) -> i32 {
        if self.count < 32 {
            self.refill();
        }
        let v = self.take(n) as i32;
        if n > 0 && v < 1 << (n - 1) {
            v - (1 << n) + 1
        } else {
            v
        }
    }

    /// After a restart interval: drop the bits left and step over RSTn.
    fn restart(&mut self) -> Option<()> {
        // Bytes read into the buffer but not used go back.
        let unread = (self.count / 8).saturating_sub(self.padding);
        self.pos = self.pos.saturating_sub(unread as usize);
        // A stuffed 0xFF00 among them would be miscounted: find the marker.
        while self.pos + 1 < self.data.len()
            && !(self.data[self.pos] == 0xFF && (0xD0..=0xD7).contains(&self.data[self.pos + 1]))
        {
            self.pos += 1;
        }
        self.pos += 2;
        (self.pos <= self.data.len()).then_some(())?;
        (self.buf, self.count, self.padding) = (0, 0, 0);
        Some(())
    }
}

struct Component {
    id: u8,
    h: usize,
    v: usize,
    quant: usize,
    /// DC coefficients (not yet dequantised), one per block.
    dc: Vec<i32>,
    stride: usize,
    /// Blocks across and down in a scan of this component alone.
    cols: usize,
    rows: usize,
    seen: bool,
}

/// The JPEG in `bytes` at 1/8 scale (`ceil(w/8)`×`ceil(h/8)`), or `None`
/// when this path does not handle it.
pub(crate) fn decode_eighth(bytes: &[u8]) -> Option<RgbaImage> {
    decode(bytes, &mut false)
}

/// Whether the entropy-coded data of the JPEG fills its frame: `Some(false)`
/// when a scan ends before its last block (a cut file with an end marker
/// appended, or a header claiming a larger picture than the data holds) or
/// a component gets no scan at all; `Some(true)` when every DC value was
/// decoded from real data; `None` when this path cannot tell (CMYK,
/// arithmetic coding, 12-bit). The AC scans of progressive JPEGs are not
/// decoded, so only their DC scans are checked.
pub(crate) fn fills_frame(bytes: &[u8]) -> Option<bool> {
    let mut ran_out = false;
    let whole = decode(bytes, &mut ran_out).is_some();
    if ran_out {
        Some(false)
    } else {
        whole.then_some(true)
    }
}

fn decode(bytes: &[u8], ran_out: &mut bool) -> Option<RgbaImage> {
    let mut quant = [[0u16; 64]; 4];
    let mut dc_tables: [Option<Huffman>; 4] = Default::default();
    let mut ac_tables: [Option<Huffman>; 4] = Default::default();
    let mut comps: Vec<Component> = Vec::new();
    let (mut width, mut height, mut hmax, mut vmax) = (0usize, 0usize, 1, 1);
    let mut restart_interval = 0usize;
    let mut progressive = false;
    let mut adobe_transform = None;
    let mut i = 2;
    (bytes.get(..2)? == [0xFF, 0xD8]).then_some(())?;
    loop {
        while *bytes.get(i)? != 0xFF {
            i += 1;
        }
        while *bytes.get(i)? == 0xFF {
            i += 1;
        }
        let marker = *bytes.get(i)?;
        i += 1;
        if marker == 0xD9 {
            break;
        }
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]));
        let seg = bytes.get(i + 2..i + len)?;
        i += len;
        match marker {
            0xC0..=0xC2 => {
                progressive = marker == 0xC2;
                (seg.first() == Some(&8) && comps.is_empty()).then_some(())?;
                height = usize::from(u16::from_be_bytes([*seg.get(1)?, *seg.get(2)?]));
                width = usize::from(u16::from_be_bytes([*seg.get(3)?, *seg.get(4)?]));
                let n = usize::from(*seg.get(5)?);
                (n == 1 || n == 3).then_some(())?;
                for c in seg.get(6..6 + 3 * n)?.chunks_exact(3) {
                    let (h, v) = (usize::from(c[1] >> 4), usize::from(c[1] & 15));
                    ((1..=4).contains(&h) && (1..=4).contains(&v) && c[2] < 4).then_some(())?;
                    comps.push(Component {
                        id: c[0],
                        h,
                        v,
                        quant: usize::from(c[2]),
                        dc: Vec::new(),
                        stride: 0,
                        cols: 0,
                        rows: 0,
                        seen: false,
                    });
                }
                (width > 0 && height > 0).then_some(())?;
                hmax = comps.iter().map(|c| c.h).max()?;
                vmax = comps.iter().map(|c| c.v).max()?;
                let (mcux, mcuy) = (width.div_ceil(8 * hmax), height.div_ceil(8 * vmax));
                for c in &mut comps {
                    c.stride = mcux * c.h;
                    c.dc = vec![0; c.stride * mcuy * c.v];
                    c.cols = (width * c.h).div_ceil(hmax).div_ceil(8);
                    c.rows = (height * c.v).div_ceil(vmax).div_ceil(8);
                }
            }
            // Lossless, hierarchical, arithmetic: not here.
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return None,
            0xC4 => {
                let mut s = seg;
                while let [class_id, rest @ ..] = s {
                    let counts = rest.get(..16)?;
                    let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
                    let table = Huffman::new(counts, rest.get(16..16 + total)?)?;
                    let id = usize::from(class_id & 15).min(3);
                    match class_id >> 4 {
                        0 => dc_tables[id] = Some(table),
                        1 => ac_tables[id] = Some(table),
                        _ => return None,
                    }
                    s = &rest[16 + total..];
                }
            }
            0xDB => {
                let mut s = seg;
                while let [pq_tq, rest @ ..] = s {
                    let (wide, id) = (pq_tq >> 4 == 1, usize::from(pq_tq & 15).min(3));
                    let size = if wide { 128 } else { 64 };
                    let raw = rest.get(..size)?;
                    for (k, q) in quant[id].iter_mut().enumerate() {
                        *q = if wide {
                            u16::from_be_bytes([raw[2 * k], raw[2 * k + 1]])
                        } else {
                            u16::from(raw[k])
                        };
                    }
                    s = &rest[size..];
                }
            }
            0xDD => {
                restart_interval = usize::from(u16::from_be_bytes([*seg.first()?, *seg.get(1)?]))
            }
            0xEE if seg.starts_with(b"Adobe") => adobe_transform = seg.get(11).copied(),
            0xDA => {
                let n = usize::from(*seg.first()?);
                // At most four components, each once (the predictors are
                // per scan position; a repeated or fifth one is malformed).
                (1..=4).contains(&n).then_some(())?;
                let mut scan = Vec::with_capacity(n);
                for sel in seg.get(1..1 + 2 * n)?.chunks_exact(2) {
                    let c = comps.iter().position(|c| c.id == sel[0])?;
                    scan.push((
                        c,
                        usize::from(sel[1] >> 4).min(3),
                        usize::from(sel[1] & 15).min(3),
                    ));
                }
                let distinct = scan
                    .iter()
                    .enumerate()
                    .all(|(i, a)| scan[..i].iter().all(|b| b.0 != a.0));
                distinct.then_some(())?;
                let tail = seg.get(1 + 2 * n..4 + 2 * n)?;
                let (ss, se, ah, al) = (tail[0], tail[1], tail[2] >> 4, tail[2] & 15);
                let data = &bytes[i..];
                let dc_only = ss == 0 && (progressive || se == 63);
                let used = if dc_only && (!progressive || se == 0) {
                    let mut ctx = Scan {
                        comps: &mut comps,
                        scan: &scan,
                        dc_tables: &dc_tables,
                        ac_tables: &ac_tables,
                        baseline: !progressive,
                        refine: ah > 0,
                        al: u32::from(al),
                        restart_interval,
                        mcux: width.div_ceil(8 * hmax),
                        mcuy: height.div_ceil(8 * vmax),
                        ran_out: false,
                    };
                    let used = ctx.run(data);
                    *ran_out |= ctx.ran_out;
                    used?
                } else if progressive {
                    next_marker(data, 0)
                } else {
                    return None;
                };
                i += used;
            }
            _ => {}
        }
    }
    if !comps.is_empty() && comps.iter().any(|c| !c.seen) {
        *ran_out = true;
    }
    (!comps.is_empty() && comps.iter().all(|c| c.seen)).then_some(())?;
    if comps.len() == 3 && (adobe_transform == Some(0) || comps.iter().map(|c| c.id).eq(*b"RGB")) {
        return None;
    }
    Some(to_rgba(&comps, &quant, width, height, hmax, vmax))
}

struct Scan<'a> {
    comps: &'a mut [Component],
    scan: &'a [(usize, usize, usize)],
    dc_tables: &'a [Option<Huffman>; 4],
    ac_tables: &'a [Option<Huffman>; 4],
    baseline: bool,
    refine: bool,
    al: u32,
    restart_interval: usize,
    mcux: usize,
    mcuy: usize,
    /// The data ended (a marker came) before the scan's last block.
    ran_out: bool,
}

/// Whether `bits` has handed out zero padding as data: more bits were
/// taken than the entropy-coded data held.
fn overran(bits: &Bits) -> bool {
    8 * i64::from(bits.padding) > i64::from(bits.count)
}

impl Scan<'_> {
    /// Decodes the DC values of one scan; the bytes of entropy data used.
    fn run(&mut self, data: &[u8]) -> Option<usize> {
        let mut bits = Bits {
            data,
            pos: 0,
            buf: 0,
            count: 0,
            padding: 0,
        };
        let single = self.scan.len() == 1;
        let (cols, rows) = if single {
            let c = &self.comps[self.scan[0].0];
            (c.cols, c.rows)
        } else {
            (self.mcux, self.mcuy)
        };
        let mut pred = [0i32; 4];
        let mut left = self.restart_interval;
        for my in 0..rows {
            for mx in 0..cols {
                if self.restart_interval > 0 {
                    if left == 0 {
                        if overran(&bits) {
                            self.ran_out = true;
                            return None;
                        }
                        bits.restart()?;
                        pred = [0; 4];
                        left = self.restart_interval;
                    }
                    left -= 1;
                }
                for (k, &(ci, td, ta)) in self.scan.iter().enumerate() {
                    let c = &mut self.comps[ci];
                    let (bh, bv) = if single { (1, 1) } else { (c.h, c.v) };
                    for by in 0..bv {
                        for bx in 0..bh {
                            let at = (my * bv + by) * c.stride + mx * bh + bx;
                            if self.refine {
                                if bits.count < 32 {
                                    bits.refill();
                                }
                                let bit = bits.take(1) as i32;
                                *c.dc.get_mut(at)? |= bit << self.al;
                                continue;
                            }
                            let size = u32::from(bits.decode(self.dc_tables[td].as_ref()?)?);
                            (size <= 16).then_some(())?;
                            // Clamped: a hostile file must not overflow.
                            pred[k] = (pred[k] + bits.receive_extend(size)).clamp(-32768, 32767);
                            *c.dc.get_mut(at)? = pred[k] << self.al;
                            if self.baseline {
                                skip_ac(&mut bits, self.ac_tables[ta].as_ref()?)?;
                            }
                        }
                    }
                    c.seen = true;
                }
            }
            // Reading far into zero padding means the data is damaged.
            if bits.padding > 16 {
                self.ran_out = true;
                return None;
            }
        }
        if overran(&bits) {
            self.ran_out = true;
            return None;
        }
        Some(next_marker(data, bits.pos))
    }
}

/// Where the entropy-coded `data` ends, looking from `from`: the next
/// marker that is neither a stuffed 0xFF00 nor a restart marker.
fn next_marker(data: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(ff) = data.get(at..).and_then(|d| memchr::memchr(0xFF, d)) {
        at += ff;
        match data.get(at + 1) {
            Some(0) | Some(0xD0..=0xD7) | Some(0xFF) => at += 1,
            _ => return at,
        }
    }
    data.len()
}

/// Reads past a block's AC coefficients: each code's length and its value's
/// size are skipped together, the value never read.
#[inline]
fn skip_ac(bits: &mut Bits, ac: &Huffman) -> Option<()> {
    let mut k = 1;
    while k < 64 {
        if bits.count < 32 {
            bits.refill();
        }
        let (len, symbol) = ac.fast[(bits.buf >> (64 - LOOKUP)) as usize];
        let symbol = if len > 0 {
            let skip = u32::from(len) + u32::from(symbol & 15);
            bits.buf <<= skip;
            bits.count -= skip;
            symbol
        } else {
            let symbol = bits.decode(ac)?;
            bits.take(u32::from(symbol & 15));
            symbol
        };
        if symbol & 15 != 0 {
            k += u32::from(symbol >> 4) + 1;
        } else if symbol == 0xF0 {
            k += 16;
        } else {
            return Some(());
        }
    }
    (k == 64).then_some(())
}

fn to_rgba(
    comps: &[Component],
    quant: &[[u16; 64]; 4],
    width: usize,
    height: usize,
    hmax: usize,
    vmax: usize,
) -> RgbaImage {
    let (w, h) = (width.div_ceil(8), height.div_ceil(8));
    let planes: Vec<Vec<u8>> = comps
        .iter()
        .map(|c| {
            // Each block's mean: DC × quantiser / 8, around 128.
            let q = i32::from(quant[c.quant][0]);
            let means: Vec<u8> =
                c.dc.iter()
                    .map(|&d| {
                        ((i64::from(d) * i64::from(q) + 4).div_euclid(8) + 128).clamp(0, 255) as u8
                    })
                    .collect();
            super::resize::upsample(
                &means,
                c.stride,
                c.dc.len() / c.stride.max(1),
                hmax / c.h,
                vmax / c.v,
                w,
                h,
            )
        })
        .collect();
    let mut out = Vec::with_capacity(w * h * 4);
    if let [luma, cb, cr] = planes.as_slice() {
        for ((&y, &cb), &cr) in luma.iter().zip(cb).zip(cr) {
            let (y, cb, cr) = (i32::from(y), i32::from(cb) - 128, i32::from(cr) - 128);
            // JFIF YCbCr → RGB in 16.16 fixed point.
            let r = y + ((91_881 * cr + 32_768) >> 16);
            let g = y - ((22_554 * cb + 46_802 * cr - 32_768) >> 16);
            let b = y + ((116_130 * cb + 32_768) >> 16);
            let c = |v: i32| v.clamp(0, 255) as u8;
            out.extend_from_slice(&[c(r), c(g), c(b), 255]);
        }
    } else if let [grey] = planes.as_slice() {
        out.extend(grey.iter().flat_map(|&l| [l, l, l, 255]));
    }
    RgbaImage::from_raw(w as u32, h as u32, out).unwrap_or_default()
}

#[cfg(test)]
#[path = "dc_jpeg_tests.rs"]
mod tests;
