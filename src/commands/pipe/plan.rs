//! What `eddy pipe` was asked to do, checked before any client exists: offsets, the
//! filters, the commit cadence and the refusals (a topic into itself with a group), so
//! that a usage error is exit 2 even when the cluster cannot be reached. Pure (the
//! clock's reading is passed in).

use std::time::Duration;

use crate::cli::{Acks, PipeArgs, PipeOnError};
use crate::commands::consume::topic_patterns;
use crate::error::{Error, Result};
use crate::fields::{FieldFilters, parse_headers};
use crate::jq::Filter;
use crate::offsets::{OffsetSpec, UntilSpec};
use crate::record::Headers;
use crate::times::parse_duration;

pub struct Plan {
    pub filter: Option<Filter>,
    pub to_from: Option<Filter>,
    pub fields: FieldFilters,
    pub fixed_headers: Headers,
    pub from: Option<OffsetSpec>,
    /// `--until`, or `-e` as `--until end`.
    pub until: Option<UntilSpec>,
    pub commit_interval: Duration,
    pub on_error: PipeOnError,
    /// Reading as a group member (assigned by the group), not named partitions.
    pub group_mode: bool,
    /// `--to-X`: properties of the destination's clients only.
    pub to_properties: Vec<(String, String)>,
}

impl Plan {
    pub fn from_args(args: &PipeArgs, now: i64) -> Result<Plan> {
        let compile =
            |flag: &str, code: &Option<String>| code.as_deref().map(|c| Filter::compile_flag(flag, c)).transpose();
        let filter = compile("--filter", &args.filter)?;
        let to_from = compile("--to-from", &args.to_from)?;
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
        let commit_interval = parse_duration("--commit-interval", &args.commit_interval).map_err(Error::usage)?;
        if commit_interval.is_zero() {
            return Err(Error::usage("--commit-interval: must be longer than 0"));
        }
        if args.commit_records == Some(0) {
            return Err(Error::usage("--commit-records: must be at least 1"));
        }
        if args.dead_letter.is_some() && args.on_error.is_some() {
            return Err(Error::usage(
                "--dead-letter and --on-error exclude each other: a failed record goes to the dead-letter topic",
            ));
        }
        if args.producer.acks != Acks::All {
            return Err(Error::usage(
                "--acks: pipe writes with acks=all (idempotent or transactional); 1 and 0 could lose records it commits",
            ));
        }
        if args.producer.rate.is_some() {
            return Err(Error::usage("--rate: pipe does not pace its output"));
        }
        Ok(Plan {
            filter,
            to_from,
            fields: FieldFilters::from_args(&args.record)?,
            fixed_headers: parse_headers(&args.record.headers)?,
            from,
            until,
            commit_interval,
            on_error: args.on_error.unwrap_or(PipeOnError::Fail),
            group_mode: args.group.is_some() && args.partitions.is_empty(),
            to_properties: to_properties(&args.to_properties)?,
        })
    }
}

/// `--to-X KEY=VALUE` pairs, checked as `-X` is (a value is never echoed: it may be a
/// secret).
fn to_properties(list: &[String]) -> Result<Vec<(String, String)>> {
    list.iter()
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k.trim().is_empty() => Err(Error::usage("--to-X: the property name is empty")),
            Some((k, v)) => Ok((k.trim().to_string(), v.to_string())),
            None => Err(Error::usage(format!("--to-X {kv}: expected KEY=VALUE"))),
        })
        .collect()
}

/// Regular expressions need a group; a topic into itself with a group would read its
/// own output forever, each record committed as it goes.
fn check_topics(args: &PipeArgs) -> Result<()> {
    let same_cluster = args.to_brokers.is_none() && args.to_context.is_none();
    let patterns = topic_patterns(&args.sources, args.group.is_some(), !args.partitions.is_empty())?;
    if let (Some(to), Some(_), true) = (&args.to, &args.group, same_cluster) {
        if let Some((t, _)) = patterns.iter().find(|(_, re)| re.is_match(to)) {
            return Err(Error::usage(format!(
                "--to {to} matches the input pattern {t}: a group would read its own output forever"
            )));
        }
        if args.sources.iter().any(|s| s == to) {
            return Err(Error::usage(format!(
                "--to {to} is also an input: with a group, pipe would read its own output forever"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    const NOW: i64 = 1_000_000_000_000;

    fn plan(args: &[&str]) -> Result<Plan> {
        let cli = crate::cli::Cli::try_parse_from(["eddy", "pipe"].iter().chain(args)).expect("parses");
        match cli.command {
            crate::cli::Command::Pipe(a) => Plan::from_args(&a, NOW),
            _ => unreachable!("a pipe command"),
        }
    }

    fn usage(args: &[&str]) -> String {
        match plan(args) {
            Err(e) if e.is_usage() => e.to_string(),
            Err(e) => panic!("not a usage error: {e:?}"),
            Ok(_) => panic!("accepted: {args:?}"),
        }
    }

    #[test]
    fn the_defaults() {
        let p = plan(&["in", "--to", "out"]).expect("plans");
        assert_eq!((p.from, p.until), (None, None));
        assert_eq!(p.commit_interval, Duration::from_secs(1));
        assert_eq!(p.on_error, PipeOnError::Fail);
        assert!(p.filter.is_none() && p.to_from.is_none() && !p.group_mode);
        let p = plan(&["in", "--to", "out", "--to-X", "linger.ms=5", "--to-property", "a=b=c"]).expect("plans");
        assert_eq!(
            p.to_properties,
            [
                ("linger.ms".to_string(), "5".to_string()),
                ("a".to_string(), "b=c".to_string())
            ]
        );
        let p = plan(&["in", "--to", "out", "-e", "-g", "g"]).expect("plans");
        assert_eq!(p.until, Some(UntilSpec::End));
        assert!(p.group_mode);
    }

    #[test]
    fn a_topic_into_itself_with_a_group_is_refused() {
        assert!(usage(&["t", "--to", "t", "-g", "g"]).contains("is also an input"));
        assert!(usage(&["^t.*", "--to", "tx", "-g", "g"]).contains("matches the input pattern"));
        // Without a group a bounded copy of a topic onto itself is the user's business,
        // and another cluster's topic of the same name is another topic.
        assert!(plan(&["t", "--to", "t", "-e"]).is_ok());
        assert!(plan(&["t", "--to", "t", "-g", "g", "--to-brokers", "h:9092"]).is_ok());
    }

    #[test]
    fn flag_errors_before_any_client() {
        assert!(usage(&["t", "--to", "o", "--filter", "{"]).starts_with("--filter: "));
        assert!(usage(&["t", "--to", "o", "--to-from", "{"]).starts_with("--to-from: "));
        assert!(usage(&["t", "--to", "o", "--key-from", "{"]).starts_with("--key-from: "));
        assert!(usage(&["t", "--to", "o", "--from", "stored"]).contains("needs --group"));
        assert!(usage(&["^t", "--to", "o"]).contains("needs --group"));
        assert!(usage(&["t", "--to", "o", "--commit-interval", "0s"]).contains("longer than 0"));
        assert!(usage(&["t", "--to", "o", "--commit-records", "0"]).contains("at least 1"));
        assert!(usage(&["t", "--to", "o", "--acks", "1"]).starts_with("--acks: "));
        assert!(usage(&["t", "--to", "o", "--dead-letter", "d", "--on-error", "skip"]).contains("exclude each other"));
        assert!(usage(&["t", "--to", "o", "-H", "x"]).contains("expected NAME=VALUE"));
        assert_eq!(
            usage(&["t", "--to", "o", "--to-X", "acks"]),
            "--to-X acks: expected KEY=VALUE"
        );
        assert!(!usage(&["t", "--to", "o", "--to-X", "=s3cret"]).contains("s3cret"));
    }
}
