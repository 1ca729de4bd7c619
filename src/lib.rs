//! eddy: produce, consume, filter, count and generate event streams on Apache Kafka.
//!
//! The crate is a library with a thin binary (`src/main.rs`), so that the fuzz targets
//! in `fuzz/` and the corpus replay in the tests reach the parsers directly. `run_cli`
//! parses the command line, resolves the settings, dispatches to the command, and is the
//! only place that turns what a command came to into an exit code. New modules are
//! declared here.

pub mod cli;
pub mod codec;
pub mod commands;
pub mod config;
pub mod error;
pub mod fields;
pub mod fuzzing;
pub mod generate;
pub mod input;
pub mod interrupt;
pub mod jq;
pub mod kafka;
pub mod offsets;
pub mod output;
pub mod pacing;
pub mod random;
pub mod record;
pub mod registry_server;
pub mod sink;
pub mod stats;
pub mod times;
pub mod window;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, ConfigAction};
use crate::error::{Error, Outcome, Result, Signal};

/// The whole program: what `main` runs.
pub fn run_cli() -> ExitCode {
    interrupt::install();
    let cli = Cli::parse();
    match run(&cli) {
        Ok(outcome) => ExitCode::from(exit_code(outcome)),
        Err(e) => {
            error::report(&e, None);
            ExitCode::from(error_exit_code(&e))
        }
    }
}

/// The exit codes of `--help`, decided here and nowhere else (a second Ctrl-C exits
/// from the signal thread with the code this gives, too).
pub(crate) fn exit_code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Success => 0,
        Outcome::Failed | Outcome::FalseOrNull => 1,
        Outcome::NoOutput => 4,
        Outcome::InputErrors => 5,
        Outcome::Interrupted(Signal::Interrupt) => 130,
        Outcome::Interrupted(Signal::Terminate) => 143,
        Outcome::Child(code) | Outcome::Halt(code) => u8::try_from(code).unwrap_or(1),
    }
}

/// The exit code of a command that could not do its work, from the same table: 2 for
/// how eddy was called, 1 for what failed while it ran.
fn error_exit_code(e: &Error) -> u8 {
    if e.is_usage() { 2 } else { 1 }
}

fn run(cli: &Cli) -> Result<Outcome> {
    if let Command::Generate(args) = &cli.command {
        generate::run(&args.dir)?;
        return Ok(Outcome::Success);
    }
    let env = |k: &str| std::env::var(k).ok();
    let settings = config::resolve(&cli.global, &env)?;
    colored::control::set_override(settings.color);
    match &cli.command {
        Command::Produce(args) => commands::produce::run(&settings, args),
        Command::Consume(args) => commands::consume::run(&settings, args),
        Command::Pipe(args) => commands::pipe::run(&settings, args),
        Command::Filter(args) => commands::filter::run(&settings, args),
        Command::Count(args) => commands::count::run(&settings, args),
        Command::Gen(args) => commands::r#gen::run(&settings, args),
        Command::Dev(args) => commands::dev::run(&settings, args),
        Command::Topics(args) => commands::topics::run(&settings, args),
        Command::Offsets(args) => commands::offsets::run(&settings, args),
        Command::Groups(args) => commands::groups::run(&settings, args),
        Command::Cluster(args) => commands::cluster::run(&settings, args),
        Command::Schemas(args) => commands::schemas::run(&settings, args),
        Command::Config(args) => {
            match args.action.as_ref().unwrap_or(&ConfigAction::Show) {
                ConfigAction::Show => output::text(&settings.describe()),
                ConfigAction::Contexts => output::text(&config::list_contexts(&settings)?),
                ConfigAction::Use { name } => {
                    let path = config::use_context(&settings, name)?;
                    eprintln!("default context is now {name} ({})", path.display());
                }
            }
            Ok(Outcome::Success)
        }
        Command::Generate(_) => Ok(Outcome::Success),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
