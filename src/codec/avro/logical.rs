//! Avro's logical types as the text eddy shows them and reads back: the proleptic
//! Gregorian calendar (dates, RFC 3339 timestamps in UTC, local timestamps without an
//! offset, times of day), written digit by digit into the output without allocating,
//! and decimals, whose unscaled two's-complement integer of any length becomes an exact
//! decimal string ("12.50") and back.
//!
//! A date or timestamp outside the years 0000-9999 has no RFC 3339 form; the writers
//! then answer `false` and the caller writes the underlying integer instead, which the
//! readers accept too, so nothing is lost.

use super::schema::Unit;

const SECONDS_PER_DAY: i64 = 86_400;

/// (year, month, day) of a day counted from 1970-01-01, after H. Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The day count of a valid (year, month, day).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn push_digits(out: &mut Vec<u8>, mut n: u64, width: usize) {
    let start = out.len();
    out.resize(start + width, b'0');
    for slot in out[start..].iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// A date or time built on the stack and appended once: a timestamp's ~30 bytes then
/// cost one capacity check, not one per piece (it is on every Avro record that has one).
struct Stack {
    buf: [u8; 40],
    len: usize,
}

impl Stack {
    fn new() -> Stack {
        Stack { buf: [0; 40], len: 0 }
    }

    fn byte(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// `n` in exactly `width` digits (callers pass values that fit).
    fn digits(&mut self, mut n: u64, width: usize) {
        let end = self.len + width;
        for slot in self.buf[self.len..end].iter_mut().rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.len = end;
    }

    /// `YYYY-MM-DD`; false outside the years 0000-9999.
    fn date(&mut self, days: i64) -> bool {
        let (year, month, day) = civil_from_days(days);
        if !(0..=9999).contains(&year) {
            return false;
        }
        self.digits(year as u64, 4);
        self.byte(b'-');
        self.digits(u64::from(month), 2);
        self.byte(b'-');
        self.digits(u64::from(day), 2);
        true
    }

    /// `HH:MM:SS.f...` with `digits` fraction digits (3, 6 or 9): at most 32 bytes
    /// with the quotes, date and zone.
    fn time(&mut self, second_of_day: i64, fraction: i64, digits: u32) {
        self.digits((second_of_day / 3600) as u64, 2);
        self.byte(b':');
        self.digits((second_of_day / 60 % 60) as u64, 2);
        self.byte(b':');
        self.digits((second_of_day % 60) as u64, 2);
        self.byte(b'.');
        self.digits(fraction as u64, digits as usize);
    }

    fn append_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.buf[..self.len]);
    }
}

/// Writes a date (days since 1970-01-01) as a quoted `YYYY-MM-DD`.
pub fn write_date(out: &mut Vec<u8>, days: i32) -> bool {
    let mut text = Stack::new();
    text.byte(b'"');
    if !text.date(i64::from(days)) {
        return false;
    }
    text.byte(b'"');
    text.append_to(out);
    true
}

/// Writes a time of day as a quoted `HH:MM:SS.fff` (or `.ffffff` for micros); a value
/// outside one day has no such form.
pub fn write_time(out: &mut Vec<u8>, value: i64, unit: Unit) -> bool {
    let per_second = unit.per_second();
    if !(0..SECONDS_PER_DAY * per_second).contains(&value) {
        return false;
    }
    let mut text = Stack::new();
    text.byte(b'"');
    text.time(value / per_second, value % per_second, unit.digits());
    text.byte(b'"');
    text.append_to(out);
    true
}

/// Writes a timestamp as a quoted RFC 3339 string in UTC (`...Z`), or without an
/// offset when `local`, with as many fraction digits as the unit has.
pub fn write_timestamp(out: &mut Vec<u8>, value: i64, unit: Unit, local: bool) -> bool {
    let per_second = unit.per_second();
    let seconds = value.div_euclid(per_second);
    let mut text = Stack::new();
    text.byte(b'"');
    if !text.date(seconds.div_euclid(SECONDS_PER_DAY)) {
        return false;
    }
    text.byte(b'T');
    text.time(
        seconds.rem_euclid(SECONDS_PER_DAY),
        value.rem_euclid(per_second),
        unit.digits(),
    );
    if !local {
        text.byte(b'Z');
    }
    text.byte(b'"');
    text.append_to(out);
    true
}

/// A cursor over ASCII text, for the strict grammars below.
struct Text<'a>(&'a [u8]);

impl Text<'_> {
    fn number(&mut self, width: usize) -> Option<u32> {
        let digits = self.0.get(..width)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[width..];
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    fn eat(&mut self, options: &[u8]) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        options.contains(&first).then(|| {
            self.0 = rest;
            first
        })
    }

    /// `.digits` if present, as a count in `unit`; more digits than the unit holds are
    /// accepted only when they are zeros (nothing would be lost).
    fn fraction(&mut self, unit: Unit) -> Option<i64> {
        if self.eat(b".").is_none() {
            return Some(0);
        }
        let len = self.0.iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        let (digits, rest) = self.0.split_at(len);
        self.0 = rest;
        let wanted = unit.digits() as usize;
        if digits.iter().skip(wanted).any(|&d| d != b'0') {
            return None;
        }
        let mut value = 0i64;
        for i in 0..wanted {
            value = value * 10 + i64::from(digits.get(i).map_or(0, |d| d - b'0'));
        }
        Some(value)
    }

    fn date(&mut self) -> Option<i64> {
        let year = self.number(4)?;
        self.eat(b"-")?;
        let month = self.number(2)?;
        self.eat(b"-")?;
        let day = self.number(2)?;
        let year = i64::from(year);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(days_from_civil(year, month, day))
    }

    /// `HH:MM:SS[.fff]` as (second of day, fraction in `unit`).
    fn time(&mut self, unit: Unit) -> Option<(i64, i64)> {
        let hour = self.number(2)?;
        self.eat(b":")?;
        let minute = self.number(2)?;
        self.eat(b":")?;
        let second = self.number(2)?;
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let fraction = self.fraction(unit)?;
        Some((i64::from(hour * 3600 + minute * 60 + second), fraction))
    }

    fn end(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }
}

/// `YYYY-MM-DD` as days since 1970-01-01.
pub fn parse_date(text: &str) -> Option<i32> {
    let mut t = Text(text.as_bytes());
    let days = t.date()?;
    t.end()?;
    i32::try_from(days).ok()
}

/// `HH:MM:SS[.fraction]` as a count of `unit` since midnight.
pub fn parse_time(text: &str, unit: Unit) -> Option<i64> {
    let mut t = Text(text.as_bytes());
    let (second, fraction) = t.time(unit)?;
    t.end()?;
    Some(second * unit.per_second() + fraction)
}

/// An RFC 3339 timestamp (`T`, `t` or a space between date and time; `Z` or an offset)
/// as a count of `unit` since the epoch; for a local timestamp, the same without an
/// offset, read as if it were UTC.
pub fn parse_timestamp(text: &str, unit: Unit, local: bool) -> Option<i64> {
    let mut t = Text(text.as_bytes());
    let days = t.date()?;
    t.eat(b"Tt ")?;
    let (second, fraction) = t.time(unit)?;
    let offset = if local {
        0
    } else {
        match t.eat(b"Zz+-")? {
            b'Z' | b'z' => 0,
            sign => {
                let hours = t.number(2)?;
                t.eat(b":")?;
                let minutes = t.number(2)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let offset = i64::from(hours * 3600 + minutes * 60);
                if sign == b'-' { -offset } else { offset }
            }
        }
    };
    t.end()?;
    let seconds = days * SECONDS_PER_DAY + second - offset;
    seconds.checked_mul(unit.per_second())?.checked_add(fraction)
}

/// Writes the two's-complement big-endian integer `unscaled` as a quoted decimal with
/// `scale` fraction digits: `[0x04, 0xe2]` with scale 2 is `"12.50"`. Returns how many
/// digits the unscaled integer has (0 for zero), for the caller's precision check.
pub fn write_decimal(out: &mut Vec<u8>, unscaled: &[u8], scale: u32) -> usize {
    out.push(b'"');
    let negative = unscaled.first().is_some_and(|b| b & 0x80 != 0);
    if negative {
        out.push(b'-');
    }
    let start = out.len();
    if unscaled.len() <= 16 {
        let mut bytes = [if negative { 0xff } else { 0 }; 16];
        bytes[16 - unscaled.len()..].copy_from_slice(unscaled);
        let magnitude = i128::from_be_bytes(bytes).unsigned_abs();
        out.extend_from_slice(itoa::Buffer::new().format(magnitude).as_bytes());
    } else {
        big_digits(out, unscaled, negative);
    }
    // Pad to at least one digit before the point, then place it.
    let scale = scale as usize;
    let len = out.len() - start;
    let digits = if out[start..] == *b"0" { 0 } else { len };
    if len <= scale {
        out.splice(start..start, std::iter::repeat_n(b'0', scale + 1 - len));
    }
    if scale > 0 {
        let point = out.len() - scale;
        out.insert(point, b'.');
    }
    out.push(b'"');
    digits
}

/// The magnitude of a long two's-complement integer in decimal digits, by repeated
/// division of base-2^32 limbs by 10^9.
fn big_digits(out: &mut Vec<u8>, unscaled: &[u8], negative: bool) {
    let mut magnitude: Vec<u8> = unscaled.to_vec();
    if negative {
        // Two's complement negation: invert, add one.
        let mut carry = true;
        for b in magnitude.iter_mut().rev() {
            *b = !*b;
            if carry {
                let (v, overflow) = b.overflowing_add(1);
                *b = v;
                carry = overflow;
            }
        }
    }
    // Big-endian limbs of 32 bits.
    let pad = (4 - magnitude.len() % 4) % 4;
    let padded: Vec<u8> = std::iter::repeat_n(0, pad).chain(magnitude).collect();
    let mut limbs: Vec<u32> = padded
        .chunks(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let mut chunks = Vec::new();
    while limbs.iter().any(|&l| l != 0) {
        let mut rem = 0u64;
        for limb in &mut limbs {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        chunks.push(rem as u32);
    }
    match chunks.split_last() {
        None => out.push(b'0'),
        Some((first, rest)) => {
            out.extend_from_slice(itoa::Buffer::new().format(*first).as_bytes());
            for chunk in rest.iter().rev() {
                push_digits(out, u64::from(*chunk), 9);
            }
        }
    }
}

/// A decimal's text (`-12.5`, `12.50`, `1.25e1`, as a string or a JSON number's text)
/// as the unscaled integer for `scale`, in big-endian two's complement: as many bytes
/// as fastavro writes for bytes decimals (`size: None`), or sign-extended to a fixed's
/// `size`. `None` when it has more fraction digits than the scale (other than zeros) or
/// more digits than the precision.
pub fn parse_decimal(text: &str, precision: u32, scale: u32, size: Option<usize>) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        b'+' => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (mantissa, exponent) = match rest.iter().position(|&c| c == b'e' || c == b'E') {
        Some(i) => {
            let exp = std::str::from_utf8(&rest[i + 1..]).ok()?.parse::<i32>().ok()?;
            (&rest[..i], exp)
        }
        None => (rest, 0),
    };
    let (int, frac) = match mantissa.iter().position(|&c| c == b'.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, &[][..]),
    };
    if int.is_empty() && frac.is_empty()
        || !int.iter().chain(frac).all(u8::is_ascii_digit)
        || exponent.unsigned_abs() > 10_000
    {
        return None;
    }
    let small;
    let big;
    let magnitude: &[u8] = match small_magnitude(int, frac, exponent, precision, scale) {
        Some(Some(n)) => {
            small = n.to_be_bytes();
            let first = small.iter().position(|&b| b != 0).unwrap_or(16);
            &small[first..]
        }
        Some(None) => return None,
        None => {
            big = big_magnitude(int, frac, exponent, precision, scale)?;
            &big
        }
    };
    let bit_len = magnitude
        .first()
        .map_or(0, |b| magnitude.len() * 8 - b.leading_zeros() as usize);
    let len = match size {
        // fastavro's length: the magnitude's bits and a sign bit, rounded up to bytes.
        None => (bit_len + 8) / 8,
        Some(size) => size,
    };
    // Room for the magnitude and a sign bit (for a fixed, the precision checked at
    // compile time already guarantees it).
    if bit_len >= len * 8 {
        return None;
    }
    let mut out = vec![0u8; len];
    out[len - magnitude.len()..].copy_from_slice(magnitude);
    if negative && bit_len > 0 {
        let mut carry = true;
        for b in out.iter_mut().rev() {
            *b = !*b;
            if carry {
                let (v, overflow) = b.overflowing_add(1);
                *b = v;
                carry = overflow;
            }
        }
    }
    Some(out)
}

/// The unscaled integer when it fits a u128 without exponent arithmetic (the common
/// case, with no allocation): `Some(None)` when it does not fit the precision or scale,
/// `None` to take the general path.
fn small_magnitude(int: &[u8], frac: &[u8], exponent: i32, precision: u32, scale: u32) -> Option<Option<u128>> {
    if exponent != 0 || int.len() + frac.len() > 38 || scale > 38 {
        return None;
    }
    let mut n = int
        .iter()
        .chain(frac)
        .fold(0u128, |n, &d| n * 10 + u128::from(d - b'0'));
    let (given, wanted) = (frac.len() as u32, scale);
    if given > wanted {
        let divisor = 10u128.pow(given - wanted);
        if n % divisor != 0 {
            return Some(None);
        }
        n /= divisor;
    } else {
        n = n.checked_mul(10u128.pow(wanted - given))?;
    }
    let fits = precision >= 39 || n < 10u128.pow(precision);
    Some(fits.then_some(n))
}

/// The unscaled integer in general: the digits moved to `scale` (trailing digits past
/// it must be zeros), at most `precision` of them, as big-endian magnitude bytes.
fn big_magnitude(int: &[u8], frac: &[u8], exponent: i32, precision: u32, scale: u32) -> Option<Vec<u8>> {
    let mut digits: Vec<u8> = int.iter().chain(frac).map(|d| d - b'0').collect();
    let given_scale = frac.len() as i64 - i64::from(exponent);
    let wanted = i64::from(scale);
    if given_scale > wanted {
        let drop = (given_scale - wanted) as usize;
        let keep = digits.len().saturating_sub(drop);
        if digits[keep..].iter().any(|&d| d != 0) {
            return None;
        }
        digits.truncate(keep);
    } else {
        digits.extend(std::iter::repeat_n(0, (wanted - given_scale) as usize));
    }
    let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    let digits = &digits[first..];
    if digits.len() > precision as usize {
        return None;
    }
    // Little-endian bytes, multiplied by 10 and added to digit by digit.
    let mut le: Vec<u8> = Vec::new();
    for &d in digits {
        let mut carry = u32::from(d);
        for b in &mut le {
            let v = u32::from(*b) * 10 + carry;
            *b = v as u8;
            carry = v >> 8;
        }
        while carry > 0 {
            le.push(carry as u8);
            carry >>= 8;
        }
    }
    le.reverse();
    Some(le)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(write: impl FnOnce(&mut Vec<u8>) -> bool) -> Option<String> {
        let mut out = Vec::new();
        write(&mut out).then(|| String::from_utf8(out).expect("UTF-8"))
    }

    #[test]
    fn the_calendar_round_trips_over_the_four_digit_years() {
        for days in (-719_528..2_932_897).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-719_528), (0, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(text(|o| write_date(o, 0)).as_deref(), Some("\"1970-01-01\""));
        assert_eq!(text(|o| write_date(o, -1)).as_deref(), Some("\"1969-12-31\""));
        assert_eq!(text(|o| write_date(o, 3_000_000)), None);
        assert_eq!(parse_date("2024-02-29"), Some(19_782));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-2-29"), None);
        assert_eq!(
            text(|o| write_time(o, 45_296_789, Unit::Millis)).as_deref(),
            Some("\"12:34:56.789\"")
        );
        assert_eq!(
            text(|o| write_time(o, 1, Unit::Micros)).as_deref(),
            Some("\"00:00:00.000001\"")
        );
        assert_eq!(text(|o| write_time(o, 86_400_000, Unit::Millis)), None);
        assert_eq!(text(|o| write_time(o, -1, Unit::Millis)), None);
        assert_eq!(parse_time("12:34:56.789", Unit::Millis), Some(45_296_789));
        assert_eq!(parse_time("12:34:56", Unit::Micros), Some(45_296_000_000));
        assert_eq!(parse_time("12:34:56.7891", Unit::Millis), None);
        assert_eq!(parse_time("12:34:56.7890", Unit::Millis), Some(45_296_789));
        assert_eq!(parse_time("24:00:00", Unit::Millis), None);
    }

    #[test]
    fn timestamps_are_rfc_3339_in_utc() {
        let ts = |v, unit, local| text(|o| write_timestamp(o, v, unit, local));
        assert_eq!(
            ts(1_795_852_800_123, Unit::Millis, false).as_deref(),
            Some("\"2026-11-28T08:00:00.123Z\"")
        );
        assert_eq!(
            ts(-1, Unit::Micros, false).as_deref(),
            Some("\"1969-12-31T23:59:59.999999Z\"")
        );
        assert_eq!(
            ts(1, Unit::Nanos, true).as_deref(),
            Some("\"1970-01-01T00:00:00.000000001\"")
        );
        assert_eq!(ts(i64::MAX, Unit::Millis, false), None);
        assert_eq!(ts(i64::MIN, Unit::Micros, false), None);
        let p = |s, unit, local| parse_timestamp(s, unit, local);
        assert_eq!(
            p("2026-11-28T08:00:00.123Z", Unit::Millis, false),
            Some(1_795_852_800_123)
        );
        assert_eq!(
            p("2026-11-28T09:00:00.123+01:00", Unit::Millis, false),
            Some(1_795_852_800_123)
        );
        assert_eq!(
            p("2026-11-28 08:00:00z", Unit::Micros, false),
            Some(1_795_852_800_000_000)
        );
        assert_eq!(p("1969-12-31T23:59:59.999999Z", Unit::Micros, false), Some(-1));
        assert_eq!(p("2026-11-28T08:00:00.123", Unit::Millis, false), None);
        assert_eq!(p("2026-11-28T08:00:00.123Z", Unit::Millis, true), None);
        assert_eq!(p("2026-11-28T08:00:00.1234Z", Unit::Millis, false), None);
        assert_eq!(p("9999-12-31T23:59:59.999999999Z", Unit::Nanos, false), None);
    }

    fn decimal(bytes: &[u8], scale: u32) -> String {
        let mut out = Vec::new();
        write_decimal(&mut out, bytes, scale);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn decimals_are_exact_strings() {
        assert_eq!(decimal(&[0x04, 0xe2], 2), "\"12.50\"");
        assert_eq!(decimal(&[0xfb], 2), "\"-0.05\"");
        assert_eq!(decimal(&[0x00], 3), "\"0.000\"");
        assert_eq!(decimal(&[], 0), "\"0\"");
        assert_eq!(decimal(&[0x80], 0), "\"-128\"");
        // 2^160 - 1 as 21 bytes (past the i128 path), and its negation.
        let mut big = vec![0u8];
        big.extend([0xff; 20]);
        assert_eq!(
            decimal(&big, 4),
            "\"146150163733090291820368483271628301965593254.2975\""
        );
        let mut neg = vec![0xff];
        neg.extend([0x00; 19]);
        neg.push(0x01);
        assert_eq!(
            decimal(&neg, 0),
            "\"-1461501637330902918203684832716283019655932542975\""
        );
    }

    #[test]
    fn decimals_read_back_to_fastavro_bytes() {
        let p = |t, precision, scale, size| parse_decimal(t, precision, scale, size);
        assert_eq!(p("12.50", 10, 2, None), Some(vec![0x04, 0xe2]));
        assert_eq!(p("12.5", 10, 2, None), Some(vec![0x04, 0xe2]));
        assert_eq!(p("1.25e1", 10, 2, None), Some(vec![0x04, 0xe2]));
        assert_eq!(p("-0.05", 10, 2, None), Some(vec![0xfb]));
        assert_eq!(p("0", 10, 2, None), Some(vec![0x00]));
        assert_eq!(p("-128", 10, 0, None), Some(vec![0xff, 0x80]));
        assert_eq!(p("12.505", 10, 2, None), None);
        assert_eq!(p("12.500", 10, 2, None), Some(vec![0x04, 0xe2]));
        assert_eq!(p("123456789.01", 10, 2, None), None);
        assert_eq!(p("-1", 4, 0, Some(3)), Some(vec![0xff, 0xff, 0xff]));
        assert_eq!(p("", 4, 0, None), None);
        assert_eq!(p("1.2.3", 4, 0, None), None);
        assert_eq!(p("1e99999", 4, 0, None), None);
        let big = "146150163733090291820368483271628301965593254.2975";
        let bytes = p(big, 60, 4, None).expect("fits");
        assert_eq!(decimal(&bytes, 4), format!("\"{big}\""));
        let neg = format!("-{big}");
        let bytes = p(&neg, 60, 4, Some(30)).expect("fits");
        assert_eq!(bytes.len(), 30);
        assert_eq!(decimal(&bytes, 4), format!("\"{neg}\""));
    }

    proptest::proptest! {
        #[test]
        fn the_fast_decimal_path_agrees_with_the_general_one(
            int in "[0-9]{1,20}",
            frac in "[0-9]{0,20}",
            precision in 1u32..45,
            scale in 0u32..12,
        ) {
            let (int, frac) = (int.as_bytes(), frac.as_bytes());
            if let Some(small) = small_magnitude(int, frac, 0, precision, scale) {
                let general = big_magnitude(int, frac, 0, precision, scale);
                let small = small.map(|n| {
                    let bytes = n.to_be_bytes();
                    bytes[bytes.iter().position(|&b| b != 0).unwrap_or(16)..].to_vec()
                });
                proptest::prop_assert_eq!(small, general);
            }
        }
    }
}
