//! Where the registry is and how eddy talks to it, seen from the command line: the
//! flag, environment and context; credentials refused in URLs, refused by the registry,
//! never printed; a registry that is away; `eddy dev --registry` exporting its URL; and
//! confluent-kafka's own `SchemaRegistryClient` against `eddy dev --registry`.

use crate::support::{TestRegistry, eddy_bin, python, run};

/// eddy with no config file and only the given environment for the registry.
fn eddy(args: &[&str], env: &[(&str, &str)]) -> crate::support::Run {
    let home = tempfile::tempdir().unwrap();
    let mut c = std::process::Command::new(eddy_bin());
    c.args(args)
        .env("XDG_CONFIG_HOME", home.path())
        .env("NO_COLOR", "1")
        .env_remove("EDDY_CONFIG")
        .env_remove("EDDY_CONTEXT")
        .env_remove("EDDY_REGISTRY_URL")
        .env_remove("EDDY_REGISTRY_USERNAME")
        .env_remove("EDDY_REGISTRY_PASSWORD")
        .env_remove("EDDY_REGISTRY_TOKEN");
    for (k, v) in env {
        c.env(k, v);
    }
    run(c, None)
}

#[test]
fn credentials_in_the_registry_url_are_refused_with_a_hint_and_not_echoed() {
    for (args, env) in [
        (vec!["schemas", "--registry", "https://svc:pa55word@sr:8081"], vec![]),
        (
            vec!["schemas"],
            vec![("EDDY_REGISTRY_URL", "http://svc:pa55word@sr:8081/")],
        ),
        (
            vec!["config"],
            vec![("EDDY_REGISTRY_URL", "http://svc:pa55word@sr:8081/")],
        ),
    ] {
        let r = eddy(&args, &env).code(2);
        assert!(r.stderr.contains("carries credentials"), "{}", r.stderr);
        assert!(r.stderr.contains("hint: set EDDY_REGISTRY_USERNAME"), "{}", r.stderr);
        assert!(!r.stderr.contains("pa55word"), "{}", r.stderr);
    }
}

#[test]
fn schemas_without_a_registry_or_with_bad_flags_are_usage_errors() {
    let r = eddy(&["schemas", "list"], &[]).code(2);
    assert!(
        r.stderr.contains("no schema registry: give --registry URL"),
        "{}",
        r.stderr
    );
    let r = eddy(&["schemas", "list", "--registry"], &[]).code(2);
    assert!(r.stderr.contains("--registry: needs a URL here"), "{}", r.stderr);
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("x.txt");
    std::fs::write(&schema, "\"string\"").unwrap();
    let schema = schema.display().to_string();
    let url = [("EDDY_REGISTRY_URL", "http://127.0.0.1:9")];
    let r = eddy(&["schemas", "register", "s", &schema], &url).code(2);
    assert!(r.stderr.contains("--schema-type: needed"), "{}", r.stderr);
    let r = eddy(
        &[
            "schemas",
            "register",
            "s",
            &schema,
            "--schema-type",
            "avro",
            "--reference",
            "x",
        ],
        &url,
    )
    .code(2);
    assert!(
        r.stderr.contains("--reference: 'x' is not NAME=SUBJECT:VERSION"),
        "{}",
        r.stderr
    );
    let r = eddy(&["schemas", "show", "s", "--version", "0"], &url).code(2);
    assert!(r.stderr.contains("--version: '0'"), "{}", r.stderr);
    let bad = dir.path().join("bad.avsc");
    std::fs::write(&bad, "{\n  \"type\": \n").unwrap();
    let r = eddy(&["schemas", "register", "s", &bad.display().to_string()], &url).code(1);
    assert!(
        r.stderr.contains("bad.avsc: line 3: a avro schema must be JSON"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_registry_that_is_not_there_is_one_line_within_the_timeout() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let r = eddy(&["schemas", "list", "--timeout", "1s"], &[("EDDY_REGISTRY_URL", &url)]).code(1);
    assert!(r.elapsed < std::time::Duration::from_secs(5), "{:?}", r.elapsed);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert_eq!(
        lines[0],
        format!("eddy: schema registry at {url}: GET /subjects: cannot connect: connection refused (tried for 1s)")
    );
    assert!(
        lines[1].starts_with("eddy: hint: is the registry running"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_wrong_registry_password_is_refused_by_srfake_in_one_line_without_the_password() {
    use base64::Engine as _;
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("eddy:right-password")
    );
    let Some(r) = TestRegistry::srfake(
        "a_wrong_registry_password_is_refused_by_srfake_in_one_line_without_the_password",
        Some(&expected),
    ) else {
        return;
    };
    let user = ("EDDY_REGISTRY_USERNAME", "eddy");
    let wrong = r
        .eddy_env(
            &["schemas", "list"],
            &[user, ("EDDY_REGISTRY_PASSWORD", "wrong-password")],
        )
        .code(1);
    assert!(wrong.elapsed < std::time::Duration::from_secs(5), "{:?}", wrong.elapsed);
    assert!(
        // srfake answers a wrong Authorization with 403 (Confluent's registry with 401).
        wrong.stderr.contains("GET /subjects: HTTP 403") && wrong.stderr.contains("user 'eddy'"),
        "{}",
        wrong.stderr
    );
    assert!(
        wrong.stderr.contains("hint: check EDDY_REGISTRY_USERNAME"),
        "{}",
        wrong.stderr
    );
    assert!(!wrong.stderr.contains("wrong-password"), "{}", wrong.stderr);
    r.eddy_env(
        &["schemas", "list"],
        &[user, ("EDDY_REGISTRY_PASSWORD", "right-password")],
    )
    .ok();
    // The same from a context, with the password from the environment.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "default = \"sr\"\n[contexts.sr.registry]\nurl = \"{}\"\nusername = \"eddy\"\npassword = \"${{SR_PASSWORD}}\"\n",
            r.url
        ),
    )
    .unwrap();
    let cfg = config.display().to_string();
    let r2 = eddy(
        &["schemas", "list", "--config-file", &cfg],
        &[("SR_PASSWORD", "right-password")],
    )
    .ok();
    assert_eq!(r2.lines(), ["SUBJECT  LATEST  ID  TYPE"]);
    let shown = eddy(&["config", "--config-file", &cfg], &[("SR_PASSWORD", "right-password")]).ok();
    assert!(
        shown
            .text()
            .contains(&format!("registry:    {} (from context sr)", r.url)),
        "{}",
        shown.text()
    );
    assert!(
        shown.text().contains("  username = eddy\n  password = ********\n"),
        "{}",
        shown.text()
    );
    assert!(!shown.text().contains("right-password"), "{}", shown.text());
}

#[test]
fn eddy_dev_registry_prints_and_exports_its_url() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.avsc"), "\"string\"").unwrap();
    let bin_dir = eddy_bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut c = std::process::Command::new(eddy_bin());
    c.args([
        "dev",
        "--registry",
        "--",
        "sh",
        "-c",
        "echo \"$EDDY_REGISTRY_URL\" && eddy schemas register t-value t.avsc && eddy schemas list --output json",
    ])
    .current_dir(dir.path())
    .env("PATH", path)
    .env("XDG_CONFIG_HOME", dir.path())
    .env_remove("EDDY_REGISTRY_URL");
    let r = run(c, None).ok();
    let lines = r.lines();
    assert!(lines[0].starts_with("http://127.0.0.1:"), "{}", r.text());
    assert_eq!(lines[1], "registered under t-value: id 1, version 1");
    let listed: serde_json::Value = serde_json::from_str(&lines[2..].join("\n")).unwrap();
    assert_eq!(
        listed,
        serde_json::json!([{"subject": "t-value", "version": 1, "id": 1, "type": "avro"}])
    );
}

/// confluent-kafka's `SchemaRegistryClient` and serializers (from PyPI, not ours)
/// against `eddy dev --registry`: register, get by id, latest, lookup, compatibility
/// judged (`test_compatibility` for Avro, Protobuf and JSON Schema, a 409 on
/// register), `.proto` text served compiled under
/// `format=serialized`, and the Avro and Protobuf serializers' own registration and
/// framing.
#[test]
fn confluent_kafka_schema_registry_client_works_against_eddy_dev_registry() {
    let r = TestRegistry::dev();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/registry_client.py");
    let mut cmd = std::process::Command::new(python());
    cmd.arg(script).arg(&r.url);
    let out = run(cmd, None);
    assert_eq!(out.code, Some(0), "registry_client.py: {}\n{}", out.stderr, out.text());
    assert_eq!(
        out.lines().last().map(String::as_str),
        Some("REGISTRY OK"),
        "{}",
        out.text()
    );
    // What Python registered is what eddy shows.
    let listed: serde_json::Value =
        serde_json::from_slice(&r.eddy(&["schemas", "list", "--output", "json"]).ok().stdout).unwrap();
    let subjects: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "py-avro-value",
            "py-doc-value",
            "py-item-value",
            "py-money",
            "py-orders-value",
            "py-proto-value",
            "py-sale"
        ]
    );
}

/// A registry over HTTPS with a certificate from a CA made here: refused without the
/// CA (at once, not tried again: waiting does not mend a certificate), served with
/// `EDDY_REGISTRY_CA`, and with the context's `insecure = true`.
#[test]
fn an_https_registry_needs_its_ca_or_insecure() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let openssl = |args: &[&str]| {
        let out = std::process::Command::new("openssl")
            .args(args)
            .current_dir(d)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "1",
        "-subj",
        "/CN=eddy-test-ca",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(d.join("ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "1",
        "-extfile",
        "ext",
    ]);
    std::fs::write(
        d.join("serve.py"),
        r#"import http.server, ssl, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/subjects":
            body = b'["tls-subject"]'
        else:
            body = b'{"subject":"tls-subject","version":1,"id":1,"schema":"\\"string\\""}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = ctx.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
"#,
    )
    .unwrap();
    let mut server = Stopped(
        std::process::Command::new("python3")
            .args(["serve.py", "server.pem", "server.key"])
            .current_dir(d)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3"),
    );
    let mut port = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(server.0.stdout.take().unwrap()), &mut port).unwrap();
    let url = format!("https://127.0.0.1:{}", port.trim());
    let ca = d.join("ca.pem").display().to_string();

    let refused = eddy(&["schemas", "list", "--timeout", "5s"], &[("EDDY_REGISTRY_URL", &url)]).code(1);
    assert!(
        refused.elapsed < std::time::Duration::from_secs(4),
        "{:?}",
        refused.elapsed
    );
    assert!(
        refused
            .stderr
            .contains(&format!("schema registry at {url}: GET /subjects: TLS")),
        "{}",
        refused.stderr
    );
    let with_ca = eddy(
        &["schemas", "list"],
        &[("EDDY_REGISTRY_URL", &url), ("EDDY_REGISTRY_CA", &ca)],
    )
    .ok();
    assert_eq!(
        with_ca.lines(),
        ["SUBJECT      LATEST  ID  TYPE", "tls-subject  1       1   avro"]
    );
    let config = d.join("config.toml");
    std::fs::write(
        &config,
        format!("default = \"x\"\n[contexts.x.registry]\nurl = \"{url}\"\ninsecure = true\n"),
    )
    .unwrap();
    eddy(
        &["schemas", "list", "--config-file", &config.display().to_string()],
        &[],
    )
    .ok();
}

/// A child that is stopped when the test ends, also when it fails.
struct Stopped(std::process::Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `eddy dev --kafka --registry`: the real cluster and the in-process registry together,
/// both exported; a schema-encoded record goes through Apache Kafka and back.
#[test]
fn kafka_dev_kafka_with_registry_exports_both_and_carries_avro() {
    if crate::support::Cluster::kafka("kafka_dev_kafka_with_registry_exports_both_and_carries_avro").is_none() {
        return;
    }
    let _machine = crate::support::Cluster::one_cluster_at_a_time();
    let c = crate::support::Cluster::dev_kafka(&["--registry", "--topic", "orders:1"]);
    let url = c.line("EDDY_REGISTRY_URL").to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("order.avsc");
    std::fs::write(
        &schema,
        r#"{"type":"record","name":"Order","fields":[{"name":"id","type":"long"}]}"#,
    )
    .unwrap();
    let schema = schema.display().to_string();
    // The cluster's lines, the registry's among them, are in every command's environment.
    c.eddy_in(
        &["produce", "orders", "--schema", &schema, "--register"],
        "{\"id\":7}\n",
    )
    .ok();
    let out = c.eddy(&["consume", "orders", "-e", "-f", "json"]).ok();
    let record = &out.json_lines()[0];
    assert_eq!(record["value"], serde_json::json!({"id": 7}), "{record}");
    assert_eq!(record["value_format"], "avro", "{record}");
    let listed = c.eddy(&["schemas", "list"]).ok();
    assert!(listed.text().contains("orders-value"), "{}", listed.text());
}

/// Mutual TLS to a registry: a Python HTTPS server (`ssl`, not ours) that requires a
/// client certificate from the test's CA. Without `cert`/`key` in the context the
/// handshake is refused in one line; with them the request is served (the server
/// answers with the certificate's CN, so the certificate is what it saw).
#[test]
fn a_registry_that_requires_a_client_certificate_gets_the_contexts_cert_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let openssl = |args: &[&str]| {
        let out = std::process::Command::new("openssl")
            .args(args)
            .current_dir(d)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "1",
        "-subj",
        "/CN=eddy-mtls-ca",
    ]);
    std::fs::write(d.join("ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    for (name, cn) in [("server", "127.0.0.1"), ("client", "eddy-client")] {
        let (key, csr, pem) = (format!("{name}.key"), format!("{name}.csr"), format!("{name}.pem"));
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &key,
            "-out",
            &csr,
            "-subj",
            &format!("/CN={cn}"),
        ]);
        openssl(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &pem,
            "-days",
            "1",
            "-extfile",
            "ext",
        ]);
    }
    std::fs::write(
        d.join("serve.py"),
        r#"import http.server, json, ssl
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        peer = dict(x[0] for x in self.connection.getpeercert()["subject"])
        if self.path == "/subjects":
            body = json.dumps(["mtls-" + peer["commonName"]]).encode()
        else:
            body = json.dumps({"subject": "mtls-" + peer["commonName"], "version": 1, "id": 1,
                               "schema": '"string"'}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("server.pem", "server.key")
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.load_verify_locations("ca.pem")
server.socket = ctx.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
"#,
    )
    .unwrap();
    let mut server = Stopped(
        std::process::Command::new("python3")
            .arg("serve.py")
            .current_dir(d)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3"),
    );
    let mut port = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(server.0.stdout.take().unwrap()), &mut port).unwrap();
    let url = format!("https://127.0.0.1:{}", port.trim());
    let p = |f: &str| d.join(f).display().to_string();
    let context = |extra: &str| {
        let config = d.join("config.toml");
        std::fs::write(
            &config,
            format!(
                "default = \"x\"\n[contexts.x.registry]\nurl = \"{url}\"\nca = \"{}\"\n{extra}",
                p("ca.pem")
            ),
        )
        .unwrap();
        config.display().to_string()
    };
    let without = context("");
    let started = std::time::Instant::now();
    let refused = eddy(&["schemas", "list", "--timeout", "60s", "--config-file", &without], &[]).code(1);
    // TLS 1.3 refuses a missing certificate after the handshake: the client sees the
    // connection closed, and eddy says so in one line with a hint that names the
    // certificate, at once rather than after trying for the whole --timeout (it once
    // retried for all of it and then asked whether the registry was running).
    let first = refused.stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with(&format!("eddy: schema registry at {url}")),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("client certificate"), "{}", refused.stderr);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "took {:?}: {}",
        started.elapsed(),
        refused.stderr
    );
    let with = context(&format!(
        "cert = \"{}\"\nkey = \"{}\"\n",
        p("client.pem"),
        p("client.key")
    ));
    let served = eddy(&["schemas", "list", "--config-file", &with], &[]).ok();
    assert!(served.text().contains("mtls-eddy-client"), "{}", served.text());
}
