//! Over 700 lines because about 300 of them are its unit tests of the precedence and
//! redaction rules; the code is under 550.
//!
//! Flags, environment and the config file, resolved into one validated `Settings`
//! before anything touches the network. Precedence: flag > environment > context in the
//! config file > default; `-X` properties win over everything. Secrets are redacted
//! here, in one place, for every printer (`eddy config`, errors, `-v`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::cli::{ColorChoice, Global};
use crate::error::{Error, Result};
use crate::times::parse_duration;

pub const DEFAULT_BROKERS: &str = "localhost:9092";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Everything a command needs to know about where the cluster is and how to talk to it.
#[derive(Debug, Clone)]
pub struct Settings {
    pub brokers: String,
    /// Where `brokers` came from, for `eddy config` and for error messages.
    pub brokers_from: String,
    pub context: Option<String>,
    pub config_path: Option<PathBuf>,
    pub config_found: bool,
    /// librdkafka properties, context first, then `-X`, in order; later ones win.
    pub properties: Vec<(String, String)>,
    pub timeout: Duration,
    pub color: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// The schema registry, when a URL was given (flag, environment or context).
    pub registry: Option<RegistrySettings>,
    /// `--registry` was given without a URL: `eddy dev --registry` starts its own.
    pub registry_bare: bool,
}

/// Where the schema registry is and how to talk to it. Each key resolves on its own:
/// flag (the URL only) > environment > context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrySettings {
    /// The base URL, without a trailing `/`.
    pub url: String,
    /// Where `url` came from, for `eddy config`.
    pub url_from: String,
    pub auth: RegistryAuth,
    /// A PEM file of the CA certificates to trust instead of the system's.
    pub ca: Option<PathBuf>,
    /// A PEM client certificate (chain) and its key, for mutual TLS.
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    /// Skip verifying the registry's certificate.
    pub insecure: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryAuth {
    None,
    Basic { username: String, password: String },
    Bearer(String),
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    default: Option<String>,
    #[serde(default)]
    contexts: BTreeMap<String, Context>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Context {
    brokers: Option<Brokers>,
    #[serde(default)]
    properties: BTreeMap<String, toml::Value>,
    registry: Option<RegistryContext>,
}

/// `[contexts.NAME.registry]`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RegistryContext {
    url: Option<String>,
    username: Option<String>,
    password: Option<String>,
    token: Option<String>,
    ca: Option<PathBuf>,
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
    #[serde(default)]
    insecure: bool,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Brokers {
    One(String),
    Many(Vec<String>),
}

/// Resolves the settings from the flags and an environment lookup (a closure, so that
/// tests need not touch the process environment).
pub fn resolve(global: &Global, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    let (config_path, file, found) = read_config_file(global, env)?;
    let context_name = global
        .context
        .clone()
        .or_else(|| env("EDDY_CONTEXT").filter(|s| !s.is_empty()))
        .or_else(|| file.default.clone());
    let context = find_context(&file, context_name.as_deref(), config_path.as_deref())?;
    let (brokers, brokers_from) = resolve_brokers(global, context, context_name.as_deref(), env)?;
    let properties = resolve_properties(global, context, context_name.as_deref(), env)?;

    let timeout = match &global.timeout {
        Some(t) => parse_duration("--timeout", t).map_err(Error::usage)?,
        None => DEFAULT_TIMEOUT,
    };
    if timeout.is_zero() {
        return Err(Error::usage("--timeout: must be more than 0"));
    }

    let color = match global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            env("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    };

    let registry_bare = global.registry.as_deref() == Some("");
    let registry = resolve_registry(
        global.registry.as_deref().filter(|u| !u.is_empty()),
        context.and_then(|c| c.registry.as_ref()),
        context_name.as_deref().unwrap_or(""),
        env,
    )?;

    Ok(Settings {
        brokers,
        brokers_from,
        context: context_name,
        config_path,
        config_found: found,
        properties,
        timeout,
        color,
        quiet: global.quiet,
        verbose: global.verbose,
        registry,
        registry_bare,
    })
}

/// The config file: from `--config`, `EDDY_CONFIG` or the default place, and whether
/// it was there. Only a file that was named must exist.
fn read_config_file(
    global: &Global,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(Option<PathBuf>, ConfigFile, bool)> {
    let flag_path = global
        .config_file
        .clone()
        .or_else(|| global.config_file_anywhere.clone());
    let config_path = flag_path
        .clone()
        .or_else(|| env("EDDY_CONFIG").filter(|s| !s.is_empty()).map(PathBuf::from))
        .or_else(|| default_config_path(env));
    let explicit_path = flag_path.is_some() || env("EDDY_CONFIG").is_some_and(|s| !s.is_empty());
    let (file, found) = match &config_path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => (parse_file(path, &text)?, true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit_path => (ConfigFile::default(), false),
            Err(e) => return Err(Error::usage(format!("config file {}: {e}", path.display()))),
        },
        None => (ConfigFile::default(), false),
    };
    Ok((config_path, file, found))
}

/// The context `name` names, which must be in the file.
fn find_context<'f>(file: &'f ConfigFile, name: Option<&str>, path: Option<&Path>) -> Result<Option<&'f Context>> {
    let Some(name) = name else {
        return Ok(None);
    };
    file.contexts.get(name).map(Some).ok_or_else(|| {
        let known: Vec<&str> = file.contexts.keys().map(String::as_str).collect();
        Error::usage(format!(
            "context '{name}' is not in the config file {}{}",
            path.map(|p| p.display().to_string()).unwrap_or_default(),
            if known.is_empty() {
                String::new()
            } else {
                format!(" (known: {})", known.join(", "))
            }
        ))
    })
}

/// The brokers and where they came from: `--brokers`, `EDDY_BROKERS`, the context, or
/// the default, in that order.
fn resolve_brokers(
    global: &Global,
    context: Option<&Context>,
    context_name: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(String, String)> {
    if let Some(b) = &global.brokers {
        return Ok((b.clone(), "--brokers".to_string()));
    }
    if let Some(b) = env("EDDY_BROKERS").filter(|s| !s.is_empty()) {
        return Ok((b, "EDDY_BROKERS".to_string()));
    }
    if let Some(b) = context.and_then(|c| c.brokers.as_ref()) {
        let list = match b {
            Brokers::One(s) => s.clone(),
            Brokers::Many(v) => v.join(","),
        };
        return Ok((
            substitute(&list, "brokers", env)?,
            format!("context {}", context_name.unwrap_or("")),
        ));
    }
    Ok((DEFAULT_BROKERS.to_string(), "default".to_string()))
}

/// librdkafka properties: the context's first, then `-X`, in order.
fn resolve_properties(
    global: &Global,
    context: Option<&Context>,
    context_name: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, String)>> {
    let mut properties = Vec::new();
    if let Some(ctx) = context {
        for (key, value) in &ctx.properties {
            let text = match value {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                _ => {
                    return Err(Error::usage(format!(
                        "context '{}': property {key} must be a string, number or boolean",
                        context_name.unwrap_or("")
                    )));
                }
            };
            properties.push((key.clone(), substitute(&text, key, env)?));
        }
    }
    for kv in &global.properties {
        let (key, value) = kv
            .split_once('=')
            .ok_or_else(|| Error::usage(format!("-X {}: expected KEY=VALUE", redact_pair(kv))))?;
        if key.trim().is_empty() {
            return Err(Error::usage(format!(
                "-X {}: the property name is empty",
                redact_pair(kv)
            )));
        }
        properties.push((key.trim().to_string(), value.to_string()));
    }
    Ok(properties)
}

/// The registry settings, key by key: the flag (URL only), then `EDDY_REGISTRY_*`, then
/// the context's `registry` table (with `${ENV}` substituted). None without a URL.
fn resolve_registry(
    flag: Option<&str>,
    context: Option<&RegistryContext>,
    context_name: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<RegistrySettings>> {
    let from_env = |name: &str| env(name).filter(|s| !s.is_empty());
    let from_context = |value: Option<&String>, key: &str| -> Result<Option<String>> {
        value
            .map(|v| substitute(v, &format!("context '{context_name}': registry.{key}"), env))
            .transpose()
    };
    let (url, url_from) = if let Some(u) = flag {
        (u.to_string(), "--registry".to_string())
    } else if let Some(u) = from_env("EDDY_REGISTRY_URL") {
        (u, "EDDY_REGISTRY_URL".to_string())
    } else if let Some(u) = from_context(context.and_then(|c| c.url.as_ref()), "url")? {
        (u, format!("context {context_name}"))
    } else {
        return Ok(None);
    };
    let url = check_registry_url(&url, &url_from)?;
    let username = match from_env("EDDY_REGISTRY_USERNAME") {
        Some(u) => Some(u),
        None => from_context(context.and_then(|c| c.username.as_ref()), "username")?,
    };
    let password = match from_env("EDDY_REGISTRY_PASSWORD") {
        Some(p) => Some(p),
        None => from_context(context.and_then(|c| c.password.as_ref()), "password")?,
    };
    let token = match from_env("EDDY_REGISTRY_TOKEN") {
        Some(t) => Some(t),
        None => from_context(context.and_then(|c| c.token.as_ref()), "token")?,
    };
    let auth = match (username, password, token) {
        (None, None, None) => RegistryAuth::None,
        (None, None, Some(t)) => RegistryAuth::Bearer(t),
        (Some(username), Some(password), None) => RegistryAuth::Basic { username, password },
        (Some(_), None, None) => {
            return Err(Error::usage(
                "schema registry: a username without a password (set EDDY_REGISTRY_PASSWORD or registry.password)",
            ));
        }
        (None, Some(_), None) => {
            return Err(Error::usage(
                "schema registry: a password without a username (set EDDY_REGISTRY_USERNAME or registry.username)",
            ));
        }
        (_, _, Some(_)) => {
            return Err(Error::usage(
                "schema registry: both a token and a username/password are set; use one of them",
            ));
        }
    };
    let ca = match from_env("EDDY_REGISTRY_CA") {
        Some(p) => Some(PathBuf::from(p)),
        None => context.and_then(|c| c.ca.clone()),
    };
    let cert = context.and_then(|c| c.cert.clone());
    let key = context.and_then(|c| c.key.clone());
    if cert.is_some() != key.is_some() {
        return Err(Error::usage(format!(
            "context '{context_name}': registry.cert and registry.key go together (a client certificate needs its key)"
        )));
    }
    Ok(Some(RegistrySettings {
        url,
        url_from,
        auth,
        ca,
        cert,
        key,
        insecure: context.is_some_and(|c| c.insecure),
    }))
}

/// An `http://` or `https://` URL without credentials in it, trailing `/` trimmed. The
/// refusal never repeats the URL: it may hold a password.
fn check_registry_url(url: &str, from: &str) -> Result<String> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| Error::flag(from, url, "is not an http:// or https:// URL"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(Error::flag_says(from, "the registry URL carries credentials (user:password@host); they are refused there")
            .with_hint("set EDDY_REGISTRY_USERNAME and EDDY_REGISTRY_PASSWORD (or EDDY_REGISTRY_TOKEN), or username and password in [contexts.NAME.registry]"));
    }
    if authority.is_empty() {
        return Err(Error::flag(from, url, "has no host"));
    }
    Ok(url.trim_end_matches('/').to_string())
}

fn default_config_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(xdg) = env("XDG_CONFIG_HOME").filter(|s| !s.is_empty()) {
        return Some(Path::new(&xdg).join("eddy/config.toml"));
    }
    env("HOME")
        .filter(|s| !s.is_empty())
        .map(|h| Path::new(&h).join(".config/eddy/config.toml"))
}

fn parse_file(path: &Path, text: &str) -> Result<ConfigFile> {
    toml::from_str(text).map_err(|e| Error::usage(format!("config file {}: {}", path.display(), e.message())))
}

/// Replaces every `${NAME}` in `value` with the environment variable NAME. A missing
/// variable is an error that names it, never the value around it.
fn substitute(value: &str, what: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find('}')
            .ok_or_else(|| Error::usage(format!("{what}: '${{' without a closing '}}'")))?;
        let name = &after[..end];
        let replacement =
            env(name).ok_or_else(|| Error::usage(format!("{what}: the environment variable {name} is not set")))?;
        out.push_str(&replacement);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// True for property names whose values must never be shown.
pub fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("password")
        || k.contains("secret")
        || k.starts_with("sasl.oauthbearer.")
        || k.starts_with("ssl.key.")
        || k == "ssl_key"
        || k.contains("ssl.keystore.")
}

pub fn redact(key: &str, value: &str) -> String {
    if is_secret(key) {
        "********".to_string()
    } else {
        value.to_string()
    }
}

fn redact_pair(kv: &str) -> String {
    match kv.split_once('=') {
        Some((k, v)) => format!("{k}={}", redact(k, v)),
        None => kv.to_string(),
    }
}

impl Settings {
    /// The properties with secrets replaced, for printing.
    pub fn redacted_properties(&self) -> Vec<(String, String)> {
        let mut seen = BTreeMap::new();
        for (k, v) in &self.properties {
            seen.insert(k.clone(), redact(k, v));
        }
        seen.into_iter().collect()
    }

    /// `eddy config`: the resolved settings, redacted.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let path = self
            .config_path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(none)".into());
        out.push_str(&format!(
            "config file: {path}{}\n",
            if self.config_found { "" } else { " (not found)" }
        ));
        out.push_str(&format!(
            "context:     {}\n",
            self.context.as_deref().unwrap_or("(none)")
        ));
        out.push_str(&format!("brokers:     {} (from {})\n", self.brokers, self.brokers_from));
        out.push_str(&format!("timeout:     {}\n", humantime::format_duration(self.timeout)));
        if let Some(r) = &self.registry {
            out.push_str(&r.describe());
        }
        let props = self.redacted_properties();
        if props.is_empty() {
            out.push_str("properties:  (none)\n");
        } else {
            out.push_str("properties:\n");
            for (k, v) in props {
                out.push_str(&format!("  {k} = {v}\n"));
            }
        }
        out
    }
}

impl RegistrySettings {
    /// The lines `eddy config` shows, the password and token redacted.
    fn describe(&self) -> String {
        let mut out = format!("registry:    {} (from {})\n", self.url, self.url_from);
        match &self.auth {
            RegistryAuth::None => {}
            RegistryAuth::Basic { username, .. } => {
                out.push_str(&format!("  username = {username}\n  password = ********\n"));
            }
            RegistryAuth::Bearer(_) => out.push_str("  token = ********\n"),
        }
        for (name, path) in [("ca", &self.ca), ("cert", &self.cert), ("key", &self.key)] {
            if let Some(p) = path {
                out.push_str(&format!("  {name} = {}\n", p.display()));
            }
        }
        if self.insecure {
            out.push_str("  insecure = true\n");
        }
        out
    }
}

/// `eddy config contexts`: one line per context, the default marked with `*`.
pub fn list_contexts(settings: &Settings) -> Result<String> {
    let Some(path) = settings.config_path.as_deref().filter(|_| settings.config_found) else {
        return Ok(String::new());
    };
    let text = std::fs::read_to_string(path)?;
    let file = parse_file(path, &text)?;
    let mut out = String::new();
    for (name, ctx) in &file.contexts {
        let marker = if file.default.as_deref() == Some(name) {
            "*"
        } else {
            " "
        };
        let brokers = match &ctx.brokers {
            Some(Brokers::One(s)) => s.clone(),
            Some(Brokers::Many(v)) => v.join(","),
            None => String::new(),
        };
        out.push_str(&format!("{marker} {name}\t{brokers}\n"));
    }
    Ok(out)
}

/// `eddy config use NAME`: sets `default = NAME`, keeping the file's comments and layout.
pub fn use_context(settings: &Settings, name: &str) -> Result<PathBuf> {
    let path = settings
        .config_path
        .clone()
        .ok_or_else(|| Error::usage("no config file: set --config or EDDY_CONFIG"))?;
    let text =
        std::fs::read_to_string(&path).map_err(|e| Error::usage(format!("config file {}: {e}", path.display())))?;
    let file = parse_file(&path, &text)?;
    if !file.contexts.contains_key(name) {
        return Err(Error::usage(format!(
            "context '{name}' is not in the config file {}",
            path.display()
        )));
    }
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::usage(format!("config file {}: {e}", path.display())))?;
    doc["default"] = toml_edit::value(name);
    std::fs::write(&path, doc.to_string())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    fn write_config(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(f.path(), text).expect("write");
        f
    }

    const FILE: &str = r#"
# my contexts
default = "local"

[contexts.local]
brokers = "127.0.0.1:9092"

[contexts.prod]
brokers = ["a:9093", "b:9093"]
[contexts.prod.properties]
"security.protocol" = "SASL_SSL"
"sasl.username" = "svc"
"sasl.password" = "${PROD_PW}"
"linger.ms" = 20
"#;

    #[test]
    fn precedence_flag_env_context_default() {
        let f = write_config(FILE);
        let mut g = Global {
            config_file: Some(f.path().into()),
            ..Global::default()
        };
        let s = resolve(&g, &env_of(&[])).expect("resolve");
        assert_eq!(s.brokers, "127.0.0.1:9092");
        assert_eq!(s.context.as_deref(), Some("local"));

        let s = resolve(&g, &env_of(&[("EDDY_BROKERS", "env:1")])).expect("resolve");
        assert_eq!(s.brokers, "env:1");

        g.brokers = Some("flag:1".into());
        let s = resolve(&g, &env_of(&[("EDDY_BROKERS", "env:1")])).expect("resolve");
        assert_eq!(s.brokers, "flag:1");

        let none = Global {
            config_file: None,
            ..Global::default()
        };
        let s = resolve(&none, &env_of(&[("HOME", "/nonexistent")])).expect("resolve");
        assert_eq!(s.brokers, DEFAULT_BROKERS);
        assert!(!s.config_found);
    }

    #[test]
    fn context_from_env_and_secrets_substituted() {
        let f = write_config(FILE);
        let g = Global {
            config_file: Some(f.path().into()),
            ..Global::default()
        };
        let s = resolve(&g, &env_of(&[("EDDY_CONTEXT", "prod"), ("PROD_PW", "hunter2")])).expect("resolve");
        assert_eq!(s.brokers, "a:9093,b:9093");
        assert!(s.properties.contains(&("sasl.password".into(), "hunter2".into())));
        assert!(s.properties.contains(&("linger.ms".into(), "20".into())));
        let shown = s.describe();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("sasl.password = ********"), "{shown}");
        assert!(shown.contains("sasl.username = svc"), "{shown}");
    }

    #[test]
    fn missing_env_is_named() {
        let f = write_config(FILE);
        let g = Global {
            config_file: Some(f.path().into()),
            context: Some("prod".into()),
            ..Global::default()
        };
        let e = resolve(&g, &env_of(&[])).unwrap_err().to_string();
        assert!(e.contains("PROD_PW"), "{e}");
    }

    #[test]
    fn x_properties_win_and_are_redacted() {
        let f = write_config(FILE);
        let g = Global {
            config_file: Some(f.path().into()),
            context: Some("prod".into()),
            properties: vec!["linger.ms=5".into(), "sasl.oauthbearer.client.secret=xyz".into()],
            ..Global::default()
        };
        let s = resolve(&g, &env_of(&[("PROD_PW", "pw")])).expect("resolve");
        let last_linger = s
            .properties
            .iter()
            .rev()
            .find(|(k, _)| k == "linger.ms")
            .map(|(_, v)| v.as_str());
        assert_eq!(last_linger, Some("5"));
        let shown = s.describe();
        assert!(shown.contains("linger.ms = 5"), "{shown}");
        assert!(!shown.contains("xyz"), "{shown}");
    }

    #[test]
    fn secret_names() {
        for k in [
            "sasl.password",
            "ssl.key.password",
            "ssl.key.pem",
            "sasl.oauthbearer.client.secret",
            "ssl.keystore.password",
            "sasl.oauthbearer.config",
        ] {
            assert!(is_secret(k), "{k}");
        }
        for k in [
            "sasl.username",
            "bootstrap.servers",
            "ssl.ca.location",
            "security.protocol",
        ] {
            assert!(!is_secret(k), "{k}");
        }
    }

    #[test]
    fn unknown_context_and_bad_property() {
        let f = write_config(FILE);
        let g = Global {
            config_file: Some(f.path().into()),
            context: Some("nope".into()),
            ..Global::default()
        };
        assert!(matches!(resolve(&g, &env_of(&[])), Err(Error::Usage(_))));
        let g = Global {
            properties: vec!["novalue".into()],
            config_file: Some(f.path().into()),
            ..Global::default()
        };
        assert!(matches!(resolve(&g, &env_of(&[])), Err(Error::Usage(_))));
        let g = Global {
            timeout: Some("soon".into()),
            config_file: Some(f.path().into()),
            ..Global::default()
        };
        assert!(matches!(resolve(&g, &env_of(&[])), Err(Error::Usage(_))));
    }

    #[test]
    fn use_keeps_comments() {
        let f = write_config(FILE);
        let g = Global {
            config_file: Some(f.path().into()),
            ..Global::default()
        };
        let s = resolve(&g, &env_of(&[])).expect("resolve");
        use_context(&s, "prod").expect("use");
        let text = std::fs::read_to_string(f.path()).expect("read");
        assert!(text.contains("# my contexts"));
        assert!(text.contains("default = \"prod\""));
        assert!(use_context(&s, "nope").is_err());
    }

    const REGISTRY_FILE: &str = r#"
[contexts.prod]
brokers = "k:9092"
[contexts.prod.registry]
url = "https://sr.example:8081/"
username = "svc"
password = "${SR_PW}"
ca = "/etc/ssl/sr-ca.pem"
"#;

    fn registry_of(g: &Global, env: &[(&str, &str)]) -> Result<Option<RegistrySettings>> {
        resolve(g, &env_of(env)).map(|s| s.registry)
    }

    #[test]
    fn registry_from_context_env_and_flag_with_secrets_redacted() {
        let f = write_config(REGISTRY_FILE);
        let mut g = Global {
            config_file: Some(f.path().into()),
            context: Some("prod".into()),
            ..Global::default()
        };
        let r = registry_of(&g, &[("SR_PW", "s3cret")])
            .expect("resolve")
            .expect("a registry");
        assert_eq!(r.url, "https://sr.example:8081");
        assert_eq!(
            r.auth,
            RegistryAuth::Basic {
                username: "svc".into(),
                password: "s3cret".into()
            }
        );
        assert_eq!(r.ca.as_deref(), Some(Path::new("/etc/ssl/sr-ca.pem")));
        let shown = resolve(&g, &env_of(&[("SR_PW", "s3cret")]))
            .expect("resolve")
            .describe();
        assert!(
            shown.contains("registry:    https://sr.example:8081 (from context prod)"),
            "{shown}"
        );
        assert!(
            shown.contains("password = ********") && !shown.contains("s3cret"),
            "{shown}"
        );

        // The environment wins over the context, key by key; the flag over both.
        let env = [
            ("SR_PW", "x"),
            ("EDDY_REGISTRY_URL", "http://env:1"),
            ("EDDY_REGISTRY_USERNAME", "other"),
        ];
        let r = registry_of(&g, &env).expect("resolve").expect("a registry");
        assert_eq!(
            (r.url.as_str(), r.url_from.as_str()),
            ("http://env:1", "EDDY_REGISTRY_URL")
        );
        assert!(matches!(r.auth, RegistryAuth::Basic { ref username, .. } if username == "other"));
        g.registry = Some("http://flag:2".into());
        assert_eq!(
            registry_of(&g, &env).expect("resolve").expect("a registry").url,
            "http://flag:2"
        );

        // A missing ${ENV} is named.
        g.registry = None;
        let e = registry_of(&g, &[]).expect_err("SR_PW unset").to_string();
        assert!(e.contains("SR_PW") && e.contains("registry.password"), "{e}");
    }

    #[test]
    fn registry_credentials_in_the_url_are_refused_without_echoing_them() {
        for (g, env) in [
            (
                Global {
                    registry: Some("https://u:pa55@sr:8081".into()),
                    ..Global::default()
                },
                vec![],
            ),
            (Global::default(), vec![("EDDY_REGISTRY_URL", "http://u:pa55@sr")]),
        ] {
            let e = registry_of(&g, &env).expect_err("refused");
            assert!(e.is_usage());
            let text = e.to_string();
            assert!(text.contains("carries credentials") && !text.contains("pa55"), "{text}");
            assert!(e.hint().is_some_and(|h| h.contains("EDDY_REGISTRY_PASSWORD")));
        }
        let bare = |u: &str| Global {
            registry: Some(u.into()),
            ..Global::default()
        };
        assert!(registry_of(&bare("sr:8081"), &[]).is_err());
        assert!(registry_of(&bare("http://"), &[]).is_err());
        // An @ after the host is a path, not credentials.
        assert!(registry_of(&bare("http://sr/a@b"), &[]).is_ok());
    }

    #[test]
    fn registry_auth_must_be_one_whole_kind() {
        let url = ("EDDY_REGISTRY_URL", "http://sr");
        let g = Global::default();
        let token = registry_of(&g, &[url, ("EDDY_REGISTRY_TOKEN", "t")])
            .expect("ok")
            .expect("some");
        assert_eq!(token.auth, RegistryAuth::Bearer("t".into()));
        assert!(token.describe().contains("token = ********") && !token.describe().contains(" t\n"));
        for env in [
            vec![url, ("EDDY_REGISTRY_USERNAME", "u")],
            vec![url, ("EDDY_REGISTRY_PASSWORD", "p")],
            vec![
                url,
                ("EDDY_REGISTRY_USERNAME", "u"),
                ("EDDY_REGISTRY_PASSWORD", "p"),
                ("EDDY_REGISTRY_TOKEN", "t"),
            ],
        ] {
            assert!(registry_of(&g, &env).expect_err("refused").is_usage(), "{env:?}");
        }
        assert_eq!(registry_of(&g, &[]).expect("ok"), None);
        let dev = Global {
            registry: Some(String::new()),
            ..Global::default()
        };
        let s = resolve(&dev, &env_of(&[])).expect("ok");
        assert!(s.registry_bare && s.registry.is_none());
    }
}
