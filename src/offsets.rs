//! The one grammar of offsets and times, behind `consume --from/--until`, `offsets --at`
//! and `groups reset --to`. A spec is a word (`beginning` = `earliest` = `start`, `end` =
//! `latest`, `stored` = `committed`), an offset, `-N` (N before the end), or `@TIME`
//! (RFC 3339, epoch ms, or relative to now: see `times`). Each flag takes the part of
//! the grammar that makes sense for it and names itself in its errors.

use crate::times::parse_time;

/// Where to start reading a partition (`--from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetSpec {
    Beginning,
    End,
    Stored,
    Offset(i64),
    /// N records before the end.
    Tail(i64),
    /// The first record at or after this time (epoch ms).
    Time(i64),
}

/// Where to stop reading a partition, exclusive (`--until`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UntilSpec {
    /// The end (the last stable offset) when consuming started.
    End,
    Offset(i64),
    Time(i64),
}

/// Where `groups reset --to` moves a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetTo {
    Earliest,
    Latest,
    Offset(i64),
    Time(i64),
}

/// What the grammar read, before a flag says whether it takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spec {
    Beginning,
    End,
    Stored,
    Offset(i64),
    Tail(i64),
    Time(i64),
}

/// Why a text is not a spec: a bad time (with its own explanation), a bad `-N`, or
/// nothing the grammar knows.
#[derive(Debug)]
enum Bad {
    Time(String),
    Tail,
    Unknown,
}

fn parse(text: &str, now: i64) -> Result<Spec, Bad> {
    let t = text.trim();
    match t {
        "beginning" | "earliest" | "start" => return Ok(Spec::Beginning),
        "end" | "latest" => return Ok(Spec::End),
        "stored" | "committed" => return Ok(Spec::Stored),
        _ => {}
    }
    if let Some(time) = t.strip_prefix('@') {
        return parse_time(time, now).map(Spec::Time).map_err(Bad::Time);
    }
    if let Some(n) = t.strip_prefix('-') {
        return n
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .map(Spec::Tail)
            .ok_or(Bad::Tail);
    }
    t.parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .map(Spec::Offset)
        .ok_or(Bad::Unknown)
}

impl OffsetSpec {
    /// `--from`: every form of the grammar.
    pub fn parse(text: &str, now: i64) -> Result<OffsetSpec, String> {
        match parse(text, now) {
            Ok(Spec::Beginning) => Ok(OffsetSpec::Beginning),
            Ok(Spec::End) => Ok(OffsetSpec::End),
            Ok(Spec::Stored) => Ok(OffsetSpec::Stored),
            Ok(Spec::Offset(o)) => Ok(OffsetSpec::Offset(o)),
            Ok(Spec::Tail(n)) => Ok(OffsetSpec::Tail(n)),
            Ok(Spec::Time(t)) => Ok(OffsetSpec::Time(t)),
            Err(Bad::Time(e)) => Err(format!("--from: {e}")),
            Err(Bad::Tail) => Err(format!("--from: '{text}' is not -N (N records before the end)")),
            Err(Bad::Unknown) => Err(format!(
                "--from: '{text}' is not beginning, end, stored, an offset, -N or @TIME"
            )),
        }
    }
}

impl UntilSpec {
    /// `--until`: `end`, an offset or `@TIME` (a stop before the start means nothing).
    pub fn parse(text: &str, now: i64) -> Result<UntilSpec, String> {
        match parse(text, now) {
            Ok(Spec::End) => Ok(UntilSpec::End),
            Ok(Spec::Offset(o)) => Ok(UntilSpec::Offset(o)),
            Ok(Spec::Time(t)) => Ok(UntilSpec::Time(t)),
            Err(Bad::Time(e)) => Err(format!("--until: {e}")),
            _ => Err(format!("--until: '{text}' is not end, an offset or @TIME")),
        }
    }
}

impl ResetTo {
    /// `groups reset --to`: `earliest`, `latest`, an offset or `@TIME`.
    pub fn parse(text: &str, now: i64) -> Result<ResetTo, String> {
        match parse(text, now) {
            Ok(Spec::Beginning) => Ok(ResetTo::Earliest),
            Ok(Spec::End) => Ok(ResetTo::Latest),
            Ok(Spec::Offset(o)) => Ok(ResetTo::Offset(o)),
            Ok(Spec::Time(t)) => Ok(ResetTo::Time(t)),
            Err(Bad::Time(e)) => Err(format!("--to: {e}")),
            _ => Err(format!("--to {text}: expected earliest, latest, an offset or @TIME")),
        }
    }
}

/// `offsets --at`: a time, with or without the `@` the other flags need to tell a time
/// from an offset (here there is nothing to tell apart).
pub fn parse_at(text: &str, now: i64) -> Result<i64, String> {
    let t = text.trim();
    parse_time(t.strip_prefix('@').unwrap_or(t), now).map_err(|e| format!("--at: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000_000_000;

    #[test]
    fn from_takes_every_form() {
        assert_eq!(OffsetSpec::parse("beginning", NOW), Ok(OffsetSpec::Beginning));
        assert_eq!(OffsetSpec::parse("earliest", NOW), Ok(OffsetSpec::Beginning));
        assert_eq!(OffsetSpec::parse("end", NOW), Ok(OffsetSpec::End));
        assert_eq!(OffsetSpec::parse("latest", NOW), Ok(OffsetSpec::End));
        assert_eq!(OffsetSpec::parse("stored", NOW), Ok(OffsetSpec::Stored));
        assert_eq!(OffsetSpec::parse(" 42 ", NOW), Ok(OffsetSpec::Offset(42)));
        assert_eq!(OffsetSpec::parse("-10", NOW), Ok(OffsetSpec::Tail(10)));
        assert_eq!(OffsetSpec::parse("@-1h", NOW), Ok(OffsetSpec::Time(NOW - 3_600_000)));
        assert_eq!(
            OffsetSpec::parse("@2025-11-28T08:00:00Z", NOW),
            Ok(OffsetSpec::Time(1_764_316_800_000))
        );
        for bad in ["", "-0", "-x", "x", "@", "@soon", "1.5", "--3"] {
            assert!(OffsetSpec::parse(bad, NOW).is_err(), "{bad}");
        }
        let e = OffsetSpec::parse("-x", NOW).unwrap_err();
        assert!(e.contains("is not -N"), "{e}");
        let e = OffsetSpec::parse("@soon", NOW).unwrap_err();
        assert!(e.starts_with("--from: 'soon' is not a time"), "{e}");
    }

    #[test]
    fn until_takes_end_offsets_and_times() {
        assert_eq!(UntilSpec::parse("end", NOW), Ok(UntilSpec::End));
        assert_eq!(UntilSpec::parse("latest", NOW), Ok(UntilSpec::End));
        assert_eq!(UntilSpec::parse("100", NOW), Ok(UntilSpec::Offset(100)));
        assert_eq!(UntilSpec::parse("@1000", NOW), Ok(UntilSpec::Time(1000)));
        for bad in ["-5", "beginning", "earliest", "stored", "x"] {
            let e = UntilSpec::parse(bad, NOW).unwrap_err();
            assert!(e.starts_with("--until: "), "{e}");
        }
    }

    #[test]
    fn reset_to_takes_both_names_of_each_end() {
        for (text, want) in [
            ("earliest", ResetTo::Earliest),
            ("beginning", ResetTo::Earliest),
            ("latest", ResetTo::Latest),
            ("end", ResetTo::Latest),
            ("7", ResetTo::Offset(7)),
            ("@-1m", ResetTo::Time(NOW - 60_000)),
        ] {
            assert_eq!(ResetTo::parse(text, NOW), Ok(want), "{text}");
        }
        let e = ResetTo::parse("stored", NOW).unwrap_err();
        assert_eq!(e, "--to stored: expected earliest, latest, an offset or @TIME");
        assert!(ResetTo::parse("-3", NOW).is_err());
        assert!(ResetTo::parse("@never", NOW).unwrap_err().starts_with("--to: "));
    }

    #[test]
    fn at_is_a_time_with_or_without_at_sign() {
        assert_eq!(parse_at("1764316800123", NOW), Ok(1_764_316_800_123));
        assert_eq!(parse_at("@1764316800123", NOW), Ok(1_764_316_800_123));
        assert_eq!(parse_at("-1s", NOW), Ok(NOW - 1000));
        assert!(parse_at("whenever", NOW).unwrap_err().starts_with("--at: "));
    }

    // Moved from consume.rs as they were.
    #[test]
    fn offset_specs() {
        let now = 1_000_000_000_000;
        assert_eq!(OffsetSpec::parse("beginning", now), Ok(OffsetSpec::Beginning));
        assert_eq!(OffsetSpec::parse("end", now), Ok(OffsetSpec::End));
        assert_eq!(OffsetSpec::parse("stored", now), Ok(OffsetSpec::Stored));
        assert_eq!(OffsetSpec::parse("42", now), Ok(OffsetSpec::Offset(42)));
        assert_eq!(OffsetSpec::parse("-10", now), Ok(OffsetSpec::Tail(10)));
        assert_eq!(OffsetSpec::parse("@-1h", now), Ok(OffsetSpec::Time(now - 3_600_000)));
        assert_eq!(
            OffsetSpec::parse("@1764316800123", now),
            Ok(OffsetSpec::Time(1_764_316_800_123))
        );
        assert_eq!(
            OffsetSpec::parse("@2025-11-28T08:00:00Z", now),
            Ok(OffsetSpec::Time(1_764_316_800_000))
        );
        for bad in ["", "-0", "-x", "x", "@", "@soon", "1.5", "--3"] {
            assert!(OffsetSpec::parse(bad, now).is_err(), "{bad}");
        }
    }

    #[test]
    fn until_specs() {
        let now = 5;
        assert_eq!(UntilSpec::parse("end", now), Ok(UntilSpec::End));
        assert_eq!(UntilSpec::parse("100", now), Ok(UntilSpec::Offset(100)));
        assert_eq!(UntilSpec::parse("@1000", now), Ok(UntilSpec::Time(1000)));
        assert!(UntilSpec::parse("-5", now).is_err());
        assert!(UntilSpec::parse("beginning", now).is_err());
    }
}
