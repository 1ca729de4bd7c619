//! What `eddy consume` was asked to do, checked before any client exists: every flag
//! that needs no cluster is parsed and cross-checked here, so a usage error is exit 2
//! even when the cluster cannot be reached. Pure (the clock's reading is passed in).

use std::time::Duration;

use crate::cli::ConsumeArgs;
use crate::error::{Error, Result};
use crate::input::parse_delimiter;
use crate::jq::Filter;
use crate::offsets::{OffsetSpec, UntilSpec};
use crate::output::Format;
use crate::times::parse_duration;

/// What `--expect` / `--expect-none` ask of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Whatever,
    Count(u64),
    Nothing,
}

pub struct Plan {
    pub format: Format,
    pub filter: Option<Filter>,
    pub delimiter: u8,
    pub from: Option<OffsetSpec>,
    /// `--until`, or `-e` as `--until end`.
    pub until: Option<UntilSpec>,
    /// `--within`: the deadline of `--expect` / `--expect-none`.
    pub within: Option<Duration>,
    pub expect: Expect,
    /// Stop after this many records: `-n`, or `--expect N`, whichever is smaller.
    pub count: Option<u64>,
    /// Reading as a group member (assigned by the group), not named partitions.
    pub group_mode: bool,
}

impl Plan {
    pub fn from_args(args: &ConsumeArgs, now: i64) -> Result<Plan> {
        let format = Format::parse(&args.format).map_err(Error::usage)?;
        let filter = args
            .filter
            .as_deref()
            .map(|code| Filter::compile_flag("--filter", code))
            .transpose()?;
        let delimiter = parse_delimiter("--delimiter", args.delimiter.as_deref()).map_err(Error::usage)?;
        let from = args
            .from
            .as_deref()
            .map(|f| OffsetSpec::parse(f, now))
            .transpose()
            .map_err(Error::usage)?;
        let until = if args.exit {
            Some(UntilSpec::End)
        } else {
            args.until
                .as_deref()
                .map(|u| UntilSpec::parse(u, now))
                .transpose()
                .map_err(Error::usage)?
        };
        check_topics(args)?;
        if from == Some(OffsetSpec::Stored) && args.group.is_none() {
            return Err(Error::usage(
                "--from stored needs --group (the group's committed offsets)",
            ));
        }
        let within = args
            .within
            .as_deref()
            .map(|w| parse_duration("--within", w))
            .transpose()
            .map_err(Error::usage)?;
        if within.is_some() && args.expect.is_none() && !args.expect_none {
            return Err(Error::usage("--within is the deadline of --expect or --expect-none"));
        }
        if args.expect == Some(0) {
            return Err(Error::usage(
                "--expect: must be at least 1 (use --expect-none for none)",
            ));
        }
        let expect = match (args.expect, args.expect_none) {
            (Some(n), _) => Expect::Count(n),
            (None, true) => Expect::Nothing,
            (None, false) => Expect::Whatever,
        };
        // --expect N also stops at N, as -n does.
        let count = match (args.count, args.expect) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Ok(Plan {
            format,
            filter,
            delimiter,
            from,
            until,
            within,
            expect,
            count,
            group_mode: args.group.is_some() && args.partitions.is_empty(),
        })
    }
}

/// A topic starting with `^` is a regular expression: only a group can follow one.
fn check_topics(args: &ConsumeArgs) -> Result<()> {
    topic_patterns(&args.topics, args.group.is_some(), !args.partitions.is_empty()).map(drop)
}

/// The `^regex` topics of a read (consume's and pipe's), compiled: they need a group
/// and cannot be combined with `--partition`.
pub(crate) fn topic_patterns(topics: &[String], grouped: bool, partitions: bool) -> Result<Vec<(&str, regex::Regex)>> {
    let patterns: Vec<&str> = topics
        .iter()
        .map(String::as_str)
        .filter(|t| t.starts_with('^'))
        .collect();
    if !patterns.is_empty() && !grouped {
        return Err(Error::usage(
            "a topic starting with ^ is a regular expression, which needs --group",
        ));
    }
    if !patterns.is_empty() && partitions {
        return Err(Error::usage(
            "--partition cannot be used with a regular-expression topic",
        ));
    }
    patterns
        .into_iter()
        .map(|t| {
            regex::Regex::new(t)
                .map(|re| (t, re))
                .map_err(|e| Error::usage(format!("topic pattern {t}: {e}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    const NOW: i64 = 1_000_000_000_000;

    fn plan(args: &[&str]) -> Result<Plan> {
        let cli = crate::cli::Cli::try_parse_from(["eddy", "consume"].iter().chain(args)).expect("parses");
        match cli.command {
            crate::cli::Command::Consume(a) => Plan::from_args(&a, NOW),
            _ => unreachable!("a consume command"),
        }
    }

    fn usage(args: &[&str]) -> String {
        match plan(args) {
            Err(Error::Usage(m)) => m,
            Err(e) => panic!("not a usage error: {e:?}"),
            Ok(_) => panic!("accepted: {args:?}"),
        }
    }

    #[test]
    fn the_defaults() {
        let p = plan(&["t"]).expect("plans");
        assert_eq!(
            (p.from, p.until, p.count, p.expect),
            (None, None, None, Expect::Whatever)
        );
        assert_eq!(p.delimiter, b'\n');
        assert!(p.filter.is_none() && !p.group_mode);
    }

    #[test]
    fn exit_is_until_end_and_expect_also_counts() {
        let p = plan(&["t", "-e", "-n", "5", "--expect", "3"]).expect("plans");
        assert_eq!(p.until, Some(UntilSpec::End));
        assert_eq!((p.count, p.expect), (Some(3), Expect::Count(3)));
        let p = plan(&["t", "--expect-none", "--within", "1s"]).expect("plans");
        assert_eq!((p.expect, p.within), (Expect::Nothing, Some(Duration::from_secs(1))));
    }

    #[test]
    fn group_mode_is_a_group_without_named_partitions() {
        assert!(plan(&["t", "-g", "g"]).expect("plans").group_mode);
        assert!(!plan(&["t", "-g", "g", "-p", "0"]).expect("plans").group_mode);
    }

    #[test]
    fn flag_errors_before_any_client() {
        // Regression (issue #14): --within without --expect was exit 1 after a network call.
        assert!(usage(&["t", "--within", "5s"]).contains("--within is the deadline"));
        assert!(usage(&["t", "--expect", "0"]).starts_with("--expect: must be at least 1"));
        assert!(usage(&["t", "--from", "stored"]).contains("needs --group"));
        assert!(usage(&["^t.*"]).contains("needs --group"));
        assert!(usage(&["^t.*", "-g", "g", "-p", "1"]).contains("--partition cannot"));
        assert!(usage(&["^(", "-g", "g"]).starts_with("topic pattern ^("));
        assert!(usage(&["t", "--from", "soon"]).starts_with("--from: "));
        assert!(usage(&["t", "--until", "beginning"]).starts_with("--until: "));
        assert!(usage(&["t", "--format", "yaml"]).starts_with("--format: "));
        assert!(usage(&["t", "--within", "soon", "--expect", "1"]).starts_with("--within: "));
    }
}
