//! Prints the codes read on photos, as an import reads them (one full
//! decode, turned upright, the scan with the import's time budget), with
//! the time each took.
//!
//!     cargo run --release --example read_labels -- [--budget-ms N] PHOTO...

use anyhow::{Context, Result};
use bulkready::media::label_read::{LABEL_BUDGET, read_codes};
use std::time::{Duration, Instant};

fn main() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut budget = LABEL_BUDGET;
    if args.first().is_some_and(|a| a == "--budget-ms") && args.len() > 1 {
        budget = Duration::from_millis(args[1].parse()?);
        args.drain(..2);
    }
    for path in args {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {path}"))?;
        let start = Instant::now();
        let codes = read_codes(&bytes, budget)?;
        let ms = start.elapsed().as_millis();
        if std::env::var_os("READ_LABELS_REPORT").is_some() {
            let image = image::load_from_memory(&bytes)?;
            let r = bulkready::media::barcode::scan_report(&image, budget);
            eprintln!("{path}: {r:?}");
        }
        let texts: Vec<String> = codes
            .iter()
            .map(|c| format!("{} ({})", c.text, c.symbology.label()))
            .collect();
        println!("{path}: {ms} ms: {}", texts.join(", "));
    }
    Ok(())
}
