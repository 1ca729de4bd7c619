//! Durations and points in time as users write them: humantime durations (`250ms`,
//! `1h30m`), and times as RFC 3339, epoch milliseconds, or relative to now (`-15m`).
//! Shared by consume (`--from @TIME`), offsets (`--at`), gen (`--start`) and count.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Parses a humantime duration, naming the flag in the error.
pub fn parse_duration(flag: &str, text: &str) -> Result<Duration, String> {
    humantime_duration(text.trim())
        .map_err(|e| format!("{flag}: '{text}' is not a duration ({e}); write it as 250ms, 10s, 5m or 1h30m"))
}

/// humantime's parser, kept to inputs it handles: it panics when a sum of huge numbers
/// lands exactly on the largest representable second (found by the `specs` fuzz
/// target), so numbers of more than 9 digits and texts longer than 64 bytes are refused
/// before it sees them — no useful duration needs them.
fn humantime_duration(text: &str) -> Result<Duration, String> {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run > 9 {
            return Err("a number that large is not a duration".to_string());
        }
    }
    if text.len() > 64 {
        return Err("too long".to_string());
    }
    humantime::parse_duration(text).map_err(|e| e.to_string())
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Parses a point in time: RFC 3339 (`2026-11-28T10:00:00Z`), epoch milliseconds
/// (`1764316800123`), or relative to `now_ms` (`-1h`, `-15m`, `+5s`).
pub fn parse_time(text: &str, now_ms: i64) -> Result<i64, String> {
    let t = text.trim();
    let bad = |why: &str| {
        format!(
            "'{text}' is not a time ({why}); write RFC 3339 (2026-11-28T10:00:00Z), \
             epoch milliseconds, or a time relative to now (-15m)"
        )
    };
    if t.is_empty() {
        return Err(bad("empty"));
    }
    if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('+')) {
        if rest.starts_with(|c: char| c.is_ascii_digit()) && !rest.bytes().all(|b| b.is_ascii_digit()) {
            let d = humantime_duration(rest).map_err(|e| bad(&e))?;
            let ms = i64::try_from(d.as_millis()).map_err(|_| bad("too far away"))?;
            return Ok(if t.starts_with('-') {
                now_ms.saturating_sub(ms)
            } else {
                now_ms.saturating_add(ms)
            });
        }
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<i64>().map_err(|_| bad("too large"));
    }
    let dt = OffsetDateTime::parse(t, &Rfc3339).map_err(|e| bad(&e.to_string()))?;
    i64::try_from(dt.unix_timestamp_nanos() / 1_000_000).map_err(|_| bad("out of range"))
}

/// A JSON number used as a time: below 100,000,000,000 it is seconds, above milliseconds.
pub fn number_to_ms(n: f64) -> i64 {
    if n.abs() < 100_000_000_000.0 {
        (n * 1000.0).round() as i64
    } else {
        n.round() as i64
    }
}

/// Formats epoch milliseconds as RFC 3339 in UTC, with milliseconds only when not whole
/// seconds: `2026-11-28T10:00:00Z`, `2026-11-28T10:00:00.250Z`.
pub fn format_rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let milli = ms.rem_euclid(1000);
    let Ok(dt) = OffsetDateTime::from_unix_timestamp(secs) else {
        return ms.to_string();
    };
    let (y, mo, d) = (dt.year(), dt.month() as u8, dt.day());
    let (h, mi, s) = (dt.hour(), dt.minute(), dt.second());
    if milli == 0 {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    } else {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_every_form() {
        let now = 1_764_316_800_000;
        assert_eq!(parse_time("1764316800123", now), Ok(1_764_316_800_123));
        assert_eq!(parse_time("2025-11-28T08:00:00Z", now), Ok(1_764_316_800_000));
        assert_eq!(parse_time("2025-11-28T09:00:00.5+01:00", now), Ok(1_764_316_800_500));
        assert_eq!(parse_time("-15m", now), Ok(now - 900_000));
        assert_eq!(parse_time("-1h30m", now), Ok(now - 5_400_000));
        assert_eq!(parse_time("+5s", now), Ok(now + 5000));
        assert!(parse_time("yesterday", now).is_err());
        assert!(parse_time("", now).is_err());
        assert!(parse_time("-", now).is_err());
        assert!(parse_time("99999999999999999999999", now).is_err());
    }

    #[test]
    fn durations_name_the_flag() {
        assert_eq!(parse_duration("--timeout", "250ms"), Ok(Duration::from_millis(250)));
        let e = parse_duration("--timeout", "soon").unwrap_err();
        assert!(e.starts_with("--timeout: 'soon'"), "{e}");
        // Regression (fuzz target `specs`): humantime panicked on sums that reach the
        // largest second; such inputs are refused first.
        let huge = format!("{}5555545452", "0".repeat(267));
        assert!(parse_duration("--x", &huge).is_err());
        assert!(parse_time(&format!("-{huge}m"), 0).is_err());
        assert_eq!(
            parse_duration("--x", "999999999ms"),
            Ok(Duration::from_millis(999_999_999))
        );
    }

    #[test]
    fn numbers_as_times() {
        assert_eq!(number_to_ms(1_764_316_800.0), 1_764_316_800_000);
        assert_eq!(number_to_ms(1_764_316_800_123.0), 1_764_316_800_123);
    }

    #[test]
    fn rfc3339_output() {
        assert_eq!(format_rfc3339(1_764_316_800_000), "2025-11-28T08:00:00Z");
        assert_eq!(format_rfc3339(1_764_316_800_250), "2025-11-28T08:00:00.250Z");
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59.999Z");
    }
}
