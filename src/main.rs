//! The `bulkready` binary: the window, or a subcommand.

fn main() -> std::process::ExitCode {
    bulkready::cli::main()
}
