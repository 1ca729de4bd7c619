//! The command line, as clap definitions and nothing else: no I/O, no validation that
//! needs the outside world. `config.rs` and the command modules turn these raw values
//! into validated settings; `eddy generate` turns them into completions and man pages.
//! Over 700 lines because it is declarative: every flag of every command with its help
//! text, which reads best in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0    success, also when a downstream pipe closed early
  1    runtime failure: a record not delivered (or of unknown fate), the cluster
       unreachable or refusing, an invalid input record under --on-invalid fail,
       an --expect not met
  2    usage, config or filter-compile error (before any work starts)
  4    filter -e: no output at all (as jq)
  5    filter: at least one input could not be processed (as jq)
  130  stopped by SIGINT (after a clean shutdown)
  143  stopped by SIGTERM (after a clean shutdown)";

/// Produce, consume, filter, count and generate event streams on Apache Kafka.
#[derive(Debug, Parser)]
#[command(
    name = "eddy",
    version,
    about,
    after_help = EXIT_CODES,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after the command name.
#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]
    #[arg(short = 'b', long, global = true, value_name = "LIST")]
    pub brokers: Option<String>,
    /// A named context from the config file [env: EDDY_CONTEXT]
    #[arg(short = 'C', long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// Config file [env: EDDY_CONFIG] [default: ~/.config/eddy/config.toml]
    #[arg(long = "config", value_name = "PATH")]
    pub config_file: Option<PathBuf>,
    /// The config file, as --config but allowed after the command too (where `topics
    /// --config` sets topic configs)
    #[arg(long = "config-file", global = true, value_name = "PATH")]
    pub config_file_anywhere: Option<PathBuf>,
    /// Any librdkafka property (repeatable); wins over everything else
    #[arg(short = 'X', long = "property", global = true, value_name = "KEY=VALUE")]
    pub properties: Vec<String>,
    /// How long to wait for the cluster (connect, metadata, authentication, final flush)
    #[arg(long, global = true, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// When to use colour
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
    /// Less on stderr: no summary, no progress
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// More on stderr, including librdkafka's own log lines
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev
    /// --registry`, without a URL, starts one in-process
    #[arg(long, global = true, value_name = "URL", num_args = 0..=1, default_missing_value = "")]
    pub registry: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Records from stdin or files into a topic
    Produce(ProduceArgs),
    /// Records from topics to stdout, with offset control
    #[command(long_about = CONSUME_ABOUT)]
    Consume(ConsumeArgs),
    /// From topic to topic through jq and codecs, exactly once, scaled out by a group
    #[command(long_about = PIPE_ABOUT)]
    Pipe(PipeArgs),
    /// A jq filter over JSON values on stdin or files
    #[command(visible_alias = "jq", long_about = FILTER_ABOUT)]
    Filter(FilterArgs),
    /// Windowed counts of JSON events (tumbling, hopping, session; event or processing time)
    #[command(after_help = COUNT_HELP)]
    Count(CountArgs),
    /// Generated JSON events, to stdout or straight to a topic
    #[command(long_about = GEN_ABOUT, after_help = GEN_HELP)]
    Gen(GenArgs),
    /// List, describe, create, alter and delete topics
    Topics(TopicsArgs),
    /// Log start, high watermark and last stable offset per partition, or the offset at a time
    #[command(long_about = OFFSETS_ABOUT)]
    Offsets(OffsetsArgs),
    /// Consumer groups: list, describe (offsets and lag), reset, delete
    #[command(long_about = GROUPS_ABOUT)]
    Groups(GroupsArgs),
    /// Brokers, controller and topic count
    Cluster(OutputArgs),
    /// An embedded Kafka cluster for trying things and for CI: the mock, or Apache Kafka
    #[command(long_about = DEV_ABOUT)]
    Dev(DevArgs),
    /// Schemas in a schema registry: list, get, versions, show, register, check, delete
    #[command(long_about = SCHEMAS_ABOUT)]
    Schemas(SchemasArgs),
    /// The resolved connection settings (secrets redacted), and contexts
    Config(ConfigArgs),
    /// Write completions and man pages (for maintainers)
    #[command(hide = true)]
    Generate(GenerateArgs),
}

const DEV_ABOUT: &str = "\
An embedded Kafka cluster on loopback, for trying things and for CI: librdkafka's mock
cluster (the default), or a real Apache Kafka cluster (--kafka).

Without a command it prints EDDY_BROKERS=<bootstrap list> on stdout (with --kafka, the
lines below) and runs until Ctrl-C, which stops and deletes it. With a command (after
--), it runs the command with those variables set, then stops and exits with the
command's exit code, so `eddy dev -- ./smoke-test.sh` is a CI smoke test with no Kafka
installed. Topics named with --topic exist from the start; any other topic is created on
first use, with 4 partitions unless --partitions says otherwise.

The two engines:
  mock      instant, in memory, nothing to install; librdkafka clients and kafka-python
            2.x only; aborts not hidden, transactional offsets dropped, ~5 MB a partition
  --kafka   Apache Kafka 4.1 (KRaft): any client, real transactions, real broker faults;
            needs Java 17 or later, and seconds to start (about 5 s for one node)

The mock keeps about the last 5 MB of each partition; it has no topic admin API (create,
alter, delete, configs) and no group admin API (list, describe members, delete); it
cannot look offsets up by time (eddy then searches record timestamps itself). Who can
connect: librdkafka-based clients (eddy, kcat, confluent-kafka in every language) and
kafka-python 2.x. Java clients (the console tools, Kafka Streams, Spring) and
kafka-python 3.x cannot: the mock answers ApiVersions v3 and later in a body those
clients cannot parse. Transactions are not a broker's: aborted transactions are visible
to read_committed consumers, and transactional offset commits are acknowledged and
dropped. Test those with --kafka.

--kafka runs Kafka from KAFKA_HOME (an unpacked distribution), else from eddy's cache
(EDDY_KAFKA_HOME, default ~/.cache/eddy-kafka), else Maven (mvn) fetches Kafka 4.1.2
from Maven Central into the cache, once. Java is JAVA_HOME's, else the one on PATH.
--nodes 1 is broker and controller in one JVM; --nodes 3 is three such JVMs (a quorum
of three), replication factor 3 and min.insync.replicas=2. Its lines:
  EDDY_BROKERS=        the plaintext listeners
  EDDY_SCRAM_BROKERS=  SASL_PLAINTEXT with SCRAM-SHA-512, user eddy, password eddy-secret
  EDDY_TLS_BROKERS=    SSL, its certificate signed by the CA in EDDY_TLS_CA= (only when
                       openssl is installed to make them)
  EDDY_DEV_STATE=      the state directory: each node's config, log and pid, and
                       client-scram.properties / client-tls.properties for Java tools
When a node cannot start, the error names its log, which is kept.

--chaos on the mock: retriable request errors, added round-trip time and, with several
nodes, short outages, through the mock's own controls. --chaos with --kafka --nodes 3:
a node killed (SIGKILL) and started again, a node hung (SIGSTOP, then SIGCONT), and
rolling restarts, one fault at a time and only once every replica is in sync again;
each logged on stderr with its time. --chaos-seed N repeats a schedule.

`eddy dev kill|pause|resume|restart NODE` does the same to one node of the eddy dev
--kafka that EDDY_DEV_STATE names (NODE is the broker id `eddy cluster` shows), from a
script or a test. Where EDDY_DEV_STATE is not set — plain `eddy dev`'s mock has no node
processes — it says so and exits 2.

With --registry (no URL), `eddy dev` (the mock or --kafka) also runs a
Confluent-compatible schema registry in memory on loopback, prints
EDDY_REGISTRY_URL=<url> after EDDY_BROKERS and sets it for the command. It registers with
dedup (the same schema gets the same id in every subject), serves schemas by id, GUID,
subject and version (Protobuf as a compiled descriptor with ?format=serialized), deletes
(soft and permanent), and judges Avro, Protobuf and JSON Schema compatibility by the
subject's level (BACKWARD unless /config says otherwise), refusing an incompatible
register with a 409 and naming each problem (schemas check prints them).";

#[derive(Debug, Args)]
pub struct ProduceArgs {
    /// The topic to produce to
    pub topic: String,
    /// Files to read (default: stdin; `-` is stdin)
    pub files: Vec<PathBuf>,
    /// How input is read
    #[arg(long, value_enum, default_value = "json")]
    pub input: InputFormat,
    /// Record separator of the input (default \n; \0 allowed)
    #[arg(short = 'D', long, value_name = "DELIM")]
    pub delimiter: Option<String>,
    /// Split each line at the first DELIM into a key (its bytes as they are) and a value
    /// (lines: as it is; json: validated)
    #[arg(short = 'K', long, value_name = "DELIM")]
    pub key_delimiter: Option<String>,
    /// Send every record to this partition (otherwise murmur2 on the key, as the Java client)
    #[arg(short = 'p', long, value_name = "N")]
    pub partition: Option<i32>,
    /// (envelope) send each record to the partition its envelope names
    #[arg(long, conflicts_with = "partition_from")]
    pub keep_partition: bool,
    /// Send an empty value as a tombstone (null)
    #[arg(short = 'Z', long)]
    pub null_empty: bool,
    /// Stop after N records
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<u64>,
    /// What to do with an input line that cannot be read
    #[arg(long, value_enum, default_value = "fail")]
    pub on_invalid: OnInvalid,
    /// The form of the closing summary on stderr
    #[arg(long, value_enum, default_value = "text")]
    pub stats: StatsFormat,
    // Last: a flattened group's help heading holds for the arguments after it.
    #[command(flatten, next_help_heading = "Record fields")]
    pub record: RecordArgs,
    #[command(flatten, next_help_heading = "Producer settings")]
    pub producer: ProducerArgs,
    #[command(flatten, next_help_heading = "Schema encoding")]
    pub encode: EncodeArgs,
}

/// How produce and gen encode values (and keys) by a schema: which schema (an id, a
/// subject's version, or a file the registry must know), and how the schema is named
/// in the record. Shared by produce and gen (and later pipe).
#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// Encode each value by a schema from the registry or a file (Confluent wire format);
    /// optional when --schema-id, --subject or --schema says which schema
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub encode: Option<SchemaType>,
    /// The registry's schema with this id
    #[arg(long, value_name = "N", conflicts_with_all = ["subject", "encode_schema"])]
    pub schema_id: Option<u32>,
    /// The schema registered under this subject (default: by --subject-strategy); with
    /// --schema, the subject the file is looked up (or registered) under
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Option<String>,
    /// The subject's version: a number or latest
    #[arg(
        id = "schema_version",
        long = "schema-version",
        value_name = "V",
        default_value = "latest"
    )]
    pub version: String,
    /// A schema file (.avsc, .proto, .json), looked up under the subject: an error when
    /// the registry does not have it, unless --register
    #[arg(id = "encode_schema", long = "schema", value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Register --schema (and --key-schema) under the subject when the registry does not
    /// have it; eddy registers nothing otherwise
    #[arg(long)]
    pub register: bool,
    /// The format of --schema and --key-schema where the file name does not tell
    #[arg(id = "encode_schema_type", long = "schema-type", value_enum, value_name = "TYPE")]
    pub schema_type: Option<SchemaType>,
    /// The subject a schema is found under: topic (<topic>-value, <topic>-key), record
    /// (the record's full name), or topic-record (<topic>-<full name>)
    #[arg(long, value_enum, default_value = "topic", value_name = "STRATEGY")]
    pub subject_strategy: SubjectStrategy,
    /// --encode for keys (each key is JSON, or taken as a string when it is not)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub key_encode: Option<SchemaType>,
    /// --schema-id for keys
    #[arg(long, value_name = "N", conflicts_with_all = ["key_subject", "encode_key_schema"])]
    pub key_schema_id: Option<u32>,
    /// --subject for keys
    #[arg(long, value_name = "SUBJECT")]
    pub key_subject: Option<String>,
    /// --schema-version for keys
    #[arg(long = "key-schema-version", value_name = "V", default_value = "latest")]
    pub key_version: String,
    /// --schema for keys
    #[arg(id = "encode_key_schema", long = "key-schema", value_name = "FILE")]
    pub key_schema: Option<PathBuf>,
    /// The Protobuf message values are encoded as (default: the schema's first)
    #[arg(id = "encode_proto_type", long = "proto-type", value_name = "NAME")]
    pub proto_type: Option<String>,
    /// The Protobuf message keys are encoded as
    #[arg(id = "encode_key_proto_type", long = "key-proto-type", value_name = "NAME")]
    pub key_proto_type: Option<String>,
    /// Where .proto imports are looked for (repeatable)
    #[arg(id = "encode_proto_include", short = 'I', long = "proto-include", value_name = "DIR")]
    pub proto_include: Vec<PathBuf>,
    /// Read Avro input in the specification's JSON encoding (unions wrapped, bytes as
    /// \u00XX strings, logical types as their numbers) instead of plain JSON
    #[arg(id = "encode_avro_json", long = "avro-json")]
    pub avro_json: bool,
    /// Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults,
    /// int64-as-number
    #[arg(id = "encode_proto_json", long = "proto-json", value_name = "OPTIONS")]
    pub proto_json: Option<String>,
    /// Where the schema id goes: the 5-byte prefix before the payload, or a
    /// __value_schema_id / __key_schema_id header (the GUID where the registry has one)
    #[arg(long, value_enum, default_value = "prefix", value_name = "WHERE")]
    pub schema_id_in: SchemaIdIn,
}

impl EncodeArgs {
    /// Whether any flag asks for encoding (or registering).
    pub fn any(&self) -> bool {
        self.encode.is_some()
            || self.schema_id.is_some()
            || self.subject.is_some()
            || self.schema.is_some()
            || self.key_encode.is_some()
            || self.key_schema_id.is_some()
            || self.key_subject.is_some()
            || self.key_schema.is_some()
            || self.register
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SubjectStrategy {
    Topic,
    Record,
    TopicRecord,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SchemaIdIn {
    Prefix,
    Header,
}

/// The fields of each record to send that flags give, shared by produce and gen (and
/// later pipe). Not the partition: that one means an output partition here and input
/// partitions elsewhere. In gen they need `--topic`: the group requires the argument
/// `topic` (produce's positional topic, always there).
#[derive(Debug, Args)]
#[group(id = "record_fields", multiple = true, requires = "topic")]
pub struct RecordArgs {
    /// The same key for every record
    #[arg(short = 'k', long, value_name = "STRING")]
    pub key: Option<String>,
    /// A header on every record (repeatable)
    #[arg(short = 'H', long = "header", value_name = "NAME=VALUE")]
    pub headers: Vec<String>,
    /// The key from each JSON record (from its value, with envelope input): a string is
    /// used as its bytes, anything else as compact JSON, no output as no key
    #[arg(long, value_name = "FILTER")]
    pub key_from: Option<String>,
    /// The partition from each JSON record (no output: the partitioner decides)
    #[arg(long, value_name = "FILTER", conflicts_with = "partition")]
    pub partition_from: Option<String>,
    /// A header from each JSON record (repeatable; no output: no header)
    #[arg(long = "header-from", value_name = "NAME=FILTER")]
    pub headers_from: Vec<String>,
    /// The timestamp from each JSON record: epoch seconds or ms, or RFC 3339
    #[arg(long, value_name = "FILTER")]
    pub timestamp_from: Option<String>,
}

impl RecordArgs {
    /// Whether any field is computed from the records.
    pub fn any_from(&self) -> bool {
        self.key_from.is_some()
            || self.partition_from.is_some()
            || !self.headers_from.is_empty()
            || self.timestamp_from.is_some()
    }
}

/// How the producer sends, shared by produce and gen (and later pipe).
#[derive(Debug, Args)]
pub struct ProducerArgs {
    /// Compression codec
    #[arg(short = 'z', long, value_enum)]
    pub compression: Option<Compression>,
    /// Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)
    #[arg(long, value_enum, default_value = "all")]
    pub acks: Acks,
    /// At most N records a second (default: as fast as possible)
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON value per line, validated
    Json,
    /// Each line's bytes are the value, as they are
    Lines,
    /// The JSON lines that `consume --format json` writes
    Envelope,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Acks {
    All,
    #[value(name = "1")]
    One,
    #[value(name = "0")]
    Zero,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OnInvalid {
    /// Report the line number, stop reading, deliver what came before, exit 1
    Fail,
    /// Report and count the line, go on
    Skip,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Json,
}

const CONSUME_ABOUT: &str = "\
Records from topics to stdout, with offset control.

Reads with read_committed: records of aborted transactions are never shown, those of a
transaction still open only once it commits, and -e (--until end) stops at the last stable
offset when consuming started. With --group, an offset is committed only after its record
was written and taken by the reader; what is committed is the consumer's position, past
transaction markers and aborted records, so a group that read everything readable has no
lag. --stats json gives per partition the next offset, the high watermark, the last stable
offset and the lag (stable - offset).";

#[derive(Debug, Args)]
pub struct ConsumeArgs {
    /// Topics to read; one starting with ^ is a regular expression (needs --group)
    #[arg(required = true)]
    pub topics: Vec<String>,
    /// Join this consumer group (offsets are committed after output)
    #[arg(short = 'g', long, value_name = "ID")]
    pub group: Option<String>,
    /// Only these partitions
    #[arg(short = 'p', long = "partition", value_name = "N[,N...]", value_delimiter = ',')]
    pub partitions: Vec<i32>,
    /// Where to start: beginning | end | stored | OFFSET | -N | @TIME (an OFFSET outside a
    /// partition starts at its log start or end, with a warning)
    #[arg(short = 'o', long = "from", value_name = "SPEC", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME
    #[arg(short = 'u', long, value_name = "SPEC")]
    pub until: Option<String>,
    /// The same as --until end
    #[arg(short = 'e', long = "exit", conflicts_with = "until")]
    pub exit: bool,
    /// Stop after N records written
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<u64>,
    /// value | key | json | a template such as '{partition}:{offset} {key} {value}'
    #[arg(short = 'f', long, default_value = "value", value_name = "FORMAT")]
    pub format: String,
    /// Written after each record (default \n; \0 allowed)
    #[arg(short = 'D', long, value_name = "DELIM")]
    pub delimiter: Option<String>,
    /// A jq filter applied to what --format would show; each output is one record
    #[arg(long, value_name = "FILTER")]
    pub filter: Option<String>,
    /// With --filter: strings without quotes
    #[arg(short = 'r', long, requires = "filter")]
    pub raw_output: bool,
    /// With --filter, a record the filter cannot process: report it and go on (stderr,
    /// exit 5 at the end), go on quietly (skip), or stop before it (fail, exit 5)
    #[arg(long, value_enum, default_value = "stderr", value_name = "POLICY")]
    pub on_error: OnError,
    /// Exit 0 as soon as N records (after --filter) were written; exit 1 if the stream
    /// ends or --within passes first
    #[arg(long, value_name = "N", conflicts_with = "expect_none")]
    pub expect: Option<u64>,
    /// Exit 1 at the first record (after --filter); exit 0 when --within passes (or the
    /// stream ends) without one
    #[arg(long)]
    pub expect_none: bool,
    /// The deadline for --expect / --expect-none (without it: wait forever)
    #[arg(long, value_name = "DURATION")]
    pub within: Option<String>,
    /// The form of the closing summary on stderr
    #[arg(long, value_enum)]
    pub stats: Option<StatsFormat>,
    #[command(flatten)]
    pub decode: DecodeArgs,
}

const PIPE_ABOUT: &str = "\
From topic to topic through jq and codecs, exactly once, scaled out by a consumer group.

Each input record is seen by --filter as the envelope that `consume -f json` writes
(.key, .value decoded when a codec applies, .headers, .timestamp, .partition, .offset);
each output must be an object and is read as `produce --input envelope` reads a line:
fields it lacks are absent, not taken from the input. Without --filter every record is
copied as it is (key, value bytes, headers, timestamp). The record flags (--key-from,
--partition-from, --header-from, --timestamp-from) see each output's value, as
produce's do; the partition is murmur2 on the output key unless one of them, or
--keep-partition, says otherwise.

Delivery: exactly once on Apache Kafka. One transactional producer per process, its id
--transactional-id or eddy-pipe-<group>-<--instance>, stable across restarts so that a
restart fences its predecessor and aborts what it left open; the input is read with
read_committed, and its offsets are committed in the same transaction as the output,
every --commit-interval or --commit-records. A rebalance commits the open transaction
before partitions move; Ctrl-C commits what is done and exits 130. Without --group a
one-shot copy (-e) is still one transaction at a time but keeps no input position: a
rerun copies again. On eddy dev (librdkafka's mock, which acknowledges transactional
offset commits and drops them) pipe is at least once: offsets are committed only after
the output is delivered, and the summary says so.

Across clusters (--to-context, --to-brokers) a transaction cannot span both: pipe uses
the idempotent producer and commits input offsets only after their output is delivered.
At least once: nothing is lost, and only a crash or kill writes duplicates (what was
delivered after the last commit is written again by the next run).

Several `eddy pipe -g G --instance N` processes share the input partitions through the
group; each needs its own --instance (or --transactional-id).

A record the filter or the encoder fails on goes to --dead-letter (the original record,
with eddy.error and eddy.stage headers, in the same transaction), or follows --on-error:
fail (the default) commits what is done and exits 5, skip counts it and goes on. A
destination that does not exist is an error before anything is read (exit 1). Piping a
topic into itself with a group is refused (exit 2).";

#[derive(Debug, Args)]
pub struct PipeArgs {
    /// Topics to read; one starting with ^ is a regular expression (needs --group)
    #[arg(id = "topic", required = true, value_name = "SRC")]
    pub sources: Vec<String>,
    /// The topic to write to
    #[arg(long, value_name = "DST", required_unless_present = "to_from")]
    pub to: Option<String>,
    /// Route each output to the topic this jq filter gives (a string), from the output
    /// envelope; no output: --to
    #[arg(long, value_name = "FILTER")]
    pub to_from: Option<String>,
    /// Write to another cluster, a context of the config file (at least once: a
    /// transaction cannot span two clusters)
    #[arg(long, value_name = "NAME", conflicts_with = "to_brokers")]
    pub to_context: Option<String>,
    /// Write to another cluster at these bootstrap servers (at least once: a transaction
    /// cannot span two clusters). The input's -X and context do not apply there: give
    /// the destination's properties with --to-X
    #[arg(long, value_name = "LIST")]
    pub to_brokers: Option<String>,
    /// A librdkafka property of the destination only (repeatable): after the
    /// --to-context's own properties, the only ones with --to-brokers, and over -X when
    /// the destination is the input's cluster
    #[arg(long = "to-property", visible_alias = "to-X", value_name = "KEY=VALUE")]
    pub to_properties: Vec<String>,
    /// Join this consumer group: input positions are kept (committed with the output)
    #[arg(short = 'g', long, value_name = "ID")]
    pub group: Option<String>,
    /// The name of this member, for the default transactional id (default 0)
    #[arg(long, value_name = "NAME", default_value = "0")]
    pub instance: String,
    /// The producer's transactional id (default eddy-pipe-<group>-<instance>)
    #[arg(long, value_name = "ID")]
    pub transactional_id: Option<String>,
    /// Only these input partitions
    #[arg(short = 'p', long = "partition", value_name = "N[,N...]", value_delimiter = ',')]
    pub partitions: Vec<i32>,
    /// Where to start: beginning | end | stored | OFFSET | -N | @TIME
    #[arg(short = 'o', long = "from", value_name = "SPEC", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME
    #[arg(short = 'u', long, value_name = "SPEC")]
    pub until: Option<String>,
    /// The same as --until end
    #[arg(short = 'e', long = "exit", conflicts_with = "until")]
    pub exit: bool,
    /// Stop after N input records
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<u64>,
    /// A jq filter over each record's envelope; each output (an object) is one record out
    #[arg(long, value_name = "FILTER")]
    pub filter: Option<String>,
    /// Where records the filter or the encoder fails on go (with eddy.error and
    /// eddy.stage headers)
    #[arg(long, value_name = "TOPIC")]
    pub dead_letter: Option<String>,
    /// A record the filter or the encoder fails on, without --dead-letter: stop (fail,
    /// exit 5, what came before is committed) or count it and go on (skip)
    #[arg(long, value_enum, value_name = "POLICY")]
    pub on_error: Option<PipeOnError>,
    /// How often a transaction is committed (and, at least once, offsets)
    #[arg(long, value_name = "DURATION", default_value = "1s")]
    pub commit_interval: String,
    /// Commit a transaction also after N input records
    #[arg(long, value_name = "N")]
    pub commit_records: Option<u64>,
    /// Send each record to the partition its output envelope names
    #[arg(long, conflicts_with_all = ["partition_from", "partition"])]
    pub keep_partition: bool,
    /// Send every output to this partition of the destination
    #[arg(id = "partition", long = "to-partition", value_name = "N")]
    pub to_partition: Option<i32>,
    /// Send an empty value as a tombstone (null)
    #[arg(short = 'Z', long)]
    pub null_empty: bool,
    /// Decode keys and values by their schemas (auto: whatever names one; the default
    /// with a registry)
    #[arg(long, value_enum, value_name = "MODE")]
    pub decode: Option<DecodeChoice>,
    /// --decode for keys only
    #[arg(long, value_enum, value_name = "MODE")]
    pub key_decode: Option<DecodeChoice>,
    /// --decode for values only
    #[arg(long, value_enum, value_name = "MODE")]
    pub value_decode: Option<DecodeChoice>,
    /// The form of the closing summary on stderr
    #[arg(long, value_enum, default_value = "text")]
    pub stats: StatsFormat,
    #[command(flatten, next_help_heading = "Record fields")]
    pub record: RecordArgs,
    #[command(flatten, next_help_heading = "Producer settings")]
    pub producer: ProducerArgs,
    #[command(flatten, next_help_heading = "Schema encoding")]
    pub encode: EncodeArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PipeOnError {
    /// Commit what is done, exit 5
    Fail,
    /// Count it and go on
    Skip,
}

/// How keys and values are decoded by their schemas (consume; later pipe).
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Schemas")]
pub struct DecodeArgs {
    /// Decode keys and values by their schemas: auto decodes whatever names one (the 5-byte
    /// prefix or the __value_schema_id header) and shows the rest as it is; the default
    /// with a registry or --schema, none otherwise
    #[arg(long, value_enum, value_name = "MODE")]
    pub decode: Option<DecodeChoice>,
    /// --decode for keys only
    #[arg(long, value_enum, value_name = "MODE")]
    pub key_decode: Option<DecodeChoice>,
    /// --decode for values only
    #[arg(long, value_enum, value_name = "MODE")]
    pub value_decode: Option<DecodeChoice>,
    /// Decode values with this schema (.avsc, .proto, or a JSON Schema .json), framed or
    /// not, without asking a registry
    #[arg(long, value_name = "FILE", conflicts_with = "protoset")]
    pub schema: Option<PathBuf>,
    /// --schema for keys
    #[arg(long, value_name = "FILE")]
    pub key_schema: Option<PathBuf>,
    /// The format of --schema and --key-schema where the file name does not tell
    #[arg(long, value_enum, value_name = "TYPE")]
    pub schema_type: Option<SchemaType>,
    /// The Protobuf message of --schema or --protoset (default: the file's first)
    #[arg(long, value_name = "NAME")]
    pub proto_type: Option<String>,
    /// The Protobuf message of --key-schema
    #[arg(long, value_name = "NAME")]
    pub key_proto_type: Option<String>,
    /// Where .proto imports are looked for (repeatable)
    #[arg(short = 'I', long = "proto-include", value_name = "DIR")]
    pub proto_include: Vec<PathBuf>,
    /// Decode values with a message of this FileDescriptorSet (protoc --include_imports -o)
    #[arg(long, value_name = "FILE")]
    pub protoset: Option<PathBuf>,
    /// Avro in the specification's JSON encoding (unions wrapped, bytes as \u00XX
    /// strings, logical types as their numbers) instead of plain JSON
    #[arg(long)]
    pub avro_json: bool,
    /// Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults,
    /// int64-as-number
    #[arg(long, value_name = "OPTIONS")]
    pub proto_json: Option<String>,
    /// A key or value that names a schema it does not fit (an unknown id, a truncated
    /// payload): shown losslessly with the reason and counted (report), or the end of the
    /// run before it (fail, exit 5)
    #[arg(long, value_enum, default_value = "report", value_name = "POLICY")]
    pub on_decode_error: OnDecodeError,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DecodeChoice {
    Auto,
    None,
    Avro,
    Protobuf,
    JsonSchema,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SchemaType {
    Avro,
    Protobuf,
    JsonSchema,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OnDecodeError {
    /// Show it losslessly with its *_decode_error, count it, go on (exit 0)
    Report,
    /// Stop before it, exit 5
    Fail,
}

const FILTER_ABOUT: &str = "\
A jq filter over JSON values on stdin or files.

The filter language is jq 1.6's: its semantics, builtins, formats and error messages, on
jaq's engine (docs/jq-differences.md lists where eddy still differs); output is written as
jq 1.6 writes it (compact by default). Modules (import, include) are found in the -L
directories. Input is a stream of JSON values: JSON lines, or any
whitespace-separated values. After an input that is not JSON, reading resumes at the
next line. Exit codes as jq: 1 or 4 with -e, 5 when an input could not be processed.";

#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// The jq filter (with -f, the first file to read)
    #[arg(
        value_name = "FILTER",
        required_unless_present = "from_file",
        allow_hyphen_values = true
    )]
    pub filter: Option<String>,
    /// Files to read (default: stdin); with --args / --jsonargs, positional arguments
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Strings without quotes
    #[arg(short = 'r', long)]
    pub raw_output: bool,
    /// Like -r, and no newline after each output
    #[arg(short = 'j', long)]
    pub join_output: bool,
    /// One line per output (the default)
    #[arg(short = 'c', long, conflicts_with_all = ["pretty", "tab", "indent"])]
    pub compact_output: bool,
    /// Indented output, two spaces a level
    #[arg(long)]
    pub pretty: bool,
    /// Indented output, a tab a level
    #[arg(long, conflicts_with = "indent")]
    pub tab: bool,
    /// Indented output, N spaces a level (0: compact)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=7))]
    pub indent: Option<u8>,
    /// Run the filter once, with null as its input (`input`/`inputs` read the stream)
    #[arg(short = 'n', long)]
    pub null_input: bool,
    /// Read all inputs into one array and run the filter once on it
    #[arg(short = 's', long)]
    pub slurp: bool,
    /// Each input line is a string, not JSON (with -s: the whole input is one string)
    #[arg(short = 'R', long)]
    pub raw_input: bool,
    /// Write object keys in sorted order
    #[arg(short = 'S', long)]
    pub sort_keys: bool,
    /// Read the filter from FILE
    #[arg(short = 'f', long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,
    /// Look for the modules of `import` and `include` in DIR (repeatable, searched in
    /// order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)
    #[arg(short = 'L', long = "library-path", value_name = "DIR", action = clap::ArgAction::Append)]
    pub library: Vec<PathBuf>,
    /// $NAME is the string VALUE (repeatable)
    #[arg(long, num_args = 2, value_names = ["NAME", "VALUE"], action = clap::ArgAction::Append, allow_hyphen_values = true)]
    pub arg: Vec<String>,
    /// $NAME is the JSON value JSON (repeatable)
    #[arg(long, num_args = 2, value_names = ["NAME", "JSON"], action = clap::ArgAction::Append, allow_hyphen_values = true)]
    pub argjson: Vec<String>,
    /// $NAME is the array of the JSON values in FILE (repeatable)
    #[arg(long, num_args = 2, value_names = ["NAME", "FILE"], action = clap::ArgAction::Append)]
    pub slurpfile: Vec<String>,
    /// $NAME is the text of FILE (repeatable)
    #[arg(long, num_args = 2, value_names = ["NAME", "FILE"], action = clap::ArgAction::Append)]
    pub rawfile: Vec<String>,
    /// The arguments after the filter are strings in $ARGS.positional, not files
    #[arg(long, conflicts_with = "jsonargs")]
    pub args: bool,
    /// The arguments after the filter are JSON values in $ARGS.positional, not files
    #[arg(long)]
    pub jsonargs: bool,
    /// Exit 1 when the last output was false or null, 4 when there was no output
    #[arg(short = 'e', long)]
    pub exit_status: bool,
    /// An input that is not JSON or that the filter fails on: report it and go on
    /// (stderr, exit 5 at the end), go on quietly (skip), or stop (fail, exit 5)
    #[arg(long, value_enum, default_value = "stderr", value_name = "POLICY")]
    pub on_error: OnError,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OnError {
    /// Stop at the first such input, exit 5
    Fail,
    /// Go on quietly (counted with -v)
    Skip,
    /// Report it on stderr and go on, exit 5 at the end
    Stderr,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DevArgs {
    /// Act on a node of the running `eddy dev --kafka` that EDDY_DEV_STATE names
    #[command(subcommand)]
    pub action: Option<DevAction>,
    /// A real Apache Kafka cluster (KRaft; needs Java 17) instead of the mock: any client
    /// can connect, faults are real broker faults
    #[arg(long)]
    pub kafka: bool,
    /// (--kafka) The first port of node 1; each node takes four from there (plaintext,
    /// controller, SCRAM, TLS). Default: free ports
    #[arg(long, value_name = "PORT", requires = "kafka")]
    pub port: Option<u16>,
    /// Number of broker nodes (--kafka: 1 or 3)
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub nodes: i32,
    /// Partitions of the topics named with --topic
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub partitions: i32,
    /// A topic that exists from the start (repeatable)
    #[arg(long = "topic", value_name = "NAME[:PARTITIONS]")]
    pub topics: Vec<String>,
    /// Inject faults while running. Mock: retriable request errors, added round-trip time
    /// (at most 500 ms) and, with several nodes, outages (at most 2 s); never a fault that
    /// would duplicate a record. --kafka --nodes 3: SIGKILL and restart, SIGSTOP and
    /// SIGCONT, rolling restarts, one node at a time
    #[arg(long)]
    pub chaos: bool,
    /// The seed of --chaos: the same seed, the same sequence of faults
    #[arg(long, value_name = "N", requires = "chaos")]
    pub chaos_seed: Option<u64>,
    /// The command to run with EDDY_BROKERS set; its exit code is eddy's
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,
}

const SCHEMAS_ABOUT: &str = "\
Schemas in a Confluent-compatible schema registry: list, get, versions, show, register,
check, delete.

The registry is --registry URL, EDDY_REGISTRY_URL, or the context's [registry] table
(url, username, password, token, ca, cert, key, insecure); credentials come from
EDDY_REGISTRY_USERNAME and EDDY_REGISTRY_PASSWORD (basic auth) or EDDY_REGISTRY_TOKEN
(bearer), never from the URL. A table by default, --output json for scripts. `check`
exits 1 when the schema is not compatible with the subject's latest version.";

#[derive(Debug, Args)]
pub struct SchemasArgs {
    #[command(subcommand)]
    pub action: Option<SchemasAction>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum SchemasAction {
    /// Every subject with its latest version, schema id and type (the default)
    List,
    /// The schema with this id, its type and references
    Get {
        /// The schema id
        id: u32,
    },
    /// The versions of a subject with their schema ids
    Versions {
        /// The subject
        subject: String,
    },
    /// One version of a subject: its id, type, references and schema
    // Its --version is the subject's version, not eddy's.
    #[command(disable_version_flag = true)]
    Show {
        /// The subject
        subject: String,
        /// A version number, or latest
        #[arg(long, value_name = "V|latest", default_value = "latest")]
        version: String,
    },
    /// Register a schema file under a subject (the same schema again keeps its id and version)
    Register {
        /// The subject
        subject: String,
        #[command(flatten)]
        schema: SchemaFileArgs,
    },
    /// Whether a schema file is compatible with the subject's latest version (exit 1 if not)
    Check {
        /// The subject
        subject: String,
        #[command(flatten)]
        schema: SchemaFileArgs,
    },
    /// Delete a subject: soft by default (as the registry's API), --permanent for good
    Delete {
        /// The subject
        subject: String,
        /// Delete for good (soft-deleting first where needed)
        #[arg(long)]
        permanent: bool,
    },
}

/// A schema file to register or check, and what the registry must know with it.
#[derive(Debug, Args)]
pub struct SchemaFileArgs {
    /// The schema file (.avsc, .proto, .json)
    pub file: PathBuf,
    /// The schema's type where the file's extension does not tell
    #[arg(long, value_enum, value_name = "TYPE")]
    pub schema_type: Option<SchemaType>,
    /// A schema this one refers to (repeatable): NAME as the schema names it (Avro: the
    /// full type name; Protobuf: the import path), registered as SUBJECT's VERSION
    #[arg(long = "reference", value_name = "NAME=SUBJECT:VERSION")]
    pub references: Vec<String>,
}

/// What `eddy dev kill|pause|resume|restart NODE` does to a node of `eddy dev --kafka`.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum DevAction {
    /// SIGKILL the node's JVM; it stays down until `restart`
    Kill {
        /// The node (the broker id `eddy cluster` shows)
        node: i32,
    },
    /// SIGSTOP the node: a hung broker, its connections open and unanswered
    Pause {
        /// The node (the broker id `eddy cluster` shows)
        node: i32,
    },
    /// SIGCONT a paused node
    Resume {
        /// The node (the broker id `eddy cluster` shows)
        node: i32,
    },
    /// Stop the node (a controlled shutdown) if it runs, start it, and wait until it has
    /// started
    Restart {
        /// The node (the broker id `eddy cluster` shows)
        node: i32,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// The resolved settings, secrets redacted (the default)
    Show,
    /// The contexts in the config file
    Contexts,
    /// Make NAME the default context (the file's comments are kept)
    Use {
        /// The context to make the default
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The project directory to write completions/ and man/ into
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    /// A table on a terminal
    Table,
    /// One JSON document on stdout, for scripts
    Json,
}

#[derive(Debug, Args, Clone, Copy)]
pub struct OutputArgs {
    /// table (default) or json
    #[arg(long, value_enum, default_value = "table", global = true)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct TopicsArgs {
    #[command(subcommand)]
    pub action: Option<TopicsAction>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum TopicsAction {
    /// Every topic with its partition count (the default)
    List,
    /// Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and
    /// configs with where each comes from (the topic's overrides first)
    Describe {
        /// The topic
        topic: String,
    },
    /// Create a topic; returns once every partition has a leader
    Create {
        /// The topic
        topic: String,
        /// Number of partitions
        #[arg(long, value_name = "N")]
        partitions: i32,
        /// Replication factor (default: the cluster's)
        #[arg(long, value_name = "N")]
        replication: Option<i32>,
        /// A topic config (repeatable)
        #[arg(long = "config", value_name = "K=V")]
        configs: Vec<String>,
    },
    /// Add partitions or change configs (other configs are kept)
    Alter {
        /// The topic
        topic: String,
        /// The new, larger number of partitions
        #[arg(long, value_name = "N")]
        partitions: Option<i32>,
        /// A topic config to set (repeatable)
        #[arg(long = "config", value_name = "K=V")]
        configs: Vec<String>,
    },
    /// Delete a topic
    Delete {
        /// The topic
        topic: String,
    },
}

const OFFSETS_ABOUT: &str = "\
Log start, high watermark and last stable offset per partition, or the offset at a time.

HIGH is the high watermark: the offset the next record written gets. While a transaction
is open, the last stable offset (the end of what read_committed consumers such as eddy
can read) lies below it, and the table shows it as STABLE; --output json always has
\"stable\". RECORDS is HIGH - LOW: offsets, which on a transactional topic include commit
and abort markers and aborted records.";

#[derive(Debug, Args)]
pub struct OffsetsArgs {
    /// The topic
    pub topic: String,
    /// Also the first offset at or after this time (RFC 3339, epoch ms, or -15m)
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub at: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

const GROUPS_ABOUT: &str = "\
Consumer groups: list, describe (offsets and lag), reset, delete.

Lag is measured as a read_committed consumer sees it: the last stable offset minus the
committed offset (negative when the commit is past the end, as Kafka's own tool shows
it). Describing a group the cluster does not have is an error.";

#[derive(Debug, Args)]
pub struct GroupsArgs {
    #[command(subcommand)]
    pub action: Option<GroupsAction>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum GroupsAction {
    /// Every group with its state and member count (the default)
    List,
    /// Committed offset, high watermark, last stable offset and lag per partition
    Describe {
        /// The group
        group: String,
    },
    /// Move a group's committed offsets (a dry run that shows the plan unless --execute)
    Reset {
        /// The group
        group: String,
        /// The topic whose offsets move
        #[arg(long)]
        topic: String,
        /// earliest | latest (the last stable offset) | OFFSET | @TIME
        #[arg(
            long,
            value_name = "SPEC",
            required_unless_present = "shift_by",
            conflicts_with = "shift_by"
        )]
        to: Option<String>,
        /// Move every committed offset by N (negative: back)
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        shift_by: Option<i64>,
        /// Only these partitions
        #[arg(short = 'p', long = "partition", value_name = "N[,N...]", value_delimiter = ',')]
        partitions: Vec<i32>,
        /// Do it (otherwise only the plan is shown)
        #[arg(long)]
        execute: bool,
    },
    /// Delete a group (it must have no members)
    Delete {
        /// The group
        group: String,
    },
}

const COUNT_HELP: &str = "\
Windows are aligned to the epoch and span [start, end). The watermark is the highest event
time seen minus --lateness; a window closes when the watermark reaches its end, a session
when it reaches its last event + gap. An event whose windows have all closed is late:
dropped and counted in the closing summary on stderr (late: N). Without --time, windows
run on processing time and close on the clock even when no input arrives. At the end of
input every open window is emitted.

Output, one JSON line per window and key:
  {\"start\":\"2026-11-28T10:00:00Z\",\"end\":\"2026-11-28T10:00:10Z\",\"key\":\"de\",\"count\":1234}";

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EmitMode {
    /// One row per window and key when the window closes
    Final,
    /// A row each time a count changes ("final": false), then the closing row
    Update,
}

#[derive(Debug, Clone, Args)]
pub struct CountArgs {
    /// Files of JSON values, one per line (default: stdin; `-` is stdin)
    pub files: Vec<PathBuf>,
    /// The key (a jq filter; each output is counted; several --by make a composite key)
    #[arg(long = "by", value_name = "FILTER")]
    pub by: Vec<String>,
    /// Tumbling windows of this size (without it: one window over the whole input)
    #[arg(long, value_name = "DURATION")]
    pub window: Option<String>,
    /// Hopping windows of --window size starting every DURATION
    #[arg(long, value_name = "DURATION", requires = "window")]
    pub slide: Option<String>,
    /// Session windows per key, closed after GAP without events
    #[arg(long, value_name = "GAP", conflicts_with = "window")]
    pub session: Option<String>,
    /// Event time (a jq filter giving epoch s or ms, or RFC 3339); default: processing time
    #[arg(long, value_name = "FILTER")]
    pub time: Option<String>,
    /// How long after a window's end late events are still counted
    #[arg(long, value_name = "DURATION")]
    pub lateness: Option<String>,
    /// When rows are emitted
    #[arg(long, value_enum, default_value = "final")]
    pub emit: EmitMode,
    /// Only the N largest keys of each window (ties by the key's JSON text)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Also the sum of this filter's value
    #[arg(long, value_name = "FILTER")]
    pub sum: Option<String>,
    /// Also the minimum of this filter's value
    #[arg(long, value_name = "FILTER")]
    pub min: Option<String>,
    /// Also the maximum of this filter's value
    #[arg(long, value_name = "FILTER")]
    pub max: Option<String>,
    /// Also the average of this filter's value
    #[arg(long, value_name = "FILTER")]
    pub avg: Option<String>,
    /// Also the number of distinct values of this filter
    #[arg(long, value_name = "FILTER")]
    pub distinct: Option<String>,
}

const GEN_ABOUT: &str = "\
Generated JSON events, one compact JSON line each, to stdout or straight to a topic.

TEMPLATE is a jq expression evaluated once per event, with $i (0, 1, 2, ...) and $now (epoch
ms) bound, and these helpers added to the language:
  rand                  a float in [0, 1)
  randint(lo; hi)       an integer in [lo, hi], both included
  choice(array)         one element of the array
  weighted(object)      a key of {\"value\": weight, ...}, drawn by weight (weight 0: never)
  normal(mean; sd)      normally distributed
  zipf(n; s)            1..n, 1 the most frequent (skewed keys: s around 1)
  chance(p)             true with probability p
  uuid, hex(n)          a version 4 UUID; n hex digits
  name, email, ipv4     a person's name, an e-mail address, an IPv4 address
  word, words(n)        one word; n words joined by spaces

Or --preset NAME for ready, realistic event shapes generated natively (much faster than a
template): see --list-presets.

With --seed N, event i draws from a generator seeded by (N, i): the same seed gives the same
events byte for byte, on any machine and any number of threads. Without it, a fresh seed is
chosen (printed with -v). --start TIME pins the clock as well: $now = TIME + i x (1000 / rate)
ms (1 ms steps without --rate).

Without -n or --duration, gen runs until Ctrl-C or until the reader of its output goes away.";

const GEN_HELP: &str = "\
Examples:
  eddy gen -n 3 '{id: $i, user: \"u\\(zipf(1000; 1.1))\", amount: randint(1; 500)}'
  eddy gen --preset clickstream --rate 200 --duration 1m --topic clicks --key-from .user_id
  eddy gen --preset payments -n 100000 --seed 7 | eddy filter 'select(.suspicious)'";

#[derive(Debug, Args)]
pub struct GenArgs {
    /// A jq expression evaluated for each event ($i and $now bound)
    #[arg(value_name = "TEMPLATE", required_unless_present_any = ["preset", "list_presets"], conflicts_with = "preset")]
    pub template: Option<String>,
    /// A ready event shape: clickstream, orders, payments, sensors or logs
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Each preset's fields, with an example event
    #[arg(long)]
    pub list_presets: bool,
    /// Stop after N events
    #[arg(short = 'n', long = "count", value_name = "N")]
    pub count: Option<u64>,
    /// Stop after this long
    #[arg(long, value_name = "DURATION")]
    pub duration: Option<String>,
    /// Grow the rate linearly from 0 to --rate over this long
    #[arg(long, value_name = "DURATION", requires = "rate")]
    pub ramp: Option<String>,
    /// The same seed gives the same events, byte for byte
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Pin the clock: $now = TIME + i x (1000 / rate) ms (RFC 3339, epoch ms, or -1h)
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub start: Option<String>,
    /// Evaluate templates on this many threads (default: the number of cores)
    #[arg(long, value_name = "N", hide = true)]
    pub threads: Option<usize>,
    /// Produce straight to this topic instead of writing to stdout
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// (--topic) send every record to this partition
    #[arg(short = 'p', long, value_name = "N", requires = "topic")]
    pub partition: Option<i32>,
    /// (--topic) the form of the closing summary on stderr
    #[arg(long, value_enum, default_value = "text")]
    pub stats: StatsFormat,
    // Last: a flattened group's help heading holds for the arguments after it. The
    // record fields need --topic (their group says so); of the producer settings,
    // --rate paces stdout too.
    #[command(flatten, next_help_heading = "Record fields (with --topic)")]
    pub record: RecordArgs,
    #[command(flatten, next_help_heading = "Producer settings")]
    pub producer: ProducerArgs,
    #[command(flatten, next_help_heading = "Schema encoding (with --topic)")]
    pub encode: EncodeArgs,
}
