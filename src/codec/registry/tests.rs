//! The client against a scripted registry (answers played in order, every request
//! recorded) and against the dev registry: caching, single flight, retries, errors.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::*;
use crate::config::{RegistryAuth, RegistrySettings};
use crate::registry_server::RegistryServer;

/// What the scripted registry saw: one line per request, `METHOD PATH`, and the
/// Authorization header of each.
#[derive(Default)]
struct Seen {
    requests: Vec<String>,
    authorization: Vec<Option<String>>,
}

/// A registry that answers with `answers` in order (the last one again and again),
/// each after `delay`, one request per connection.
fn scripted(answers: Vec<(u16, &'static str)>, delay: Duration) -> (String, Arc<Mutex<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let recorded = seen.clone();
    std::thread::spawn(move || {
        for (next, conn) in listener.incoming().enumerate() {
            let Ok(mut conn) = conn else { return };
            let (status, body) = answers[next.min(answers.len() - 1)];
            let recorded = recorded.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(conn.try_clone().expect("clone"));
                let mut line = String::new();
                reader.read_line(&mut line).expect("request line");
                let mut length = 0;
                let mut authorization = None;
                loop {
                    let mut h = String::new();
                    reader.read_line(&mut h).expect("header");
                    let h = h.trim_end();
                    if h.is_empty() {
                        break;
                    }
                    let (name, value) = h.split_once(':').expect("header");
                    match name.to_ascii_lowercase().as_str() {
                        "content-length" => length = value.trim().parse().expect("length"),
                        "authorization" => authorization = Some(value.trim().to_string()),
                        _ => {}
                    }
                }
                let mut body_in = vec![0; length];
                reader.read_exact(&mut body_in).expect("body");
                {
                    let mut s = recorded.lock().expect("lock");
                    let mut parts = line.split(' ');
                    s.requests
                        .push(format!("{} {}", parts.next().unwrap_or(""), parts.next().unwrap_or("")));
                    s.authorization.push(authorization);
                }
                std::thread::sleep(delay);
                let _ = write!(
                    conn,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    (url, seen)
}

fn settings(url: &str, auth: RegistryAuth) -> RegistrySettings {
    RegistrySettings {
        url: url.to_string(),
        url_from: "test".into(),
        auth,
        ca: None,
        cert: None,
        key: None,
        insecure: false,
    }
}

fn client(url: &str, timeout: Duration) -> Registry {
    Registry::new(&settings(url, RegistryAuth::None), timeout).expect("client")
}

const STRING_SCHEMA: &str = r#"{"schema":"\"string\""}"#;

#[test]
fn eight_threads_asking_one_new_id_make_one_request() {
    let (url, seen) = scripted(vec![(200, STRING_SCHEMA)], Duration::from_millis(200));
    let r = client(&url, Duration::from_secs(5));
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                let got = r.schema(7).expect("schema");
                assert_eq!(got.source.text, "\"string\"");
                assert_eq!(got.source.kind, SchemaKind::Avro);
            });
        }
    });
    assert_eq!(seen.lock().expect("lock").requests, ["GET /schemas/ids/7"]);
    // And later asks are answered from the cache too.
    r.schema(7).expect("schema");
    assert_eq!(seen.lock().expect("lock").requests.len(), 1);
}

#[test]
fn a_404_is_cached_as_an_answer() {
    let body = r#"{"error_code":40403,"message":"Schema 9 not found"}"#;
    let (url, seen) = scripted(vec![(404, body), (200, STRING_SCHEMA)], Duration::ZERO);
    let r = client(&url, Duration::from_secs(5));
    let e = r.schema(9).expect_err("404");
    assert!(e.is_not_found());
    assert_eq!(e.code, Some(40403));
    assert_eq!(
        e.to_string(),
        format!("schema registry at {url}: GET /schemas/ids/9: HTTP 404: Schema 9 not found (error 40403)")
    );
    std::thread::sleep(Duration::from_millis(1100));
    assert!(r.schema(9).expect_err("still 404").is_not_found());
    assert_eq!(seen.lock().expect("lock").requests.len(), 1);
}

#[test]
fn a_5xx_is_asked_again_with_backoff_until_it_answers() {
    let (url, seen) = scripted(
        vec![
            (503, "unavailable"),
            (500, r#"{"error_code":50001,"message":"store"}"#),
            (200, STRING_SCHEMA),
        ],
        Duration::ZERO,
    );
    let r = client(&url, Duration::from_secs(5));
    let started = Instant::now();
    assert_eq!(r.schema(1).expect("third try").source.text, "\"string\"");
    // 100 ms, then 200 ms between the tries.
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(seen.lock().expect("lock").requests.len(), 3);
}

#[test]
fn a_registry_that_stays_down_fails_within_the_timeout() {
    let (url, _) = scripted(vec![(502, "bad gateway")], Duration::ZERO);
    let r = client(&url, Duration::from_millis(800));
    let started = Instant::now();
    let e = r.subjects().expect_err("down");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    assert_eq!(e.kind, ErrorKind::Unavailable);
    assert!(e.to_string().contains("HTTP 502: bad gateway"), "{e}");

    // Nobody listening at all: connection refused, tried until the deadline.
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let r = client(&format!("http://127.0.0.1:{port}"), Duration::from_millis(600));
    let started = Instant::now();
    let e = r.subjects().expect_err("refused");
    assert!(started.elapsed() >= Duration::from_millis(300) && started.elapsed() < Duration::from_secs(3));
    assert_eq!(e.kind, ErrorKind::Unavailable, "{e}");
    assert!(e.to_string().contains("(tried for 600ms)"), "{e}");
}

#[test]
fn a_refused_password_is_one_clear_line_without_it() {
    let body = r#"{"error_code":40101,"message":"Unauthorized"}"#;
    let (url, seen) = scripted(vec![(401, body)], Duration::ZERO);
    let auth = RegistryAuth::Basic {
        username: "svc".into(),
        password: "hunter2".into(),
    };
    let r = Registry::new(&settings(&url, auth), Duration::from_secs(5)).expect("client");
    let e = r.subjects().expect_err("401");
    assert_eq!(e.kind, ErrorKind::Unauthorized);
    let text = e.to_string();
    assert!(text.contains("HTTP 401") && text.contains("user 'svc'"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    let seen = seen.lock().expect("lock");
    // Not tried again: waiting does not mend a wrong password.
    assert_eq!(seen.requests.len(), 1);
    // base64("svc:hunter2")
    assert_eq!(seen.authorization[0].as_deref(), Some("Basic c3ZjOmh1bnRlcjI="));
}

#[test]
fn a_bearer_token_is_sent() {
    let (url, seen) = scripted(vec![(200, "[]")], Duration::ZERO);
    let r = Registry::new(
        &settings(&url, RegistryAuth::Bearer("t0k".into())),
        Duration::from_secs(5),
    )
    .expect("client");
    assert_eq!(r.subjects().expect("subjects"), Vec::<String>::new());
    assert_eq!(
        seen.lock().expect("lock").authorization[0].as_deref(),
        Some("Bearer t0k")
    );
}

#[test]
fn references_are_resolved_recursively_into_one_flat_list() {
    let server = RegistryServer::start().expect("server");
    let r = client(&server.url(), Duration::from_secs(5));
    let avro = |text: &str, refs: Vec<Reference>| NewSchema {
        kind: SchemaKind::Avro,
        text: text.to_string(),
        references: refs,
    };
    let money = r#"{"type":"record","name":"Money","namespace":"common","fields":[{"name":"cents","type":"long"}]}"#;
    r.register("money", &avro(money, vec![])).expect("money");
    let line_ref = Reference {
        name: "common.Money".into(),
        subject: "money".into(),
        version: 1,
    };
    let line =
        r#"{"type":"record","name":"Line","namespace":"shop","fields":[{"name":"price","type":"common.Money"}]}"#;
    r.register("line", &avro(line, vec![line_ref.clone()])).expect("line");
    let order = r#"{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"lines","type":{"type":"array","items":"shop.Line"}},{"name":"total","type":"common.Money"}]}"#;
    let order_refs = vec![
        Reference {
            name: "shop.Line".into(),
            subject: "line".into(),
            version: 1,
        },
        line_ref,
    ];
    let id = r.register("orders-value", &avro(order, order_refs)).expect("order");
    let got = r.schema(id).expect("resolved");
    let names: Vec<&str> = got.source.references.iter().map(|n| n.name.as_str()).collect();
    // Money once, and before Line, which needs it.
    assert_eq!(names, ["common.Money", "shop.Line"]);
    assert_eq!(got.source.references[0].text, money);
    assert_eq!(got.source.text, order);
    assert_eq!(got.schema.references.len(), 2);
}

#[test]
fn register_lookup_versions_check_and_delete_against_the_dev_registry() {
    let server = RegistryServer::start().expect("server");
    let r = client(&server.url(), Duration::from_secs(5));
    let schema = NewSchema {
        kind: SchemaKind::Protobuf,
        text: "syntax = \"proto3\";\nmessage A { int64 id = 1; }\n".into(),
        references: vec![],
    };
    let id = r.register("a-value", &schema).expect("register");
    assert_eq!(r.register("a-value", &schema).expect("again"), id);
    let found = r.lookup("a-value", &schema).expect("lookup");
    assert_eq!(
        (found.id, found.version, found.kind),
        (Some(id), Some(1), SchemaKind::Protobuf)
    );
    assert_eq!(r.versions("a-value").expect("versions"), [1]);
    assert_eq!(r.subjects().expect("subjects"), ["a-value"]);
    let latest = r.subject_version("a-value", Version::Latest).expect("latest");
    assert_eq!(latest.text, schema.text);
    assert!(r.check_compatibility("a-value", &schema).expect("check").compatible);
    let other = NewSchema {
        text: "syntax = \"proto3\";\nmessage B {}\n".into(),
        ..schema.clone()
    };
    assert!(r.lookup("a-value", &other).expect_err("not there").is_not_found());
    assert_eq!(r.delete_subject("a-value", true).expect("delete"), [1]);
    assert!(r.subjects().expect("subjects").is_empty());
    let e = r.versions("a-value").expect_err("gone");
    assert_eq!(e.code, Some(40401));
}

#[test]
fn subjects_are_percent_encoded_in_paths() {
    assert_eq!(segment("a b/c:d"), "a%20b%2Fc%3Ad");
    assert_eq!(segment("orders-value"), "orders-value");
}
