//! `eddy dev --kafka`: a real Apache Kafka cluster with the mock's surface — its lines
//! and listeners (plaintext, SCRAM, TLS), `-- COMMAND` and its exit code, topics made at
//! start or on first use, Ctrl-C stopping every JVM and deleting the state — and the
//! lines it gives when it cannot start; `eddy dev kill|pause|resume|restart` where there
//! is no such cluster. The Kafka-tier tests (those that start JVMs) run only where
//! `EDDY_TEST_KAFKA` is set, which is where Java and Kafka's jars are.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Cluster, eddy_bin, run};

/// The processes whose command line mentions `dir` (the JVMs of a cluster whose state
/// directory it is).
fn processes_under(dir: &str) -> Vec<String> {
    let mut found = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        if let Ok(cmd) = std::fs::read(e.path().join("cmdline")) {
            let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
            if cmd.contains(dir) && cmd.contains("kafka.Kafka") {
                found.push(cmd);
            }
        }
    }
    found
}

fn eddy_dev(args: &[&str]) -> Command {
    let mut c = Command::new(eddy_bin());
    c.arg("dev")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("EDDY_DEV_STATE");
    c
}

#[test]
fn dev_kafka_runs_a_command_with_every_listener_and_passes_its_exit_code_kafka() {
    if Cluster::kafka("dev_kafka_runs_a_command_with_every_listener_and_passes_its_exit_code_kafka").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    // The command checks its environment, talks to each listener, and exits 7.
    let script = r#"
        set -e
        env | grep '^EDDY_' | sort > "$OUT/env"
        echo '{"n":1}' | eddy produce made -q
        eddy -b "$EDDY_SCRAM_BROKERS" -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-512 \
             -X sasl.username=eddy -X sasl.password=eddy-secret consume made -e -q > "$OUT/scram"
        eddy -b "$EDDY_TLS_BROKERS" -X security.protocol=SSL -X ssl.ca.location="$EDDY_TLS_CA" \
             topics describe made --output json > "$OUT/tls"
        echo '{"n":2}' | eddy produce fresh -q
        eddy topics describe fresh --output json > "$OUT/fresh"
        exit 7
    "#;
    let out = tempfile::tempdir().unwrap();
    let dir = eddy_bin().parent().unwrap().to_path_buf();
    let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut c = eddy_dev(&[
        "--kafka",
        "--topic",
        "made:3",
        "--partitions",
        "2",
        "--",
        "bash",
        "-c",
        script,
    ]);
    c.env("OUT", out.path()).env("PATH", path);
    let r = run(c, None).code(7);
    assert!(
        r.stderr.contains("eddy dev: Apache Kafka 4.1.2, 1 node, up in "),
        "{}",
        r.stderr
    );
    let env = std::fs::read_to_string(out.path().join("env")).unwrap();
    for name in [
        "EDDY_BROKERS=127.0.0.1:",
        "EDDY_SCRAM_BROKERS=127.0.0.1:",
        "EDDY_TLS_BROKERS=127.0.0.1:",
        "EDDY_TLS_CA=",
        "EDDY_DEV_STATE=",
    ] {
        assert!(env.contains(name), "{name} in {env}");
    }
    assert_eq!(
        std::fs::read_to_string(out.path().join("scram")).unwrap(),
        "{\"n\":1}\n"
    );
    let tls: serde_json::Value = serde_json::from_slice(&std::fs::read(out.path().join("tls")).unwrap()).unwrap();
    assert_eq!(tls["partitions"].as_array().unwrap().len(), 3, "--topic made:3");
    let fresh: serde_json::Value = serde_json::from_slice(&std::fs::read(out.path().join("fresh")).unwrap()).unwrap();
    assert_eq!(
        fresh["partitions"].as_array().unwrap().len(),
        2,
        "--partitions 2 on first use"
    );
    // Everything is gone once eddy dev exits.
    let state = env
        .lines()
        .find_map(|l| l.strip_prefix("EDDY_DEV_STATE="))
        .unwrap()
        .to_string();
    assert!(!Path::new(&state).exists(), "{state} deleted");
    assert_eq!(processes_under(&state), Vec::<String>::new());
}

#[test]
fn dev_kafka_stops_every_jvm_and_deletes_its_state_on_ctrl_c_kafka() {
    if Cluster::kafka("dev_kafka_stops_every_jvm_and_deletes_its_state_on_ctrl_c_kafka").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let mut c = Cluster::dev_kafka(&["--nodes", "3"]);
    let state = c.line("EDDY_DEV_STATE").to_string();
    assert_eq!(processes_under(&state).len(), 3, "three JVMs");
    let md = c.eddy(&["cluster", "--output", "json"]).ok();
    let md: serde_json::Value = serde_json::from_slice(&md.stdout).unwrap();
    let ids: Vec<i64> = md["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3]);
    let since = Instant::now();
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(c.dev_pid() as i32, libc::SIGINT) };
    assert_eq!(c.wait_dev(), Some(130));
    assert!(since.elapsed() < Duration::from_secs(30), "{:?}", since.elapsed());
    assert_eq!(processes_under(&state), Vec::<String>::new());
    assert!(!Path::new(&state).exists(), "{state} deleted");
}

/// The second Ctrl-C ends eddy at once (its last word), and used to leave the state
/// directory behind, with every broker's data in it.
#[test]
fn dev_kafka_deletes_its_state_on_a_second_ctrl_c_too_kafka() {
    if Cluster::kafka("dev_kafka_deletes_its_state_on_a_second_ctrl_c_too_kafka").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let mut c = Cluster::dev_kafka(&[]);
    let state = c.line("EDDY_DEV_STATE").to_string();
    assert_eq!(processes_under(&state).len(), 1, "one JVM");
    let pid = c.dev_pid() as i32;
    // SAFETY: signals to our own child.
    unsafe { libc::kill(pid, libc::SIGINT) };
    std::thread::sleep(Duration::from_millis(20));
    unsafe { libc::kill(pid, libc::SIGINT) };
    assert_eq!(c.wait_dev(), Some(130));
    assert_eq!(processes_under(&state), Vec::<String>::new());
    assert!(!Path::new(&state).exists(), "{state} deleted");
}

#[test]
fn dev_kafka_that_cannot_start_names_the_log_that_says_why_kafka() {
    if Cluster::kafka("dev_kafka_that_cannot_start_names_the_log_that_says_why_kafka").is_none() {
        return;
    }
    // A "distribution" whose jar holds no Kafka: the format tool's JVM cannot find its
    // class, and the line points at its log, which is kept.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("libs")).unwrap();
    std::fs::write(home.path().join("libs/kafka_2.13-4.0.0.jar"), "").unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut c = eddy_dev(&["--kafka"]);
    c.env("KAFKA_HOME", home.path()).env("EDDY_KAFKA_HOME", cache.path());
    let r = run(c, None).code(1);
    let line = r.stderr.trim();
    assert!(
        line.starts_with("eddy: dev: formatting Kafka's storage failed; its log: /"),
        "{line}"
    );
    let log = line.rsplit(' ').next().unwrap();
    let text = std::fs::read_to_string(log).unwrap_or_else(|e| panic!("{log}: {e}"));
    assert!(text.contains("kafka.tools.StorageTool"), "{text}");
    std::fs::remove_dir_all(Path::new(log).parent().unwrap()).ok();
}

#[test]
fn dev_kafka_without_java_says_it_needs_java_17() {
    // Kafka from a KAFKA_HOME (so nothing is fetched), and no java anywhere.
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("libs")).unwrap();
    std::fs::write(home.path().join("libs/kafka_2.13-4.1.2.jar"), "").unwrap();
    let mut c = eddy_dev(&["--kafka"]);
    c.env("KAFKA_HOME", home.path())
        .env("PATH", "/nonexistent")
        .env_remove("JAVA_HOME");
    let r = run(c, None).code(1);
    assert_eq!(
        r.stderr.trim(),
        "eddy: dev: --kafka needs Java 17 or later, and there is no java on PATH: install one \
         (e.g. openjdk-17-jre-headless) or set JAVA_HOME"
    );
}

#[test]
fn dev_node_commands_say_the_mock_cannot() {
    // Outside any eddy dev --kafka, and inside the mock's command (which must not see
    // an EDDY_DEV_STATE from elsewhere): exit 2 with the same line.
    let want = "eddy: dev kill: EDDY_DEV_STATE is not set: kill acts on a node of `eddy dev --kafka`, which \
                sets it (the mock of `eddy dev` cannot: it has no node processes; its --chaos takes nodes down)";
    let r = run(eddy_dev(&["kill", "1"]), None).code(2);
    assert_eq!(r.stderr.trim(), want);
    let mut c = eddy_dev(&["--", eddy_bin().to_str().unwrap(), "dev", "kill", "1"]);
    c.env("EDDY_DEV_STATE", "/somewhere/else").stdin(Stdio::null());
    let r = run(c, None).code(2);
    assert_eq!(r.stderr.trim(), want);
    let mut c = eddy_dev(&["pause", "2"]);
    let gone = tempfile::tempdir().unwrap();
    c.env("EDDY_DEV_STATE", gone.path());
    let r = run(c, None).code(1);
    assert!(
        r.stderr.starts_with("eddy: dev pause: no eddy dev --kafka cluster in "),
        "{}",
        r.stderr
    );
}

/// Runs one of Kafka's own Java tools (`scripts/kafka tool NAME ARGS`) with `input`.
fn java_tool(name: &str, args: &[&str], input: &str) -> crate::support::Run {
    let mut c = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kafka"));
    c.arg("tool").arg(name).args(args);
    run(c, Some(input.as_bytes().to_vec()))
}

#[test]
fn dev_kafka_serves_kafka_python_and_the_java_console_tools_on_every_listener_kafka() {
    // The clients the mock cannot serve: kafka-python 3 (examples/kafka-python) and
    // Kafka's own Java console producer and consumer, the latter over SCRAM and TLS with
    // the client configs eddy dev --kafka writes into its state directory.
    if Cluster::kafka("dev_kafka_serves_kafka_python_and_the_java_console_tools_on_every_listener_kafka").is_none() {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    let c = Cluster::dev_kafka(&[]);
    let example = |name: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/kafka-python")
            .join(name)
    };
    let events: Vec<String> = (0..10)
        .map(|i| format!("{{\"event_index\": {i}, \"event_value\": \"value_{i}\"}}"))
        .collect();

    let p = crate::support::python_script(&c, &example("producer.py"), &["from-python"]);
    assert_eq!(p.code, Some(0), "producer.py: {}", p.stderr);
    // Topics made on first use have 4 partitions, as on the mock: order is per partition.
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(
        sorted(c.eddy(&["consume", "from-python", "-e", "-q"]).ok().lines()),
        events
    );

    let input: String = events.iter().map(|e| format!("{e}\n")).collect();
    c.eddy_in(&["produce", "from-eddy", "-q"], &input).ok();
    let read = crate::support::python_script(&c, &example("consumer.py"), &["from-eddy", "5000"]);
    assert_eq!(read.code, Some(0), "consumer.py: {}", read.stderr);
    assert_eq!(read.lines().len(), 10, "{}", read.text());

    let state = Path::new(c.line("EDDY_DEV_STATE"));
    let scram = state.join("client-scram.properties").display().to_string();
    let tls = state.join("client-tls.properties").display().to_string();
    let lines = "one\ntwo\nthree\n";
    let p = java_tool(
        "console-producer",
        &[
            "--bootstrap-server",
            c.line("EDDY_SCRAM_BROKERS"),
            "--topic",
            "from-java",
            "--producer.config",
            &scram,
        ],
        lines,
    );
    assert_eq!(p.code, Some(0), "console-producer: {}", p.stderr);
    let want = sorted(lines.lines().map(str::to_string).collect());
    assert_eq!(sorted(c.eddy(&["consume", "from-java", "-e", "-q"]).ok().lines()), want);
    let r = java_tool(
        "console-consumer",
        &[
            "--bootstrap-server",
            c.line("EDDY_TLS_BROKERS"),
            "--topic",
            "from-java",
            "--from-beginning",
            "--max-messages",
            "3",
            "--timeout-ms",
            "30000",
            "--consumer.config",
            &tls,
        ],
        "",
    );
    assert_eq!(r.code, Some(0), "console-consumer: {}", r.stderr);
    assert_eq!(sorted(r.lines()), want);
}

#[test]
fn dev_kafka_fetches_kafka_with_maven_into_an_empty_cache_that_scripts_kafka_takes_kafka() {
    if Cluster::kafka("dev_kafka_fetches_kafka_with_maven_into_an_empty_cache_that_scripts_kafka_takes_kafka").is_none()
    {
        return;
    }
    let _machine = Cluster::one_cluster_at_a_time();
    // An empty cache: Maven copies the pinned jars (from ~/.m2 when it has them) with the
    // pom compiled into eddy.
    let cache = tempfile::tempdir().unwrap();
    let mut c = eddy_dev(&["--kafka", "--", "true"]);
    c.env("EDDY_KAFKA_HOME", cache.path()).env_remove("KAFKA_HOME");
    let r = run(c, None).ok();
    let lib = cache.path().join("4.1.2/lib");
    assert!(
        r.stderr.starts_with(&format!(
            "eddy dev: fetching Apache Kafka 4.1.2 from Maven Central into {} (first use; once)\n",
            lib.display()
        )),
        "{}",
        r.stderr
    );
    assert!(lib.join("kafka_2.13-4.1.2.jar").is_file());
    // The second start finds it; so does scripts/kafka, which fetches nothing.
    let mut c = eddy_dev(&["--kafka", "--", "true"]);
    c.env("EDDY_KAFKA_HOME", cache.path()).env_remove("KAFKA_HOME");
    let r = run(c, None).ok();
    assert!(
        r.stderr.starts_with("eddy dev: Apache Kafka 4.1.2, 1 node, up in "),
        "{}",
        r.stderr
    );
    let mut c = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kafka"));
    c.args(["tool", "topics", "--version"])
        .env("EDDY_KAFKA_HOME", cache.path());
    let r = run(c, None).ok();
    assert!(!r.stderr.contains("fetching"), "{}", r.stderr);
    assert!(r.text().contains("4.1.2"), "{}", r.text());
}
