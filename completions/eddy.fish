# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_eddy_global_optspecs
    string join \n b/brokers= C/context= config= config-file= X/property= timeout= color= q/quiet v/verbose registry= h/help V/version
end

function __fish_eddy_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_eddy_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_eddy_using_subcommand
    set -l cmd (__fish_eddy_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c eddy -n "__fish_eddy_needs_command" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_needs_command" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_needs_command" -l config -d 'Config file [env: EDDY_CONFIG] [default: ~/.config/eddy/config.toml]' -r -F
complete -c eddy -n "__fish_eddy_needs_command" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_needs_command" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_needs_command" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_needs_command" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_needs_command" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_needs_command" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_needs_command" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_needs_command" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "produce" -d 'Records from stdin or files into a topic'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "consume" -d 'Records from topics to stdout, with offset control'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "pipe" -d 'From topic to topic through jq and codecs, exactly once, scaled out by a group'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "filter" -d 'A jq filter over JSON values on stdin or files'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "jq" -d 'A jq filter over JSON values on stdin or files'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "count" -d 'Windowed counts of JSON events (tumbling, hopping, session; event or processing time)'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "gen" -d 'Generated JSON events, to stdout or straight to a topic'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "topics" -d 'List, describe, create, alter and delete topics'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "offsets" -d 'Log start, high watermark and last stable offset per partition, or the offset at a time'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "groups" -d 'Consumer groups: list, describe (offsets and lag), reset, delete'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "cluster" -d 'Brokers, controller and topic count'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "dev" -d 'An embedded Kafka cluster for trying things and for CI: the mock, or Apache Kafka'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "schemas" -d 'Schemas in a schema registry: list, get, versions, show, register, check, delete'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "config" -d 'The resolved connection settings (secrets redacted), and contexts'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "generate" -d 'Write completions and man pages (for maintainers)'
complete -c eddy -n "__fish_eddy_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l input -d 'How input is read' -r -f -a "json\t'One JSON value per line, validated'
lines\t'Each line\'s bytes are the value, as they are'
envelope\t'The JSON lines that `consume --format json` writes'"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s D -l delimiter -d 'Record separator of the input (default \\n; \\0 allowed)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s K -l key-delimiter -d 'Split each line at the first DELIM into a key (its bytes as they are) and a value (lines: as it is; json: validated)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s p -l partition -d 'Send every record to this partition (otherwise murmur2 on the key, as the Java client)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s n -l count -d 'Stop after N records' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l on-invalid -d 'What to do with an input line that cannot be read' -r -f -a "fail\t'Report the line number, stop reading, deliver what came before, exit 1'
skip\t'Report and count the line, go on'"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l stats -d 'The form of the closing summary on stderr' -r -f -a "text\t''
json\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s k -l key -d 'The same key for every record' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s H -l header -d 'A header on every record (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-from -d 'The key from each JSON record (from its value, with envelope input): a string is used as its bytes, anything else as compact JSON, no output as no key' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l partition-from -d 'The partition from each JSON record (no output: the partitioner decides)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l header-from -d 'A header from each JSON record (repeatable; no output: no header)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l timestamp-from -d 'The timestamp from each JSON record: epoch seconds or ms, or RFC 3339' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s z -l compression -d 'Compression codec' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l acks -d 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)' -r -f -a "all\t''
1\t''
0\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l rate -d 'At most N records a second (default: as fast as possible)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l encode -d 'Encode each value by a schema from the registry or a file (Confluent wire format); optional when --schema-id, --subject or --schema says which schema' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l schema-id -d 'The registry\'s schema with this id' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l subject -d 'The schema registered under this subject (default: by --subject-strategy); with --schema, the subject the file is looked up (or registered) under' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l schema-version -d 'The subject\'s version: a number or latest' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l schema -d 'A schema file (.avsc, .proto, .json), looked up under the subject: an error when the registry does not have it, unless --register' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l schema-type -d 'The format of --schema and --key-schema where the file name does not tell' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l subject-strategy -d 'The subject a schema is found under: topic (<topic>-value, <topic>-key), record (the record\'s full name), or topic-record (<topic>-<full name>)' -r -f -a "topic\t''
record\t''
topic-record\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-encode -d '--encode for keys (each key is JSON, or taken as a string when it is not)' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-schema-id -d '--schema-id for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-subject -d '--subject for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-schema-version -d '--schema-version for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-schema -d '--schema for keys' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l proto-type -d 'The Protobuf message values are encoded as (default: the schema\'s first)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l key-proto-type -d 'The Protobuf message keys are encoded as' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s I -l proto-include -d 'Where .proto imports are looked for (repeatable)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l proto-json -d 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l schema-id-in -d 'Where the schema id goes: the 5-byte prefix before the payload, or a __value_schema_id / __key_schema_id header (the GUID where the registry has one)' -r -f -a "prefix\t''
header\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l keep-partition -d '(envelope) send each record to the partition its envelope names'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s Z -l null-empty -d 'Send an empty value as a tombstone (null)'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l register -d 'Register --schema (and --key-schema) under the subject when the registry does not have it; eddy registers nothing otherwise'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -l avro-json -d 'Read Avro input in the specification\'s JSON encoding (unions wrapped, bytes as \\u00XX strings, logical types as their numbers) instead of plain JSON'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand produce" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s g -l group -d 'Join this consumer group (offsets are committed after output)' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s p -l partition -d 'Only these partitions' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s o -l from -d 'Where to start: beginning | end | stored | OFFSET | -N | @TIME (an OFFSET outside a partition starts at its log start or end, with a warning)' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s u -l until -d 'Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s n -l count -d 'Stop after N records written' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s f -l format -d 'value | key | json | a template such as \'{partition}:{offset} {key} {value}\'' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s D -l delimiter -d 'Written after each record (default \\n; \\0 allowed)' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l filter -d 'A jq filter applied to what --format would show; each output is one record' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l on-error -d 'With --filter, a record the filter cannot process: report it and go on (stderr, exit 5 at the end), go on quietly (skip), or stop before it (fail, exit 5)' -r -f -a "fail\t'Stop at the first such input, exit 5'
skip\t'Go on quietly (counted with -v)'
stderr\t'Report it on stderr and go on, exit 5 at the end'"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l expect -d 'Exit 0 as soon as N records (after --filter) were written; exit 1 if the stream ends or --within passes first' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l within -d 'The deadline for --expect / --expect-none (without it: wait forever)' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l stats -d 'The form of the closing summary on stderr' -r -f -a "text\t''
json\t''"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l decode -d 'Decode keys and values by their schemas: auto decodes whatever names one (the 5-byte prefix or the __value_schema_id header) and shows the rest as it is; the default with a registry or --schema, none otherwise' -r -f -a "auto\t''
none\t''
avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l key-decode -d '--decode for keys only' -r -f -a "auto\t''
none\t''
avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l value-decode -d '--decode for values only' -r -f -a "auto\t''
none\t''
avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l schema -d 'Decode values with this schema (.avsc, .proto, or a JSON Schema .json), framed or not, without asking a registry' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l key-schema -d '--schema for keys' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l schema-type -d 'The format of --schema and --key-schema where the file name does not tell' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l proto-type -d 'The Protobuf message of --schema or --protoset (default: the file\'s first)' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l key-proto-type -d 'The Protobuf message of --key-schema' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s I -l proto-include -d 'Where .proto imports are looked for (repeatable)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l protoset -d 'Decode values with a message of this FileDescriptorSet (protoc --include_imports -o)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l proto-json -d 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l on-decode-error -d 'A key or value that names a schema it does not fit (an unknown id, a truncated payload): shown losslessly with the reason and counted (report), or the end of the run before it (fail, exit 5)' -r -f -a "report\t'Show it losslessly with its *_decode_error, count it, go on (exit 0)'
fail\t'Stop before it, exit 5'"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s e -l exit -d 'The same as --until end'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s r -l raw-output -d 'With --filter: strings without quotes'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l expect-none -d 'Exit 1 at the first record (after --filter); exit 0 when --within passes (or the stream ends) without one'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -l avro-json -d 'Avro in the specification\'s JSON encoding (unions wrapped, bytes as \\u00XX strings, logical types as their numbers) instead of plain JSON'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand consume" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l to -d 'The topic to write to' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l to-from -d 'Route each output to the topic this jq filter gives (a string), from the output envelope; no output: --to' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l to-context -d 'Write to another cluster, a context of the config file (at least once: a transaction cannot span two clusters)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l to-brokers -d 'Write to another cluster at these bootstrap servers (at least once: a transaction cannot span two clusters). The input\'s -X and context do not apply there: give the destination\'s properties with --to-X' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l to-property -l to-X -d 'A librdkafka property of the destination only (repeatable): after the --to-context\'s own properties, the only ones with --to-brokers, and over -X when the destination is the input\'s cluster' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s g -l group -d 'Join this consumer group: input positions are kept (committed with the output)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l instance -d 'The name of this member, for the default transactional id (default 0)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l transactional-id -d 'The producer\'s transactional id (default eddy-pipe-<group>-<instance>)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s p -l partition -d 'Only these input partitions' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s o -l from -d 'Where to start: beginning | end | stored | OFFSET | -N | @TIME' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s u -l until -d 'Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s n -l count -d 'Stop after N input records' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l filter -d 'A jq filter over each record\'s envelope; each output (an object) is one record out' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l dead-letter -d 'Where records the filter or the encoder fails on go (with eddy.error and eddy.stage headers)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l on-error -d 'A record the filter or the encoder fails on, without --dead-letter: stop (fail, exit 5, what came before is committed) or count it and go on (skip)' -r -f -a "fail\t'Commit what is done, exit 5'
skip\t'Count it and go on'"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l commit-interval -d 'How often a transaction is committed (and, at least once, offsets)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l commit-records -d 'Commit a transaction also after N input records' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l to-partition -d 'Send every output to this partition of the destination' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l decode -d 'Decode keys and values by their schemas (auto: whatever names one; the default with a registry)' -r -f -a "auto\t''
none\t''
avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-decode -d '--decode for keys only' -r -f -a "auto\t''
none\t''
avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l value-decode -d '--decode for values only' -r -f -a "auto\t''
none\t''
avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l stats -d 'The form of the closing summary on stderr' -r -f -a "text\t''
json\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s k -l key -d 'The same key for every record' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s H -l header -d 'A header on every record (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-from -d 'The key from each JSON record (from its value, with envelope input): a string is used as its bytes, anything else as compact JSON, no output as no key' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l partition-from -d 'The partition from each JSON record (no output: the partitioner decides)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l header-from -d 'A header from each JSON record (repeatable; no output: no header)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l timestamp-from -d 'The timestamp from each JSON record: epoch seconds or ms, or RFC 3339' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s z -l compression -d 'Compression codec' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l acks -d 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)' -r -f -a "all\t''
1\t''
0\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l rate -d 'At most N records a second (default: as fast as possible)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l encode -d 'Encode each value by a schema from the registry or a file (Confluent wire format); optional when --schema-id, --subject or --schema says which schema' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l schema-id -d 'The registry\'s schema with this id' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l subject -d 'The schema registered under this subject (default: by --subject-strategy); with --schema, the subject the file is looked up (or registered) under' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l schema-version -d 'The subject\'s version: a number or latest' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l schema -d 'A schema file (.avsc, .proto, .json), looked up under the subject: an error when the registry does not have it, unless --register' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l schema-type -d 'The format of --schema and --key-schema where the file name does not tell' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l subject-strategy -d 'The subject a schema is found under: topic (<topic>-value, <topic>-key), record (the record\'s full name), or topic-record (<topic>-<full name>)' -r -f -a "topic\t''
record\t''
topic-record\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-encode -d '--encode for keys (each key is JSON, or taken as a string when it is not)' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-schema-id -d '--schema-id for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-subject -d '--subject for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-schema-version -d '--schema-version for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-schema -d '--schema for keys' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l proto-type -d 'The Protobuf message values are encoded as (default: the schema\'s first)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l key-proto-type -d 'The Protobuf message keys are encoded as' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s I -l proto-include -d 'Where .proto imports are looked for (repeatable)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l proto-json -d 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l schema-id-in -d 'Where the schema id goes: the 5-byte prefix before the payload, or a __value_schema_id / __key_schema_id header (the GUID where the registry has one)' -r -f -a "prefix\t''
header\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s e -l exit -d 'The same as --until end'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l keep-partition -d 'Send each record to the partition its output envelope names'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s Z -l null-empty -d 'Send an empty value as a tombstone (null)'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l register -d 'Register --schema (and --key-schema) under the subject when the registry does not have it; eddy registers nothing otherwise'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -l avro-json -d 'Read Avro input in the specification\'s JSON encoding (unions wrapped, bytes as \\u00XX strings, logical types as their numbers) instead of plain JSON'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand pipe" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l indent -d 'Indented output, N spaces a level (0: compact)' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s f -l from-file -d 'Read the filter from FILE' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s L -l library-path -d 'Look for the modules of `import` and `include` in DIR (repeatable, searched in order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l arg -d '$NAME is the string VALUE (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l argjson -d '$NAME is the JSON value JSON (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l slurpfile -d '$NAME is the array of the JSON values in FILE (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l rawfile -d '$NAME is the text of FILE (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l on-error -d 'An input that is not JSON or that the filter fails on: report it and go on (stderr, exit 5 at the end), go on quietly (skip), or stop (fail, exit 5)' -r -f -a "fail\t'Stop at the first such input, exit 5'
skip\t'Go on quietly (counted with -v)'
stderr\t'Report it on stderr and go on, exit 5 at the end'"
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s r -l raw-output -d 'Strings without quotes'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s j -l join-output -d 'Like -r, and no newline after each output'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s c -l compact-output -d 'One line per output (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l pretty -d 'Indented output, two spaces a level'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l tab -d 'Indented output, a tab a level'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s n -l null-input -d 'Run the filter once, with null as its input (`input`/`inputs` read the stream)'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s s -l slurp -d 'Read all inputs into one array and run the filter once on it'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s R -l raw-input -d 'Each input line is a string, not JSON (with -s: the whole input is one string)'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s S -l sort-keys -d 'Write object keys in sorted order'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l args -d 'The arguments after the filter are strings in $ARGS.positional, not files'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -l jsonargs -d 'The arguments after the filter are JSON values in $ARGS.positional, not files'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s e -l exit-status -d 'Exit 1 when the last output was false or null, 4 when there was no output'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand filter" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l indent -d 'Indented output, N spaces a level (0: compact)' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s f -l from-file -d 'Read the filter from FILE' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s L -l library-path -d 'Look for the modules of `import` and `include` in DIR (repeatable, searched in order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l arg -d '$NAME is the string VALUE (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l argjson -d '$NAME is the JSON value JSON (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l slurpfile -d '$NAME is the array of the JSON values in FILE (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l rawfile -d '$NAME is the text of FILE (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l on-error -d 'An input that is not JSON or that the filter fails on: report it and go on (stderr, exit 5 at the end), go on quietly (skip), or stop (fail, exit 5)' -r -f -a "fail\t'Stop at the first such input, exit 5'
skip\t'Go on quietly (counted with -v)'
stderr\t'Report it on stderr and go on, exit 5 at the end'"
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s r -l raw-output -d 'Strings without quotes'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s j -l join-output -d 'Like -r, and no newline after each output'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s c -l compact-output -d 'One line per output (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l pretty -d 'Indented output, two spaces a level'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l tab -d 'Indented output, a tab a level'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s n -l null-input -d 'Run the filter once, with null as its input (`input`/`inputs` read the stream)'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s s -l slurp -d 'Read all inputs into one array and run the filter once on it'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s R -l raw-input -d 'Each input line is a string, not JSON (with -s: the whole input is one string)'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s S -l sort-keys -d 'Write object keys in sorted order'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l args -d 'The arguments after the filter are strings in $ARGS.positional, not files'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -l jsonargs -d 'The arguments after the filter are JSON values in $ARGS.positional, not files'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s e -l exit-status -d 'Exit 1 when the last output was false or null, 4 when there was no output'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand jq" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand count" -l by -d 'The key (a jq filter; each output is counted; several --by make a composite key)' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l window -d 'Tumbling windows of this size (without it: one window over the whole input)' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l slide -d 'Hopping windows of --window size starting every DURATION' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l session -d 'Session windows per key, closed after GAP without events' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l time -d 'Event time (a jq filter giving epoch s or ms, or RFC 3339); default: processing time' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l lateness -d 'How long after a window\'s end late events are still counted' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l emit -d 'When rows are emitted' -r -f -a "final\t'One row per window and key when the window closes'
update\t'A row each time a count changes ("final": false), then the closing row'"
complete -c eddy -n "__fish_eddy_using_subcommand count" -l top -d 'Only the N largest keys of each window (ties by the key\'s JSON text)' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l sum -d 'Also the sum of this filter\'s value' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l min -d 'Also the minimum of this filter\'s value' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l max -d 'Also the maximum of this filter\'s value' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l avg -d 'Also the average of this filter\'s value' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l distinct -d 'Also the number of distinct values of this filter' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand count" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand count" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand count" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand count" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand count" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand count" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l preset -d 'A ready event shape: clickstream, orders, payments, sensors or logs' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s n -l count -d 'Stop after N events' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l duration -d 'Stop after this long' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l ramp -d 'Grow the rate linearly from 0 to --rate over this long' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l seed -d 'The same seed gives the same events, byte for byte' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l start -d 'Pin the clock: $now = TIME + i x (1000 / rate) ms (RFC 3339, epoch ms, or -1h)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l threads -d 'Evaluate templates on this many threads (default: the number of cores)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l topic -d 'Produce straight to this topic instead of writing to stdout' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s p -l partition -d '(--topic) send every record to this partition' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l stats -d '(--topic) the form of the closing summary on stderr' -r -f -a "text\t''
json\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s k -l key -d 'The same key for every record' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s H -l header -d 'A header on every record (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-from -d 'The key from each JSON record (from its value, with envelope input): a string is used as its bytes, anything else as compact JSON, no output as no key' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l partition-from -d 'The partition from each JSON record (no output: the partitioner decides)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l header-from -d 'A header from each JSON record (repeatable; no output: no header)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l timestamp-from -d 'The timestamp from each JSON record: epoch seconds or ms, or RFC 3339' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s z -l compression -d 'Compression codec' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l acks -d 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)' -r -f -a "all\t''
1\t''
0\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l rate -d 'At most N records a second (default: as fast as possible)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l encode -d 'Encode each value by a schema from the registry or a file (Confluent wire format); optional when --schema-id, --subject or --schema says which schema' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l schema-id -d 'The registry\'s schema with this id' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l subject -d 'The schema registered under this subject (default: by --subject-strategy); with --schema, the subject the file is looked up (or registered) under' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l schema-version -d 'The subject\'s version: a number or latest' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l schema -d 'A schema file (.avsc, .proto, .json), looked up under the subject: an error when the registry does not have it, unless --register' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l schema-type -d 'The format of --schema and --key-schema where the file name does not tell' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l subject-strategy -d 'The subject a schema is found under: topic (<topic>-value, <topic>-key), record (the record\'s full name), or topic-record (<topic>-<full name>)' -r -f -a "topic\t''
record\t''
topic-record\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-encode -d '--encode for keys (each key is JSON, or taken as a string when it is not)' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-schema-id -d '--schema-id for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-subject -d '--subject for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-schema-version -d '--schema-version for keys' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-schema -d '--schema for keys' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l proto-type -d 'The Protobuf message values are encoded as (default: the schema\'s first)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l key-proto-type -d 'The Protobuf message keys are encoded as' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s I -l proto-include -d 'Where .proto imports are looked for (repeatable)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l proto-json -d 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l schema-id-in -d 'Where the schema id goes: the 5-byte prefix before the payload, or a __value_schema_id / __key_schema_id header (the GUID where the registry has one)' -r -f -a "prefix\t''
header\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l list-presets -d 'Each preset\'s fields, with an example event'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l register -d 'Register --schema (and --key-schema) under the subject when the registry does not have it; eddy registers nothing otherwise'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -l avro-json -d 'Read Avro input in the specification\'s JSON encoding (unions wrapped, bytes as \\u00XX strings, logical types as their numbers) instead of plain JSON'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand gen" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -f -a "list" -d 'Every topic with its partition count (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -f -a "describe" -d 'Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and configs with where each comes from (the topic\'s overrides first)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -f -a "create" -d 'Create a topic; returns once every partition has a leader'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -f -a "alter" -d 'Add partitions or change configs (other configs are kept)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -f -a "delete" -d 'Delete a topic'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and not __fish_seen_subcommand_from list describe create alter delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l partitions -d 'Number of partitions' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l replication -d 'Replication factor (default: the cluster\'s)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l config -d 'A topic config (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l partitions -d 'The new, larger number of partitions' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l config -d 'A topic config to set (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from alter" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every topic with its partition count (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and configs with where each comes from (the topic\'s overrides first)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic; returns once every partition has a leader'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Add partitions or change configs (other configs are kept)'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic'
complete -c eddy -n "__fish_eddy_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -l at -d 'Also the first offset at or after this time (RFC 3339, epoch ms, or -15m)' -r
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand offsets" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "list" -d 'Every group with its state and member count (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "describe" -d 'Committed offset, high watermark, last stable offset and lag per partition'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "reset" -d 'Move a group\'s committed offsets (a dry run that shows the plan unless --execute)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "delete" -d 'Delete a group (it must have no members)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l topic -d 'The topic whose offsets move' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to -d 'earliest | latest (the last stable offset) | OFFSET | @TIME' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l shift-by -d 'Move every committed offset by N (negative: back)' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s p -l partition -d 'Only these partitions' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -l execute -d 'Do it (otherwise only the plan is shown)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every group with its state and member count (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Committed offset, high watermark, last stable offset and lag per partition'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Move a group\'s committed offsets (a dry run that shows the plan unless --execute)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group (it must have no members)'
complete -c eddy -n "__fish_eddy_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand cluster" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l port -d '(--kafka) The first port of node 1; each node takes four from there (plaintext, controller, SCRAM, TLS). Default: free ports' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l nodes -d 'Number of broker nodes (--kafka: 1 or 3)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l partitions -d 'Partitions of the topics named with --topic' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l topic -d 'A topic that exists from the start (repeatable)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l chaos-seed -d 'The seed of --chaos: the same seed, the same sequence of faults' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l kafka -d 'A real Apache Kafka cluster (KRaft; needs Java 17) instead of the mock: any client can connect, faults are real broker faults'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -l chaos -d 'Inject faults while running. Mock: retriable request errors, added round-trip time (at most 500 ms) and, with several nodes, outages (at most 2 s); never a fault that would duplicate a record. --kafka --nodes 3: SIGKILL and restart, SIGSTOP and SIGCONT, rolling restarts, one node at a time'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -a "kill" -d 'SIGKILL the node\'s JVM; it stays down until `restart`'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -a "pause" -d 'SIGSTOP the node: a hung broker, its connections open and unanswered'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -a "resume" -d 'SIGCONT a paused node'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -a "restart" -d 'Stop the node (a controlled shutdown) if it runs, start it, and wait until it has started'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and not __fish_seen_subcommand_from kill pause resume restart help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "kill" -d 'SIGKILL the node\'s JVM; it stays down until `restart`'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "pause" -d 'SIGSTOP the node: a hung broker, its connections open and unanswered'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "resume" -d 'SIGCONT a paused node'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop the node (a controlled shutdown) if it runs, start it, and wait until it has started'
complete -c eddy -n "__fish_eddy_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "list" -d 'Every subject with its latest version, schema id and type (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "get" -d 'The schema with this id, its type and references'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "versions" -d 'The versions of a subject with their schema ids'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "show" -d 'One version of a subject: its id, type, references and schema'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "register" -d 'Register a schema file under a subject (the same schema again keeps its id and version)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "check" -d 'Whether a schema file is compatible with the subject\'s latest version (exit 1 if not)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "delete" -d 'Delete a subject: soft by default (as the registry\'s API), --permanent for good'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and not __fish_seen_subcommand_from list get versions show register check delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from versions" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -l version -d 'A version number, or latest' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l schema-type -d 'The schema\'s type where the file\'s extension does not tell' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l reference -d 'A schema this one refers to (repeatable): NAME as the schema names it (Avro: the full type name; Protobuf: the import path), registered as SUBJECT\'s VERSION' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l schema-type -d 'The schema\'s type where the file\'s extension does not tell' -r -f -a "avro\t''
protobuf\t''
json-schema\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l reference -d 'A schema this one refers to (repeatable): NAME as the schema names it (Avro: the full type name; Protobuf: the import path), registered as SUBJECT\'s VERSION' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l output -d 'table (default) or json' -r -f -a "table\t'A table on a terminal'
json\t'One JSON document on stdout, for scripts'"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -l permanent -d 'Delete for good (soft-deleting first where needed)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every subject with its latest version, schema id and type (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "get" -d 'The schema with this id, its type and references'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "versions" -d 'The versions of a subject with their schema ids'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "show" -d 'One version of a subject: its id, type, references and schema'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a schema file under a subject (the same schema again keeps its id and version)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "check" -d 'Whether a schema file is compatible with the subject\'s latest version (exit 1 if not)'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a subject: soft by default (as the registry\'s API), --permanent for good'
complete -c eddy -n "__fish_eddy_using_subcommand schemas; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -f -a "show" -d 'The resolved settings, secrets redacted (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -f -a "contexts" -d 'The contexts in the config file'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -f -a "use" -d 'Make NAME the default context (the file\'s comments are kept)'
complete -c eddy -n "__fish_eddy_using_subcommand config; and not __fish_seen_subcommand_from show contexts use help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from contexts" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'The resolved settings, secrets redacted (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "contexts" -d 'The contexts in the config file'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make NAME the default context (the file\'s comments are kept)'
complete -c eddy -n "__fish_eddy_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s b -l brokers -d 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]' -r
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s C -l context -d 'A named context from the config file [env: EDDY_CONTEXT]' -r
complete -c eddy -n "__fish_eddy_using_subcommand generate" -l config-file -d 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)' -r -F
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s X -l property -d 'Any librdkafka property (repeatable); wins over everything else' -r
complete -c eddy -n "__fish_eddy_using_subcommand generate" -l timeout -d 'How long to wait for the cluster (connect, metadata, authentication, final flush)' -r
complete -c eddy -n "__fish_eddy_using_subcommand generate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c eddy -n "__fish_eddy_using_subcommand generate" -l registry -d 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process' -r
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s q -l quiet -d 'Less on stderr: no summary, no progress'
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s v -l verbose -d 'More on stderr, including librdkafka\'s own log lines'
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s h -l help -d 'Print help'
complete -c eddy -n "__fish_eddy_using_subcommand generate" -s V -l version -d 'Print version'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "produce" -d 'Records from stdin or files into a topic'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "consume" -d 'Records from topics to stdout, with offset control'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "pipe" -d 'From topic to topic through jq and codecs, exactly once, scaled out by a group'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "filter" -d 'A jq filter over JSON values on stdin or files'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "count" -d 'Windowed counts of JSON events (tumbling, hopping, session; event or processing time)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "gen" -d 'Generated JSON events, to stdout or straight to a topic'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "topics" -d 'List, describe, create, alter and delete topics'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "offsets" -d 'Log start, high watermark and last stable offset per partition, or the offset at a time'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "groups" -d 'Consumer groups: list, describe (offsets and lag), reset, delete'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "cluster" -d 'Brokers, controller and topic count'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "dev" -d 'An embedded Kafka cluster for trying things and for CI: the mock, or Apache Kafka'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "schemas" -d 'Schemas in a schema registry: list, get, versions, show, register, check, delete'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "config" -d 'The resolved connection settings (secrets redacted), and contexts'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "generate" -d 'Write completions and man pages (for maintainers)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and not __fish_seen_subcommand_from produce consume pipe filter count gen topics offsets groups cluster dev schemas config generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'Every topic with its partition count (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and configs with where each comes from (the topic\'s overrides first)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic; returns once every partition has a leader'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "alter" -d 'Add partitions or change configs (other configs are kept)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete" -d 'Delete a topic'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'Every group with its state and member count (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'Committed offset, high watermark, last stable offset and lag per partition'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset" -d 'Move a group\'s committed offsets (a dry run that shows the plan unless --execute)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete a group (it must have no members)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "kill" -d 'SIGKILL the node\'s JVM; it stays down until `restart`'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "pause" -d 'SIGSTOP the node: a hung broker, its connections open and unanswered'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "resume" -d 'SIGCONT a paused node'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "restart" -d 'Stop the node (a controlled shutdown) if it runs, start it, and wait until it has started'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "list" -d 'Every subject with its latest version, schema id and type (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "get" -d 'The schema with this id, its type and references'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "versions" -d 'The versions of a subject with their schema ids'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "show" -d 'One version of a subject: its id, type, references and schema'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "register" -d 'Register a schema file under a subject (the same schema again keeps its id and version)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "check" -d 'Whether a schema file is compatible with the subject\'s latest version (exit 1 if not)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from schemas" -f -a "delete" -d 'Delete a subject: soft by default (as the registry\'s API), --permanent for good'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'The resolved settings, secrets redacted (the default)'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "contexts" -d 'The contexts in the config file'
complete -c eddy -n "__fish_eddy_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make NAME the default context (the file\'s comments are kept)'
