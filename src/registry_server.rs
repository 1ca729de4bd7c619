//! Over 700 lines because it is a whole small server (HTTP parsing, the routes, the
//! store and its dedup rules) in one file, with its tests, rather than a dependency.
//!
//! The schema registry behind `eddy dev --registry`: an in-memory, Confluent-compatible
//! REST API on loopback, so that schema examples and tests run with nothing installed.
//!
//! A plain HTTP/1.1 server on std threads (one per connection, keep-alive): the traffic
//! is a few lookups per run, and a dependency for it would weigh more than this file.
//! What it serves, in Confluent's shapes and error codes (`{"error_code":40401,
//! "message":...}`): register with dedup (the same schema, type and references get the
//! same id in every subject; again under the same subject, the same version), schemas by
//! id and GUID, subjects and versions (a number, `latest` or `-1`), lookup, soft and
//! permanent deletes, `/config`, `/mode` and `/compatibility`. Compatibility is judged
//! for all three formats (`codec::avro::incompatibilities`, `codec::protobuf_compat`,
//! `codec::json_schema_compat`) by the subject's level, BACKWARD unless `/config` says
//! otherwise, on the check endpoints (each problem in `messages` with `?verbose=true`)
//! and on register (409, as Confluent's).
//! Schemas are kept as sent; `?format=serialized` answers a Protobuf schema as the
//! base64 `FileDescriptorProto` its `.proto` text compiles to.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::codec::registry::Reference;
use crate::codec::schema::{NamedSchema, SchemaKind, SchemaSource};
use crate::random::Rng;

/// How long an idle keep-alive connection is kept.
const IDLE: Duration = Duration::from_secs(60);
const MAX_HEADER_LINE: usize = 16 * 1024;
const MAX_BODY: usize = 16 * 1024 * 1024;
const LEVELS: &[&str] = &[
    "NONE",
    "BACKWARD",
    "BACKWARD_TRANSITIVE",
    "FORWARD",
    "FORWARD_TRANSITIVE",
    "FULL",
    "FULL_TRANSITIVE",
];

/// A running registry; it stops when dropped.
#[derive(Debug)]
pub struct RegistryServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

impl RegistryServer {
    /// Listens on a free loopback port and serves until dropped.
    pub fn start() -> std::io::Result<RegistryServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let store = Arc::new(Mutex::new(Store::new(Rng::fresh_seed())));
        let stopping = stop.clone();
        std::thread::Builder::new().name("dev-registry".into()).spawn(move || {
            for conn in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let store = store.clone();
                let _ = std::thread::Builder::new()
                    .name("dev-registry-conn".into())
                    .spawn(move || serve(conn, &store));
            }
        })?;
        Ok(RegistryServer { addr, stop })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for RegistryServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

/// One request, as far as the registry needs it.
struct Request {
    method: String,
    /// The path's segments, percent-decoded.
    segments: Vec<String>,
    query: BTreeMap<String, String>,
    body: Vec<u8>,
}

/// An answer: status and JSON body (or a schema's raw text).
struct Answer {
    status: u16,
    body: String,
}

impl Answer {
    fn json(value: Value) -> Answer {
        Answer {
            status: 200,
            body: value.to_string(),
        }
    }

    fn error(status: u16, code: i64, message: impl Into<String>) -> Answer {
        Answer {
            status,
            body: json!({"error_code": code, "message": message.into()}).to_string(),
        }
    }
}

fn serve(conn: TcpStream, store: &Mutex<Store>) {
    let _ = conn.set_read_timeout(Some(IDLE));
    let _ = conn.set_nodelay(true);
    let Ok(mut writer) = conn.try_clone() else { return };
    let mut reader = BufReader::new(conn);
    loop {
        let (answer, close) = match read_request(&mut reader) {
            Ok(Some((request, close))) => {
                let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
                (store.handle(&request), close)
            }
            Ok(None) => return,
            Err(answer) => (answer, true),
        };
        let head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: {}\r\n{}\r\n",
            answer.status,
            reason(answer.status),
            answer.body.len(),
            if close { "Connection: close\r\n" } else { "" }
        );
        if writer.write_all(head.as_bytes()).is_err() || writer.write_all(answer.body.as_bytes()).is_err() {
            return;
        }
        if close {
            return;
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        _ => "Error",
    }
}

/// Reads one request: `Ok(None)` at the end of the connection, `Err` with the answer
/// for a request that cannot be read (the connection is closed after it).
fn read_request(reader: &mut BufReader<TcpStream>) -> Result<Option<(Request, bool)>, Answer> {
    let bad = |why: &str| Answer::error(400, 400, why.to_string());
    let Some(line) = read_line(reader).map_err(|_| bad("bad request line"))? else {
        return Ok(None);
    };
    let mut parts = line.split(' ');
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(bad("bad request line"));
    };
    let http10 = parts.next() == Some("HTTP/1.0");
    let mut length = 0usize;
    let mut close = http10;
    loop {
        let header = read_line(reader)
            .map_err(|_| bad("bad header"))?
            .ok_or_else(|| bad("headers end early"))?;
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(bad("bad header"));
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().map_err(|_| bad("bad Content-Length"))?,
            "transfer-encoding" if !value.eq_ignore_ascii_case("identity") => {
                return Err(Answer::error(411, 411, "send a Content-Length"));
            }
            "connection" if value.eq_ignore_ascii_case("close") => close = true,
            "connection" if value.eq_ignore_ascii_case("keep-alive") => close = false,
            _ => {}
        }
    }
    if length > MAX_BODY {
        return Err(Answer::error(413, 413, "the body is too large"));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|_| bad("the body ends early"))?;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let segments = path.split('/').filter(|s| !s.is_empty()).map(percent_decode).collect();
    let query = query
        .split('&')
        .filter(|q| !q.is_empty())
        .map(|q| {
            let (k, v) = q.split_once('=').unwrap_or((q, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    Ok(Some((
        Request {
            method: method.to_string(),
            segments,
            query,
            body,
        },
        close,
    )))
}

fn read_line(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<String>> {
    let mut line = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(std::io::Error::other("line too long"));
    }
    let text = String::from_utf8(line).map_err(std::io::Error::other)?;
    Ok(Some(text.trim_end_matches(['\r', '\n']).to_string()))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A schema as registered: the same three make the same id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    kind: SchemaKind,
    text: String,
    references: Vec<Reference>,
    guid: String,
}

#[derive(Debug, Clone)]
struct Entry {
    version: i64,
    id: u32,
    deleted: bool,
}

#[derive(Debug)]
struct Store {
    /// Schema id N is `schemas[N - 1]`.
    schemas: Vec<Stored>,
    subjects: BTreeMap<String, Vec<Entry>>,
    level: String,
    subject_levels: BTreeMap<String, String>,
    rng: Rng,
    /// The request under way asked `?format=serialized`: Protobuf schemas are answered
    /// as base64 descriptors, compiled from their `.proto` text.
    serialized: bool,
}

/// A schema request checked: its type, text and references.
type ParsedSchema = (SchemaKind, String, Vec<Reference>);

/// The body of register, lookup and compatibility.
#[derive(Debug, Deserialize)]
struct SchemaRequest {
    schema: String,
    #[serde(rename = "schemaType")]
    schema_type: Option<String>,
    references: Option<Vec<Reference>>,
}

fn subject_not_found(subject: &str) -> Answer {
    Answer::error(404, 40401, format!("Subject '{subject}' not found."))
}

fn version_not_found(version: &str) -> Answer {
    Answer::error(404, 40402, format!("Version {version} not found."))
}

impl Store {
    fn new(seed: u64) -> Store {
        Store {
            schemas: Vec::new(),
            subjects: BTreeMap::new(),
            level: "BACKWARD".to_string(),
            subject_levels: BTreeMap::new(),
            rng: Rng::new(seed),
            serialized: false,
        }
    }

    /// Routes one request by method and path to its answer, in Confluent's shapes.
    fn handle(&mut self, r: &Request) -> Answer {
        let segs: Vec<&str> = r.segments.iter().map(String::as_str).collect();
        let flag = |name: &str| r.query.get(name).is_some_and(|v| v == "true");
        self.serialized = r.query.get("format").is_some_and(|v| v == "serialized");
        match (r.method.as_str(), segs.as_slice()) {
            ("GET", []) => Answer::json(json!({})),
            ("GET", ["schemas", "types"]) => Answer::json(json!(["JSON", "PROTOBUF", "AVRO"])),
            ("GET", ["schemas", "ids", id, rest @ ..]) => match id.parse::<u32>().ok().filter(|i| self.has_id(*i)) {
                Some(id) => self.by_id(id, rest),
                None => Answer::error(404, 40403, format!("Schema {id} not found")),
            },
            ("GET", ["schemas", "guids", guid, rest @ ..]) => match self.schemas.iter().position(|s| s.guid == *guid) {
                Some(i) => self.by_id(i as u32 + 1, rest),
                None => Answer::error(404, 40403, format!("Schema {guid} not found")),
            },
            ("GET", ["subjects"]) => self.subject_list(flag("deleted")),
            ("GET", ["subjects", subject, "versions"]) => self.version_list(subject, flag("deleted")),
            ("GET", ["subjects", subject, "versions", version, rest @ ..]) => {
                self.get_version(subject, version, rest, flag("deleted"))
            }
            ("POST", ["subjects", subject, "versions"]) => self.register(subject, &r.body),
            ("POST", ["subjects", subject]) => self.lookup(subject, &r.body, flag("deleted")),
            ("DELETE", ["subjects", subject]) => self.delete_subject(subject, flag("permanent")),
            ("DELETE", ["subjects", subject, "versions", version]) => {
                self.delete_version(subject, version, flag("permanent"))
            }
            ("POST", ["compatibility", "subjects", subject, "versions", version]) => {
                self.check_against_version(subject, version, &r.body, flag("verbose"))
            }
            ("POST", ["compatibility", "subjects", subject, "versions"]) => {
                self.check_against_subject(subject, &r.body, flag("verbose"))
            }
            ("GET", ["config"]) => Answer::json(json!({"compatibilityLevel": self.level})),
            ("PUT", ["config"]) => match level_of(&r.body) {
                Ok(level) => {
                    self.level = level.clone();
                    Answer::json(json!({"compatibility": level}))
                }
                Err(a) => a,
            },
            ("GET", ["config", subject]) => match self.subject_levels.get(*subject) {
                Some(level) => Answer::json(json!({"compatibilityLevel": level})),
                None if flag("defaultToGlobal") => Answer::json(json!({"compatibilityLevel": self.level})),
                None => Answer::error(
                    404,
                    40408,
                    format!("Subject '{subject}' does not have subject-level compatibility configured"),
                ),
            },
            ("PUT", ["config", subject]) => match level_of(&r.body) {
                Ok(level) => {
                    self.subject_levels.insert(subject.to_string(), level.clone());
                    Answer::json(json!({"compatibility": level}))
                }
                Err(a) => a,
            },
            ("DELETE", ["config", subject]) => match self.subject_levels.remove(*subject) {
                Some(level) => Answer::json(json!({"compatibilityLevel": level})),
                None => subject_not_found(subject),
            },
            ("GET", ["mode"]) | ("GET", ["mode", _]) => Answer::json(json!({"mode": "READWRITE"})),
            (_, ["schemas" | "subjects" | "config" | "mode" | "compatibility", ..]) => {
                Answer::error(405, 405, "HTTP 405 Method Not Allowed")
            }
            _ => Answer::error(404, 404, "HTTP 404 Not Found"),
        }
    }

    /// `GET /subjects`: the subjects with a live version (or any, with `deleted`).
    fn subject_list(&self, deleted: bool) -> Answer {
        let list: Vec<&String> = self
            .subjects
            .iter()
            .filter(|(_, v)| v.iter().any(|e| deleted || !e.deleted))
            .map(|(s, _)| s)
            .collect();
        Answer::json(json!(list))
    }

    /// `GET /subjects/{s}/versions`: a subject's version numbers.
    fn version_list(&self, subject: &str, deleted: bool) -> Answer {
        let versions: Vec<i64> = self.live(subject, deleted).iter().map(|e| e.version).collect();
        if versions.is_empty() {
            return subject_not_found(subject);
        }
        Answer::json(json!(versions))
    }

    /// `GET /subjects/{s}/versions/{v}[/schema|/referencedby]`: one version, its bare
    /// schema text, or the ids of the schemas that reference it.
    fn get_version(&self, subject: &str, version: &str, rest: &[&str], deleted: bool) -> Answer {
        match self.find_version(subject, version, deleted) {
            Ok(e) => match rest {
                [] => Answer::json(self.version_json(subject, &e)),
                ["schema"] => Answer {
                    status: 200,
                    body: self.text_of(&self.schemas[e.id as usize - 1]),
                },
                ["referencedby"] => Answer::json(json!(self.referenced_by(subject, e.version))),
                _ => Answer::error(404, 404, "HTTP 404 Not Found"),
            },
            Err(a) => a,
        }
    }

    /// `POST /compatibility/subjects/{s}/versions/{v}`: the schema judged against that
    /// version, in the direction the subject's level says.
    fn check_against_version(&self, subject: &str, version: &str, body: &[u8], verbose: bool) -> Answer {
        let schema = match self.parse_schema(body) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let entry = match self.find_version(subject, version, false) {
            Ok(e) => e,
            Err(a) => return a,
        };
        self.verdict(subject, &schema, &[entry], verbose)
    }

    /// `POST /compatibility/subjects/{s}/versions`: against the latest version, or all
    /// of them under a transitive level.
    fn check_against_subject(&self, subject: &str, body: &[u8], verbose: bool) -> Answer {
        let schema = match self.parse_schema(body) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let against = self.judged_against(subject);
        if against.is_empty() {
            return subject_not_found(subject);
        }
        self.verdict(subject, &schema, &against, verbose)
    }

    fn verdict(&self, subject: &str, schema: &ParsedSchema, against: &[Entry], verbose: bool) -> Answer {
        let problems = match self.problems(subject, schema, against) {
            Ok(p) => p,
            Err(a) => return a,
        };
        let mut answer = json!({"is_compatible": problems.is_empty()});
        if verbose {
            answer["messages"] = json!(problems);
        }
        Answer::json(answer)
    }

    /// The versions a new schema is judged against under the subject's level: the
    /// latest, or every one for the transitive levels.
    fn judged_against(&self, subject: &str) -> Vec<Entry> {
        let live = self.live(subject, false);
        if self.level_for(subject).ends_with("_TRANSITIVE") {
            live
        } else {
            live.last().cloned().into_iter().collect()
        }
    }

    fn level_for(&self, subject: &str) -> &str {
        self.subject_levels.get(subject).unwrap_or(&self.level)
    }

    /// Why `schema` breaks the subject's level against `against` (empty: it does not),
    /// by each format's own checker: Avro's resolution rules, Protobuf's descriptors
    /// compared field by field, JSON Schema's documents accepted. A version of another
    /// type than the schema's is a problem of its own, as in Confluent's.
    fn problems(&self, subject: &str, schema: &ParsedSchema, against: &[Entry]) -> Result<Vec<String>, Answer> {
        let level = self.level_for(subject).trim_end_matches("_TRANSITIVE").to_string();
        let (kind, text, references) = schema;
        if level == "NONE" {
            return Ok(Vec::new());
        }
        let checker = match kind {
            SchemaKind::Avro => crate::codec::avro::incompatibilities,
            SchemaKind::Protobuf => crate::codec::protobuf_compat::incompatibilities,
            SchemaKind::JsonSchema => crate::codec::json_schema_compat::incompatibilities,
        };
        let new = SchemaSource {
            kind: *kind,
            text: text.clone(),
            references: self.resolve(references),
        };
        let mut problems = Vec::new();
        for e in against {
            let stored = &self.schemas[e.id as usize - 1];
            if stored.kind != *kind {
                problems.push(format!(
                    "version {} is {}, not {}",
                    e.version,
                    stored.kind.name(),
                    kind.name()
                ));
                continue;
            }
            let old = SchemaSource {
                kind: stored.kind,
                text: stored.text.clone(),
                references: self.resolve(&stored.references),
            };
            let invalid =
                |e: crate::codec::schema::SchemaError| Answer::error(422, 42201, format!("Invalid schema: {e}"));
            let mut judge = |reader: &SchemaSource, writer: &SchemaSource, how: &str| -> Result<(), Answer> {
                for p in checker(reader, writer).map_err(invalid)? {
                    problems.push(format!("{how} version {}: {p}", e.version));
                }
                Ok(())
            };
            if level == "BACKWARD" || level == "FULL" {
                judge(&new, &old, "cannot read the data of")?;
            }
            if level == "FORWARD" || level == "FULL" {
                judge(&old, &new, "cannot be read by")?;
            }
        }
        Ok(problems)
    }

    /// References as the codecs take them: each named schema's text, and those it
    /// refers to in turn, each once.
    fn resolve(&self, references: &[Reference]) -> Vec<NamedSchema> {
        let mut out: Vec<NamedSchema> = Vec::new();
        let mut todo: Vec<Reference> = references.to_vec();
        while let Some(r) = todo.pop() {
            if out.iter().any(|n| n.name == r.name) {
                continue;
            }
            if let Ok(e) = self.find_version(&r.subject, &r.version.to_string(), true) {
                let stored = &self.schemas[e.id as usize - 1];
                out.push(NamedSchema {
                    name: r.name.clone(),
                    text: stored.text.clone(),
                });
                todo.extend(stored.references.iter().cloned());
            }
        }
        out
    }

    fn has_id(&self, id: u32) -> bool {
        id >= 1 && (id as usize) <= self.schemas.len()
    }

    /// `/schemas/ids/N[/schema|/versions|/subjects]`.
    fn by_id(&self, id: u32, rest: &[&str]) -> Answer {
        let s = &self.schemas[id as usize - 1];
        let uses: Vec<(&String, &Entry)> = self
            .subjects
            .iter()
            .flat_map(|(name, entries)| entries.iter().map(move |e| (name, e)))
            .filter(|(_, e)| e.id == id && !e.deleted)
            .collect();
        match rest {
            [] => {
                let mut body = self.schema_json(s);
                body["id"] = json!(id);
                Answer::json(body)
            }
            ["schema"] => Answer {
                status: 200,
                body: self.text_of(s),
            },
            ["versions"] => Answer::json(json!(
                uses.iter()
                    .map(|(subject, e)| json!({"subject": subject, "version": e.version}))
                    .collect::<Vec<_>>()
            )),
            ["subjects"] => {
                let mut names: Vec<&String> = uses.iter().map(|(s, _)| *s).collect();
                names.dedup();
                Answer::json(json!(names))
            }
            _ => Answer::error(404, 404, "HTTP 404 Not Found"),
        }
    }

    /// The versions of a subject (soft-deleted ones too with `deleted`).
    fn live(&self, subject: &str, deleted: bool) -> Vec<Entry> {
        self.subjects
            .get(subject)
            .map(|v| v.iter().filter(|e| deleted || !e.deleted).cloned().collect())
            .unwrap_or_default()
    }

    fn find_version(&self, subject: &str, version: &str, deleted: bool) -> Result<Entry, Answer> {
        let entries = self.live(subject, deleted);
        if entries.is_empty() {
            return Err(subject_not_found(subject));
        }
        match version {
            "latest" | "-1" => entries.last().cloned().ok_or_else(|| version_not_found(version)),
            v => match v.parse::<i64>() {
                Ok(n) if n > 0 => entries
                    .iter()
                    .find(|e| e.version == n)
                    .cloned()
                    .ok_or_else(|| version_not_found(v)),
                _ => Err(Answer::error(
                    422,
                    42202,
                    format!(
                        "The specified version '{v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\""
                    ),
                )),
            },
        }
    }

    fn version_json(&self, subject: &str, e: &Entry) -> Value {
        let mut body = self.schema_json(&self.schemas[e.id as usize - 1]);
        body["subject"] = json!(subject);
        body["version"] = json!(e.version);
        body["id"] = json!(e.id);
        body
    }

    fn referenced_by(&self, subject: &str, version: i64) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::new();
        for (i, s) in self.schemas.iter().enumerate() {
            let id = i as u32 + 1;
            let used = self.subjects.values().flatten().any(|e| e.id == id && !e.deleted);
            if used
                && s.references
                    .iter()
                    .any(|r| r.subject == subject && r.version == version)
            {
                ids.push(id);
            }
        }
        ids
    }

    /// The body of a register, lookup or compatibility request, checked: a known type,
    /// a schema text that is JSON where the type is (Avro, JSON Schema), references
    /// that are registered.
    fn parse_schema(&self, body: &[u8]) -> Result<ParsedSchema, Answer> {
        let request: SchemaRequest = serde_json::from_slice(body).map_err(|e| {
            Answer::error(
                422,
                42201,
                format!("Invalid schema: the request is not a schema request ({e})"),
            )
        })?;
        let kind = SchemaKind::from_registry(request.schema_type.as_deref()).ok_or_else(|| {
            Answer::error(
                422,
                42201,
                format!(
                    "Invalid schema: unknown schemaType '{}'",
                    request.schema_type.as_deref().unwrap_or("")
                ),
            )
        })?;
        if request.schema.trim().is_empty() {
            return Err(Answer::error(422, 42201, "Invalid schema: the schema is empty"));
        }
        if kind != SchemaKind::Protobuf {
            if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&request.schema) {
                return Err(Answer::error(422, 42201, format!("Invalid schema: not JSON ({e})")));
            }
        }
        let references = request.references.unwrap_or_default();
        for r in &references {
            if self.find_version(&r.subject, &r.version.to_string(), false).is_err() {
                return Err(Answer::error(
                    422,
                    42201,
                    format!(
                        "Invalid schema: reference '{}' names subject '{}' version {}, which is not registered",
                        r.name, r.subject, r.version
                    ),
                ));
            }
        }
        Ok((kind, request.schema, references))
    }

    fn id_of(&self, kind: SchemaKind, text: &str, references: &[Reference]) -> Option<u32> {
        self.schemas
            .iter()
            .position(|s| s.kind == kind && s.text == text && s.references == references)
            .map(|i| i as u32 + 1)
    }

    fn register(&mut self, subject: &str, body: &[u8]) -> Answer {
        let schema = match self.parse_schema(body) {
            Ok(s) => s,
            Err(a) => return a,
        };
        // A schema the subject already has is no new version, so it is not judged.
        let known = self
            .id_of(schema.0, &schema.1, &schema.2)
            .is_some_and(|id| self.live(subject, false).iter().any(|e| e.id == id));
        if !known {
            let against = self.judged_against(subject);
            match self.problems(subject, &schema, &against) {
                Ok(p) if p.is_empty() => {}
                Ok(p) => {
                    return Answer::error(
                        409,
                        409,
                        format!(
                            "Schema being registered is incompatible with an earlier schema for subject \"{subject}\"; {}",
                            p.join("; ")
                        ),
                    );
                }
                Err(a) => return a,
            }
        }
        let (kind, text, references) = schema;
        let id = match self.id_of(kind, &text, &references) {
            Some(id) => id,
            None => {
                let guid = self.guid();
                self.schemas.push(Stored {
                    kind,
                    text,
                    references,
                    guid,
                });
                self.schemas.len() as u32
            }
        };
        let entries = self.subjects.entry(subject.to_string()).or_default();
        let entry = match entries.iter().find(|e| e.id == id && !e.deleted) {
            Some(e) => e.clone(),
            None => {
                let version = entries.iter().map(|e| e.version).max().unwrap_or(0) + 1;
                let e = Entry {
                    version,
                    id,
                    deleted: false,
                };
                entries.push(e.clone());
                e
            }
        };
        Answer::json(self.version_json(subject, &entry))
    }

    fn lookup(&self, subject: &str, body: &[u8], deleted: bool) -> Answer {
        let (kind, text, references) = match self.parse_schema(body) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let entries = self.live(subject, deleted);
        if entries.is_empty() {
            return subject_not_found(subject);
        }
        let found = self
            .id_of(kind, &text, &references)
            .and_then(|id| entries.iter().find(|e| e.id == id));
        match found {
            Some(e) => Answer::json(self.version_json(subject, e)),
            None => Answer::error(404, 40403, "Schema not found"),
        }
    }

    fn delete_subject(&mut self, subject: &str, permanent: bool) -> Answer {
        let Some(entries) = self.subjects.get_mut(subject) else {
            return subject_not_found(subject);
        };
        if permanent {
            if entries.iter().any(|e| !e.deleted) {
                return Answer::error(
                    404,
                    40405,
                    format!("Subject '{subject}' was not deleted first before being permanently deleted"),
                );
            }
            let versions: Vec<i64> = entries.iter().map(|e| e.version).collect();
            self.subjects.remove(subject);
            self.subject_levels.remove(subject);
            return Answer::json(json!(versions));
        }
        if entries.iter().all(|e| e.deleted) {
            return Answer::error(
                404,
                40404,
                format!("Subject '{subject}' was soft deleted. Set permanent=true to delete permanently"),
            );
        }
        let mut versions = Vec::new();
        for e in entries.iter_mut().filter(|e| !e.deleted) {
            e.deleted = true;
            versions.push(e.version);
        }
        Answer::json(json!(versions))
    }

    fn delete_version(&mut self, subject: &str, version: &str, permanent: bool) -> Answer {
        let entry = match self.find_version(subject, version, permanent) {
            Ok(e) => e,
            Err(a) => return a,
        };
        let Some(entries) = self.subjects.get_mut(subject) else {
            return subject_not_found(subject);
        };
        if permanent {
            if !entry.deleted {
                return Answer::error(
                    404,
                    40407,
                    format!(
                        "Subject '{subject}' Version {} was not deleted first before being permanently deleted",
                        entry.version
                    ),
                );
            }
            entries.retain(|e| e.version != entry.version);
            if entries.is_empty() {
                self.subjects.remove(subject);
            }
        } else if let Some(e) = entries.iter_mut().find(|e| e.version == entry.version) {
            e.deleted = true;
        }
        Answer::json(json!(entry.version))
    }

    /// A version 4 UUID, from the server's own generator.
    fn schema_json(&self, s: &Stored) -> Value {
        let mut body = json!({"schema": self.text_of(s), "guid": s.guid});
        if let Some(t) = s.kind.registry_name() {
            body["schemaType"] = json!(t);
        }
        if !s.references.is_empty() {
            body["references"] = json!(s.references);
        }
        body
    }

    /// A schema's text as the request asks for it: as stored, or (`?format=serialized`)
    /// a Protobuf schema as the base64 `FileDescriptorProto` it compiles to, with its
    /// references as imports. Text that does not compile is answered as stored.
    fn text_of(&self, s: &Stored) -> String {
        if !self.serialized || s.kind != SchemaKind::Protobuf {
            return s.text.clone();
        }
        let source = SchemaSource {
            kind: s.kind,
            text: s.text.clone(),
            references: self.resolve(&s.references),
        };
        crate::codec::protobuf::serialized(&source).unwrap_or_else(|_| s.text.clone())
    }

    fn guid(&mut self) -> String {
        let mut out = String::new();
        self.rng.uuid(&mut out);
        out
    }
}

fn level_of(body: &[u8]) -> Result<String, Answer> {
    #[derive(Deserialize)]
    struct Level {
        compatibility: Option<String>,
        #[serde(rename = "compatibilityLevel")]
        compatibility_level: Option<String>,
    }
    let invalid = || Answer::error(422, 42203, "Invalid compatibility level");
    let level: Level = serde_json::from_slice(body).map_err(|_| invalid())?;
    let level = level
        .compatibility
        .or(level.compatibility_level)
        .map(|l| l.to_ascii_uppercase())
        .ok_or_else(invalid)?;
    if LEVELS.contains(&level.as_str()) {
        Ok(level)
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, path: &str, body: Value) -> Request {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        Request {
            method: method.to_string(),
            segments: path.split('/').filter(|s| !s.is_empty()).map(percent_decode).collect(),
            query: query
                .split('&')
                .filter(|q| !q.is_empty())
                .map(|q| {
                    let (k, v) = q.split_once('=').unwrap_or((q, ""));
                    (k.to_string(), v.to_string())
                })
                .collect(),
            body: if body.is_null() {
                Vec::new()
            } else {
                body.to_string().into_bytes()
            },
        }
    }

    fn call(store: &mut Store, method: &str, path: &str, body: Value) -> (u16, Value) {
        let a = store.handle(&request(method, path, body));
        (a.status, serde_json::from_str(&a.body).unwrap_or(Value::String(a.body)))
    }

    #[test]
    fn the_same_schema_gets_the_same_id_and_version() {
        let mut s = Store::new(1);
        let avro = json!({"schema": "{\"type\":\"string\"}"});
        let (_, a) = call(&mut s, "POST", "/subjects/a-value/versions", avro.clone());
        let (_, again) = call(&mut s, "POST", "/subjects/a-value/versions", avro.clone());
        let (_, other) = call(&mut s, "POST", "/subjects/b-value/versions", avro);
        assert_eq!((a["id"].clone(), a["version"].clone()), (json!(1), json!(1)));
        assert_eq!((again["id"].clone(), again["version"].clone()), (json!(1), json!(1)));
        assert_eq!((other["id"].clone(), other["version"].clone()), (json!(1), json!(1)));
        // The same text as JSON Schema is another schema; under another type than the
        // subject's it is judged incompatible (as Confluent's), unless the level is NONE.
        let proto = json!({"schema": "{\"type\":\"string\"}", "schemaType": "JSON"});
        let (status, _) = call(&mut s, "POST", "/subjects/a-value/versions", proto.clone());
        assert_eq!(status, 409);
        call(&mut s, "PUT", "/config/a-value", json!({"compatibility": "NONE"}));
        let (_, json_schema) = call(&mut s, "POST", "/subjects/a-value/versions", proto);
        assert_eq!(
            (json_schema["id"].clone(), json_schema["version"].clone()),
            (json!(2), json!(2))
        );
        let (_, ids) = call(&mut s, "GET", "/schemas/ids/1/versions", Value::Null);
        assert_eq!(
            ids,
            json!([{"subject": "a-value", "version": 1}, {"subject": "b-value", "version": 1}])
        );
    }

    #[test]
    fn errors_carry_confluent_codes() {
        let mut s = Store::new(1);
        assert_eq!(
            call(&mut s, "GET", "/schemas/ids/9", Value::Null).1["error_code"],
            40403
        );
        assert_eq!(
            call(&mut s, "GET", "/subjects/x/versions/1", Value::Null).1["error_code"],
            40401
        );
        call(&mut s, "POST", "/subjects/x/versions", json!({"schema": "\"int\""}));
        assert_eq!(
            call(&mut s, "GET", "/subjects/x/versions/2", Value::Null).1["error_code"],
            40402
        );
        assert_eq!(
            call(&mut s, "GET", "/subjects/x/versions/zero", Value::Null).1["error_code"],
            42202
        );
        let bad = call(&mut s, "POST", "/subjects/x/versions", json!({"schema": "{not json"}));
        assert_eq!((bad.0, bad.1["error_code"].clone()), (422, json!(42201)));
        let dangling = json!({"schema": "{}", "references": [{"name": "a", "subject": "nope", "version": 1}]});
        assert_eq!(
            call(&mut s, "POST", "/subjects/y/versions", dangling).1["error_code"],
            42201
        );
        assert_eq!(
            call(&mut s, "PUT", "/config", json!({"compatibility": "SOMETIMES"})).1["error_code"],
            42203
        );
    }

    #[test]
    fn deletes_are_soft_then_permanent() {
        let mut s = Store::new(1);
        call(&mut s, "POST", "/subjects/x/versions", json!({"schema": "\"int\""}));
        assert_eq!(
            call(&mut s, "DELETE", "/subjects/x?permanent=true", Value::Null).1["error_code"],
            40405
        );
        assert_eq!(call(&mut s, "DELETE", "/subjects/x", Value::Null).1, json!([1]));
        assert_eq!(call(&mut s, "GET", "/subjects", Value::Null).1, json!([]));
        assert_eq!(
            call(&mut s, "GET", "/subjects?deleted=true", Value::Null).1,
            json!(["x"])
        );
        // A soft-deleted subject's schema is still served by id.
        assert_eq!(call(&mut s, "GET", "/schemas/ids/1", Value::Null).0, 200);
        assert_eq!(
            call(&mut s, "DELETE", "/subjects/x", Value::Null).1["error_code"],
            40404
        );
        assert_eq!(
            call(&mut s, "DELETE", "/subjects/x?permanent=true", Value::Null).1,
            json!([1])
        );
        assert_eq!(call(&mut s, "GET", "/subjects?deleted=true", Value::Null).1, json!([]));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%3Ab%2Fc"), "a:b/c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%4"), "%4");
    }

    const ORDER_V1: &str = r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"int"}]}"#;

    fn avro(text: &str) -> Value {
        json!({ "schema": text })
    }

    #[test]
    fn avro_compatibility_is_judged_by_the_subjects_level() {
        let mut s = Store::new(1);
        assert_eq!(
            call(&mut s, "POST", "/subjects/o-value/versions", avro(ORDER_V1)).0,
            200
        );
        let no_default =
            r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"int"},{"name":"note","type":"string"}]}"#;
        let with_default = r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},{"name":"note","type":"string","default":""}]}"#;
        // BACKWARD, the default: a new field needs a default; int may widen to long.
        let (status, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/o-value/versions/latest?verbose=true",
            avro(no_default),
        );
        assert_eq!((status, &body["is_compatible"]), (200, &json!(false)), "{body}");
        assert!(
            body["messages"][0]
                .as_str()
                .unwrap_or("")
                .contains("/fields/note: a new field without a default"),
            "{body}"
        );
        let (_, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/o-value/versions",
            avro(with_default),
        );
        assert_eq!(body, json!({"is_compatible": true}));
        // Registering an incompatible schema is refused, as Confluent's registry does.
        let (status, body) = call(&mut s, "POST", "/subjects/o-value/versions", avro(no_default));
        assert_eq!((status, &body["error_code"]), (409, &json!(409)), "{body}");
        assert_eq!(
            call(&mut s, "POST", "/subjects/o-value/versions", avro(with_default)).1["version"],
            2
        );
        // FORWARD: the old schema must read the new, whose data lacks the id it needs.
        assert_eq!(
            call(&mut s, "PUT", "/config/o-value", json!({"compatibility": "FORWARD"})).0,
            200
        );
        let without_id = r#"{"type":"record","name":"Order","fields":[{"name":"note","type":"string","default":""}]}"#;
        let (_, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/o-value/versions/latest",
            avro(without_id),
        );
        assert_eq!(body["is_compatible"], false, "{body}");
        // NONE accepts anything; a transitive level judges every version.
        call(&mut s, "PUT", "/config/o-value", json!({"compatibility": "NONE"}));
        assert_eq!(
            call(&mut s, "POST", "/subjects/o-value/versions", avro(no_default)).0,
            200
        );
        call(
            &mut s,
            "PUT",
            "/config/o-value",
            json!({"compatibility": "BACKWARD_TRANSITIVE"}),
        );
        let newest = r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},{"name":"note","type":"string"}]}"#;
        let (_, body) = call(&mut s, "POST", "/compatibility/subjects/o-value/versions", avro(newest));
        assert_eq!(body["is_compatible"], false, "version 1 lacks note: {body}");
        call(&mut s, "PUT", "/config/o-value", json!({"compatibility": "BACKWARD"}));
        let (_, body) = call(&mut s, "POST", "/compatibility/subjects/o-value/versions", avro(newest));
        assert_eq!(body["is_compatible"], true, "the latest has note: {body}");
    }

    #[test]
    fn protobuf_and_json_schema_compatibility_are_judged_with_messages() {
        let mut s = Store::new(1);
        let proto = |text: &str| json!({"schema": text, "schemaType": "PROTOBUF"});
        let v1 = r#"syntax = "proto3"; package shop; message Order { int32 id = 1; string note = 2; }"#;
        let v2 = r#"syntax = "proto3"; package shop; message Order { string id = 1; }"#;
        assert_eq!(call(&mut s, "POST", "/subjects/p/versions", proto(v1)).0, 200);
        let (_, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/p/versions/latest?verbose=true",
            proto(v2),
        );
        assert_eq!(
            body,
            json!({"is_compatible": false, "messages": [
                "cannot read the data of version 1: .shop.Order.id: field 1 changed from int32 to string"
            ]})
        );
        let (status, body) = call(&mut s, "POST", "/subjects/p/versions", proto(v2));
        assert_eq!(status, 409, "{body}");
        assert!(
            body["message"].as_str().unwrap_or("").contains("field 1 changed"),
            "{body}"
        );
        let fewer = r#"syntax = "proto3"; package shop; message Order { int32 id = 1; }"#;
        assert_eq!(
            call(&mut s, "POST", "/subjects/p/versions", proto(fewer)).1["version"],
            2
        );

        let js = |v: Value| json!({"schema": v.to_string(), "schemaType": "JSON"});
        let open = json!({"type": "object", "properties": {"id": {"type": "integer"}}});
        let required = json!({"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]});
        assert_eq!(call(&mut s, "POST", "/subjects/j/versions", js(open.clone())).0, 200);
        let (_, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/j/versions/latest?verbose=true",
            js(required.clone()),
        );
        assert_eq!(
            body["messages"],
            json!([
                "cannot read the data of version 1: #/required/id: newly required (the writer's documents may lack it)"
            ]),
            "{body}"
        );
        call(&mut s, "PUT", "/config/j", json!({"compatibility": "FORWARD"}));
        let (_, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/j/versions/latest",
            js(required),
        );
        assert_eq!(body, json!({"is_compatible": true}));
        // A schema of another type than the subject's versions is not compatible.
        let (_, body) = call(
            &mut s,
            "POST",
            "/compatibility/subjects/j/versions/latest?verbose=true",
            proto(v1),
        );
        assert_eq!(body["is_compatible"], false, "{body}");
    }

    #[test]
    fn format_serialized_compiles_proto_text_with_its_imports() {
        use base64::Engine as _;
        use prost::Message as _;
        let mut s = Store::new(1);
        let common = r#"syntax = "proto3"; package c; message Money { int64 units = 1; }"#;
        let order = r#"syntax = "proto3"; package shop; import "c/money.proto"; message Order { c.Money price = 1; }"#;
        let proto = |text: &str, refs: Value| json!({"schema": text, "schemaType": "PROTOBUF", "references": refs});
        call(&mut s, "POST", "/subjects/money/versions", proto(common, json!([])));
        let refs = json!([{"name": "c/money.proto", "subject": "money", "version": 1}]);
        let id = call(&mut s, "POST", "/subjects/order/versions", proto(order, refs)).1["id"].clone();
        // As stored without the flag; a descriptor with it, in both routes.
        assert_eq!(
            call(&mut s, "GET", &format!("/schemas/ids/{id}"), Value::Null).1["schema"],
            order
        );
        let b64 = call(
            &mut s,
            "GET",
            &format!("/schemas/ids/{id}?format=serialized"),
            Value::Null,
        )
        .1["schema"]
            .clone();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().expect("a string"))
            .expect("base64");
        let file = prost_types::FileDescriptorProto::decode(bytes.as_slice()).expect("a descriptor");
        assert_eq!(file.package(), "shop");
        assert_eq!(file.message_type[0].name(), "Order");
        assert_eq!(file.dependency, vec!["c/money.proto".to_string()]);
        let by_version = call(
            &mut s,
            "GET",
            "/subjects/order/versions/1?format=serialized",
            Value::Null,
        )
        .1;
        assert_eq!(by_version["schema"], b64);
        // A descriptor stays as it was registered.
        let id2 = call(
            &mut s,
            "POST",
            "/subjects/d/versions",
            proto(
                b64.as_str().unwrap_or(""),
                json!([{"name": "c/money.proto", "subject": "money", "version": 1}]),
            ),
        )
        .1["id"]
            .clone();
        assert_eq!(
            call(
                &mut s,
                "GET",
                &format!("/schemas/ids/{id2}?format=serialized"),
                Value::Null
            )
            .1["schema"],
            b64
        );
    }
}
