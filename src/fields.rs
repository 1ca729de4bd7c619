//! The fields of a record to send that flags give: fixed headers (`-H NAME=VALUE`), and
//! the key, partition, headers and timestamp that `--key-from`, `--partition-from`,
//! `--header-from` and `--timestamp-from` compute with jq filters from each JSON record.
//! produce and gen (and later pipe) share them.

use crate::cli::RecordArgs;
use crate::error::{Error, Result};
use crate::jq::{Filter, Value};
use crate::record::Headers;
use crate::times::{now_ms, number_to_ms, parse_time};

/// Static headers from `-H NAME=VALUE`.
pub fn parse_headers(headers: &[String]) -> Result<Headers> {
    headers
        .iter()
        .map(|h| {
            h.split_once('=')
                .map(|(n, v)| (n.to_string(), Some(v.as_bytes().to_vec())))
                .ok_or_else(|| Error::usage(format!("--header {h}: expected NAME=VALUE")))
        })
        .collect()
}

/// `--key-from`, `--partition-from`, `--header-from` and `--timestamp-from`: fields of
/// the outgoing record computed by jq filters from each JSON record.
pub struct FieldFilters {
    key: Option<Filter>,
    partition: Option<Filter>,
    headers: Vec<(String, Filter)>,
    timestamp: Option<Filter>,
}

/// What the filters computed for one record.
#[derive(Debug, Default)]
pub struct Fields {
    pub key: Option<Vec<u8>>,
    pub partition: Option<i32>,
    pub headers: Headers,
    pub timestamp: Option<i64>,
}

impl FieldFilters {
    /// Compiles the filters of `--key-from`, `--partition-from`, `--header-from` and
    /// `--timestamp-from`.
    pub fn from_args(args: &RecordArgs) -> Result<FieldFilters> {
        let compile =
            |flag: &str, code: &Option<String>| code.as_deref().map(|c| Filter::compile_flag(flag, c)).transpose();
        let mut headers = Vec::new();
        for h in &args.headers_from {
            let (name, code) = h
                .split_once('=')
                .ok_or_else(|| Error::usage(format!("--header-from {h}: expected NAME=FILTER")))?;
            headers.push((
                name.to_string(),
                Filter::compile_flag(&format!("--header-from {name}"), code)?,
            ));
        }
        Ok(FieldFilters {
            key: compile("--key-from", &args.key_from)?,
            partition: compile("--partition-from", &args.partition_from)?,
            headers,
            timestamp: compile("--timestamp-from", &args.timestamp_from)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.key.is_none() && self.partition.is_none() && self.headers.is_empty() && self.timestamp.is_none()
    }

    /// Validates a JSON record and computes the fields; an error makes it invalid.
    pub fn fields(&self, json: &[u8], partitions: i32) -> std::result::Result<Fields, String> {
        if self.is_empty() {
            serde_json::from_slice::<serde::de::IgnoredAny>(json).map_err(|e| format!("not JSON: {e}"))?;
            return Ok(Fields::default());
        }
        let value = Value::parse_json(json).map_err(|e| format!("not JSON: {e}"))?;
        self.compute(&value, partitions)
    }

    /// The same for an envelope's value (a JSON document or nothing).
    pub fn fields_of_envelope(&self, value: Option<&[u8]>, partitions: i32) -> std::result::Result<Fields, String> {
        if self.is_empty() {
            return Ok(Fields::default());
        }
        let value = match value {
            Some(v) => Value::parse_json(v)
                .map_err(|e| format!("the value is not JSON ({e}), so --key-from and friends cannot read it"))?,
            None => Value::parse_json(b"null").map_err(|e| e.to_string())?,
        };
        self.compute(&value, partitions)
    }

    fn compute(&self, value: &Value, partitions: i32) -> std::result::Result<Fields, String> {
        let mut fields = Fields::default();
        if let Some(f) = &self.key {
            fields.key = one("--key-from", f, value)?.map(|v| bytes_of(&v));
        }
        if let Some(f) = &self.partition {
            if let Some(v) = one("--partition-from", f, value)? {
                let n = v.number().filter(|n| n.fract() == 0.0).ok_or_else(|| {
                    format!(
                        "--partition-from gave {}, not a partition number",
                        String::from_utf8_lossy(&json_of(&v))
                    )
                })?;
                if n < 0.0 || n >= f64::from(partitions) {
                    return Err(format!(
                        "--partition-from gave partition {n}, but the topic has partitions 0 to {}",
                        partitions - 1
                    ));
                }
                fields.partition = Some(n as i32);
            }
        }
        for (name, f) in &self.headers {
            if let Some(v) = one(&format!("--header-from {name}"), f, value)? {
                fields.headers.push((name.clone(), Some(bytes_of(&v))));
            }
        }
        if let Some(f) = &self.timestamp {
            if let Some(v) = one("--timestamp-from", f, value)? {
                fields.timestamp = Some(match (v.number(), v.text()) {
                    (Some(n), _) => number_to_ms(n),
                    (None, Some(t)) => parse_time(&String::from_utf8_lossy(t), now_ms())
                        .map_err(|e| format!("--timestamp-from: {e}"))?,
                    _ => {
                        return Err(format!(
                            "--timestamp-from gave {}, not a time",
                            String::from_utf8_lossy(&json_of(&v))
                        ));
                    }
                });
            }
        }
        Ok(fields)
    }
}

/// The single output of a field filter: none is null, more than one is an error.
fn one(flag: &str, filter: &Filter, value: &Value) -> std::result::Result<Option<Value>, String> {
    let mut outs = filter.outputs(value, 2).map_err(|e| format!("{flag}: {e}"))?;
    match outs.len() {
        0 => Ok(None),
        1 => Ok(outs.pop().filter(|v| !v.is_null())),
        _ => Err(format!("{flag} gave more than one output")),
    }
}

/// A string as its UTF-8 bytes, anything else as compact JSON.
fn bytes_of(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    v.write_text(&mut out);
    out
}

fn json_of(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    v.write_json(&mut out);
    out
}
