//! Where the Kafka jars and the Java to run them come from. In order: `KAFKA_HOME` (an
//! unpacked distribution, its jars in `libs/`), eddy's cache (`EDDY_KAFKA_HOME`, by
//! default `~/.cache/eddy-kafka`, the one `scripts/kafka` fills, jars in
//! `<cache>/4.1.2/lib`), and else Maven, which copies the pinned artifacts from Maven
//! Central into that cache once. The pom is compiled into the binary, so an installed
//! eddy needs no checkout. Every way this cannot work ends in one line that says what to
//! install or set.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// The Kafka eddy fetches when it has none.
pub const KAFKA_VERSION: &str = "4.1.2";
/// The log4j2 that kafka-server 4.1.2 itself depends on (the backend no pom brings).
const LOG4J2_VERSION: &str = "2.25.3";
/// What the jars are fetched with; the same file `scripts/kafka` uses.
const POM: &str = include_str!("../../../scripts/kafka-pom.xml");
/// The first 16 hex digits of the pom's SHA-256. `scripts/kafka` writes the pins and
/// this into `lib/.complete` when it filled the cache, and so does eddy, so either
/// accepts the other's cache; a unit test holds it to the file.
const POM_SHA256_16: &str = "e1f9c3174df0e07d";
/// Jars without which the cache is not Kafka, whatever its stamp says.
const REQUIRED: &[&str] = &["kafka_2.13-", "kafka-tools-", "log4j-core-", "log4j-slf4j-impl-"];

/// A Kafka to run: its version and the directory whose jars are the classpath.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    pub version: String,
    pub lib: PathBuf,
    /// Where it was found, for `-v`.
    pub from: String,
}

impl Distribution {
    /// The classpath: the directory's wildcard, expanded by the JVM (not a shell).
    pub fn classpath(&self) -> String {
        format!("{}/*", self.lib.display())
    }
}

fn cache_stamp() -> String {
    format!("{KAFKA_VERSION} {LOG4J2_VERSION} {POM_SHA256_16}")
}

/// The cache's root (`EDDY_KAFKA_HOME`, else `~/.cache/eddy-kafka`), as `scripts/kafka`
/// has it.
pub fn cache_root(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    match env("EDDY_KAFKA_HOME").filter(|s| !s.is_empty()) {
        Some(root) => PathBuf::from(root),
        None => PathBuf::from(env("HOME").unwrap_or_else(|| "/root".into())).join(".cache/eddy-kafka"),
    }
}

/// The Kafka version of a `libs/` (or `lib/`) directory, from its `kafka_2.13-X.jar`.
fn version_in(lib: &Path) -> Option<String> {
    std::fs::read_dir(lib).ok()?.flatten().find_map(|e| {
        let name = e.file_name().into_string().ok()?;
        let v = name.strip_prefix("kafka_2.13-")?.strip_suffix(".jar")?;
        (!v.contains("-")).then(|| v.to_string())
    })
}

fn complete(lib: &Path) -> bool {
    let stamp = std::fs::read_to_string(lib.join(".complete")).unwrap_or_default();
    stamp.trim() == cache_stamp()
        && REQUIRED.iter().all(|jar| {
            let v = if jar.starts_with("log4j") {
                LOG4J2_VERSION
            } else {
                KAFKA_VERSION
            };
            lib.join(format!("{jar}{v}.jar")).is_file()
        })
}

/// Finds Kafka, fetching it into the cache when it is nowhere yet. `say` gets a line
/// for the user when a fetch starts.
pub fn locate(env: &dyn Fn(&str) -> Option<String>, say: &dyn Fn(&str)) -> Result<Distribution> {
    if let Some(home) = env("KAFKA_HOME").filter(|s| !s.is_empty()) {
        let lib = Path::new(&home).join("libs");
        let Some(version) = version_in(&lib) else {
            return Err(Error::runtime(format!(
                "KAFKA_HOME={home} is not an unpacked Kafka distribution (no libs/kafka_2.13-*.jar); \
                 unset it to use eddy's own Kafka {KAFKA_VERSION}"
            )));
        };
        let major: u32 = version.split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
        if major < 4 {
            return Err(Error::runtime(format!(
                "KAFKA_HOME={home} holds Kafka {version}; --kafka runs Kafka 4 or later \
                 (KRaft, log4j2): unset KAFKA_HOME to use eddy's own Kafka {KAFKA_VERSION}"
            )));
        }
        return Ok(Distribution {
            version,
            lib,
            from: format!("KAFKA_HOME={home}"),
        });
    }
    let dir = cache_root(env).join(KAFKA_VERSION);
    let lib = dir.join("lib");
    let found = |from: &str| Distribution {
        version: KAFKA_VERSION.to_string(),
        lib: lib.clone(),
        from: from.to_string(),
    };
    if complete(&lib) {
        return Ok(found(&format!("the cache, {}", lib.display())));
    }
    let Some(mvn) = on_path(env, "mvn") else {
        return Err(Error::runtime(format!(
            "Apache Kafka {KAFKA_VERSION} is neither in KAFKA_HOME nor in eddy's cache ({}), and Maven \
             (mvn) is not installed to fetch it from Maven Central: install Maven, or set KAFKA_HOME to \
             an unpacked Kafka 4",
            lib.display()
        )));
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::runtime(format!("cannot create {}: {e}", dir.display())))?;
    // Two first starts at once would race on the lib dir and on ~/.m2.
    let _lock = Lock::take(&dir.join(".lock"))?;
    if complete(&lib) {
        return Ok(found(&format!("the cache, {}", lib.display())));
    }
    say(&format!(
        "fetching Apache Kafka {KAFKA_VERSION} from Maven Central into {} (first use; once)",
        lib.display()
    ));
    fetch(&mvn, &dir)?;
    Ok(found(&format!("Maven Central, into {}", lib.display())))
}

/// Runs Maven on the embedded pom in `<dir>/build` and moves the jars to `<dir>/lib`.
fn fetch(mvn: &Path, dir: &Path) -> Result<()> {
    let work = dir.join("build");
    let _ = std::fs::remove_dir_all(&work);
    let io = |e: std::io::Error| Error::runtime(format!("cannot prepare {}: {e}", work.display()));
    std::fs::create_dir_all(&work).map_err(io)?;
    std::fs::write(work.join("pom.xml"), POM).map_err(io)?;
    let log_path = work.join("mvn.log");
    let log = std::fs::File::create(&log_path).map_err(io)?;
    let status = Command::new(mvn)
        .current_dir(&work)
        .args(["-B", "-q", "-Dstyle.color=never"])
        .arg(format!("-Dkafka.version={KAFKA_VERSION}"))
        .arg(format!("-Dlog4j2.version={LOG4J2_VERSION}"))
        .args(["dependency:copy-dependencies", "-DincludeScope=runtime"])
        .arg(format!("-DoutputDirectory={}", work.join("lib").display()))
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(io)?)
        .stderr(log)
        .status()
        .map_err(|e| Error::runtime(format!("cannot run {}: {e}", mvn.display())))?;
    let fetched = work.join("lib");
    std::fs::write(fetched.join(".complete"), format!("{}\n", cache_stamp())).ok();
    if !status.success() || !complete(&fetched) {
        return Err(Error::runtime(format!(
            "Maven could not fetch Apache Kafka {KAFKA_VERSION} from Maven Central (is the network \
             there?); its log: {}",
            log_path.display()
        )));
    }
    let lib = dir.join("lib");
    let _ = std::fs::remove_dir_all(&lib);
    std::fs::rename(&fetched, &lib).map_err(|e| Error::runtime(format!("cannot fill {}: {e}", lib.display())))?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

/// An exclusive `flock` on a file, released when dropped (the same lock file
/// `scripts/kafka` takes, so the two never fetch at once).
struct Lock(std::fs::File);

impl Lock {
    fn take(path: &Path) -> Result<Lock> {
        use std::os::fd::AsRawFd as _;
        let file =
            std::fs::File::create(path).map_err(|e| Error::runtime(format!("cannot open {}: {e}", path.display())))?;
        // SAFETY: flock on a descriptor we own; it blocks until the other fetch is done.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(Error::runtime(format!(
                "cannot lock {}: {}",
                path.display(),
                std::io::Error::last_os_error()
            )));
        }
        Ok(Lock(file))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd as _;
        // SAFETY: unlocking our own descriptor.
        unsafe { libc::flock(self.0.as_raw_fd(), libc::LOCK_UN) };
    }
}

/// `name` on `PATH`, as a shell would find it.
fn on_path(env: &dyn Fn(&str) -> Option<String>, name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt as _;
    let path = env("PATH")?;
    path.split(':')
        .filter(|d| !d.is_empty())
        .map(|d| Path::new(d).join(name))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// The `java` to run Kafka with (`JAVA_HOME`'s, else the one on `PATH`), checked to be
/// Java 17 or later: Kafka 4's broker is built for 17.
pub fn java(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf> {
    let java = match env("JAVA_HOME").filter(|s| !s.is_empty()) {
        Some(home) => {
            let java = Path::new(&home).join("bin/java");
            if !java.is_file() {
                return Err(Error::runtime(format!(
                    "--kafka needs Java 17 or later: JAVA_HOME={home} has no bin/java"
                )));
            }
            java
        }
        None => on_path(env, "java").ok_or_else(|| {
            Error::runtime(
                "--kafka needs Java 17 or later, and there is no java on PATH: install one \
                 (e.g. openjdk-17-jre-headless) or set JAVA_HOME",
            )
        })?,
    };
    match java_major(&java) {
        Some(v) if v >= 17 => Ok(java),
        found => Err(Error::runtime(format!(
            "--kafka needs Java 17 or later; {} is {}: install a newer one or set JAVA_HOME",
            java.display(),
            found.map_or_else(|| "of a version it does not tell".to_string(), |v| format!("Java {v}"))
        ))),
    }
}

/// The major version of a `java`: from the `release` file of its installation (no JVM
/// start), else from what `java -version` says.
fn java_major(java: &Path) -> Option<u32> {
    let real = std::fs::canonicalize(java).ok()?;
    let release = real.parent()?.parent()?.join("release");
    if let Some(v) = std::fs::read_to_string(release).ok().as_deref().and_then(|text| {
        text.lines()
            .find_map(|l| l.strip_prefix("JAVA_VERSION="))
            .and_then(|v| major_of(v.trim_matches('"')))
    }) {
        return Some(v);
    }
    let out = Command::new(java).arg("-version").stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let quoted = text.split('"').nth(1)?;
    major_of(quoted)
}

/// `17.0.15` → 17, `1.8.0_402` → 8, `21` → 21.
fn major_of(version: &str) -> Option<u32> {
    let mut parts = version.split(['.', '_', '-', '+']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        parts.next()?.parse().ok()
    } else {
        Some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pom_hash_in_the_cache_stamp_is_the_poms() {
        // scripts/kafka stamps its cache with `sha256sum kafka-pom.xml | cut -c1-16`;
        // a stamp that differs would make each of the two refetch the other's jars.
        let pom = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/kafka-pom.xml");
        let out = Command::new("sha256sum").arg(pom).output().expect("sha256sum");
        let sum = String::from_utf8_lossy(&out.stdout);
        assert_eq!(&sum[..16], POM_SHA256_16, "update POM_SHA256_16 to the pom's hash");
    }

    #[test]
    fn java_versions_old_and_new() {
        assert_eq!(major_of("17.0.15"), Some(17));
        assert_eq!(major_of("1.8.0_402"), Some(8));
        assert_eq!(major_of("21"), Some(21));
        assert_eq!(major_of("25-ea"), Some(25));
        assert_eq!(major_of("x"), None);
    }

    #[test]
    fn kafka_home_must_be_a_kafka_4_distribution() {
        let dir = std::env::temp_dir().join(format!("eddy-dist-test-{}", std::process::id()));
        let libs = dir.join("libs");
        std::fs::create_dir_all(&libs).expect("libs");
        let home = dir.display().to_string();
        let env = |k: &str| (k == "KAFKA_HOME").then(|| home.clone());
        let e = locate(&env, &|_| {}).expect_err("empty libs").to_string();
        assert!(e.contains("is not an unpacked Kafka distribution"), "{e}");
        std::fs::write(libs.join("kafka_2.13-3.9.1.jar"), "").expect("jar");
        let e = locate(&env, &|_| {}).expect_err("Kafka 3").to_string();
        assert!(e.contains("holds Kafka 3.9.1; --kafka runs Kafka 4 or later"), "{e}");
        std::fs::remove_file(libs.join("kafka_2.13-3.9.1.jar")).expect("rm");
        std::fs::write(libs.join("kafka_2.13-4.0.0.jar"), "").expect("jar");
        std::fs::write(libs.join("kafka_2.13-4.0.0-test.jar"), "").expect("jar");
        let d = locate(&env, &|_| {}).expect("Kafka 4");
        assert_eq!((d.version.as_str(), d.lib.as_path()), ("4.0.0", libs.as_path()));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn without_the_jars_or_maven_the_line_says_what_to_install() {
        let dir = std::env::temp_dir().join(format!("eddy-dist-nomvn-{}", std::process::id()));
        let root = dir.display().to_string();
        let env = |k: &str| match k {
            "EDDY_KAFKA_HOME" => Some(root.clone()),
            "PATH" => Some("/nonexistent".to_string()),
            _ => None,
        };
        let e = locate(&env, &|_| {}).expect_err("nothing").to_string();
        assert!(e.contains("Maven (mvn) is not installed"), "{e}");
        let e = java(&env).expect_err("no java").to_string();
        assert!(
            e.contains("needs Java 17 or later, and there is no java on PATH"),
            "{e}"
        );
    }
}
