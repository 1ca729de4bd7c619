//! What a producer must know about its topic before the first record goes out: that it
//! is there, how many partitions it has, and the largest record it takes.
//!
//! A broker that creates topics on first use (Kafka's `auto.create.topics.enable`, true
//! by default) answers the first metadata request for a new topic with
//! UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE while it makes the topic; the Java
//! client and kafka-python ask again, and so does eddy, within `--timeout`. Whether the
//! broker creates topics, and the topic's `max.message.bytes`, come from DescribeConfigs
//! on a thread of its own that runs beside the producer's first metadata request, so that
//! the common case (the topic exists) pays no extra round trip in series. A cluster that
//! cannot answer DescribeConfigs (librdkafka's mock behind `eddy dev` has no such API)
//! says so at once, and eddy goes on as if the configs were unknown.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminOptions, ResourceSpecifier};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::metadata::Metadata;

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::kafka::admin::Admin;

/// What the cluster said about the topic's limits and about creating topics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Configs {
    /// The largest record batch the topic takes: its `max.message.bytes`, or the
    /// broker's `message.max.bytes` (which a topic created now inherits).
    pub max_message_bytes: Option<u64>,
    /// The broker's `auto.create.topics.enable`; asked only when the topic is missing.
    pub auto_create: Option<bool>,
}

/// The answer of the DescribeConfigs thread, once it came.
pub struct ConfigLookup {
    answer: Option<mpsc::Receiver<Configs>>,
    got: Option<Configs>,
}

/// How long the first metadata answer may wait for the configs beyond its own arrival:
/// a broker that answers metadata answers DescribeConfigs as fast, so this only bounds
/// a cluster that is slow to say it cannot.
pub const CONFIG_WAIT: Duration = Duration::from_secs(3);

impl ConfigLookup {
    /// Starts asking. The thread owns its admin client and drops it after answering,
    /// because dropping one waits out rdkafka's 100 ms polling slice: the answer must be
    /// sent before the drop (it once came after it, and every produce, gen and pipe
    /// started 100 ms late).
    pub fn start(settings: &Settings, topic: &str) -> ConfigLookup {
        let (tx, rx) = mpsc::channel();
        let (settings, topic) = (settings.clone(), topic.to_string());
        let spawned = std::thread::Builder::new()
            .name("eddy topic configs".into())
            .spawn(move || {
                let admin = Admin::new(&settings);
                let configs = admin
                    .as_ref()
                    .map_or(Configs::default(), |a| describe(a, &settings, &topic));
                let _ = tx.send(configs);
                drop(admin);
            });
        ConfigLookup {
            answer: spawned.is_ok().then_some(rx),
            got: None,
        }
    }

    /// Configs known beforehand (for tests).
    #[cfg(test)]
    fn known(configs: Configs) -> ConfigLookup {
        ConfigLookup {
            answer: None,
            got: Some(configs),
        }
    }

    /// The configs, waiting at most `bound` for them; unknown when they did not come.
    pub fn wait(&mut self, bound: Duration) -> Configs {
        if let Some(got) = self.got {
            return got;
        }
        let got = self
            .answer
            .take()
            .and_then(|rx| rx.recv_timeout(bound).ok())
            .unwrap_or_default();
        self.got = Some(got);
        got
    }
}

/// DescribeConfigs of the topic and of a broker, in one request to that broker.
fn describe(admin: &Admin<'_>, settings: &Settings, topic: &str) -> Configs {
    let mut configs = Configs::default();
    // Both ids come with the metadata librdkafka asks for when it connects, so they cost
    // no round trip of their own. The mock has no DescribeConfigs and names a controller
    // that does not exist (asking it would wait out the timeout): it is told by its id.
    if admin.cluster_id().is_none_or(|id| id.starts_with("mockCluster")) {
        return configs;
    }
    // Kafka names a live broker as its controller (KRaft: any broker), and a request
    // with a broker resource goes to that broker, where the topic is described too.
    let Some(broker) = admin.controller_id() else {
        return configs;
    };
    let options = AdminOptions::new().request_timeout(Some(settings.timeout.min(CONFIG_WAIT)));
    let resources = [ResourceSpecifier::Topic(topic), ResourceSpecifier::Broker(broker)];
    let Ok(results) = admin.block(admin.client.describe_configs(&resources, &options)) else {
        return configs;
    };
    let value = |i: usize, name: &str| {
        results
            .get(i)
            .and_then(|r| r.as_ref().ok())
            .and_then(|r| r.get(name))
            .and_then(|e| e.value.clone())
    };
    let number = |v: Option<String>| v.and_then(|v| v.parse::<u64>().ok());
    configs.max_message_bytes = number(value(0, "max.message.bytes")).or_else(|| number(value(1, "message.max.bytes")));
    configs.auto_create = value(1, "auto.create.topics.enable").map(|v| v == "true");
    configs
}

/// What one metadata answer says about the topic.
#[derive(Debug, PartialEq, Eq)]
enum State {
    /// Every partition has a leader.
    Ready(i32),
    /// The cluster does not know the topic.
    Missing,
    /// The topic is there (or being made) but not every partition can take records yet;
    /// `partitions` and `led` are 0 while the cluster names none.
    NoLeader { why: String, partitions: i32, led: i32 },
    /// Any other answer (not authorized, an invalid name): asking again will not help.
    Refused(String),
}

fn state(metadata: &Metadata, topic: &str) -> State {
    let Some(t) = metadata.topics().iter().find(|t| t.name() == topic) else {
        return State::Missing;
    };
    let not_yet = |why: &str| State::NoLeader {
        why: why.to_string(),
        partitions: 0,
        led: 0,
    };
    if let Some(e) = t.error() {
        return match RDKafkaErrorCode::from(e) {
            RDKafkaErrorCode::UnknownTopicOrPartition => State::Missing,
            RDKafkaErrorCode::LeaderNotAvailable => not_yet("no leader yet"),
            code => State::Refused(code.to_string()),
        };
    }
    if t.partitions().is_empty() {
        return not_yet("no partitions yet");
    }
    let leaderless: Vec<String> = t
        .partitions()
        .iter()
        .filter(|p| p.leader() < 0 || p.error().is_some())
        .map(|p| p.id().to_string())
        .collect();
    let partitions = t.partitions().len() as i32;
    if leaderless.is_empty() {
        return State::Ready(partitions);
    }
    State::NoLeader {
        why: format!(
            "no leader yet for partition{} {}",
            if leaderless.len() == 1 { "" } else { "s" },
            leaderless.join(", ")
        ),
        partitions,
        led: partitions - leaderless.len() as i32,
    }
}

/// The one check of a `--partition` flag (produce, gen, consume): `partition` must be
/// one of the topic's `count` partitions.
pub fn check_partition(topic: &str, partition: i32, count: i32) -> Result<()> {
    if (0..count).contains(&partition) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "--partition {partition}: topic '{topic}' has partitions 0 to {}",
            count - 1
        )))
    }
}

/// Asks for the topic's metadata until every partition has a leader, and returns how
/// many partitions it has. A missing topic is waited for only where the broker creates
/// topics on first use (or cannot say whether it does). A topic only partly led after
/// `--timeout` is used as it is, with a warning: librdkafka holds the records of a
/// leaderless partition until it has a leader (or message.timeout.ms passes).
pub fn wait_until_ready(
    settings: &Settings,
    command: &str,
    topic: &str,
    configs: &mut ConfigLookup,
    mut fetch: impl FnMut(Duration) -> Result<Metadata>,
) -> Result<i32> {
    wait_for(settings, command, topic, configs, |timeout| {
        fetch(timeout).map(|m| state(&m, topic))
    })
}

/// The loop of `wait_until_ready`, on what each metadata answer said.
fn wait_for(
    settings: &Settings,
    command: &str,
    topic: &str,
    configs: &mut ConfigLookup,
    mut ask: impl FnMut(Duration) -> Result<State>,
) -> Result<i32> {
    let deadline = Instant::now() + settings.timeout;
    let after = humantime::format_duration(settings.timeout);
    let mut pause = Duration::from_millis(20);
    let mut last = None;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // Once the cluster answered, a question that times out near the deadline ends
        // the wait with what the last answer said, not as an unreachable cluster.
        let state = match (ask(left.max(Duration::from_millis(100))), last.take()) {
            (Ok(state), _) => state,
            (Err(_), Some(last)) if Instant::now() >= deadline => last,
            (Err(e), _) => return Err(e),
        };
        match &state {
            State::Ready(n) => return Ok(*n),
            State::Refused(why) => {
                return Err(Error::runtime(format!(
                    "{command}: topic '{topic}' cannot be used on the cluster at {}: {why}",
                    settings.brokers
                )));
            }
            State::Missing if configs.wait(CONFIG_WAIT.min(left)).auto_create == Some(false) => {
                return Err(missing(settings, command, topic, None));
            }
            _ => {}
        }
        if Instant::now() + pause < deadline {
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(500));
            last = Some(state);
            continue;
        }
        return match state {
            State::NoLeader {
                why, partitions, led, ..
            } if led > 0 => {
                eprintln!("eddy: {command}: topic '{topic}' has {why} after {after}; their records wait for one");
                Ok(partitions)
            }
            State::NoLeader { why, .. } => Err(Error::runtime(format!(
                "{command}: topic '{topic}' has {why} on the cluster at {} (after {after})",
                settings.brokers
            ))),
            _ => Err(missing(settings, command, topic, Some(after))),
        };
    }
}

/// The one wording of a missing topic; `waited` when the cluster might have made it.
fn missing(settings: &Settings, command: &str, topic: &str, waited: Option<humantime::FormattedDuration>) -> Error {
    let base = format!(
        "{command}: topic '{topic}' does not exist on the cluster at {}",
        settings.brokers
    );
    Error::runtime(match waited {
        Some(after) => format!("{base} (nor was it created on first use within {after})"),
        None => base,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(timeout: Duration) -> Settings {
        let env = |_: &str| None;
        let mut s = crate::config::resolve(&Default::default(), &env).expect("settings");
        s.timeout = timeout;
        s
    }

    /// Plays `answers` in order (the last one again and again), counting the questions.
    fn run(auto_create: Option<bool>, answers: Vec<State>, timeout: Duration) -> (Result<i32>, usize, Duration) {
        let settings = settings(timeout);
        let mut configs = ConfigLookup::known(Configs {
            max_message_bytes: None,
            auto_create,
        });
        let mut asked = 0;
        let started = Instant::now();
        let got = wait_for(&settings, "produce", "t", &mut configs, |_| {
            let i = asked.min(answers.len() - 1);
            asked += 1;
            Ok(match &answers[i] {
                State::Ready(n) => State::Ready(*n),
                State::Missing => State::Missing,
                State::NoLeader { why, partitions, led } => State::NoLeader {
                    why: why.clone(),
                    partitions: *partitions,
                    led: *led,
                },
                State::Refused(w) => State::Refused(w.clone()),
            })
        });
        (got, asked, started.elapsed())
    }

    fn message(r: Result<i32>) -> String {
        r.expect_err("an error").to_string()
    }

    fn no_leader(partitions: i32, led: i32) -> State {
        State::NoLeader {
            why: "no leader yet for partition 0".into(),
            partitions,
            led,
        }
    }

    #[test]
    fn the_config_answer_does_not_wait_for_the_admin_client_to_close() {
        // Against librdkafka's mock (which has no DescribeConfigs, so the answer is
        // "unknown" at once): the answer must come before the admin client's drop, which
        // waits out its 100 ms polling slice. The quickest of five is well under that.
        let cluster = crate::kafka::mock::DevCluster::start(1).expect("a mock cluster");
        let mut settings = settings(Duration::from_secs(10));
        settings.brokers = cluster.bootstrap_servers();
        let quickest = (0..5)
            .map(|_| {
                let started = Instant::now();
                let got = ConfigLookup::start(&settings, "t").wait(CONFIG_WAIT);
                assert_eq!(got, Configs::default());
                started.elapsed()
            })
            .min()
            .unwrap_or_default();
        assert!(quickest < Duration::from_millis(80), "{quickest:?}");
    }

    #[test]
    fn a_partition_is_one_of_the_topics() {
        assert!(check_partition("t", 0, 3).is_ok());
        assert!(check_partition("t", 2, 3).is_ok());
        for p in [-1, 3] {
            let e = check_partition("t", p, 3).expect_err("out of range").to_string();
            assert!(
                e.contains(&format!("--partition {p}: topic 't' has partitions 0 to 2")),
                "{e}"
            );
        }
    }

    #[test]
    fn a_topic_being_created_is_waited_for() {
        for auto_create in [Some(true), None] {
            let answers = vec![State::Missing, State::Missing, no_leader(3, 0), State::Ready(3)];
            let (got, asked, _) = run(auto_create, answers, Duration::from_secs(10));
            assert_eq!(got.expect("ready"), 3);
            assert_eq!(asked, 4);
        }
    }

    #[test]
    fn a_missing_topic_fails_at_once_where_the_broker_does_not_create_topics() {
        let (got, asked, elapsed) = run(Some(false), vec![State::Missing], Duration::from_secs(10));
        assert_eq!(asked, 1);
        assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
        assert_eq!(
            message(got),
            "produce: topic 't' does not exist on the cluster at localhost:9092"
        );
    }

    #[test]
    fn a_topic_never_created_fails_at_the_timeout_saying_it_does_not_exist() {
        let (got, asked, elapsed) = run(Some(true), vec![State::Missing], Duration::from_millis(300));
        assert!(asked > 1);
        assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
        let m = message(got);
        assert!(
            m.starts_with("produce: topic 't' does not exist on the cluster at localhost:9092 ("),
            "{m}"
        );
        assert!(m.contains("300ms"), "{m}");
    }

    #[test]
    fn a_topic_without_leaders_fails_at_the_timeout_saying_so() {
        let (got, _, _) = run(Some(false), vec![no_leader(0, 0)], Duration::from_millis(300));
        let m = message(got);
        assert!(m.starts_with("produce: topic 't' has no leader yet"), "{m}");
        assert!(m.ends_with("(after 300ms)"), "{m}");
    }

    #[test]
    fn a_topic_partly_led_at_the_timeout_is_used() {
        let (got, _, _) = run(None, vec![no_leader(4, 3)], Duration::from_millis(300));
        assert_eq!(got.expect("used"), 4);
    }

    #[test]
    fn a_question_timing_out_at_the_deadline_ends_with_the_last_answer() {
        let settings = settings(Duration::from_millis(300));
        let mut configs = ConfigLookup::known(Configs::default());
        let mut asked = 0;
        let got = wait_for(&settings, "gen", "t", &mut configs, |timeout| {
            asked += 1;
            if asked == 1 {
                return Ok(State::Missing);
            }
            std::thread::sleep(timeout);
            Err(Error::runtime("gen: no answer from the cluster"))
        });
        let m = message(got);
        assert!(m.starts_with("gen: topic 't' does not exist"), "{m}");
    }

    #[test]
    fn other_refusals_are_final() {
        let (got, asked, _) = run(
            None,
            vec![State::Refused("TopicAuthorizationFailed".into())],
            Duration::from_secs(10),
        );
        assert_eq!(asked, 1);
        assert!(message(got).ends_with(": TopicAuthorizationFailed"));
    }
}
