//! The `bulkready` binary: the window, or a subcommand.

use bulkready::cli::Cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => bulkready::cli::exit(command),
        None => match bulkready::ui::run(cli.project) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: could not open the window: {e}");
                eprintln!("(the subcommands work without a display: bulkready --help)");
                ExitCode::from(2)
            }
        },
    }
}
