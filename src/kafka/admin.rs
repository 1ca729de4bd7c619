//! The admin client the `topics`, `offsets`, `groups` and `cluster` commands ask through:
//! its options and runtime, metadata (with a wait until a change is visible), consumers
//! for offsets and group commits, how the dev cluster is recognised (it lacks most admin
//! APIs), and the librdkafka calls rust-rdkafka does not wrap (cluster id, controller id,
//! topic id).

use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, ConfigSource};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::metadata::MetadataTopic;

use crate::config::Settings;
use crate::error::{Error, Result};
use crate::kafka::client::{self as connection, EddyContext};

pub const DEV_LIMIT: &str = "librdkafka's mock cluster behind `eddy dev` has no such API";

/// An admin client (with the runtime its futures need) and the settings it was made with.
pub struct Admin<'a> {
    pub settings: &'a Settings,
    pub client: AdminClient<EddyContext>,
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

    pub fn metadata(&self, topic: Option<&str>, what: &str) -> Result<rdkafka::metadata::Metadata> {
        // Through a consumer, whose queue can be drained for the reason of a failure.
        let probe = self.consumer(None)?;
        connection::consumer_metadata(self.settings, what, &probe, topic, &probe.context().diagnostics)
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
        ready: impl Fn(Option<&MetadataTopic>) -> bool,
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
            if ready(found) {
                return Ok(true);
            }
            if Instant::now() >= deadline {
                return Ok(false);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A consumer for offsets and group commits; `group` only for group operations.
    pub fn consumer(&self, group: Option<&str>) -> Result<BaseConsumer<EddyContext>> {
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

    pub fn block<F: std::future::Future>(&self, f: F) -> F::Output {
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
pub fn config_source(source: &ConfigSource) -> &'static str {
    match source {
        ConfigSource::DynamicTopic => "override",
        ConfigSource::DynamicBroker => "broker",
        ConfigSource::DynamicDefaultBroker => "cluster",
        ConfigSource::StaticBroker => "static_broker",
        ConfigSource::Default => "default",
        ConfigSource::Unknown => "unknown",
    }
}
