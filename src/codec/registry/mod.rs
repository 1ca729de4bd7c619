//! Over 700 lines because it is one type, `Registry`: each REST call is a short method
//! over the one private request, retry and error path, which a split would have to open up.
//!
//! The client of a Confluent-compatible schema registry: schemas by id or GUID with
//! their references resolved into the flat list a codec compiles, subjects and their
//! versions, and the admin calls `eddy schemas` makes (register, lookup, compatibility,
//! delete).
//!
//! One blocking HTTP client (ureq) on the OpenSSL eddy already builds for librdkafka, so
//! a registry's CA file and client certificate behave as the brokers' do. Lookups are
//! few (one per schema id for the whole run, `cache.rs`), so blocking is the right
//! shape: a decode thread that meets a new id asks, and the threads that meet it at the
//! same moment wait for that answer. 5xx answers, 429 and network failures are asked
//! again with backoff until `--timeout`; any other answer is final at once. Every error
//! names the registry's URL (never a password) and the registry's status and code.

mod cache;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::json;

use self::cache::Cache;
use crate::codec::schema::{NamedSchema, SchemaKind, SchemaSource};
use crate::config::{RegistryAuth, RegistrySettings, Settings};
use crate::error::Error;

/// The first wait between two tries; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(2);
/// How deep references may nest before eddy calls it a cycle it failed to see.
const MAX_REFERENCE_DEPTH: usize = 32;

/// A reference from one schema to another registered one, as the registry writes it:
/// `name` is how the referring schema names it (Avro: the full type name; Protobuf: the
/// import path).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reference {
    pub name: String,
    pub subject: String,
    pub version: i64,
}

/// A schema as the registry answers it. `subject` and `version` are known when it was
/// asked for by subject; `guid` where the registry has GUIDs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    pub id: Option<u32>,
    pub guid: Option<String>,
    pub subject: Option<String>,
    pub version: Option<i64>,
    pub kind: SchemaKind,
    pub text: String,
    /// The schema's own references, as registered (not resolved).
    pub references: Vec<Reference>,
}

/// A schema with everything it refers to fetched: what a codec compiles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub schema: Schema,
    pub source: SchemaSource,
}

/// A schema to register, look up or check, with its references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSchema {
    pub kind: SchemaKind,
    pub text: String,
    pub references: Vec<Reference>,
}

/// A version of a subject: a number, or the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Latest,
    Number(i64),
}

impl Version {
    /// `latest` (or `-1`, as the registry's API spells it) or a positive number.
    pub fn parse(text: &str) -> Option<Version> {
        match text {
            "latest" | "-1" => Some(Version::Latest),
            _ => text.parse().ok().filter(|v| *v > 0).map(Version::Number),
        }
    }

    fn path(self) -> String {
        match self {
            Version::Latest => "latest".to_string(),
            Version::Number(n) => n.to_string(),
        }
    }

    /// A reference's version: -1 is the latest.
    fn of_reference(v: i64) -> Version {
        if v < 0 { Version::Latest } else { Version::Number(v) }
    }
}

/// The answer to a compatibility check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compatibility {
    pub compatible: bool,
    /// The registry's reasons, when it gives them.
    pub messages: Vec<String>,
}

/// What kind of failure, for callers that act on it (a 404 is an answer; a refused
/// credential ends the run; the registry away is worth saying so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 404: no such schema, subject or version.
    NotFound,
    /// 401 or 403: the credentials were refused, or do not allow this.
    Unauthorized,
    /// Another 4xx: the registry refused the request (an invalid schema, ...).
    Refused,
    /// 5xx, 429 or the network, still so at the deadline.
    Unavailable,
    /// An HTTPS registry closed the connection on a client without a certificate: what
    /// a registry that requires one does under TLS 1.3 (the refusal comes after the
    /// handshake, so it looks like a reset), or one going away. Tried once more only.
    Closed,
    /// An answer eddy cannot read, or a local problem (a CA file, a reference cycle).
    Invalid,
}

/// One line: `schema registry at URL: METHOD PATH: what happened`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("schema registry at {url}: {what}")]
pub struct RegistryError {
    pub url: String,
    pub kind: ErrorKind,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
    /// The registry's `error_code` (40401, 40403, 42201, ...), when it gave one.
    pub code: Option<i64>,
    pub what: String,
}

impl RegistryError {
    pub fn is_not_found(&self) -> bool {
        self.kind == ErrorKind::NotFound
    }
}

impl From<RegistryError> for Error {
    fn from(e: RegistryError) -> Error {
        let hint = match e.kind {
            ErrorKind::Unauthorized => Some(
                "check EDDY_REGISTRY_USERNAME and EDDY_REGISTRY_PASSWORD (or EDDY_REGISTRY_TOKEN), or the context's registry username, password and token",
            ),
            ErrorKind::Unavailable => Some("is the registry running at that URL? (--registry, EDDY_REGISTRY_URL)"),
            ErrorKind::Closed => Some(
                "the registry closed the connection: it may require a client certificate (cert and key in the context's [registry] table) or not be running",
            ),
            _ => None,
        };
        Error::Input {
            at: format!("schema registry at {}", e.url),
            why: e.what,
            hint: hint.map(str::to_string),
        }
    }
}

/// The registry's answer to `GET /schemas/ids/N`, `GET /subjects/S/versions/V` and
/// `POST /subjects/S`.
#[derive(Debug, Deserialize)]
struct SchemaBody {
    schema: String,
    #[serde(rename = "schemaType")]
    schema_type: Option<String>,
    references: Option<Vec<Reference>>,
    id: Option<u32>,
    guid: Option<String>,
    subject: Option<String>,
    version: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct ErrorBody {
    error_code: Option<i64>,
    message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    fn name(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// Why one try did not give an answer, and whether another try may.
struct Failed {
    error: RegistryError,
    retry: bool,
}

const CONTENT_TYPE: &str = "application/vnd.schemaregistry.v1+json";
const ACCEPT: &str = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";

/// A client of one registry, shared by every thread of a run.
#[derive(Debug)]
pub struct Registry {
    url: String,
    agent: ureq::Agent,
    authorization: Option<String>,
    username: Option<String>,
    timeout: Duration,
    /// HTTPS without a client certificate: a reset is then most likely a refusal of
    /// mutual TLS, which waiting does not mend.
    https_without_cert: bool,
    by_id: Cache<u32, Result<Arc<Resolved>, RegistryError>>,
    by_guid: Cache<String, Result<Arc<Resolved>, RegistryError>>,
    by_version: Cache<(String, i64), Result<Arc<Schema>, RegistryError>>,
}

/// A cached answer stays for the run when it is a schema or a 404.
fn keep<T>(answer: &Result<T, RegistryError>) -> bool {
    match answer {
        Ok(_) => true,
        Err(e) => e.is_not_found(),
    }
}

impl Registry {
    /// The registry the settings name; a usage error when none is configured.
    pub fn from_settings(settings: &Settings) -> crate::error::Result<Registry> {
        if settings.registry_bare {
            return Err(Error::flag_says(
                "--registry",
                "needs a URL here (only `eddy dev --registry` starts a registry of its own)",
            ));
        }
        let registry = settings.registry.as_ref().ok_or_else(|| {
            Error::usage(
                "no schema registry: give --registry URL, set EDDY_REGISTRY_URL, or url in the context's [registry] table",
            )
        })?;
        Registry::new(registry, settings.timeout)
    }

    /// A client for `settings`, which waits for the registry at most `timeout` per call
    /// (tries included). Reads the CA and client certificate files now, so that a bad
    /// file is a usage error before anything is asked.
    pub fn new(settings: &RegistrySettings, timeout: Duration) -> crate::error::Result<Registry> {
        let tls = tls_config(settings)?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .tls_config(tls)
            .user_agent(concat!("eddy/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let (authorization, username) = match &settings.auth {
            RegistryAuth::None => (None, None),
            RegistryAuth::Basic { username, password } => {
                use base64::Engine as _;
                let pair = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
                (Some(format!("Basic {pair}")), Some(username.clone()))
            }
            RegistryAuth::Bearer(token) => (Some(format!("Bearer {token}")), None),
        };
        Ok(Registry {
            url: settings.url.clone(),
            agent,
            authorization,
            username,
            timeout,
            https_without_cert: settings.url.starts_with("https://") && settings.cert.is_none(),
            by_id: Cache::default(),
            by_guid: Cache::default(),
            by_version: Cache::default(),
        })
    }

    /// The registry's base URL (no credentials are ever in it).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The schema with this id and everything it refers to; asked once per id for the
    /// run, a 404 included.
    pub fn schema(&self, id: u32) -> Result<Arc<Resolved>, RegistryError> {
        self.by_id.get(&id, keep, || {
            let body = self.get_schema(&format!("/schemas/ids/{id}"))?;
            let mut schema = schema_of(body, &self.url)?;
            schema.id = Some(id);
            self.resolve(schema).map(Arc::new)
        })
    }

    /// The schema with this GUID (the header form of the wire format), as [`schema`].
    ///
    /// [`schema`]: Registry::schema
    pub fn schema_by_guid(&self, guid: &str) -> Result<Arc<Resolved>, RegistryError> {
        self.by_guid.get(&guid.to_string(), keep, || {
            let body = self.get_schema(&format!("/schemas/guids/{}", segment(guid)))?;
            let mut schema = schema_of(body, &self.url)?;
            schema.guid.get_or_insert_with(|| guid.to_string());
            self.resolve(schema).map(Arc::new)
        })
    }

    /// A version of a subject. Numbered versions never change, so they are cached for
    /// the run; the latest is asked each time.
    pub fn subject_version(&self, subject: &str, version: Version) -> Result<Arc<Schema>, RegistryError> {
        let fetch = || -> Result<Arc<Schema>, RegistryError> {
            let path = format!("/subjects/{}/versions/{}", segment(subject), version.path());
            let body = self.get_schema(&path)?;
            let mut schema = schema_of(body, &self.url)?;
            schema.subject.get_or_insert_with(|| subject.to_string());
            Ok(Arc::new(schema))
        };
        match version {
            Version::Latest => fetch(),
            Version::Number(n) => self.by_version.get(&(subject.to_string(), n), keep, fetch),
        }
    }

    /// Fetches what `schema` refers to, recursively, into one flat list: each
    /// referenced schema once, the ones it needs before it.
    pub fn resolve(&self, schema: Schema) -> Result<Resolved, RegistryError> {
        let mut references = Vec::new();
        let mut done = HashSet::new();
        let mut path = Vec::new();
        for r in &schema.references {
            self.visit(r, &mut references, &mut done, &mut path)?;
        }
        let source = SchemaSource {
            kind: schema.kind,
            text: schema.text.clone(),
            references,
        };
        Ok(Resolved { schema, source })
    }

    fn visit(
        &self,
        r: &Reference,
        out: &mut Vec<NamedSchema>,
        done: &mut HashSet<(String, i64)>,
        path: &mut Vec<(String, i64)>,
    ) -> Result<(), RegistryError> {
        let key = (r.subject.clone(), r.version);
        if done.contains(&key) {
            return Ok(());
        }
        if path.contains(&key) || path.len() >= MAX_REFERENCE_DEPTH {
            return Err(self.local_error(format!(
                "the references form a cycle through subject '{}' version {}",
                r.subject, r.version
            )));
        }
        path.push(key.clone());
        let referenced = self
            .subject_version(&r.subject, Version::of_reference(r.version))
            .map_err(|e| RegistryError {
                what: format!(
                    "reference '{}' (subject '{}' version {}): {}",
                    r.name, r.subject, r.version, e.what
                ),
                ..e
            })?;
        for inner in &referenced.references {
            self.visit(inner, out, done, path)?;
        }
        path.pop();
        done.insert(key);
        if !out.iter().any(|n| n.name == r.name) {
            out.push(NamedSchema {
                name: r.name.clone(),
                text: referenced.text.clone(),
            });
        }
        Ok(())
    }

    /// Every subject (not soft-deleted ones).
    pub fn subjects(&self) -> Result<Vec<String>, RegistryError> {
        let text = self.call(Method::Get, "/subjects", None)?;
        self.parse(&text, "/subjects")
    }

    /// The version numbers of a subject.
    pub fn versions(&self, subject: &str) -> Result<Vec<i64>, RegistryError> {
        let path = format!("/subjects/{}/versions", segment(subject));
        let text = self.call(Method::Get, &path, None)?;
        self.parse(&text, &path)
    }

    /// Registers `schema` under `subject` and returns its id (the same schema again
    /// keeps its id).
    pub fn register(&self, subject: &str, schema: &NewSchema) -> Result<u32, RegistryError> {
        #[derive(Deserialize)]
        struct Registered {
            id: u32,
        }
        let path = format!("/subjects/{}/versions", segment(subject));
        let text = self.call(Method::Post, &path, Some(&body_of(schema)))?;
        self.parse::<Registered>(&text, &path).map(|r| r.id)
    }

    /// The version of `subject` that is `schema` (404 when the subject does not have it).
    pub fn lookup(&self, subject: &str, schema: &NewSchema) -> Result<Schema, RegistryError> {
        let path = format!("/subjects/{}", segment(subject));
        let text = self.call(Method::Post, &path, Some(&body_of(schema)))?;
        let mut found = schema_of(self.parse(&text, &path)?, &self.url)?;
        found.subject.get_or_insert_with(|| subject.to_string());
        Ok(found)
    }

    /// Whether `schema` is compatible with the latest version of `subject`, by the
    /// subject's compatibility setting.
    pub fn check_compatibility(&self, subject: &str, schema: &NewSchema) -> Result<Compatibility, RegistryError> {
        #[derive(Deserialize)]
        struct Answer {
            is_compatible: bool,
            #[serde(default)]
            messages: Vec<serde_json::Value>,
        }
        let path = format!(
            "/compatibility/subjects/{}/versions/latest?verbose=true",
            segment(subject)
        );
        let text = self.call(Method::Post, &path, Some(&body_of(schema)))?;
        let answer: Answer = self.parse(&text, &path)?;
        Ok(Compatibility {
            compatible: answer.is_compatible,
            messages: answer
                .messages
                .into_iter()
                .map(|m| match m {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                })
                .collect(),
        })
    }

    /// Deletes a subject and returns the versions deleted. Soft (the registry can still
    /// serve the schemas by id) unless `permanent`, which soft-deletes first where the
    /// subject was not yet, as the registry requires.
    pub fn delete_subject(&self, subject: &str, permanent: bool) -> Result<Vec<i64>, RegistryError> {
        let path = format!("/subjects/{}", segment(subject));
        let soft = self.call(Method::Delete, &path, None);
        if !permanent {
            return self.parse(&soft?, &path);
        }
        let soft_versions: Option<Vec<i64>> = match soft {
            Ok(text) => Some(self.parse(&text, &path)?),
            // 40404: soft-deleted already, which is what a permanent delete needs.
            Err(e) if e.code == Some(40404) => None,
            Err(e) => return Err(e),
        };
        let hard_path = format!("{path}?permanent=true");
        let hard: Vec<i64> = self.parse(&self.call(Method::Delete, &hard_path, None)?, &hard_path)?;
        Ok(if hard.is_empty() {
            soft_versions.unwrap_or_default()
        } else {
            hard
        })
    }

    fn get_schema(&self, path: &str) -> Result<SchemaBody, RegistryError> {
        let text = self.call(Method::Get, path, None)?;
        self.parse(&text, path)
    }

    fn parse<T: serde::de::DeserializeOwned>(&self, text: &str, path: &str) -> Result<T, RegistryError> {
        serde_json::from_str(text).map_err(|e| {
            self.local_error(format!(
                "{path}: an answer eddy cannot read ({e}): {}",
                text.chars().take(200).collect::<String>()
            ))
        })
    }

    fn local_error(&self, what: String) -> RegistryError {
        RegistryError {
            url: self.url.clone(),
            kind: ErrorKind::Invalid,
            status: None,
            code: None,
            what,
        }
    }

    /// One request, tried again with backoff while the registry is unavailable, until
    /// the deadline; the answer's body on success.
    fn call(&self, method: Method, path: &str, body: Option<&serde_json::Value>) -> Result<String, RegistryError> {
        let deadline = Instant::now() + self.timeout;
        let mut backoff = FIRST_BACKOFF;
        let mut closed = 0;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let failed = match self.try_once(method, path, body, left) {
                Ok(text) => return Ok(text),
                Err(f) => f,
            };
            // A closed connection is tried once more (it may have been a pooled one the
            // server had dropped), not for the whole --timeout.
            if failed.error.kind == ErrorKind::Closed {
                closed += 1;
            }
            if !failed.retry || closed > 1 || Instant::now() + backoff >= deadline {
                return Err(failed.error);
            }
            std::thread::sleep(backoff);
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    fn try_once(
        &self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
        left: Duration,
    ) -> Result<String, Failed> {
        let url = format!("{}{path}", self.url);
        let what = format!("{} {path}", method.name());
        let timeout = Some(left.max(Duration::from_millis(1)));
        let sent = match method {
            Method::Get | Method::Delete => {
                let mut req = if method == Method::Get {
                    self.agent.get(&url)
                } else {
                    self.agent.delete(&url)
                };
                req = req.header("Accept", ACCEPT);
                if let Some(a) = &self.authorization {
                    req = req.header("Authorization", a);
                }
                req.config().timeout_global(timeout).build().call()
            }
            Method::Post => {
                let mut req = self
                    .agent
                    .post(&url)
                    .header("Accept", ACCEPT)
                    .content_type(CONTENT_TYPE);
                if let Some(a) = &self.authorization {
                    req = req.header("Authorization", a);
                }
                let text = body.map(|b| b.to_string()).unwrap_or_default();
                req.config().timeout_global(timeout).build().send(text.as_bytes())
            }
        };
        let mut response = sent.map_err(|e| self.network_error(&what, e, left))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|e| self.network_error(&what, e, left))?;
        if (200..300).contains(&status) {
            return Ok(text);
        }
        Err(self.status_error(&what, status, &text))
    }

    fn network_error(&self, what: &str, e: ureq::Error, left: Duration) -> Failed {
        let (why, retry) = match &e {
            ureq::Error::Timeout(_) => (format!("no answer within {}", humantime::format_duration(left)), true),
            ureq::Error::ConnectionFailed => ("cannot connect".to_string(), true),
            ureq::Error::HostNotFound => ("the host does not resolve".to_string(), true),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                ("cannot connect: connection refused".to_string(), true)
            }
            // The TLS layer (native-tls) does not tell whether the server asked for a
            // certificate, so any close right after connecting counts, and the hint
            // names both causes.
            ureq::Error::Io(io)
                if self.https_without_cert
                    && matches!(
                        io.kind(),
                        std::io::ErrorKind::ConnectionReset
                            | std::io::ErrorKind::ConnectionAborted
                            | std::io::ErrorKind::UnexpectedEof
                    ) =>
            {
                return Failed {
                    error: RegistryError {
                        url: self.url.clone(),
                        kind: ErrorKind::Closed,
                        status: None,
                        code: None,
                        what: format!("{what}: {io}"),
                    },
                    retry: true,
                };
            }
            ureq::Error::Io(io) => (io.to_string(), true),
            ureq::Error::Tls(_) | ureq::Error::NativeTls(_) | ureq::Error::Pem(_) | ureq::Error::Der(_) => {
                (format!("TLS: {e}"), false)
            }
            other => (other.to_string(), false),
        };
        let why = if retry {
            format!("{why} (tried for {})", humantime::format_duration(self.timeout))
        } else {
            why
        };
        Failed {
            error: RegistryError {
                url: self.url.clone(),
                kind: if retry {
                    ErrorKind::Unavailable
                } else {
                    ErrorKind::Invalid
                },
                status: None,
                code: None,
                what: format!("{what}: {why}"),
            },
            retry,
        }
    }

    fn status_error(&self, what: &str, status: u16, text: &str) -> Failed {
        let body: Option<ErrorBody> = serde_json::from_str(text).ok();
        let code = body.as_ref().and_then(|b| b.error_code);
        let message = body.and_then(|b| b.message).unwrap_or_else(|| {
            let t = text.trim();
            if t.is_empty() {
                "no message".to_string()
            } else {
                t.chars().take(200).collect()
            }
        });
        let (kind, retry) = match status {
            401 | 403 => (ErrorKind::Unauthorized, false),
            404 => (ErrorKind::NotFound, false),
            429 | 500..=599 => (ErrorKind::Unavailable, true),
            _ => (ErrorKind::Refused, false),
        };
        let mut why = format!("{what}: HTTP {status}: {message}");
        if let Some(c) = code {
            why.push_str(&format!(" (error {c})"));
        }
        match (status, &self.username) {
            (401, Some(u)) => why.push_str(&format!("; the registry refused the credentials of user '{u}'")),
            (403, Some(u)) => why.push_str(&format!("; user '{u}' may not do this, or the credentials are wrong")),
            (401 | 403, None) if self.authorization.is_some() => why.push_str("; the registry refused the token"),
            (401, None) => why.push_str("; the registry wants credentials"),
            _ => {}
        }
        Failed {
            error: RegistryError {
                url: self.url.clone(),
                kind,
                status: Some(status),
                code,
                what: why,
            },
            retry,
        }
    }
}

/// A schema from the registry's answer; an unknown `schemaType` is an error.
fn schema_of(body: SchemaBody, url: &str) -> Result<Schema, RegistryError> {
    let kind = SchemaKind::from_registry(body.schema_type.as_deref()).ok_or_else(|| RegistryError {
        url: url.to_string(),
        kind: ErrorKind::Invalid,
        status: None,
        code: None,
        what: format!(
            "schemaType '{}' is not AVRO, PROTOBUF or JSON",
            body.schema_type.as_deref().unwrap_or("")
        ),
    })?;
    Ok(Schema {
        id: body.id,
        guid: body.guid,
        subject: body.subject,
        version: body.version,
        kind,
        text: body.schema,
        references: body.references.unwrap_or_default(),
    })
}

/// The request body of register, lookup and compatibility.
fn body_of(schema: &NewSchema) -> serde_json::Value {
    let mut body = json!({ "schema": schema.text });
    if let Some(t) = schema.kind.registry_name() {
        body["schemaType"] = json!(t);
    }
    if !schema.references.is_empty() {
        body["references"] = json!(schema.references);
    }
    body
}

/// A path segment, percent-encoded (subjects may hold `:`, `/`, spaces, ...).
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// TLS as the settings say: the system's roots unless a CA file is given, a client
/// certificate for mutual TLS, or no verification at all.
fn tls_config(settings: &RegistrySettings) -> crate::error::Result<ureq::tls::TlsConfig> {
    use ureq::tls::{Certificate, ClientCert, PemItem, PrivateKey, RootCerts, TlsConfig, TlsProvider, parse_pem};
    let read = |path: &std::path::Path, what: &str| -> crate::error::Result<Vec<u8>> {
        std::fs::read(path).map_err(|e| Error::usage(format!("schema registry {what} {}: {e}", path.display())))
    };
    let certificates = |path: &std::path::Path, what: &str| -> crate::error::Result<Vec<Certificate<'static>>> {
        let pem = read(path, what)?;
        let certs: Vec<Certificate<'static>> = parse_pem(&pem)
            .filter_map(|item| match item {
                Ok(PemItem::Certificate(c)) => Some(c),
                _ => None,
            })
            .collect();
        if certs.is_empty() {
            return Err(Error::usage(format!(
                "schema registry {what} {}: no PEM certificate in it",
                path.display()
            )));
        }
        Ok(certs)
    };
    let mut tls = TlsConfig::builder()
        .provider(TlsProvider::NativeTls)
        .disable_verification(settings.insecure);
    tls = match &settings.ca {
        Some(ca) => tls.root_certs(RootCerts::new_with_certs(&certificates(ca, "CA file")?)),
        None => tls.root_certs(RootCerts::PlatformVerifier),
    };
    if let (Some(cert), Some(key)) = (&settings.cert, &settings.key) {
        let chain = certificates(cert, "client certificate")?;
        let key_pem = read(key, "client key")?;
        let key = PrivateKey::from_pem(&key_pem)
            .map_err(|e| Error::usage(format!("schema registry client key {}: {e}", key.display())))?;
        tls = tls.client_cert(Some(ClientCert::new_with_certs(&chain, key)));
    }
    Ok(tls.build())
}

#[cfg(test)]
mod tests;
