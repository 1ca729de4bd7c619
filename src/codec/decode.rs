//! Schema-directed decoding of what consume reads: for the key and the value each, find
//! the schema a record names (the 5-byte prefix, or the `__key_schema_id` /
//! `__value_schema_id` header), compile it once for the run, and write the payload as
//! one plain JSON value. A record that names no schema is shown as it is, with no error;
//! one that names a schema it does not fit (an unknown id, a truncated payload, bytes the
//! schema cannot read) is a per-record failure with its cause, and the caller still
//! shows its bytes losslessly. Only a registry that cannot be asked at all (refused
//! credentials, down past `--timeout`) ends the run.
//!
//! Where schemas come from is a `Lookup` (the registry client, or a fake in tests); an
//! offline schema (`--schema FILE`) decodes every record, framed or not.

use std::collections::HashMap;
use std::sync::Arc;

use super::registry::{ErrorKind, Registry, RegistryError};
use super::schema::{self, JsonOptions, SchemaCodec, SchemaKind, SchemaSource};
use super::wire::{self, GuidText, SchemaRef, WireError};

/// Where schemas come from by id or GUID, their references fetched.
pub trait Lookup: Send + Sync {
    fn by_id(&self, id: u32) -> Result<SchemaSource, LookupError>;
    /// The schema a GUID names, and its id when the registry says.
    fn by_guid(&self, guid: &[u8; 16]) -> Result<(Option<u32>, SchemaSource), LookupError>;
}

/// Why a lookup gave no schema. `fatal` when no later record can fare better (the
/// credentials were refused, the registry is away past the deadline): the run stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupError {
    pub message: String,
    pub fatal: bool,
}

/// What `--decode` (or `--key-decode` / `--value-decode`) asks of one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeMode {
    /// Show the bytes as they are.
    None,
    /// Decode whatever names a schema, whatever its format; the rest as it is.
    Auto,
    /// Decode records of this format; a record that names no schema, or one of another
    /// format, is a failure.
    Only(SchemaKind),
}

impl DecodeMode {
    /// The mode a flag value names: `auto`, `none`, `avro`, `protobuf`, `json-schema`.
    pub fn from_name(name: &str) -> Option<DecodeMode> {
        match name {
            "auto" => Some(DecodeMode::Auto),
            "none" => Some(DecodeMode::None),
            other => SchemaKind::from_name(other).map(DecodeMode::Only),
        }
    }
}

/// What a decoded value is, for the envelope's `*_schema_id`, `*_format`, ....
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub kind: SchemaKind,
    pub schema_id: Option<u32>,
    pub guid: Option<[u8; 16]>,
    /// Protobuf: the full name of the message.
    pub message: Option<Arc<str>>,
    /// Protobuf: the message-index path, when it is not `[0]`.
    pub index: Option<Vec<i64>>,
}

/// How one side of a record came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Nothing was written: the caller shows the bytes as it always did.
    Raw,
    /// One JSON value was written.
    Decoded(Decoded),
    /// Nothing was written (whatever was, was taken back): the bytes name a schema
    /// they do not fit, for this reason. The caller shows them losslessly.
    Failed(String),
}

/// The run cannot go on: the reason, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Fatal(pub String);

/// A compiled schema and the id it goes by.
type Entry = Result<(Option<u32>, Arc<dyn SchemaCodec>), String>;

/// Decoding of one side (key or value) for a whole run.
pub struct SideDecoder {
    mode: DecodeMode,
    lookup: Option<Arc<dyn Lookup>>,
    /// `--schema FILE`: decodes every record, framed (the id is not asked) or not.
    offline: Option<Arc<dyn SchemaCodec>>,
    opts: JsonOptions,
    /// `--proto-type`: the message of a Protobuf schema to read where the framing does
    /// not say (unframed bytes).
    proto_type: Option<String>,
    compiled: HashMap<SchemaRef, Entry>,
    /// The entry the last record's schema had: a topic's records mostly share one, and
    /// this spares each of them the map's hashing.
    last: Option<(SchemaRef, Entry)>,
    indexes: Vec<i64>,
}

impl std::fmt::Debug for SideDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SideDecoder")
            .field("mode", &self.mode)
            .field("offline", &self.offline)
            .field("compiled", &self.compiled.len())
            .finish()
    }
}

impl SideDecoder {
    pub fn new(
        mode: DecodeMode,
        lookup: Option<Arc<dyn Lookup>>,
        offline: Option<Arc<dyn SchemaCodec>>,
        opts: JsonOptions,
        proto_type: Option<String>,
    ) -> SideDecoder {
        SideDecoder {
            mode,
            lookup,
            offline,
            opts,
            proto_type,
            compiled: HashMap::new(),
            last: None,
            indexes: Vec::new(),
        }
    }

    /// Whether this side decodes at all.
    pub fn is_on(&self) -> bool {
        self.mode != DecodeMode::None
    }

    /// Decodes `bytes` (with the side's schema header, if the record has one) into
    /// `out`.
    pub fn decode(&mut self, bytes: &[u8], header: Option<&[u8]>, out: &mut Vec<u8>) -> Result<Shown, Fatal> {
        if self.mode == DecodeMode::None {
            return Ok(Shown::Raw);
        }
        let start = out.len();
        let shown = self.decode_into(bytes, header, out)?;
        if !matches!(shown, Shown::Decoded(_)) {
            out.truncate(start);
        }
        Ok(shown)
    }

    fn decode_into(&mut self, bytes: &[u8], header: Option<&[u8]>, out: &mut Vec<u8>) -> Result<Shown, Fatal> {
        // Where the schema is named, and the payload with what precedes it for Protobuf.
        let (schema, framing, payload) = match header.map(wire::parse_header_value) {
            Some(Ok(h)) => (Some(h.schema), h.rest, bytes),
            Some(Err(e)) => return Ok(Shown::Failed(format!("the schema header: {e}"))),
            None => match wire::parse_framed(bytes) {
                Ok(f) => (Some(SchemaRef::Id(f.schema_id)), f.payload, f.payload),
                Err(WireError::NotFramed(_)) if self.offline.is_some() => (None, bytes, bytes),
                Err(WireError::NotFramed(_)) if self.mode == DecodeMode::Auto => return Ok(Shown::Raw),
                Err(e) => return Ok(Shown::Failed(e.to_string())),
            },
        };
        let (id, guid, codec) = match (&self.offline, schema) {
            (Some(codec), _) => (schema_id(schema), schema_guid(schema), codec.clone()),
            (None, Some(schema)) => match self.compiled(schema)? {
                Ok((id, codec)) => (id, schema_guid(Some(schema)), codec),
                Err(why) => return Ok(Shown::Failed(why)),
            },
            (None, None) => return Ok(Shown::Raw),
        };
        // Only an error names the schema: not formatted for each record decoded.
        let name = || describe(id, guid);
        let kind = codec.kind();
        if let DecodeMode::Only(wanted) = self.mode {
            if wanted != kind {
                return Ok(Shown::Failed(format!(
                    "{} is {}, not {} (--decode)",
                    name(),
                    kind.name(),
                    wanted.name()
                )));
            }
        }
        let payload = if kind == SchemaKind::Protobuf {
            if schema.is_some() {
                match wire::parse_message_indexes(framing, &mut self.indexes) {
                    // The header form carries the indexes in the header; the record's
                    // bytes are the bare message.
                    Ok(rest) if header.is_none() => rest,
                    Ok(_) => payload,
                    Err(e) => return Ok(Shown::Failed(format!("{}: {e}", name()))),
                }
            } else {
                self.indexes.clear();
                self.indexes.extend(codec.encode_index());
                payload
            }
        } else {
            self.indexes.clear();
            payload
        };
        if let Err(e) = codec.decode(&self.indexes, payload, out) {
            return Ok(Shown::Failed(format!("{} ({}): {e}", name(), kind.name())));
        }
        let protobuf = kind == SchemaKind::Protobuf;
        Ok(Shown::Decoded(Decoded {
            kind,
            schema_id: id,
            guid,
            message: if protobuf {
                codec.message_name(&self.indexes)
            } else {
                None
            },
            index: (protobuf && self.indexes != [0]).then(|| self.indexes.clone()),
        }))
    }

    /// The compiled schema `schema` names, asked for and compiled once per run; a
    /// schema that cannot be had is remembered too (a 404 is an answer).
    fn compiled(&mut self, schema: SchemaRef) -> Result<Entry, Fatal> {
        if let Some((last, entry)) = &self.last {
            if *last == schema {
                return Ok(entry.clone());
            }
        }
        if let Some(entry) = self.compiled.get(&schema) {
            self.last = Some((schema, entry.clone()));
            return Ok(entry.clone());
        }
        let Some(lookup) = &self.lookup else {
            // Framed bytes, but nowhere to ask: shown as they are, as without a registry.
            return Ok(Err(format!(
                "{} needs a schema registry (--registry) or --schema",
                describe(schema_id(Some(schema)), schema_guid(Some(schema)))
            )));
        };
        let found = match schema {
            SchemaRef::Id(id) => lookup.by_id(id).map(|s| (Some(id), s)),
            SchemaRef::Guid(guid) => lookup.by_guid(&guid),
        };
        let entry = match found {
            Err(e) if e.fatal => return Err(Fatal(e.message)),
            Err(e) => Err(e.message),
            Ok((id, source)) => schema::compile(&source, self.proto_type.as_deref(), self.opts)
                .map(|codec| (id, codec))
                .map_err(|e| format!("{}: {e}", describe(id, schema_guid(Some(schema))))),
        };
        self.compiled.insert(schema, entry.clone());
        Ok(entry)
    }
}

fn schema_id(schema: Option<SchemaRef>) -> Option<u32> {
    match schema {
        Some(SchemaRef::Id(id)) => Some(id),
        _ => None,
    }
}

fn schema_guid(schema: Option<SchemaRef>) -> Option<[u8; 16]> {
    match schema {
        Some(SchemaRef::Guid(g)) => Some(g),
        _ => None,
    }
}

/// `schema id 7`, `schema 01234567-...`, or `the --schema file`.
fn describe(id: Option<u32>, guid: Option<[u8; 16]>) -> String {
    match (id, guid) {
        (Some(id), _) => format!("schema id {id}"),
        (None, Some(g)) => format!("schema {}", GuidText(&g)),
        (None, None) => "the --schema file".to_string(),
    }
}

/// Both sides of a record.
#[derive(Debug)]
pub struct Decoders {
    pub key: SideDecoder,
    pub value: SideDecoder,
}

impl Decoders {
    pub fn new(key: SideDecoder, value: SideDecoder) -> Decoders {
        Decoders { key, value }
    }

    pub fn is_on(&self) -> bool {
        self.key.is_on() || self.value.is_on()
    }
}

/// The header a side's schema may be named by in the header form.
pub fn schema_header(side: Side) -> &'static str {
    match side {
        Side::Key => wire::KEY_SCHEMA_ID_HEADER,
        Side::Value => wire::VALUE_SCHEMA_ID_HEADER,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Key,
    Value,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Key => "key",
            Side::Value => "value",
        }
    }
}

/// The registry is where schemas come from: a 404 (or another refusal of one request)
/// fails the record that asked; refused credentials, a registry away past the deadline,
/// or an answer eddy cannot read end the run.
impl Lookup for Registry {
    fn by_id(&self, id: u32) -> Result<SchemaSource, LookupError> {
        self.schema(id).map(|r| r.source.clone()).map_err(lookup_error)
    }

    fn by_guid(&self, guid: &[u8; 16]) -> Result<(Option<u32>, SchemaSource), LookupError> {
        self.schema_by_guid(&GuidText(guid).to_string())
            .map(|r| (r.schema.id, r.source.clone()))
            .map_err(lookup_error)
    }
}

fn lookup_error(e: RegistryError) -> LookupError {
    let fatal = matches!(
        e.kind,
        ErrorKind::Unauthorized | ErrorKind::Unavailable | ErrorKind::Closed | ErrorKind::Invalid
    );
    LookupError {
        message: e.to_string(),
        fatal,
    }
}

/// The registry the settings configure, if any, as a `Lookup`.
pub fn registry_lookup(settings: &crate::config::Settings) -> crate::error::Result<Option<Arc<dyn Lookup>>> {
    if settings.registry.is_none() && !settings.registry_bare {
        return Ok(None);
    }
    Ok(Some(Arc::new(Registry::from_settings(settings)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    const ORDER: &str = r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},{"name":"note","type":["null","string"]}]}"#;

    /// A registry of one Avro schema under id 7 that counts its questions.
    struct Fake {
        asked: Mutex<u32>,
        down: bool,
    }

    impl Lookup for Fake {
        fn by_id(&self, id: u32) -> Result<SchemaSource, LookupError> {
            *self.asked.lock().unwrap() += 1;
            if self.down {
                return Err(LookupError {
                    message: "schema registry at http://r: refused".into(),
                    fatal: true,
                });
            }
            match id {
                7 => Ok(SchemaSource {
                    kind: SchemaKind::Avro,
                    text: ORDER.into(),
                    references: vec![],
                }),
                _ => Err(LookupError {
                    message: format!("schema id {id} is not in the registry"),
                    fatal: false,
                }),
            }
        }
        fn by_guid(&self, _: &[u8; 16]) -> Result<(Option<u32>, SchemaSource), LookupError> {
            self.by_id(7).map(|s| (Some(7), s))
        }
    }

    fn decoder(mode: DecodeMode, down: bool) -> (SideDecoder, Arc<Fake>) {
        let fake = Arc::new(Fake {
            asked: Mutex::new(0),
            down,
        });
        let lookup: Arc<dyn Lookup> = fake.clone();
        (
            SideDecoder::new(mode, Some(lookup), None, JsonOptions::default(), None),
            fake,
        )
    }

    fn framed(id: u32, payload: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        wire::write_prefix(&mut v, id);
        v.extend_from_slice(payload);
        v
    }

    /// id 7, note "hi": zig-zag 7 = 0x0e, union branch 1 = 0x02, "hi".
    const PAYLOAD: &[u8] = &[0x0e, 0x02, 0x04, b'h', b'i'];

    #[test]
    fn framed_records_decode_and_the_schema_is_asked_once() {
        let (mut d, fake) = decoder(DecodeMode::Auto, false);
        for _ in 0..3 {
            let mut out = Vec::new();
            let shown = d.decode(&framed(7, PAYLOAD), None, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), r#"{"id":7,"note":"hi"}"#);
            assert!(matches!(
                shown,
                Shown::Decoded(Decoded {
                    kind: SchemaKind::Avro,
                    schema_id: Some(7),
                    ..
                })
            ));
        }
        assert_eq!(*fake.asked.lock().unwrap(), 1);
    }

    #[test]
    fn unframed_records_are_shown_as_they_are_unless_a_format_was_asked() {
        let (mut d, _) = decoder(DecodeMode::Auto, false);
        let mut out = Vec::new();
        assert_eq!(d.decode(b"{\"plain\":1}", None, &mut out).unwrap(), Shown::Raw);
        assert!(out.is_empty());
        let (mut d, _) = decoder(DecodeMode::Only(SchemaKind::Avro), false);
        assert!(matches!(d.decode(b"{}", None, &mut out).unwrap(), Shown::Failed(m) if m.contains("wire format")));
    }

    #[test]
    fn records_that_do_not_fit_fail_alone_and_write_nothing() {
        let (mut d, fake) = decoder(DecodeMode::Auto, false);
        let mut out = b"before".to_vec();
        let unknown = d.decode(&framed(9, PAYLOAD), None, &mut out).unwrap();
        assert!(
            matches!(&unknown, Shown::Failed(m) if m.contains("schema id 9")),
            "{unknown:?}"
        );
        let _ = d.decode(&framed(9, PAYLOAD), None, &mut out).unwrap();
        assert_eq!(*fake.asked.lock().unwrap(), 1, "a missing id is remembered");
        let truncated = d.decode(&framed(7, &PAYLOAD[..3]), None, &mut out).unwrap();
        assert!(
            matches!(&truncated, Shown::Failed(m) if m.starts_with("schema id 7 (avro)")),
            "{truncated:?}"
        );
        let short = d.decode(&[0, 0, 0], None, &mut out).unwrap();
        assert!(
            matches!(&short, Shown::Failed(m) if m.contains("truncated")),
            "{short:?}"
        );
        assert_eq!(out, b"before", "a failure takes back what it wrote");
        let (mut d, _) = decoder(DecodeMode::Only(SchemaKind::Protobuf), false);
        let other = d.decode(&framed(7, PAYLOAD), None, &mut out).unwrap();
        assert!(
            matches!(&other, Shown::Failed(m) if m.contains("is avro, not protobuf")),
            "{other:?}"
        );
    }

    #[test]
    fn a_registry_that_cannot_be_asked_ends_the_run() {
        let (mut d, _) = decoder(DecodeMode::Auto, true);
        let e = d.decode(&framed(7, PAYLOAD), None, &mut Vec::new()).unwrap_err();
        assert!(e.0.contains("refused"));
    }

    #[test]
    fn the_header_form_names_the_schema_of_bare_bytes() {
        let (mut d, _) = decoder(DecodeMode::Auto, false);
        let mut header = Vec::new();
        wire::write_header_value(&mut header, SchemaRef::Guid([1; 16]), None);
        let mut out = Vec::new();
        let shown = d.decode(PAYLOAD, Some(&header), &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"id":7,"note":"hi"}"#);
        let Shown::Decoded(d) = shown else { panic!("{shown:?}") };
        assert_eq!((d.guid, d.schema_id), (Some([1; 16]), Some(7)));
    }

    #[test]
    fn without_a_registry_framed_bytes_say_what_they_need() {
        let mut d = SideDecoder::new(DecodeMode::Auto, None, None, JsonOptions::default(), None);
        let shown = d.decode(&framed(7, PAYLOAD), None, &mut Vec::new()).unwrap();
        assert!(
            matches!(&shown, Shown::Failed(m) if m.contains("--registry")),
            "{shown:?}"
        );
    }

    #[test]
    fn an_offline_schema_reads_framed_and_unframed_bytes() {
        let source = SchemaSource {
            kind: SchemaKind::Avro,
            text: ORDER.into(),
            references: vec![],
        };
        let codec = schema::compile(&source, None, JsonOptions::default()).unwrap();
        let mut d = SideDecoder::new(DecodeMode::Auto, None, Some(codec), JsonOptions::default(), None);
        for bytes in [framed(3, PAYLOAD), PAYLOAD.to_vec()] {
            let mut out = Vec::new();
            let shown = d.decode(&bytes, None, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), r#"{"id":7,"note":"hi"}"#);
            assert!(matches!(shown, Shown::Decoded(_)));
        }
    }
}
