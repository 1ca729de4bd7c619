//! The common case of a string written into JSON: printable ASCII with nothing to
//! escape, copied as it is between its quotes. The decode walks ask this first, eight
//! bytes at a time, and give every other string to their exact escapers (jq's or
//! serde_json's, which differ on DEL), so the output is the same either way; most
//! strings in records (ids, names, codes) skip both the byte-by-byte escape loop and
//! the UTF-8 check.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether some byte of the word is zero (exact as a yes/no: a borrow can only mark
/// bytes above a zero one).
#[inline]
fn has_zero(x: u64) -> bool {
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Whether a word of eight bytes holds one that is not plain: below 0x20, DEL or
/// above (non-ASCII), `"` or `\`. It may say yes for a plain word (never no for one
/// that is not), which only sends that string to the exact path.
#[inline]
fn word_needs_care(x: u64) -> bool {
    let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0;
    let high = (x.wrapping_add(ONES) | x) & HIGHS != 0;
    control || high || has_zero(x ^ (ONES * u64::from(b'"'))) || has_zero(x ^ (ONES * u64::from(b'\\')))
}

fn byte_is_plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\'
}

/// Whether `bytes` is printable ASCII without `"` or `\`: valid UTF-8 that every JSON
/// writer copies unchanged.
#[inline]
pub(crate) fn is_plain(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if word_needs_care(x) {
            return false;
        }
    }
    words.remainder().iter().all(|&b| byte_is_plain(b))
}

/// Appends `bytes` as a JSON string when [`is_plain`]; false (and nothing written)
/// when it is not.
#[inline]
pub(crate) fn write_if_plain(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    if !is_plain(bytes) {
        return false;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    out.extend_from_slice(bytes);
    out.push(b'"');
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_in_every_position_is_judged_as_the_byte_table_does() {
        for b in 0..=255u8 {
            for len in [1, 7, 8, 9, 16, 17] {
                for at in 0..len {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    assert_eq!(is_plain(&s), byte_is_plain(b), "byte {b:#04x} at {at} of {len}");
                }
            }
        }
        assert!(is_plain(b""));
        assert!(is_plain(b"user-004242@example.org"));
        assert!(!is_plain("café".as_bytes()));
    }

    #[test]
    fn plain_strings_are_quoted_others_left_alone() {
        let mut out = Vec::new();
        assert!(write_if_plain(&mut out, b"DE"));
        assert!(!write_if_plain(&mut out, b"a\"b"));
        assert_eq!(out, b"\"DE\"");
    }
}
