//! Entry points for the fuzz targets in `fuzz/` (run with `cargo fuzz`), and for the
//! replay of their committed corpus in `cargo test`: each takes arbitrary bytes, feeds
//! them to one of eddy's parsers, and checks what must hold whatever the input — no
//! panic, and for the envelope a byte-exact round trip of everything it accepts.

use std::io::Write;

use crate::cli::Global;
use crate::codec::{read_envelope, write_envelope};
use crate::config;
use crate::input::{Next, Reader};
use crate::offsets::{OffsetSpec, UntilSpec};
use crate::output::Format;
use crate::record::{Record, View};
use crate::times::{parse_duration, parse_time};

/// The envelope decoder; whatever it accepts must encode and decode to the same record.
pub fn envelope(data: &[u8]) {
    let Ok(record) = read_envelope(data) else { return };
    let view = View {
        topic: "t",
        partition: record.partition.unwrap_or(0),
        offset: 0,
        timestamp: record.timestamp,
        key: record.key.as_deref(),
        value: record.value.as_deref(),
    };
    let mut out = Vec::new();
    write_envelope(
        &mut out,
        &view,
        record.headers.iter().map(|(n, v)| (n.as_str(), v.as_deref())),
    );
    let again = read_envelope(&out).unwrap_or_else(|e| panic!("the encoder wrote what the decoder refuses: {e}"));
    let expected = Record {
        partition: Some(view.partition),
        ..record
    };
    assert_eq!(again, expected, "round trip");
}

/// The record reader over a file of these bytes, with JSON validation of each line
/// (the scanner and serde_json agreeing).
pub fn json_lines(data: &[u8]) {
    let Ok(mut file) = tempfile_with(data) else { return };
    let delimiter = data.first().copied().unwrap_or(b'\n');
    for delim in [b'\n', delimiter] {
        let mut reader = Reader::new(&[file.0.clone()], delim);
        let mut last_line = 0;
        loop {
            match reader.next_record() {
                Ok(Next::Record(bytes, position)) => {
                    assert!(position.line > last_line);
                    last_line = position.line;
                    assert!(!bytes.contains(&delim));
                    json_validate(bytes.trim_ascii());
                }
                Ok(Next::Idle | Next::Dry) => {}
                Ok(Next::End) | Err(_) => break,
            }
        }
    }
    let _ = file.1.flush();
}

/// produce's validate-only scanner against serde_json, which it replaced: the same
/// yes or no for every input (and serde_json's message for every no). The input is
/// also cut at each newline and the pieces checked one after another by one scanner,
/// as produce checks lines, so that each line after the first is also tried against
/// the shape the scanner kept from the line it last accepted.
pub fn json_validate(data: &[u8]) {
    let mut check = crate::input::JsonCheck::default();
    let pieces = std::iter::once(data).chain(data.split(|&b| b == b'\n').filter(|_| data.contains(&b'\n')));
    for text in pieces {
        let serde = serde_json::from_slice::<serde::de::IgnoredAny>(text);
        assert_eq!(
            check.accepts(text),
            serde.is_ok(),
            "the scanner and serde_json disagree on {:?} (after {:?})",
            String::from_utf8_lossy(text),
            String::from_utf8_lossy(data)
        );
        if let Err(e) = serde {
            assert_eq!(check.check(text), Err(format!("not JSON: {e}")));
        }
    }
}

fn tempfile_with(data: &[u8]) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    let path = std::env::temp_dir().join(format!("eddy-fuzz-{}", std::process::id()));
    let mut f = std::fs::File::create(&path)?;
    f.write_all(data)?;
    Ok((path, f))
}

/// Offset and until specs, times and durations.
pub fn specs(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let now = 1_764_316_800_000;
    let _ = OffsetSpec::parse(text, now);
    let _ = UntilSpec::parse(text, now);
    let _ = parse_time(text, now);
    let _ = parse_duration("--fuzz", text);
}

/// `--format` templates, rendered on a record, and jq filters (gen templates) compiled.
pub fn templates(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(format) = Format::parse(text) {
        let view = View {
            topic: "t",
            partition: 1,
            offset: 2,
            timestamp: Some(3),
            key: Some(b"k"),
            value: Some(b"{\"a\":1}"),
        };
        let mut out = Vec::new();
        format.render(&mut out, &view, [("h", Some(&b"v"[..]))].into_iter());
    }
    // jq filters are only compiled: running arbitrary ones may rightly never end.
    let _ = crate::jq::Filter::compile_flag("--fuzz", text);
}

/// A config file: parsed, resolved, described (redacted), with a context chosen.
pub fn config_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok((path, _f)) = tempfile_with(text.as_bytes()) else {
        return;
    };
    let env = |k: &str| (k == "X").then(|| "secret-value".to_string());
    for context in [None, Some("a".to_string())] {
        let global = Global {
            config_file: Some(path.clone()),
            context: context.clone(),
            ..Global::default()
        };
        if let Ok(settings) = config::resolve(&global, &env) {
            let shown = settings.describe();
            // Every secret is shown masked (the same text may rightly appear under
            // another, non-secret name: the fuzzer found that).
            for (k, _) in settings.properties.iter().filter(|(k, _)| config::is_secret(k)) {
                assert!(shown.contains(&format!("  {k} = ********\n")), "secret {k} not masked");
            }
        }
    }
}

/// Filters the fast path knows, one chosen by the first byte of the input.
const FAST_FILTERS: [&str; 27] = [
    ".",
    ".a",
    ".a.b",
    "select(.a > 1)",
    "select(.a == \"x\" or .b != null) | {a, c: .b.c}",
    "select(.a < .b) | .c",
    "select(.a) | {a: (.b >= 2.5)}",
    "{x: .a, y: 1, z: \"s\"}",
    ".a | ascii_upcase",
    "select(.a | startswith(\"u1\")) | .b",
    ".a * 2 + .b",
    "if .a > 9 then \"h\" elif .a > 1 then .b else .c end",
    "{a, w: .b, c: (.a * 100), d: {a, b}}",
    "del(.a) | .t = \"x\"",
    ".a |= . + 1",
    "to_entries | map(select(.key != \"a\")) | from_entries",
    "with_entries(.value |= tostring)",
    "\"\\(.a)-\\(.b): \\(.c)\"",
    ".a | split(\"-\") | .[1] | tonumber",
    "[.a, .b, .c] | @csv",
    "[.a, .b] | @tsv",
    "tojson | length",
    ".a | ltrimstr(\"x\") | length",
    ".a / .b - .c % 3",
    "select(.a | test(\"^x+1\")) | .b",
    ".a | capture(\"(?<n>[0-9]+)\") | .n",
    ".a | sub(\"^u\"; \"v-\")",
];

thread_local! {
    static COMPILED: Vec<crate::jq::Filter> = FAST_FILTERS
        .iter()
        .map(|code| crate::jq::Filter::compile_flag("--fuzz", code).expect("compiles"))
        .collect();
}

/// The filters' fast path on arbitrary records: whenever it answers, it must answer
/// exactly as the interpreter does (and the scan must never panic).
pub fn fast_path(data: &[u8]) {
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    COMPILED.with(|filters| {
        let filter = &filters[usize::from(pick) % filters.len()];
        assert!(filter.is_fast());
        if let Some(why) = crate::jq::fast_path_disagrees(filter, input) {
            panic!("{why}");
        }
    });
}

/// Avro schemas the `avro` target picks from by the first byte: every type and logical
/// type, a recursive list, items that take no bytes, and an ambiguous union.
const AVRO_SCHEMAS: [&str; 4] = [
    include_str!("../tests/python/avro_all_types.avsc"),
    r#"{"type":"record","name":"L","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","L"]}]}"#,
    r#"{"type":"array","items":{"type":"map","values":"null"}}"#,
    r#"{"type":"map","values":["int","long","float","double","string","bytes",{"type":"fixed","name":"F","size":3},{"type":"enum","name":"E","symbols":["A"]},"boolean","null"]}"#,
];

thread_local! {
    static AVRO: Vec<crate::codec::avro::AvroCodec> = AVRO_SCHEMAS
        .iter()
        .map(|text| {
            let source = crate::codec::schema::SchemaSource {
                kind: crate::codec::schema::SchemaKind::Avro,
                text: text.to_string(),
                references: Vec::new(),
            };
            crate::codec::avro::compile(&source, Default::default()).expect("compiles")
        })
        .collect();
}

/// The Avro decoder on arbitrary payloads, and the encoder on arbitrary JSON: whatever
/// one accepts, the other must take back, and a second trip must change nothing.
pub fn avro(data: &[u8]) {
    use crate::codec::schema::SchemaCodec;
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    AVRO.with(|codecs| {
        let codec = &codecs[usize::from(pick) % codecs.len()];
        let mut json = Vec::new();
        if codec.decode(&[], input, &mut json).is_ok() {
            let mut bytes = Vec::new();
            codec
                .encode(&json, &mut bytes)
                .unwrap_or_else(|e| panic!("the decoder wrote what the encoder refuses: {e}"));
            let mut again = Vec::new();
            codec.decode(&[], &bytes, &mut again).expect("re-encoded bytes decode");
            assert_eq!(again, json, "decode → encode → decode");
        }
        let mut bytes = Vec::new();
        if codec.encode(input, &mut bytes).is_ok() {
            assert!(
                serde_json::from_slice::<serde_json::Value>(input).is_ok(),
                "the encoder took what is not JSON"
            );
            let mut json = Vec::new();
            codec
                .decode(&[], &bytes, &mut json)
                .unwrap_or_else(|e| panic!("the encoder wrote what the decoder refuses: {e}"));
            let mut again = Vec::new();
            codec.encode(&json, &mut again).expect("decoded JSON encodes");
            assert_eq!(again, bytes, "encode → decode → encode");
        }
    });
}

/// The longest filter `filters` runs: short enough that no filter can build more than
/// a few thousand values by doubling them (`[.,.] | [.,.] | ...`).
const RUN_FILTER_MAX: usize = 64;

/// Names that let a short filter run for ever, or build huge values: recursion,
/// generators of any length, repetition, substitution (which may loop on empty matches).
const UNBOUNDED: [&str; 13] = [
    "def",
    "range",
    "repeat",
    "recurse",
    "while",
    "until",
    "limit",
    "combinations",
    "pow",
    "exp",
    "splits",
    "input",
    "sub",
];

/// Whether a fuzzed filter (`code`, from `data`) could rightly run for ever or build
/// values of gigabytes: too long, a generator in `UNBOUNDED`, multiplication, or a
/// number of four digits or more in the filter or its input (`.[.n] = 1` grows an array
/// to `.n` elements).
fn might_run_long(data: &[u8], code: &str) -> bool {
    let big_number = data
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) || (w[0].is_ascii_digit() && w[1] == b'e'));
    code.len() > RUN_FILTER_MAX || big_number || code.contains(['*', '#']) || UNBOUNDED.iter().any(|n| code.contains(n))
}

/// A jq filter (the first line) run on a JSON value (the rest), with jq forms that are
/// rewritten before jaq sees them (`?//`, `$__loc__`, `.5`, ...): no panic, and every
/// error a value. Filters that could rightly never end, or build values of gigabytes,
/// are left out (`UNBOUNDED`, multiplication, numbers of four digits or more).
pub fn filters(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (code, input) = text.split_once('\n').unwrap_or((text, "null"));
    if might_run_long(data, code) || code.contains("..") {
        return;
    }
    let Ok(filter) = crate::jq::Filter::compile_flag("--fuzz", code) else {
        return;
    };
    let mut outputs = 0;
    let _ = filter.run_bytes(input.as_bytes(), |_| {
        outputs += 1;
        if outputs > 1000 {
            crate::jq::Flow::Stop
        } else {
            crate::jq::Flow::Continue
        }
    });
}

/// Projection on arbitrary filters and inputs (the first line, then JSON values): a
/// filter it projects must give the same outputs and errors on projected inputs as on
/// whole ones, and the projecting reader must read what the parser reads, cut. Filters
/// that could run long are left out as in `filters`.
pub fn projection(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (code, input) = text.split_once('\n').unwrap_or((text, "{\"a\":1}"));
    if might_run_long(data, code) || input.len() > 4096 {
        return;
    }
    if let Some(why) = crate::jq::projection_disagrees(code, input.as_bytes()) {
        panic!("{why}");
    }
}
