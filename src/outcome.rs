//! What a command comes to: either an `Outcome` (it ran; how did it end?) or an `Error`
//! (it could not run, or it broke). `main.rs` alone turns these into exit codes, so the
//! table in `--help` and the code can never drift apart.

use std::fmt;

/// How a command that ran to its end finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done.
    Success,
    /// The work ran but something was not done: a record not delivered, an invalid
    /// input under `--on-invalid fail`, an expectation not met. The details were
    /// already printed on stderr.
    Failed,
    /// `filter -e`: the last output was `false` or `null`.
    FalseOrNull,
    /// `filter -e`: nothing was output at all.
    NoOutput,
    /// At least one input could not be processed by a filter (reported on stderr).
    InputErrors,
    /// Stopped by a signal after a clean shutdown.
    Interrupted(Signal),
    /// `eddy dev -- COMMAND`: the command's own exit code, passed through.
    Child(i32),
    /// A filter called `halt` or `halt_error`: its exit code, as jq.
    Halt(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Signal {
    Interrupt = 0,
    Terminate = 1,
}

/// Why a command could not do its work.
#[derive(Debug)]
pub enum Error {
    /// Bad flags, config or filter: nothing was started.
    Usage(String),
    /// The outside world failed us: the cluster, a file, a delivery.
    Runtime(String),
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    pub fn runtime(message: impl Into<String>) -> Self {
        Error::Runtime(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m) | Error::Runtime(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Runtime(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
