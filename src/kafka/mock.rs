//! The embedded cluster behind `eddy dev`: librdkafka's mock cluster (real TCP
//! listeners on loopback), behind a small eddy API so that `dev` needs no rdkafka type.
//! Its faults (`--chaos`) are `chaos`'s, which reaches the mock through `DevCluster::mock`.

use rdkafka::mocking::MockCluster;
use rdkafka::producer::DefaultProducerContext;

use crate::error::{Error, Result};

/// A running mock cluster; it stops when dropped.
pub struct DevCluster {
    mock: MockCluster<'static, DefaultProducerContext>,
}

impl DevCluster {
    /// Starts `nodes` brokers on loopback ports of the system's choosing.
    pub fn start(nodes: i32) -> Result<DevCluster> {
        let mock = MockCluster::new(nodes).map_err(|e| Error::runtime(format!("cannot start the dev cluster: {e}")))?;
        Ok(DevCluster { mock })
    }

    /// Creates a topic through the mock's own call (it has no CreateTopics API).
    pub fn create_topic(&self, name: &str, partitions: i32, replication: i32) -> Result<()> {
        self.mock
            .create_topic(name, partitions, replication)
            .map_err(|e| Error::runtime(format!("cannot create topic {name}: {e}")))
    }

    /// The bootstrap list clients connect to (`host:port,...`).
    pub fn bootstrap_servers(&self) -> String {
        self.mock.bootstrap_servers()
    }

    /// The mock's own controls, for fault injection.
    pub(super) fn mock(&self) -> &MockCluster<'static, DefaultProducerContext> {
        &self.mock
    }
}
