//! What one input record becomes in `eddy pipe`: the records to write. Without a
//! filter, codec or route it is copied as it is (key, value bytes, headers,
//! timestamp), with the record flags applied to its value. Otherwise its envelope is
//! written as `consume -f json` writes it (decoded where a codec applies), the filter
//! runs over it, and each output is read back as `produce --input envelope` reads a
//! line: its decoded sides encoded again by the schema they name (or by `--encode`),
//! the record flags computed from its value. All outputs of a record are made before
//! any is sent, so that a record that fails is sent whole to the dead-letter topic or
//! not at all.

use crate::codec::decode::{Decoders, Side};
use crate::codec::encode::{EnvelopeEncoder, EnvelopeFailure};
use crate::codec::{find_schema_header, read_envelope_with_schemas, write_envelope, write_envelope_decoded};
use crate::fields::{FieldFilters, Fields};
use crate::jq::{Filter, Flow, RunError, Scan, Value};
use crate::record::{Header, Headers, Record, View};

pub use crate::codec::encode::Encoders;

/// The stage a record failed at, named in the dead-letter headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Decode,
    Filter,
    Fields,
    Encode,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Filter => "filter",
            Stage::Fields => "fields",
            Stage::Encode => "encode",
        }
    }
}

/// Why a record could not be shaped.
#[derive(Debug)]
pub enum Failure {
    /// This record: dead-lettered, skipped or the end of the run, as the flags say.
    Record(Stage, String),
    /// The run cannot go on (the registry cannot be asked, a filter halted).
    Fatal(String),
}

/// What shaping a record came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shaped {
    /// The outputs are in the list (none: the filter dropped the record).
    Outputs,
    /// The one output is the record itself: copy it as it is, with no envelope read back.
    Copy,
}

/// One record to write: to `topic` (a `--to-from` route) or the `--to` topic.
#[derive(Debug)]
pub struct Out {
    pub topic: Option<String>,
    pub record: Record,
}

pub struct Shaper {
    pub filter: Option<Filter>,
    pub to_from: Option<Filter>,
    pub fields: FieldFilters,
    pub fixed_headers: Headers,
    /// `-k`: the key of every output without a `--key-from`.
    pub key: Option<Vec<u8>>,
    pub keep_partition: bool,
    /// `--to-partition`.
    pub partition: Option<i32>,
    pub null_empty: bool,
    pub decoders: Option<Decoders>,
    pub encoders: Option<Encoders>,
    pub reencoder: EnvelopeEncoder,
    envelope: Vec<u8>,
    json: Vec<u8>,
    /// The jq fast path's scratch space and its output.
    scan: Scan,
    fast: Vec<u8>,
}

impl Shaper {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        filter: Option<Filter>,
        to_from: Option<Filter>,
        fields: FieldFilters,
        fixed_headers: Headers,
        key: Option<Vec<u8>>,
        decoders: Option<Decoders>,
        encoders: Option<Encoders>,
        reencoder: EnvelopeEncoder,
    ) -> Shaper {
        Shaper {
            filter,
            to_from,
            fields,
            fixed_headers,
            key,
            keep_partition: false,
            partition: None,
            null_empty: false,
            decoders,
            encoders,
            reencoder,
            envelope: Vec::new(),
            json: Vec::new(),
            scan: Scan::default(),
            fast: Vec::new(),
        }
    }

    /// Whether records are copied as they are (no envelope, no filter).
    pub fn copies(&self) -> bool {
        self.filter.is_none() && self.to_from.is_none() && self.decoders.is_none() && self.encoders.is_none()
    }

    /// The record flags for a record copied as it is, from its value.
    pub fn copy_fields(&self, value: Option<&[u8]>, partitions: i32) -> Result<Fields, Failure> {
        self.fields
            .fields_of_envelope(value, partitions)
            .map_err(|why| Failure::Record(Stage::Fields, why))
    }

    /// The records one input record becomes, appended to `outs`.
    pub fn shape(
        &mut self,
        view: &View<'_>,
        headers: &[Header],
        partitions: i32,
        outs: &mut Vec<Out>,
    ) -> Result<Shaped, Failure> {
        let pairs = || headers.iter().map(|(n, v)| (n.as_str(), v.as_deref()));
        self.envelope.clear();
        match &mut self.decoders {
            None => write_envelope(&mut self.envelope, view, pairs()),
            Some(d) => {
                let schema_headers = [
                    find_schema_header(pairs(), Side::Key),
                    find_schema_header(pairs(), Side::Value),
                ];
                let failed = write_envelope_decoded(&mut self.envelope, view, pairs(), schema_headers, d)
                    .map_err(|f| Failure::Fatal(f.0))?;
                if let Some((side, why)) = failed.into_iter().next() {
                    return Err(Failure::Record(Stage::Decode, format!("{}: {why}", side.name())));
                }
            }
        }
        let Some(filter) = &self.filter else {
            let envelope = std::mem::take(&mut self.envelope);
            let value = Value::parse_json(&envelope).map_err(|e| Failure::Fatal(e.to_string()));
            self.envelope = envelope;
            return self.output(value?, partitions, outs).map(|()| Shaped::Outputs);
        };
        // The fast path answers most selections without building values: no output is a
        // drop, and an output that is the envelope itself (a select that passed) is the
        // record as it came, when nothing is to be decoded, encoded or routed.
        if filter.is_fast() {
            self.fast.clear();
            match filter.try_fast(&self.envelope, &mut self.scan, false, &mut self.fast) {
                Some(None) => return Ok(Shaped::Outputs),
                Some(Some(_))
                    if self.fast == self.envelope
                        && self.decoders.is_none()
                        && self.encoders.is_none()
                        && self.to_from.is_none() =>
                {
                    return Ok(Shaped::Copy);
                }
                _ => {}
            }
        }
        let mut values = Vec::new();
        let ran = filter.run_bytes(&self.envelope, |v| {
            values.push(v);
            Flow::Continue
        });
        match ran {
            Ok(_) => {}
            Err(RunError::Halt(code)) => {
                return Err(Failure::Fatal(format!("the filter halted with exit code {code}")));
            }
            Err(e) => return Err(Failure::Record(Stage::Filter, e.to_string())),
        }
        let first = outs.len();
        for v in values {
            if let Err(e) = self.output(v, partitions, outs) {
                outs.truncate(first);
                return Err(e);
            }
        }
        Ok(Shaped::Outputs)
    }

    /// One output of the filter, read as `produce --input envelope` reads a line.
    fn output(&mut self, v: Value, partitions: i32, outs: &mut Vec<Out>) -> Result<(), Failure> {
        self.json.clear();
        v.write_json(&mut self.json);
        if self.json.first() != Some(&b'{') {
            let shown = String::from_utf8_lossy(&self.json[..self.json.len().min(80)]).into_owned();
            return Err(Failure::Record(
                Stage::Filter,
                format!("an output is not a record (an object with key, value, headers, ...): {shown}"),
            ));
        }
        let (mut record, notes) =
            read_envelope_with_schemas(&self.json).map_err(|e| Failure::Record(Stage::Filter, e.to_string()))?;
        let topic = match &self.to_from {
            None => None,
            Some(f) => route(f, &v)?,
        };
        let fields = self
            .fields
            .fields_of_envelope(record.value.as_deref(), partitions)
            .map_err(|why| Failure::Record(Stage::Fields, why))?;
        if let Some(encoders) = &self.encoders {
            let (mut key_buf, mut value_buf, mut schema_headers) = (Vec::new(), Vec::new(), Vec::new());
            let (k, v) = encoders
                .encode(
                    record.key.as_deref(),
                    record.value.as_deref(),
                    &mut key_buf,
                    &mut value_buf,
                    &mut schema_headers,
                )
                .map_err(|why| Failure::Record(Stage::Encode, why))?;
            if k {
                record.key = Some(key_buf);
            }
            if v {
                record.value = Some(value_buf);
            }
            record.headers.extend(schema_headers);
        } else {
            // A decoded side with no --encode goes back with its own schema id.
            for (side, note) in [Side::Key, Side::Value].into_iter().zip(notes) {
                let Some(note) = note else { continue };
                let bytes = match side {
                    Side::Key => record.key.as_deref(),
                    Side::Value => record.value.as_deref(),
                };
                let Some(bytes) = bytes else { continue };
                let name = crate::codec::decode::schema_header(side);
                let header_form = record.headers.iter().any(|(n, _)| n == name);
                let mut buf = Vec::new();
                match self.reencoder.encode(side, &note, bytes, header_form, &mut buf) {
                    Ok(()) => {}
                    Err(EnvelopeFailure::Invalid(why)) => return Err(Failure::Record(Stage::Encode, why)),
                    Err(EnvelopeFailure::Fatal(e)) => return Err(Failure::Fatal(e.to_string())),
                }
                match side {
                    Side::Key => record.key = Some(buf),
                    Side::Value => record.value = Some(buf),
                }
            }
        }
        let partition = match (fields.partition, self.keep_partition, record.partition) {
            (Some(p), _, _) => Some(p),
            (None, true, Some(p)) if p < partitions => Some(p),
            (None, true, Some(p)) => {
                return Err(Failure::Record(
                    Stage::Fields,
                    format!("partition {p} does not exist (the topic has {partitions})"),
                ));
            }
            _ => self.partition,
        };
        if fields.key.is_some() {
            record.key = fields.key;
        } else if let Some(k) = &self.key {
            record.key = Some(k.clone());
        }
        if self.null_empty && record.value.as_deref().is_some_and(<[u8]>::is_empty) {
            record.value = None;
        }
        record.headers.extend(fields.headers);
        record.headers.extend(self.fixed_headers.iter().cloned());
        record.partition = partition;
        record.timestamp = fields.timestamp.or(record.timestamp);
        outs.push(Out { topic, record });
        Ok(())
    }
}

/// The topic `--to-from` names for an output: a string, or none (then `--to`).
fn route(filter: &Filter, output: &Value) -> Result<Option<String>, Failure> {
    let outs = filter
        .outputs(output, 2)
        .map_err(|e| Failure::Record(Stage::Filter, format!("--to-from: {e}")))?;
    match outs.as_slice() {
        [] => Ok(None),
        [one] if one.is_null() => Ok(None),
        [one] => match one.text() {
            Some(t) if !t.is_empty() => Ok(Some(String::from_utf8_lossy(t).into_owned())),
            _ => {
                let mut shown = Vec::new();
                one.write_json(&mut shown);
                Err(Failure::Record(
                    Stage::Filter,
                    format!("--to-from gave {}, not a topic name", String::from_utf8_lossy(&shown)),
                ))
            }
        },
        _ => Err(Failure::Record(
            Stage::Filter,
            "--to-from gave more than one topic".to_string(),
        )),
    }
}
