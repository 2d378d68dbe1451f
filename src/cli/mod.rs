//! The command line: subcommands built on the layers below the window.
//!
//! Exit status everywhere: 0 fine, 1 findings (problems, failed files,
//! gates not go), 2 error (unreadable file, bad arguments).

mod export;
mod import;
pub(crate) mod out;
mod project_cmds;
mod rules_cmds;

use crate::model::InspectionLevel;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "bulkready",
    version,
    about = "Decide with evidence whether a sample is good enough to scale to a bulk order, \
             and whether a parcel at the warehouse is ready to ship.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A project file (.ron) to open in the window.
    pub project: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty project file.
    New {
        /// The project file to create (name.ron); it must not exist yet.
        file: PathBuf,
        /// The project's name.
        #[arg(long)]
        name: String,
    },
    /// Write a realistic demo project, with photos, into a folder.
    Demo {
        /// The folder to write demo.ron and demo.photos/ into.
        dir: PathBuf,
    },
    /// List the products and their orders, with ids.
    List {
        file: PathBuf,
        /// Print JSON: {"products":[{"id","name","orders":[{"id","kind","number"}]}]}.
        #[arg(long)]
        json: bool,
    },
    /// Import photos into an order and save the project.
    Import {
        file: PathBuf,
        /// The id of the order (see `bulkready list`).
        #[arg(long)]
        order: u64,
        /// Link the photos to the parcel with this domestic tracking number.
        #[arg(long)]
        parcel: Option<String>,
        /// Do not read the labels (barcodes) on the photos: faster (the
        /// JPEG fast path), and no photo is linked by its label.
        #[arg(long)]
        no_labels: bool,
        /// Image files (JPEG, PNG, WebP, GIF, TIFF, BMP).
        #[arg(required = true)]
        photos: Vec<PathBuf>,
    },
    /// Check a project: it parses, every photo exists and matches its hash,
    /// every link points at something that exists; and list files in the
    /// photo store no photo refers to, and temporary files left behind.
    Check {
        file: PathBuf,
        /// Remove those orphaned and temporary files (never a file a photo
        /// refers to; files changed in the last few minutes are kept).
        #[arg(long)]
        clean: bool,
    },
    /// The ISO 2859-1 sampling plan (single sampling, normal inspection)
    /// for a lot: code letter, sample size, accept and reject numbers.
    Aql {
        /// How many units the lot holds.
        #[arg(long)]
        lot: u32,
        /// General inspection level.
        #[arg(long, value_enum, ignore_case = true, default_value = "II")]
        level: Level,
        /// One AQL (0.65, 1.0, 1.5, 2.5, 4.0, 6.5); all of them when omitted.
        #[arg(long)]
        aql: Option<f64>,
        #[arg(long)]
        json: bool,
    },
    /// Each product's sample gate ("Scale up?") and each order's export gate
    /// ("Ship it?"), with every reason. Exit 0 when every gate is go.
    Verdict {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// Judge deadlines at this local time (YYYY-MM-DDTHH:MM) instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<chrono::NaiveDateTime>,
    },
    /// Export a decision summary (HTML, PDF, Markdown), the supplier brief or
    /// the warehouse's photo request (plain text) of the project, one
    /// product or one order. Exit 1 when a photo could not be embedded (a
    /// placeholder stands in its place) or a character could not be drawn.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Only this product (see `bulkready list`).
        #[arg(long, conflicts_with = "order")]
        product: Option<u64>,
        /// Only this order, with its product's listing and brief.
        #[arg(long)]
        order: Option<u64>,
        /// The file to write (Markdown also writes OUT_files/ beside it).
        #[arg(short, long)]
        out: PathBuf,
        /// The language of the brief and the request: Chinese, English, or
        /// each sentence in both.
        #[arg(long, value_enum, default_value = "both")]
        lang: export::LangArg,
        /// Judge and date the summary at this local time (YYYY-MM-DDTHH:MM)
        /// instead of now.
        #[arg(long, value_parser = parse_time)]
        now: Option<chrono::NaiveDateTime>,
    },
}

/// An export format on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Html,
    Pdf,
    #[value(alias = "markdown")]
    Md,
    /// The supplier brief.
    Brief,
    /// The photo and measurement request for the warehouse.
    Request,
}

/// An inspection level on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Level {
    I,
    Ii,
    Iii,
}

impl From<Level> for InspectionLevel {
    fn from(l: Level) -> Self {
        match l {
            Level::I => InspectionLevel::I,
            Level::Ii => InspectionLevel::II,
            Level::Iii => InspectionLevel::III,
        }
    }
}

fn parse_time(s: &str) -> Result<chrono::NaiveDateTime, String> {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|e| format!("{e}: expected YYYY-MM-DDTHH:MM"))
}

/// What a command found, when it ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
}

/// Runs a subcommand and says how it went. Errors are printed once, here.
pub fn exit(command: Command) -> ExitCode {
    match run(command) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            out::warn(format!("error: {e:#}"));
            ExitCode::from(2)
        }
    }
}

pub fn run(command: Command) -> anyhow::Result<Outcome> {
    match command {
        Command::New { file, name } => project_cmds::new(&file, &name),
        Command::Demo { dir } => project_cmds::demo(&dir),
        Command::List { file, json } => project_cmds::list(&file, json),
        Command::Import {
            file,
            order,
            parcel,
            no_labels,
            photos,
        } => import::run(&file, order, parcel.as_deref(), &photos, !no_labels),
        Command::Check { file, clean } => project_cmds::check(&file, clean),
        Command::Aql {
            lot,
            level,
            aql,
            json,
        } => rules_cmds::aql(lot, level.into(), aql, json),
        Command::Verdict { file, json, now } => {
            let now = now.unwrap_or_else(|| chrono::Local::now().naive_local());
            rules_cmds::verdict(&file, json, now)
        }
        Command::Export {
            file,
            format,
            product,
            order,
            out,
            lang,
            now,
        } => {
            let now = now.unwrap_or_else(|| chrono::Local::now().naive_local());
            export::run(&file, format, lang.into(), product, order, &out, now)
        }
    }
}
