//! Test support: run the real `eddy` binary against a cluster — an `eddy dev` started
//! per test, or Apache Kafka when `EDDY_TEST_KAFKA` names its brokers — with the
//! environment pinned (no colour, no config file).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// A jq filter that passes each input through after a 30-step loop: slow enough that a
/// pipe killed "while it is writing" still is, when a test's polling sees the output grow.
pub const SLOW_PASS: &str = ". as $r | reduce range(30) as $i (0; . + 1) | $r";

pub fn eddy_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_eddy"))
}

/// A cluster to test against.
pub struct Cluster {
    pub brokers: String,
    pub kind: Kind,
    dev: Option<Child>,
    _home: tempfile::TempDir,
    /// `eddy dev --kafka`'s lines (`EDDY_SCRAM_BROKERS`, `EDDY_DEV_STATE`, ...), for the
    /// clusters `Cluster::dev_kafka` starts.
    pub env: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dev,
    Kafka,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A topic name no other test uses (Kafka is shared between tests).
pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

impl Cluster {
    /// An `eddy dev` with the given extra arguments (e.g. `--topic t:3`).
    pub fn dev(args: &[&str]) -> Cluster {
        let home = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(eddy_bin())
            .arg("dev")
            .args(args)
            .env("XDG_CONFIG_HOME", home.path())
            .env_remove("EDDY_BROKERS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start eddy dev");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).expect("read EDDY_BROKERS");
        let brokers = line
            .trim()
            .strip_prefix("EDDY_BROKERS=")
            .expect("EDDY_BROKERS= line")
            .to_string();
        Cluster {
            brokers,
            kind: Kind::Dev,
            dev: Some(child),
            _home: home,
            env: Vec::new(),
        }
    }

    /// Apache Kafka, when `EDDY_TEST_KAFKA` is set; otherwise says the test is skipped.
    pub fn kafka(test: &str) -> Option<Cluster> {
        match std::env::var("EDDY_TEST_KAFKA") {
            Ok(b) if !b.is_empty() => Some(Cluster {
                brokers: b,
                kind: Kind::Kafka,
                dev: None,
                _home: tempfile::tempdir().expect("temp dir"),
                env: Vec::new(),
            }),
            _ => {
                // Written past the test harness's capture, so that the skip is visible.
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped {test}: EDDY_TEST_KAFKA is not set (scripts/kafka start prints it)"
                );
                None
            }
        }
    }

    /// Makes sure a topic with `partitions` partitions exists and returns its name:
    /// on the dev cluster the mock creates topics itself (`--topic` at start); on
    /// Kafka through `eddy topics create`.
    pub fn topic(&self, prefix: &str, partitions: u32) -> String {
        let name = unique(prefix);
        match self.kind {
            Kind::Dev => {
                // The mock creates unknown topics with 4 partitions on first use; other
                // counts must be given to `eddy dev --topic`.
                assert_eq!(
                    partitions, 4,
                    "dev topics of other sizes come from Cluster::dev(&[\"--topic\", ...])"
                );
            }
            Kind::Kafka => {
                // A generous bound: on a loaded machine (the fault tests' three JVMs start
                // beside this one) a new partition's leader once took over 10 s.
                self.eddy(&[
                    "topics",
                    "create",
                    &name,
                    "--partitions",
                    &partitions.to_string(),
                    "--timeout",
                    "60s",
                ])
                .ok();
            }
        }
        name
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(eddy_bin());
        c.args(args)
            .env("EDDY_BROKERS", &self.brokers)
            .env("XDG_CONFIG_HOME", self._home.path())
            .env("NO_COLOR", "1")
            .env_remove("EDDY_CONTEXT")
            .env_remove("EDDY_CONFIG")
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }

    /// Runs eddy with no input.
    pub fn eddy(&self, args: &[&str]) -> Run {
        run(self.cmd(args), None)
    }

    /// Runs eddy with `input` on stdin.
    pub fn eddy_in(&self, args: &[&str], input: impl AsRef<[u8]>) -> Run {
        run(self.cmd(args), Some(input.as_ref().to_vec()))
    }

    /// Runs a shell script with EDDY_BROKERS set and `eddy` on the PATH.
    pub fn sh(&self, script: &str) -> Run {
        let mut c = Command::new("bash");
        let dir = eddy_bin().parent().expect("bin dir").to_path_buf();
        let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default());
        c.arg("-c")
            .arg(script)
            .env("PATH", path)
            .env("EDDY_BROKERS", &self.brokers)
            .env("XDG_CONFIG_HOME", self._home.path())
            .env("NO_COLOR", "1")
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        run(c, None)
    }
}

impl Cluster {
    /// Stops the dev cluster now, as a cluster that goes away mid-run.
    pub fn stop_dev(&mut self) {
        if let Some(child) = self.dev.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Cluster {
    /// An `eddy dev --kafka` with the given extra arguments (`--nodes 3`, `--topic t:3`),
    /// up once it printed its lines; stopped (SIGTERM: every JVM, the state dir) when
    /// dropped. Its lines are in `env` and in every command's environment; what it says
    /// on stderr (start-up time, faults) in `dev_stderr()`.
    pub fn dev_kafka(args: &[&str]) -> Cluster {
        let home = tempfile::tempdir().expect("temp dir");
        let err = std::fs::File::create(home.path().join("dev.err")).expect("dev.err");
        let mut child = Command::new(eddy_bin());
        child
            .args(["dev", "--kafka"])
            .args(args)
            .env("XDG_CONFIG_HOME", home.path())
            .env_remove("EDDY_BROKERS")
            .env_remove("EDDY_DEV_STATE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(err);
        // SAFETY: prctl touches only the new process. A test process that dies leaves no
        // cluster behind: eddy dev gets a SIGTERM and stops its JVMs.
        unsafe {
            use std::os::unix::process::CommandExt as _;
            child.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let mut child = child.spawn().expect("start eddy dev --kafka");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut env = Vec::new();
        while !env.iter().any(|(k, _): &(String, String)| k == "EDDY_DEV_STATE") {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap_or(0) == 0 {
                let status = child.wait();
                let err = std::fs::read_to_string(home.path().join("dev.err")).unwrap_or_default();
                panic!("eddy dev --kafka ended before its lines ({status:?}): {err}");
            }
            let (k, v) = line.trim().split_once('=').expect("NAME=VALUE");
            env.push((k.to_string(), v.to_string()));
        }
        let brokers = env
            .iter()
            .find(|(k, _)| k == "EDDY_BROKERS")
            .expect("EDDY_BROKERS")
            .1
            .clone();
        Cluster {
            brokers,
            kind: Kind::Kafka,
            dev: Some(child),
            _home: home,
            env,
        }
    }

    /// Holds the machine for one test's own Apache Kafka cluster at a time: three JVMs
    /// starting take both cores of a CI machine, and fault tests must not overlap.
    pub fn one_cluster_at_a_time() -> std::sync::MutexGuard<'static, ()> {
        static HELD: std::sync::Mutex<()> = std::sync::Mutex::new(());
        HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What `eddy dev --kafka` said on stderr so far.
    pub fn dev_stderr(&self) -> String {
        std::fs::read_to_string(self._home.path().join("dev.err")).unwrap_or_default()
    }

    /// The `eddy dev --kafka` process, to signal it.
    pub fn dev_pid(&self) -> u32 {
        self.dev.as_ref().expect("a dev cluster").id()
    }

    /// Waits for the dev process to end and returns its exit code.
    pub fn wait_dev(&mut self) -> Option<i32> {
        self.dev.as_mut().and_then(|c| c.wait().ok()).and_then(|s| s.code())
    }

    /// One of `eddy dev --kafka`'s lines.
    pub fn line(&self, name: &str) -> &str {
        &self
            .env
            .iter()
            .find(|(k, _)| k == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    }

    /// `eddy dev kill|pause|resume|restart NODE` on this cluster.
    pub fn node(&self, action: &str, node: u32) -> Run {
        self.eddy(&["dev", action, &node.to_string()])
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(child) = self.dev.as_mut() {
            if !self.env.is_empty() {
                // eddy dev --kafka stops its JVMs and deletes its state on SIGTERM.
                // SAFETY: a signal to our own child.
                unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
                let deadline = Instant::now() + Duration::from_secs(60);
                while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What a finished command did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub elapsed: Duration,
}

pub fn run(mut c: Command, input: Option<Vec<u8>>) -> Run {
    let started = Instant::now();
    c.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    if let Some(data) = input {
        let mut stdin = child.stdin.take().expect("stdin");
        std::thread::spawn(move || {
            let _ = stdin.write_all(&data);
        });
    }
    let out: Output = child.wait_with_output().expect("wait");
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

impl Run {
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code,
            Some(0),
            "expected success; stderr: {}\nstdout: {}",
            self.stderr,
            self.text()
        );
        self
    }

    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit {code}; stderr: {}\nstdout: {}",
            self.stderr,
            self.text()
        );
        self
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn lines(&self) -> Vec<String> {
        self.text().lines().map(str::to_string).collect()
    }

    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.lines()
            .iter()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
            .collect()
    }

    /// The one JSON line on stderr (a `--stats json` summary).
    pub fn stats(&self) -> serde_json::Value {
        let line = self
            .stderr
            .lines()
            .rev()
            .find(|l| l.starts_with('{'))
            .unwrap_or_else(|| panic!("no JSON on stderr: {}", self.stderr));
        serde_json::from_str(line).expect("stats JSON")
    }
}

/// Runs eddy with a stdin that keeps giving `{"n":i}` lines and never ends, sends
/// SIGINT after `after`, and returns the exit code and the `--stats json` line.
pub fn interrupted(c: &Cluster, args: &[&str], after: std::time::Duration) -> (Option<i32>, serde_json::Value) {
    let mut child = c
        .cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        for i in 0..10_000_000u64 {
            if writeln!(stdin, "{{\"n\":{i}}}").is_err() {
                break;
            }
        }
    });
    std::thread::sleep(after);
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no stats: {err}"));
    (out.status.code(), serde_json::from_str(line).expect("stats JSON"))
}

/// `n` JSON lines `{"n":0}` ... for producing.
pub fn numbered(n: usize) -> String {
    (0..n).map(|i| format!("{{\"n\":{i}}}\n")).collect()
}

/// Reads everything from a reader to a string (for children's pipes).
pub fn read_all(mut r: impl Read) -> String {
    let mut s = String::new();
    let _ = r.read_to_string(&mut s);
    s
}

/// Clients eddy's team did not write, from PyPI, pinned so that a failure is eddy's.
/// confluent-kafka's extras bring its Schema Registry serializers (fastavro, protobuf,
/// jsonschema): the independent judge of eddy's Avro, Protobuf and JSON Schema bytes.
const PYTHON_PACKAGES: &[&str] = &[
    "kafka-python==3.0.12",
    "confluent-kafka[avro,json,protobuf,schemaregistry]==2.16.1",
];

/// The Python of a virtual environment holding [`PYTHON_PACKAGES`], made on first use
/// under the target directory (so `cargo test` is all the set-up there is) and reused by
/// later runs. The real-broker tier and the schema registry client test (which needs no
/// broker, so it runs in the dev tier too) call it; a venv that cannot be made fails the
/// test with pip's own words.
pub fn python() -> PathBuf {
    static PYTHON: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PYTHON
        .get_or_init(|| {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("python-clients");
            let python = dir.join("bin").join("python");
            let stamp = dir.join("installed");
            if std::fs::read_to_string(&stamp).ok().as_deref() == Some(&PYTHON_PACKAGES.join(" ")) {
                return python;
            }
            let step = |c: &mut Command, what: &str| {
                let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
                assert!(
                    out.status.success(),
                    "{what} failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            };
            step(
                Command::new("python3").args(["-m", "venv", "--clear"]).arg(&dir),
                "python3 -m venv",
            );
            step(
                Command::new(&python)
                    .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
                    .args(PYTHON_PACKAGES),
                "pip install",
            );
            std::fs::write(&stamp, PYTHON_PACKAGES.join(" ")).expect("venv stamp");
            python
        })
        .clone()
}

/// Runs a Python script (with the client venv) against this cluster: `EDDY_BROKERS` in
/// its environment, `args` after the script.
pub fn python_script(c: &Cluster, script: &std::path::Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(python());
    cmd.arg(script).args(args).env("EDDY_BROKERS", &c.brokers);
    run(cmd, None)
}

/// A schema registry to test eddy's registry client and `eddy schemas` against: eddy's
/// own (`eddy dev --registry`) or one eddy's team did not write (franz-go's srfake,
/// `tests/srfake`, built by `scripts/srfake`). The same test body runs against both.
pub struct TestRegistry {
    pub url: String,
    pub kind: RegistryKind,
    child: Child,
    home: tempfile::TempDir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryKind {
    Dev,
    Srfake,
}

/// The srfake binary (`EDDY_SRFAKE`, or what `scripts/srfake` builds, once per test
/// run); `None` where Go is not installed. CI builds it up front, so it never skips
/// there.
fn srfake_bin() -> Option<PathBuf> {
    static BIN: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("EDDY_SRFAKE").filter(|b| !b.is_empty()) {
            return Some(PathBuf::from(bin));
        }
        if Command::new("go").arg("version").output().is_err() {
            return None;
        }
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/srfake");
        let out = Command::new(script).output().expect("run scripts/srfake");
        assert!(
            out.status.success(),
            "scripts/srfake failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    })
    .clone()
}

impl TestRegistry {
    /// `eddy dev --registry`: its second line is `EDDY_REGISTRY_URL=...`.
    pub fn dev() -> TestRegistry {
        let home = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(eddy_bin())
            .args(["dev", "--registry"])
            .env("XDG_CONFIG_HOME", home.path())
            .env_remove("EDDY_BROKERS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start eddy dev --registry");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut url = None;
        for _ in 0..2 {
            let mut line = String::new();
            out.read_line(&mut line).expect("read eddy dev's output");
            if let Some(u) = line.trim().strip_prefix("EDDY_REGISTRY_URL=") {
                url = Some(u.to_string());
            }
        }
        TestRegistry {
            url: url.expect("an EDDY_REGISTRY_URL= line"),
            kind: RegistryKind::Dev,
            child,
            home,
        }
    }

    /// srfake, requiring exactly `auth` as the Authorization header when given; `None`
    /// (and a visible note) where Go is not installed.
    pub fn srfake(test: &str, auth: Option<&str>) -> Option<TestRegistry> {
        let Some(bin) = srfake_bin() else {
            let _ = writeln!(
                std::io::stderr(),
                "skipped {test}: go is not installed (scripts/srfake needs it)"
            );
            return None;
        };
        let mut cmd = Command::new(bin);
        if let Some(a) = auth {
            cmd.args(["-auth", a]);
        }
        // Its stdin stays open while we live: srfake stops when it closes.
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start srfake");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read srfake's URL");
        assert!(line.starts_with("http://"), "srfake printed {line:?}");
        Some(TestRegistry {
            url: line.trim().to_string(),
            kind: RegistryKind::Srfake,
            child,
            home: tempfile::tempdir().expect("temp dir"),
        })
    }

    /// eddy with `EDDY_REGISTRY_URL` naming this registry, no config file, and `env`.
    pub fn eddy_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut c = Command::new(eddy_bin());
        c.args(args)
            .env("EDDY_REGISTRY_URL", &self.url)
            .env("XDG_CONFIG_HOME", self.home.path())
            .env("NO_COLOR", "1")
            .env_remove("EDDY_CONTEXT")
            .env_remove("EDDY_CONFIG")
            .env_remove("EDDY_REGISTRY_USERNAME")
            .env_remove("EDDY_REGISTRY_PASSWORD")
            .env_remove("EDDY_REGISTRY_TOKEN");
        for (k, v) in env {
            c.env(k, v);
        }
        run(c, None)
    }

    pub fn eddy(&self, args: &[&str]) -> Run {
        self.eddy_env(args, &[])
    }
}

impl Drop for TestRegistry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
