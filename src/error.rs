//! What a command comes to: either an `Outcome` (it ran; how did it end?) or an `Error`
//! (it could not run, or it broke). `lib.rs` alone turns both into exit codes, so the
//! table in `--help` and the code can never drift apart; `report` here is the one way
//! an error is printed, whether it ended the command or only an input of it.
//!
//! An error says what was wrong where it is known: the flag and the value it was given
//! (`Error::Flag`), or the input and its position (`Error::Input`), and a hint when
//! there is one. Older call sites still build `Usage`/`Runtime` from a whole message;
//! the texts are the same either way.

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
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags, config or filter: nothing was started.
    #[error("{0}")]
    Usage(String),
    /// The outside world failed us: the cluster, a file, a delivery.
    #[error("{0}")]
    Runtime(String),
    /// A flag's value is not what the flag takes (a usage error): `FLAG: 'VALUE' WHY`,
    /// or `FLAG: WHY` when the value is not worth repeating.
    #[error("{flag}: {}{why}", value.as_ref().map(|v| format!("'{v}' ")).unwrap_or_default())]
    Flag {
        flag: String,
        value: Option<String>,
        why: String,
        hint: Option<String>,
    },
    /// An input could not be processed (a runtime error): `AT: WHY`, where `AT` is a
    /// file, or a file and a line.
    #[error("{at}: {why}")]
    Input {
        at: String,
        why: String,
        hint: Option<String>,
    },
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    pub fn runtime(message: impl Into<String>) -> Self {
        Error::Runtime(message.into())
    }

    /// `flag` was given `value`, which is `why`.
    pub fn flag(flag: impl Into<String>, value: impl Into<String>, why: impl Into<String>) -> Self {
        Error::Flag {
            flag: flag.into(),
            value: Some(value.into()),
            why: why.into(),
            hint: None,
        }
    }

    /// `flag` is wrong as `why` says (which names the value itself, if at all).
    pub fn flag_says(flag: impl Into<String>, why: impl Into<String>) -> Self {
        Error::Flag {
            flag: flag.into(),
            value: None,
            why: why.into(),
            hint: None,
        }
    }

    /// `at` (a position: `line 3`, `events.jsonl: line 3`, `orders:0@42`) could not be
    /// processed, because `why`.
    pub fn input(at: impl std::fmt::Display, why: impl Into<String>) -> Self {
        Error::Input {
            at: at.to_string(),
            why: why.into(),
            hint: None,
        }
    }

    /// The same error, with a hint printed on a line of its own after it.
    pub fn with_hint(mut self, text: impl Into<String>) -> Self {
        match &mut self {
            Error::Flag { hint, .. } | Error::Input { hint, .. } => *hint = Some(text.into()),
            Error::Usage(_) | Error::Runtime(_) => {}
        }
        self
    }

    /// The same error, its message starting with `what: ` (unless it already does), so
    /// that every error of a command names it.
    pub fn within(self, what: &str) -> Self {
        let named = |m: String| {
            if m.starts_with(&format!("{what}:")) {
                m
            } else {
                format!("{what}: {m}")
            }
        };
        match self {
            Error::Usage(m) => Error::Usage(named(m)),
            Error::Runtime(m) => Error::Runtime(named(m)),
            other => other,
        }
    }

    /// The hint, if there is one.
    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Flag { hint, .. } | Error::Input { hint, .. } => hint.as_deref(),
            Error::Usage(_) | Error::Runtime(_) => None,
        }
    }

    /// Whether nothing was started because of how eddy was called (exit 2), rather
    /// than something failing while it ran (exit 1).
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::Usage(_) | Error::Flag { .. })
    }
}

/// A filter that does not compile is a usage error, named by its flag when it has one.
impl From<crate::jq::CompileError> for Error {
    fn from(e: crate::jq::CompileError) -> Self {
        match e.flag {
            Some(flag) => Error::flag_says(flag, e.message),
            None => Error::Usage(e.message),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Runtime(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The one way an error is printed: `eddy: ` and its message (and `; ` and what became
/// of the run or the input, when the run goes on), then its hint on a line of its own.
/// `lib.rs` prints the error that ended a command with it; commands print an input they
/// could not process (an invalid line, a record the filter failed on) with it.
pub fn report(e: &Error, then: Option<&str>) {
    match then {
        Some(then) => eprintln!("eddy: {e}; {then}"),
        None => eprintln!("eddy: {e}"),
    }
    if let Some(hint) = e.hint() {
        eprintln!("eddy: hint: {hint}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_flag_the_value_and_the_input() {
        let e = Error::flag("-D", "ab", "is not one byte");
        assert_eq!(e.to_string(), "-D: 'ab' is not one byte");
        assert!(e.is_usage() && e.hint().is_none());
        let e = Error::flag_says("--top", "must be at least 1").with_hint("leave it out for every key");
        assert_eq!(e.to_string(), "--top: must be at least 1");
        assert_eq!(e.hint(), Some("leave it out for every key"));
        let e = Error::Input {
            at: "events.jsonl: line 3".into(),
            why: "not JSON".into(),
            hint: None,
        };
        assert_eq!(e.to_string(), "events.jsonl: line 3: not JSON");
        assert!(!e.is_usage());
        assert!(Error::usage("x").is_usage() && !Error::runtime("x").is_usage());
        assert_eq!(Error::usage("x").with_hint("ignored").hint(), None);
    }
}
