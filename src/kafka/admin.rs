//! The admin client the `topics`, `offsets`, `groups` and `cluster` commands ask through,
//! in eddy's own types (`TopicInfo`, `ConfigEntry`, `GroupInfo`, `PartitionOffsets`):
//! metadata (with a wait until a change is visible), topic and config requests, groups
//! and their committed offsets, offsets by time, how the dev cluster is recognised (it
//! lacks most admin APIs), and the librdkafka calls rust-rdkafka does not wrap (cluster
//! id, controller id, topic id). Commands never see an rdkafka type.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rdkafka::admin::{
    AdminClient, AdminOptions, AlterConfig, ConfigSource, NewPartitions, NewTopic, ResourceSpecifier, TopicReplication,
    TopicResult,
};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::metadata::{Metadata, MetadataTopic};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::kafka::client::{self as connection, EddyContext};
use crate::kafka::metadata::{self, PartitionOffsets, Watermarks};

/// A broker as the metadata names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BrokerInfo {
    pub id: i32,
    pub host: String,
    pub port: i32,
}

/// A partition as the metadata describes it; `ok` is false when the broker answered
/// with an error for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionInfo {
    pub id: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub ok: bool,
}

/// A topic as the metadata describes it; `ok` is false when the broker answered with an
/// error for it (a topic being created, for instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub name: String,
    pub partitions: Vec<PartitionInfo>,
    pub ok: bool,
}

impl TopicInfo {
    fn from_metadata(t: &MetadataTopic) -> TopicInfo {
        TopicInfo {
            name: t.name().to_string(),
            ok: t.error().is_none(),
            partitions: t
                .partitions()
                .iter()
                .map(|p| PartitionInfo {
                    id: p.id(),
                    leader: p.leader(),
                    replicas: p.replicas().to_vec(),
                    isr: p.isr().to_vec(),
                    ok: p.error().is_none(),
                })
                .collect(),
        }
    }

    /// Whether the topic is there to be used: answered without error, with partitions.
    pub fn exists(&self) -> bool {
        self.ok && !self.partitions.is_empty()
    }

    /// Whether it is one of Kafka's own (`__consumer_offsets`, ...).
    pub fn is_internal(&self) -> bool {
        self.name.starts_with("__")
    }
}

/// What one metadata answer says: the brokers and the topics asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterInfo {
    pub brokers: Vec<BrokerInfo>,
    pub topics: Vec<TopicInfo>,
}

impl ClusterInfo {
    fn from_metadata(md: &Metadata) -> ClusterInfo {
        ClusterInfo {
            brokers: md
                .brokers()
                .iter()
                .map(|b| BrokerInfo {
                    id: b.id(),
                    host: b.host().to_string(),
                    port: b.port(),
                })
                .collect(),
            topics: md.topics().iter().map(TopicInfo::from_metadata).collect(),
        }
    }

    /// The topic named `name`, if the answer has it and it exists.
    pub fn topic(&self, name: &str) -> Option<&TopicInfo> {
        self.topics.iter().find(|t| t.name == name && t.exists())
    }
}

/// One config of a resource: its value (masked when sensitive) and where it comes from,
/// in the words `topics describe` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub source: &'static str,
}

/// A consumer group as the group list shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct GroupInfo {
    pub name: String,
    pub state: String,
    pub members: usize,
}

pub const DEV_LIMIT: &str = "librdkafka's mock cluster behind `eddy dev` has no such API";

/// An admin client (with the runtime its futures need) and the settings it was made with.
pub struct Admin<'a> {
    pub settings: &'a Settings,
    pub(crate) client: AdminClient<EddyContext>,
    runtime: tokio::runtime::Runtime,
}

impl<'a> Admin<'a> {
    pub fn new(settings: &'a Settings) -> Result<Self> {
        let client: AdminClient<EddyContext> = connection::admin_config(settings)
            .create_with_context(EddyContext::new(settings))
            .map_err(|e| Error::usage(format!("cannot create the admin client: {e}")))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::runtime(format!("cannot start the runtime: {e}")))?;
        Ok(Admin {
            settings,
            client,
            runtime,
        })
    }

    pub fn options(&self) -> AdminOptions {
        AdminOptions::new()
            .request_timeout(Some(self.settings.timeout))
            .operation_timeout(Some(self.settings.timeout))
    }

    /// The brokers and topics (all of them, or `topic`); a failure says `what` asked.
    pub fn metadata(&self, topic: Option<&str>, what: &str) -> Result<ClusterInfo> {
        // Through a consumer, whose queue can be drained for the reason of a failure.
        let probe = self.consumer(None)?;
        let md = connection::consumer_metadata(self.settings, what, &probe, topic, &probe.context().diagnostics)?;
        Ok(ClusterInfo::from_metadata(&md))
    }

    /// Asks for `topic`'s metadata until `ready` holds, within `--timeout` of `since`;
    /// false when it never did. CreateTopics and DeleteTopics answer once the controller
    /// decided, before the brokers' metadata caught up: a script's next command (`topics
    /// create X && produce X`) could otherwise miss the change.
    pub fn await_metadata(
        &self,
        what: &str,
        topic: &str,
        since: Instant,
        ready: impl Fn(Option<&TopicInfo>) -> bool,
    ) -> Result<bool> {
        let probe = self.consumer(None)?;
        let deadline = since + self.settings.timeout;
        loop {
            let md =
                connection::consumer_metadata(self.settings, what, &probe, Some(topic), &probe.context().diagnostics)?;
            // A topic that is not there comes back named, with UnknownTopicOrPartition.
            let found = md.topics().iter().find(|t| {
                t.name() == topic
                    && t.error().map(RDKafkaErrorCode::from) != Some(RDKafkaErrorCode::UnknownTopicOrPartition)
            });
            if ready(found.map(TopicInfo::from_metadata).as_ref()) {
                return Ok(true);
            }
            if Instant::now() >= deadline {
                return Ok(false);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A consumer for offsets and group commits; `group` only for group operations.
    fn consumer(&self, group: Option<&str>) -> Result<BaseConsumer<EddyContext>> {
        let mut config = connection::consumer_config(self.settings, None);
        if let Some(g) = group {
            config.set("group.id", g);
        }
        config
            .create_with_context(EddyContext::new(self.settings))
            .map_err(|e| Error::usage(format!("cannot create a consumer: {e}")))
    }

    /// Turns an admin failure into one line.
    pub fn failed(&self, what: &str, e: impl std::fmt::Display) -> Error {
        Error::runtime(format!("{what}: {e}"))
    }

    /// Whether this is librdkafka's mock cluster (it names itself `mockCluster...`).
    pub fn looks_like_dev(&self) -> bool {
        self.cluster_id().is_some_and(|id| id.starts_with("mockCluster"))
    }

    /// Fails at once, before asking, when the dev cluster cannot serve `what` (asking
    /// would wait out the timeout, and librdkafka aborts on some of the mock's answers).
    pub fn require_admin_api(&self, what: &str) -> Result<()> {
        if self.looks_like_dev() {
            return Err(Error::runtime(format!(
                "{what}: the cluster at {} cannot do this ({DEV_LIMIT})",
                self.settings.brokers
            )));
        }
        Ok(())
    }

    pub(crate) fn block<F: std::future::Future>(&self, f: F) -> F::Output {
        self.runtime.block_on(f)
    }

    /// The cluster's id, as librdkafka learnt it.
    pub fn cluster_id(&self) -> Option<String> {
        let (client, timeout) = (&self.client, self.settings.timeout);
        // SAFETY: a valid client pointer; the returned string is ours to free.
        unsafe {
            let p = rdkafka::bindings::rd_kafka_clusterid(client.inner().native_ptr(), timeout.as_millis() as i32);
            if p.is_null() {
                return None;
            }
            let id = std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned();
            rdkafka::bindings::rd_kafka_mem_free(client.inner().native_ptr(), p.cast());
            Some(id)
        }
    }

    /// The topic's id (Kafka 2.8 and later), through librdkafka's DescribeTopics, which
    /// rust-rdkafka does not wrap. None when the cluster does not say.
    pub fn topic_id(&self, topic: &str) -> Option<String> {
        let (client, timeout) = (&self.client, self.settings.timeout);
        use rdkafka::bindings as rd;
        let name = std::ffi::CString::new(topic).ok()?;
        let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        let rk = client.inner().native_ptr();
        // SAFETY: every object made here is destroyed before returning; the event owns the
        // result and its strings, which are copied out before the event is destroyed.
        unsafe {
            let queue = rd::rd_kafka_queue_new(rk);
            let mut names = [name.as_ptr()];
            let topics = rd::rd_kafka_TopicCollection_of_topic_names(names.as_mut_ptr(), 1);
            let options = rd::rd_kafka_AdminOptions_new(rk, rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBETOPICS);
            let _ = rd::rd_kafka_AdminOptions_set_request_timeout(options, ms, std::ptr::null_mut(), 0);
            rd::rd_kafka_DescribeTopics(rk, topics, options, queue);
            let event = rd::rd_kafka_queue_poll(queue, ms.saturating_add(1000));
            let mut id = None;
            if !event.is_null()
                && rd::rd_kafka_event_type(event) == rd::RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT
                && rd::rd_kafka_event_error(event) == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR
            {
                let result = rd::rd_kafka_event_DescribeTopics_result(event);
                let mut count = 0;
                let descriptions = rd::rd_kafka_DescribeTopics_result_topics(result, &mut count);
                for i in 0..count {
                    let d = *descriptions.add(i);
                    if rd::rd_kafka_TopicDescription_error(d).is_null() {
                        let uuid = rd::rd_kafka_TopicDescription_topic_id(d);
                        let text = rd::rd_kafka_Uuid_base64str(uuid);
                        if !text.is_null() {
                            // librdkafka writes standard base64; Kafka's tools and logs
                            // write ids URL-safe and unpadded.
                            let standard = std::ffi::CStr::from_ptr(text).to_string_lossy();
                            id = Some(standard.trim_end_matches('=').replace('+', "-").replace('/', "_"));
                        }
                    }
                }
            }
            if !event.is_null() {
                rd::rd_kafka_event_destroy(event);
            }
            rd::rd_kafka_AdminOptions_destroy(options);
            rd::rd_kafka_TopicCollection_destroy(topics);
            rd::rd_kafka_queue_destroy(queue);
            id
        }
    }

    /// The controller's broker id, when librdkafka knows it.
    pub fn controller_id(&self) -> Option<i32> {
        let (client, timeout) = (&self.client, self.settings.timeout);
        // SAFETY: a valid client pointer; librdkafka returns -1 when it does not know.
        let id = unsafe {
            rdkafka::bindings::rd_kafka_controllerid(client.inner().native_ptr(), timeout.as_millis() as i32)
        };
        (id >= 0).then_some(id)
    }
}

/// Where a config's value comes from, in the words `topics describe` shows.
fn config_source(source: &ConfigSource) -> &'static str {
    match source {
        ConfigSource::DynamicTopic => "override",
        ConfigSource::DynamicBroker => "broker",
        ConfigSource::DynamicDefaultBroker => "cluster",
        ConfigSource::StaticBroker => "static_broker",
        ConfigSource::Default => "default",
        ConfigSource::Unknown => "unknown",
    }
}

/// Topic requests: create, grow, reconfigure, delete, and read configs.
impl Admin<'_> {
    /// The topic's configs, sensitive values masked.
    pub fn topic_configs(&self, what: &str, topic: &str) -> Result<Vec<ConfigEntry>> {
        let results = self
            .block(
                self.client
                    .describe_configs([&ResourceSpecifier::Topic(topic)], &self.options()),
            )
            .map_err(|e| self.failed(what, &e))?;
        match results.into_iter().next() {
            Some(Ok(resource)) => Ok(resource
                .entries
                .into_iter()
                .map(|e| ConfigEntry {
                    source: config_source(&e.source),
                    value: if e.is_sensitive {
                        Some("********".to_string())
                    } else {
                        e.value
                    },
                    name: e.name,
                })
                .collect()),
            Some(Err(code)) => Err(self.failed(what, code)),
            None => Ok(Vec::new()),
        }
    }

    /// Creates `topic`; `replication` absent leaves it to the broker's default.
    pub fn create_topic(
        &self,
        what: &str,
        topic: &str,
        partitions: i32,
        replication: Option<i32>,
        configs: &[(String, String)],
    ) -> Result<()> {
        let mut new = NewTopic::new(topic, partitions, TopicReplication::Fixed(replication.unwrap_or(-1)));
        for (k, v) in configs {
            new = new.set(k, v);
        }
        let result = self.block(self.client.create_topics([&new], &self.options()));
        self.check_topic_results(what, result)
    }

    /// Grows `topic` to `count` partitions.
    pub fn create_partitions(&self, what: &str, topic: &str, count: usize) -> Result<()> {
        let new = NewPartitions::new(topic, count);
        let result = self.block(self.client.create_partitions([&new], &self.options()));
        self.check_topic_results(what, result)
    }

    /// Sets `configs` on `topic`, keeping its other dynamic configs: AlterConfigs
    /// replaces the whole set of a resource's overrides.
    pub fn alter_topic_configs(&self, what: &str, topic: &str, configs: &[(String, String)]) -> Result<()> {
        let current = self
            .block(
                self.client
                    .describe_configs([&ResourceSpecifier::Topic(topic)], &self.options()),
            )
            .map_err(|e| self.failed(what, &e))?;
        let mut merged: BTreeMap<&str, &str> = BTreeMap::new();
        if let Some(Ok(resource)) = current.first() {
            for e in &resource.entries {
                if let (ConfigSource::DynamicTopic, Some(v)) = (&e.source, &e.value) {
                    merged.insert(&e.name, v);
                }
            }
        }
        for (k, v) in configs {
            merged.insert(k, v);
        }
        let mut alter = AlterConfig::new(ResourceSpecifier::Topic(topic));
        for (k, v) in &merged {
            alter = alter.set(k, v);
        }
        let result = self
            .block(self.client.alter_configs([&alter], &self.options()))
            .map_err(|e| self.failed(what, &e))?;
        for r in result {
            if let Err((_, code)) = r {
                return Err(self.failed(what, code));
            }
        }
        Ok(())
    }

    pub fn delete_topic(&self, what: &str, topic: &str) -> Result<()> {
        let result = self.block(self.client.delete_topics(&[topic], &self.options()));
        self.check_topic_results(what, result)
    }

    fn check_topic_results(&self, what: &str, result: std::result::Result<Vec<TopicResult>, KafkaError>) -> Result<()> {
        let results = result.map_err(|e| self.failed(what, &e))?;
        for r in results {
            if let Err((name, code)) = r {
                return Err(self.failed(&format!("{what} {name}"), code));
            }
        }
        Ok(())
    }
}

/// Consumer groups: the list, whether one exists, their committed offsets, resets.
impl Admin<'_> {
    /// Every group the cluster knows.
    pub fn groups(&self, what: &str) -> Result<Vec<GroupInfo>> {
        let list = self
            .client
            .inner()
            .fetch_group_list(None, self.settings.timeout)
            .map_err(|e| self.failed(what, &e))?;
        Ok(list
            .groups()
            .iter()
            .map(|g| GroupInfo {
                name: g.name().to_string(),
                state: g.state().to_string(),
                members: g.members().len(),
            })
            .collect())
    }

    /// Whether the cluster knows `group`: Kafka answers DescribeGroups for a group it
    /// does not have with the state "Dead" (or GROUP_ID_NOT_FOUND).
    pub fn group_exists(&self, what: &str, group: &str) -> Result<bool> {
        match self.client.inner().fetch_group_list(Some(group), self.settings.timeout) {
            Ok(list) => Ok(list.groups().iter().any(|g| g.name() == group && g.state() != "Dead")),
            Err(KafkaError::GroupListFetch(RDKafkaErrorCode::GroupIdNotFound)) => Ok(false),
            Err(e) => Err(self.failed(what, &e)),
        }
    }

    pub fn delete_group(&self, what: &str, group: &str) -> Result<()> {
        let result = self
            .block(self.client.delete_groups(&[group], &self.options()))
            .map_err(|e| self.failed(what, &e))?;
        for r in result {
            if let Err((_, code)) = r {
                return Err(self.failed(&format!("{what} {group}"), code));
            }
        }
        Ok(())
    }

    /// `group`'s committed offset on each of `partitions` (topic, partition), in the
    /// order the broker answers; `None` where it has committed nothing.
    pub fn committed(&self, group: &str, partitions: &[(String, i32)]) -> Result<Vec<(String, i32, Option<i64>)>> {
        let consumer = self.consumer(Some(group))?;
        let mut tpl = TopicPartitionList::new();
        for (t, p) in partitions {
            tpl.add_partition(t, *p);
        }
        let committed = consumer
            .committed_offsets(tpl, self.settings.timeout)
            .map_err(|e| Error::runtime(format!("committed offsets of group {group}: {e}")))?;
        Ok(committed
            .elements()
            .iter()
            .map(|e| {
                let c = match e.offset() {
                    Offset::Offset(o) => Some(o),
                    _ => None,
                };
                (e.topic().to_string(), e.partition(), c)
            })
            .collect())
    }

    /// Commits `offsets` (topic, partition, offset) for `group`, which must have no
    /// active members; the error says so, after `what`.
    pub fn commit_group(&self, what: &str, group: &str, offsets: &[(String, i32, i64)]) -> Result<()> {
        let committer = self.consumer(Some(group))?;
        let mut tpl = TopicPartitionList::new();
        for (t, p, o) in offsets {
            tpl.add_partition_offset(t, *p, Offset::Offset(*o))
                .map_err(|e| Error::runtime(format!("{what}: {e}")))?;
        }
        committer.commit(&tpl, CommitMode::Sync).map_err(|e| {
            Error::runtime(format!(
                "{what}: the commit was refused ({e}); a group must have no active members to be reset"
            ))
        })
    }

    /// A reader of partition offsets (watermarks, offsets by time), made once and asked
    /// for many partitions.
    pub fn offsets(&self) -> Result<OffsetReader<'_>> {
        Ok(OffsetReader {
            settings: self.settings,
            consumer: self.consumer(None)?,
            watermarks: Watermarks::new(self.settings),
        })
    }
}

/// Asks for partitions' offsets through one read_committed consumer.
pub struct OffsetReader<'a> {
    settings: &'a Settings,
    consumer: BaseConsumer<EddyContext>,
    watermarks: Watermarks,
}

impl OffsetReader<'_> {
    /// Log start, high watermark and last stable offset.
    pub fn of(&self, topic: &str, partition: i32) -> Result<PartitionOffsets> {
        self.watermarks.of(&self.consumer, topic, partition)
    }

    /// The first offset at or after `time` (ms since the epoch).
    pub fn for_time(&self, topic: &str, partition: i32, time: i64) -> Result<i64> {
        metadata::offset_for_time(self.settings, &self.consumer, topic, partition, time)
    }
}
