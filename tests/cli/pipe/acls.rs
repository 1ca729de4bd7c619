//! A destination that refuses transactions: a principal with topic ACLs but no
//! permission on its transactional id. That needs a broker with an authorizer, which the
//! shared test broker has not, so the test starts a private one (`scripts/kafka` with its
//! own state directory and ports) and stops it at the end.

use std::path::PathBuf;
use std::process::Command;

use crate::support::{Cluster, Kind, unique};

const USER: &str = "piper";
const PASSWORD: &str = "piper-secret";

/// A private one-node Kafka with the standard authorizer: the plaintext listener (and
/// the SCRAM user `eddy`) are super users, `piper` on the SCRAM listener has only what
/// the test grants.
struct Private {
    state: tempfile::TempDir,
    base: u16,
    plain: String,
    scram: String,
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/kafka")
}

impl Private {
    fn script(&self, args: &[&str]) -> std::process::Output {
        Command::new(script())
            .args(args)
            .env("EDDY_KAFKA_STATE", self.state.path())
            .env("EDDY_KAFKA_PORT_BASE", self.base.to_string())
            .env("EDDY_KAFKA_TLS", "0")
            .env(
                "EDDY_KAFKA_EXTRA_CONFIG",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer\n\
                 super.users=User:ANONYMOUS;User:eddy\n\
                 allow.everyone.if.no.acl.found=false\n\
                 auto.create.topics.enable=false",
            )
            .output()
            .expect("run scripts/kafka")
    }

    /// Starts it on the first four free ports from 39500 on (the shared broker has
    /// 39092..39095).
    fn start() -> Private {
        let free = |p: u16| std::net::TcpStream::connect(("127.0.0.1", p)).is_err();
        let base = (39500..39900)
            .step_by(10)
            .find(|b| (0..4).all(|i| free(b + i)))
            .expect("free ports");
        let mut k = Private {
            state: tempfile::tempdir().expect("state dir"),
            base,
            plain: String::new(),
            scram: String::new(),
        };
        let out = k.script(&["start"]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "scripts/kafka start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or_else(|| panic!("no {name} in {text}"))
                .to_string()
        };
        k.plain = line("EDDY_BROKERS=");
        k.scram = line("EDDY_SCRAM_BROKERS=");
        k
    }

    fn tool(&self, args: &[&str]) {
        let mut all = vec!["tool"];
        all.extend(args);
        let out = self.script(&all);
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Private {
    fn drop(&mut self) {
        let _ = self.script(&["stop"]);
    }
}

#[test]
fn pipe_to_a_destination_that_refuses_transactions_is_one_line_exit_1_and_commits_nothing_kafka() {
    // Only with the Kafka tier (it needs Java and the cached jars, as the shared one).
    if Cluster::kafka("pipe_to_a_destination_that_refuses_transactions_is_one_line_exit_1_and_commits_nothing_kafka")
        .is_none()
    {
        return;
    }
    let k = Private::start();
    // As the super user (plaintext): topics, a group that has read 4 of 10 records, and
    // a user with topic and group ACLs but none on any transactional id.
    let mut admin = Cluster::kafka("admin").expect("the Kafka tier");
    admin.brokers = k.plain.clone();
    assert_eq!(admin.kind, Kind::Kafka);
    let (input, output) = (admin.topic("acl-in", 1), admin.topic("acl-out", 1));
    admin
        .eddy_in(&["produce", &input, "-q"], crate::support::numbered(10))
        .ok();
    let g = unique("g");
    admin.eddy(&["consume", &input, "-g", &g, "-n", "4", "-q"]).ok();
    k.tool(&[
        "configs",
        "--bootstrap-server",
        &k.plain,
        "--alter",
        "--add-config",
        &format!("SCRAM-SHA-512=[password={PASSWORD}]"),
        "--entity-type",
        "users",
        "--entity-name",
        USER,
    ]);
    // Read and Describe on both topics and the group, Write on the topics (two tool
    // runs: a group has no Write).
    let principal = format!("User:{USER}");
    let grant = |ops: &[&str], resources: &[(&str, &str)]| {
        let mut args = vec![
            "acls",
            "--bootstrap-server",
            &k.plain,
            "--add",
            "--allow-principal",
            &principal,
        ];
        for op in ops {
            args.extend(["--operation", op]);
        }
        for (kind, name) in resources {
            args.extend([*kind, *name]);
        }
        k.tool(&args);
    };
    grant(
        &["Read", "Describe"],
        &[("--topic", &input), ("--topic", &output), ("--group", &g)],
    );
    grant(&["Write"], &[("--topic", &input), ("--topic", &output)]);
    let mut piper = Cluster::kafka("piper").expect("the Kafka tier");
    piper.brokers = k.scram.clone();
    let sasl = format!("sasl.username={USER}");
    let secret = format!("sasl.password={PASSWORD}");
    let r = piper
        .eddy(&[
            "pipe",
            &input,
            "--to",
            &output,
            "-g",
            &g,
            "-e",
            "-X",
            "security.protocol=sasl_plaintext",
            "-X",
            "sasl.mechanism=SCRAM-SHA-512",
            "-X",
            &sasl,
            "-X",
            &secret,
            "--timeout",
            "30s",
        ])
        .code(1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let id = format!("eddy-pipe-{g}-0");
    assert!(
        r.stderr.starts_with("eddy: ")
            && r.stderr.contains(&format!("transactional id {id}"))
            && r.stderr.contains("WRITE")
            && r.stderr.contains(&format!("TransactionalId {id}")),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains(PASSWORD), "{}", r.stderr);
    // Nothing committed on the input, nothing written.
    let committed = admin.eddy(&["groups", "describe", &g, "--output", "json"]).ok();
    let rows: serde_json::Value = serde_json::from_slice(&committed.stdout).unwrap();
    assert_eq!(rows[0]["committed"].as_i64(), Some(4), "{rows}");
    let ends = admin.eddy(&["offsets", &output, "--output", "json"]).ok();
    let ends: serde_json::Value = serde_json::from_slice(&ends.stdout).unwrap();
    assert_eq!(ends[0]["high"].as_i64(), Some(0), "{ends}");
}
