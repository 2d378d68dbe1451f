//! Writes a generated photo of a parcel label (the barcode benchmark's
//! kind: a Code 128 tracking number, turned, tilted, blurred, on printed
//! cardboard) as a JPEG, for trying label reading by hand and for
//! screenshots.
//!
//!     cargo run --example label_photo -- TRACKING OUT.jpg [SEED]

use anyhow::{Context, Result, bail};
use bulkready::media::label_synth::LabelShot;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [text, out, rest @ ..] = args.as_slice() else {
        bail!("usage: label_photo TRACKING OUT.jpg [SEED]");
    };
    let seed: u64 = rest.first().map_or(Ok(1), |s| s.parse())?;
    let shot = LabelShot::random(text, seed);
    let image = shot
        .render()
        .with_context(|| format!("{text} cannot be drawn as Code 128"))?;
    let file = std::fs::File::create(out).with_context(|| format!("creating {out}"))?;
    image::codecs::jpeg::JpegEncoder::new_with_quality(std::io::BufWriter::new(file), 85)
        .encode_image(&image)
        .with_context(|| format!("writing {out}"))?;
    println!(
        "{out}: {}×{}, label turned {:.1}°",
        shot.size[0], shot.size[1], shot.angle_deg
    );
    Ok(())
}
