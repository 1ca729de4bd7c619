
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'eddy' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'eddy'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'eddy' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: EDDY_CONFIG] [default: ~/.config/eddy/config.toml]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Records from stdin or files into a topic')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Records from topics to stdout, with offset control')
            [CompletionResult]::new('pipe', 'pipe', [CompletionResultType]::ParameterValue, 'From topic to topic through jq and codecs, exactly once, scaled out by a group')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'A jq filter over JSON values on stdin or files')
            [CompletionResult]::new('jq', 'jq', [CompletionResultType]::ParameterValue, 'A jq filter over JSON values on stdin or files')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Windowed counts of JSON events (tumbling, hopping, session; event or processing time)')
            [CompletionResult]::new('gen', 'gen', [CompletionResultType]::ParameterValue, 'Generated JSON events, to stdout or straight to a topic')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, describe, create, alter and delete topics')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Log start, high watermark and last stable offset per partition, or the offset at a time')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe (offsets and lag), reset, delete')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Brokers, controller and topic count')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'An embedded Kafka cluster for trying things and for CI: the mock, or Apache Kafka')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'Schemas in a schema registry: list, get, versions, show, register, check, delete')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The resolved connection settings (secrets redacted), and contexts')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write completions and man pages (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;produce' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'How input is read')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Record separator of the input (default \n; \0 allowed)')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Record separator of the input (default \n; \0 allowed)')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Split each line at the first DELIM into a key (its bytes as they are) and a value (lines: as it is; json: validated)')
            [CompletionResult]::new('--key-delimiter', '--key-delimiter', [CompletionResultType]::ParameterName, 'Split each line at the first DELIM into a key (its bytes as they are) and a value (lines: as it is; json: validated)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Send every record to this partition (otherwise murmur2 on the key, as the Java client)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Send every record to this partition (otherwise murmur2 on the key, as the Java client)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after N records')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N records')
            [CompletionResult]::new('--on-invalid', '--on-invalid', [CompletionResultType]::ParameterName, 'What to do with an input line that cannot be read')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'The form of the closing summary on stderr')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'The same key for every record')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The same key for every record')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--key-from', '--key-from', [CompletionResultType]::ParameterName, 'The key from each JSON record (from its value, with envelope input): a string is used as its bytes, anything else as compact JSON, no output as no key')
            [CompletionResult]::new('--partition-from', '--partition-from', [CompletionResultType]::ParameterName, 'The partition from each JSON record (no output: the partitioner decides)')
            [CompletionResult]::new('--header-from', '--header-from', [CompletionResultType]::ParameterName, 'A header from each JSON record (repeatable; no output: no header)')
            [CompletionResult]::new('--timestamp-from', '--timestamp-from', [CompletionResultType]::ParameterName, 'The timestamp from each JSON record: epoch seconds or ms, or RFC 3339')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N records a second (default: as fast as possible)')
            [CompletionResult]::new('--encode', '--encode', [CompletionResultType]::ParameterName, 'Encode each value by a schema from the registry or a file (Confluent wire format); optional when --schema-id, --subject or --schema says which schema')
            [CompletionResult]::new('--schema-id', '--schema-id', [CompletionResultType]::ParameterName, 'The registry''s schema with this id')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The schema registered under this subject (default: by --subject-strategy); with --schema, the subject the file is looked up (or registered) under')
            [CompletionResult]::new('--schema-version', '--schema-version', [CompletionResultType]::ParameterName, 'The subject''s version: a number or latest')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'A schema file (.avsc, .proto, .json), looked up under the subject: an error when the registry does not have it, unless --register')
            [CompletionResult]::new('--schema-type', '--schema-type', [CompletionResultType]::ParameterName, 'The format of --schema and --key-schema where the file name does not tell')
            [CompletionResult]::new('--subject-strategy', '--subject-strategy', [CompletionResultType]::ParameterName, 'The subject a schema is found under: topic (<topic>-value, <topic>-key), record (the record''s full name), or topic-record (<topic>-<full name>)')
            [CompletionResult]::new('--key-encode', '--key-encode', [CompletionResultType]::ParameterName, '--encode for keys (each key is JSON, or taken as a string when it is not)')
            [CompletionResult]::new('--key-schema-id', '--key-schema-id', [CompletionResultType]::ParameterName, '--schema-id for keys')
            [CompletionResult]::new('--key-subject', '--key-subject', [CompletionResultType]::ParameterName, '--subject for keys')
            [CompletionResult]::new('--key-schema-version', '--key-schema-version', [CompletionResultType]::ParameterName, '--schema-version for keys')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, '--schema for keys')
            [CompletionResult]::new('--proto-type', '--proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message values are encoded as (default: the schema''s first)')
            [CompletionResult]::new('--key-proto-type', '--key-proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message keys are encoded as')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-include', '--proto-include', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-json', '--proto-json', [CompletionResultType]::ParameterName, 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number')
            [CompletionResult]::new('--schema-id-in', '--schema-id-in', [CompletionResultType]::ParameterName, 'Where the schema id goes: the 5-byte prefix before the payload, or a __value_schema_id / __key_schema_id header (the GUID where the registry has one)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('--keep-partition', '--keep-partition', [CompletionResultType]::ParameterName, '(envelope) send each record to the partition its envelope names')
            [CompletionResult]::new('-Z', '-Z ', [CompletionResultType]::ParameterName, 'Send an empty value as a tombstone (null)')
            [CompletionResult]::new('--null-empty', '--null-empty', [CompletionResultType]::ParameterName, 'Send an empty value as a tombstone (null)')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register --schema (and --key-schema) under the subject when the registry does not have it; eddy registers nothing otherwise')
            [CompletionResult]::new('--avro-json', '--avro-json', [CompletionResultType]::ParameterName, 'Read Avro input in the specification''s JSON encoding (unions wrapped, bytes as \u00XX strings, logical types as their numbers) instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;consume' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Join this consumer group (offsets are committed after output)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Join this consumer group (offsets are committed after output)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to start: beginning | end | stored | OFFSET | -N | @TIME (an OFFSET outside a partition starts at its log start or end, with a warning)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start: beginning | end | stored | OFFSET | -N | @TIME (an OFFSET outside a partition starts at its log start or end, with a warning)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after N records written')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N records written')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'value | key | json | a template such as ''{partition}:{offset} {key} {value}''')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'value | key | json | a template such as ''{partition}:{offset} {key} {value}''')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Written after each record (default \n; \0 allowed)')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Written after each record (default \n; \0 allowed)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A jq filter applied to what --format would show; each output is one record')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'With --filter, a record the filter cannot process: report it and go on (stderr, exit 5 at the end), go on quietly (skip), or stop before it (fail, exit 5)')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Exit 0 as soon as N records (after --filter) were written; exit 1 if the stream ends or --within passes first')
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'The deadline for --expect / --expect-none (without it: wait forever)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'The form of the closing summary on stderr')
            [CompletionResult]::new('--decode', '--decode', [CompletionResultType]::ParameterName, 'Decode keys and values by their schemas: auto decodes whatever names one (the 5-byte prefix or the __value_schema_id header) and shows the rest as it is; the default with a registry or --schema, none otherwise')
            [CompletionResult]::new('--key-decode', '--key-decode', [CompletionResultType]::ParameterName, '--decode for keys only')
            [CompletionResult]::new('--value-decode', '--value-decode', [CompletionResultType]::ParameterName, '--decode for values only')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Decode values with this schema (.avsc, .proto, or a JSON Schema .json), framed or not, without asking a registry')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, '--schema for keys')
            [CompletionResult]::new('--schema-type', '--schema-type', [CompletionResultType]::ParameterName, 'The format of --schema and --key-schema where the file name does not tell')
            [CompletionResult]::new('--proto-type', '--proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message of --schema or --protoset (default: the file''s first)')
            [CompletionResult]::new('--key-proto-type', '--key-proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message of --key-schema')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-include', '--proto-include', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--protoset', '--protoset', [CompletionResultType]::ParameterName, 'Decode values with a message of this FileDescriptorSet (protoc --include_imports -o)')
            [CompletionResult]::new('--proto-json', '--proto-json', [CompletionResultType]::ParameterName, 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number')
            [CompletionResult]::new('--on-decode-error', '--on-decode-error', [CompletionResultType]::ParameterName, 'A key or value that names a schema it does not fit (an unknown id, a truncated payload): shown losslessly with the reason and counted (report), or the end of the run before it (fail, exit 5)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'The same as --until end')
            [CompletionResult]::new('--exit', '--exit', [CompletionResultType]::ParameterName, 'The same as --until end')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'With --filter: strings without quotes')
            [CompletionResult]::new('--raw-output', '--raw-output', [CompletionResultType]::ParameterName, 'With --filter: strings without quotes')
            [CompletionResult]::new('--expect-none', '--expect-none', [CompletionResultType]::ParameterName, 'Exit 1 at the first record (after --filter); exit 0 when --within passes (or the stream ends) without one')
            [CompletionResult]::new('--avro-json', '--avro-json', [CompletionResultType]::ParameterName, 'Avro in the specification''s JSON encoding (unions wrapped, bytes as \u00XX strings, logical types as their numbers) instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;pipe' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The topic to write to')
            [CompletionResult]::new('--to-from', '--to-from', [CompletionResultType]::ParameterName, 'Route each output to the topic this jq filter gives (a string), from the output envelope; no output: --to')
            [CompletionResult]::new('--to-context', '--to-context', [CompletionResultType]::ParameterName, 'Write to another cluster, a context of the config file (at least once: a transaction cannot span two clusters)')
            [CompletionResult]::new('--to-brokers', '--to-brokers', [CompletionResultType]::ParameterName, 'Write to another cluster at these bootstrap servers (at least once: a transaction cannot span two clusters). The input''s -X and context do not apply there: give the destination''s properties with --to-X')
            [CompletionResult]::new('--to-property', '--to-property', [CompletionResultType]::ParameterName, 'A librdkafka property of the destination only (repeatable): after the --to-context''s own properties, the only ones with --to-brokers, and over -X when the destination is the input''s cluster')
            [CompletionResult]::new('--to-X', '--to-X', [CompletionResultType]::ParameterName, 'A librdkafka property of the destination only (repeatable): after the --to-context''s own properties, the only ones with --to-brokers, and over -X when the destination is the input''s cluster')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Join this consumer group: input positions are kept (committed with the output)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Join this consumer group: input positions are kept (committed with the output)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The name of this member, for the default transactional id (default 0)')
            [CompletionResult]::new('--transactional-id', '--transactional-id', [CompletionResultType]::ParameterName, 'The producer''s transactional id (default eddy-pipe-<group>-<instance>)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these input partitions')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these input partitions')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to start: beginning | end | stored | OFFSET | -N | @TIME')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start: beginning | end | stored | OFFSET | -N | @TIME')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop (exclusive): end (the last stable offset at start) | OFFSET | @TIME')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after N input records')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N input records')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A jq filter over each record''s envelope; each output (an object) is one record out')
            [CompletionResult]::new('--dead-letter', '--dead-letter', [CompletionResultType]::ParameterName, 'Where records the filter or the encoder fails on go (with eddy.error and eddy.stage headers)')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'A record the filter or the encoder fails on, without --dead-letter: stop (fail, exit 5, what came before is committed) or count it and go on (skip)')
            [CompletionResult]::new('--commit-interval', '--commit-interval', [CompletionResultType]::ParameterName, 'How often a transaction is committed (and, at least once, offsets)')
            [CompletionResult]::new('--commit-records', '--commit-records', [CompletionResultType]::ParameterName, 'Commit a transaction also after N input records')
            [CompletionResult]::new('--to-partition', '--to-partition', [CompletionResultType]::ParameterName, 'Send every output to this partition of the destination')
            [CompletionResult]::new('--decode', '--decode', [CompletionResultType]::ParameterName, 'Decode keys and values by their schemas (auto: whatever names one; the default with a registry)')
            [CompletionResult]::new('--key-decode', '--key-decode', [CompletionResultType]::ParameterName, '--decode for keys only')
            [CompletionResult]::new('--value-decode', '--value-decode', [CompletionResultType]::ParameterName, '--decode for values only')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'The form of the closing summary on stderr')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'The same key for every record')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The same key for every record')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--key-from', '--key-from', [CompletionResultType]::ParameterName, 'The key from each JSON record (from its value, with envelope input): a string is used as its bytes, anything else as compact JSON, no output as no key')
            [CompletionResult]::new('--partition-from', '--partition-from', [CompletionResultType]::ParameterName, 'The partition from each JSON record (no output: the partitioner decides)')
            [CompletionResult]::new('--header-from', '--header-from', [CompletionResultType]::ParameterName, 'A header from each JSON record (repeatable; no output: no header)')
            [CompletionResult]::new('--timestamp-from', '--timestamp-from', [CompletionResultType]::ParameterName, 'The timestamp from each JSON record: epoch seconds or ms, or RFC 3339')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N records a second (default: as fast as possible)')
            [CompletionResult]::new('--encode', '--encode', [CompletionResultType]::ParameterName, 'Encode each value by a schema from the registry or a file (Confluent wire format); optional when --schema-id, --subject or --schema says which schema')
            [CompletionResult]::new('--schema-id', '--schema-id', [CompletionResultType]::ParameterName, 'The registry''s schema with this id')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The schema registered under this subject (default: by --subject-strategy); with --schema, the subject the file is looked up (or registered) under')
            [CompletionResult]::new('--schema-version', '--schema-version', [CompletionResultType]::ParameterName, 'The subject''s version: a number or latest')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'A schema file (.avsc, .proto, .json), looked up under the subject: an error when the registry does not have it, unless --register')
            [CompletionResult]::new('--schema-type', '--schema-type', [CompletionResultType]::ParameterName, 'The format of --schema and --key-schema where the file name does not tell')
            [CompletionResult]::new('--subject-strategy', '--subject-strategy', [CompletionResultType]::ParameterName, 'The subject a schema is found under: topic (<topic>-value, <topic>-key), record (the record''s full name), or topic-record (<topic>-<full name>)')
            [CompletionResult]::new('--key-encode', '--key-encode', [CompletionResultType]::ParameterName, '--encode for keys (each key is JSON, or taken as a string when it is not)')
            [CompletionResult]::new('--key-schema-id', '--key-schema-id', [CompletionResultType]::ParameterName, '--schema-id for keys')
            [CompletionResult]::new('--key-subject', '--key-subject', [CompletionResultType]::ParameterName, '--subject for keys')
            [CompletionResult]::new('--key-schema-version', '--key-schema-version', [CompletionResultType]::ParameterName, '--schema-version for keys')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, '--schema for keys')
            [CompletionResult]::new('--proto-type', '--proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message values are encoded as (default: the schema''s first)')
            [CompletionResult]::new('--key-proto-type', '--key-proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message keys are encoded as')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-include', '--proto-include', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-json', '--proto-json', [CompletionResultType]::ParameterName, 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number')
            [CompletionResult]::new('--schema-id-in', '--schema-id-in', [CompletionResultType]::ParameterName, 'Where the schema id goes: the 5-byte prefix before the payload, or a __value_schema_id / __key_schema_id header (the GUID where the registry has one)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'The same as --until end')
            [CompletionResult]::new('--exit', '--exit', [CompletionResultType]::ParameterName, 'The same as --until end')
            [CompletionResult]::new('--keep-partition', '--keep-partition', [CompletionResultType]::ParameterName, 'Send each record to the partition its output envelope names')
            [CompletionResult]::new('-Z', '-Z ', [CompletionResultType]::ParameterName, 'Send an empty value as a tombstone (null)')
            [CompletionResult]::new('--null-empty', '--null-empty', [CompletionResultType]::ParameterName, 'Send an empty value as a tombstone (null)')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register --schema (and --key-schema) under the subject when the registry does not have it; eddy registers nothing otherwise')
            [CompletionResult]::new('--avro-json', '--avro-json', [CompletionResultType]::ParameterName, 'Read Avro input in the specification''s JSON encoding (unions wrapped, bytes as \u00XX strings, logical types as their numbers) instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;filter' {
            [CompletionResult]::new('--indent', '--indent', [CompletionResultType]::ParameterName, 'Indented output, N spaces a level (0: compact)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the filter from FILE')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the filter from FILE')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Look for the modules of `import` and `include` in DIR (repeatable, searched in order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)')
            [CompletionResult]::new('--library-path', '--library-path', [CompletionResultType]::ParameterName, 'Look for the modules of `import` and `include` in DIR (repeatable, searched in order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)')
            [CompletionResult]::new('--arg', '--arg', [CompletionResultType]::ParameterName, '$NAME is the string VALUE (repeatable)')
            [CompletionResult]::new('--argjson', '--argjson', [CompletionResultType]::ParameterName, '$NAME is the JSON value JSON (repeatable)')
            [CompletionResult]::new('--slurpfile', '--slurpfile', [CompletionResultType]::ParameterName, '$NAME is the array of the JSON values in FILE (repeatable)')
            [CompletionResult]::new('--rawfile', '--rawfile', [CompletionResultType]::ParameterName, '$NAME is the text of FILE (repeatable)')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'An input that is not JSON or that the filter fails on: report it and go on (stderr, exit 5 at the end), go on quietly (skip), or stop (fail, exit 5)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Strings without quotes')
            [CompletionResult]::new('--raw-output', '--raw-output', [CompletionResultType]::ParameterName, 'Strings without quotes')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Like -r, and no newline after each output')
            [CompletionResult]::new('--join-output', '--join-output', [CompletionResultType]::ParameterName, 'Like -r, and no newline after each output')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'One line per output (the default)')
            [CompletionResult]::new('--compact-output', '--compact-output', [CompletionResultType]::ParameterName, 'One line per output (the default)')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Indented output, two spaces a level')
            [CompletionResult]::new('--tab', '--tab', [CompletionResultType]::ParameterName, 'Indented output, a tab a level')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Run the filter once, with null as its input (`input`/`inputs` read the stream)')
            [CompletionResult]::new('--null-input', '--null-input', [CompletionResultType]::ParameterName, 'Run the filter once, with null as its input (`input`/`inputs` read the stream)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Read all inputs into one array and run the filter once on it')
            [CompletionResult]::new('--slurp', '--slurp', [CompletionResultType]::ParameterName, 'Read all inputs into one array and run the filter once on it')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Each input line is a string, not JSON (with -s: the whole input is one string)')
            [CompletionResult]::new('--raw-input', '--raw-input', [CompletionResultType]::ParameterName, 'Each input line is a string, not JSON (with -s: the whole input is one string)')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Write object keys in sorted order')
            [CompletionResult]::new('--sort-keys', '--sort-keys', [CompletionResultType]::ParameterName, 'Write object keys in sorted order')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'The arguments after the filter are strings in $ARGS.positional, not files')
            [CompletionResult]::new('--jsonargs', '--jsonargs', [CompletionResultType]::ParameterName, 'The arguments after the filter are JSON values in $ARGS.positional, not files')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Exit 1 when the last output was false or null, 4 when there was no output')
            [CompletionResult]::new('--exit-status', '--exit-status', [CompletionResultType]::ParameterName, 'Exit 1 when the last output was false or null, 4 when there was no output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;jq' {
            [CompletionResult]::new('--indent', '--indent', [CompletionResultType]::ParameterName, 'Indented output, N spaces a level (0: compact)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the filter from FILE')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the filter from FILE')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Look for the modules of `import` and `include` in DIR (repeatable, searched in order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)')
            [CompletionResult]::new('--library-path', '--library-path', [CompletionResultType]::ParameterName, 'Look for the modules of `import` and `include` in DIR (repeatable, searched in order; default: ~/.jq, $ORIGIN/../lib/jq, $ORIGIN/../lib)')
            [CompletionResult]::new('--arg', '--arg', [CompletionResultType]::ParameterName, '$NAME is the string VALUE (repeatable)')
            [CompletionResult]::new('--argjson', '--argjson', [CompletionResultType]::ParameterName, '$NAME is the JSON value JSON (repeatable)')
            [CompletionResult]::new('--slurpfile', '--slurpfile', [CompletionResultType]::ParameterName, '$NAME is the array of the JSON values in FILE (repeatable)')
            [CompletionResult]::new('--rawfile', '--rawfile', [CompletionResultType]::ParameterName, '$NAME is the text of FILE (repeatable)')
            [CompletionResult]::new('--on-error', '--on-error', [CompletionResultType]::ParameterName, 'An input that is not JSON or that the filter fails on: report it and go on (stderr, exit 5 at the end), go on quietly (skip), or stop (fail, exit 5)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Strings without quotes')
            [CompletionResult]::new('--raw-output', '--raw-output', [CompletionResultType]::ParameterName, 'Strings without quotes')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Like -r, and no newline after each output')
            [CompletionResult]::new('--join-output', '--join-output', [CompletionResultType]::ParameterName, 'Like -r, and no newline after each output')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'One line per output (the default)')
            [CompletionResult]::new('--compact-output', '--compact-output', [CompletionResultType]::ParameterName, 'One line per output (the default)')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Indented output, two spaces a level')
            [CompletionResult]::new('--tab', '--tab', [CompletionResultType]::ParameterName, 'Indented output, a tab a level')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Run the filter once, with null as its input (`input`/`inputs` read the stream)')
            [CompletionResult]::new('--null-input', '--null-input', [CompletionResultType]::ParameterName, 'Run the filter once, with null as its input (`input`/`inputs` read the stream)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Read all inputs into one array and run the filter once on it')
            [CompletionResult]::new('--slurp', '--slurp', [CompletionResultType]::ParameterName, 'Read all inputs into one array and run the filter once on it')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Each input line is a string, not JSON (with -s: the whole input is one string)')
            [CompletionResult]::new('--raw-input', '--raw-input', [CompletionResultType]::ParameterName, 'Each input line is a string, not JSON (with -s: the whole input is one string)')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'Write object keys in sorted order')
            [CompletionResult]::new('--sort-keys', '--sort-keys', [CompletionResultType]::ParameterName, 'Write object keys in sorted order')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'The arguments after the filter are strings in $ARGS.positional, not files')
            [CompletionResult]::new('--jsonargs', '--jsonargs', [CompletionResultType]::ParameterName, 'The arguments after the filter are JSON values in $ARGS.positional, not files')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Exit 1 when the last output was false or null, 4 when there was no output')
            [CompletionResult]::new('--exit-status', '--exit-status', [CompletionResultType]::ParameterName, 'Exit 1 when the last output was false or null, 4 when there was no output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;count' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'The key (a jq filter; each output is counted; several --by make a composite key)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Tumbling windows of this size (without it: one window over the whole input)')
            [CompletionResult]::new('--slide', '--slide', [CompletionResultType]::ParameterName, 'Hopping windows of --window size starting every DURATION')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Session windows per key, closed after GAP without events')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Event time (a jq filter giving epoch s or ms, or RFC 3339); default: processing time')
            [CompletionResult]::new('--lateness', '--lateness', [CompletionResultType]::ParameterName, 'How long after a window''s end late events are still counted')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'When rows are emitted')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Only the N largest keys of each window (ties by the key''s JSON text)')
            [CompletionResult]::new('--sum', '--sum', [CompletionResultType]::ParameterName, 'Also the sum of this filter''s value')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Also the minimum of this filter''s value')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Also the maximum of this filter''s value')
            [CompletionResult]::new('--avg', '--avg', [CompletionResultType]::ParameterName, 'Also the average of this filter''s value')
            [CompletionResult]::new('--distinct', '--distinct', [CompletionResultType]::ParameterName, 'Also the number of distinct values of this filter')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;gen' {
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'A ready event shape: clickstream, orders, payments, sensors or logs')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after N events')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N events')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Stop after this long')
            [CompletionResult]::new('--ramp', '--ramp', [CompletionResultType]::ParameterName, 'Grow the rate linearly from 0 to --rate over this long')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The same seed gives the same events, byte for byte')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Pin the clock: $now = TIME + i x (1000 / rate) ms (RFC 3339, epoch ms, or -1h)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Evaluate templates on this many threads (default: the number of cores)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Produce straight to this topic instead of writing to stdout')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, '(--topic) send every record to this partition')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, '(--topic) send every record to this partition')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, '(--topic) the form of the closing summary on stderr')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'The same key for every record')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The same key for every record')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header on every record (repeatable)')
            [CompletionResult]::new('--key-from', '--key-from', [CompletionResultType]::ParameterName, 'The key from each JSON record (from its value, with envelope input): a string is used as its bytes, anything else as compact JSON, no output as no key')
            [CompletionResult]::new('--partition-from', '--partition-from', [CompletionResultType]::ParameterName, 'The partition from each JSON record (no output: the partitioner decides)')
            [CompletionResult]::new('--header-from', '--header-from', [CompletionResultType]::ParameterName, 'A header from each JSON record (repeatable; no output: no header)')
            [CompletionResult]::new('--timestamp-from', '--timestamp-from', [CompletionResultType]::ParameterName, 'The timestamp from each JSON record: epoch seconds or ms, or RFC 3339')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N records a second (default: as fast as possible)')
            [CompletionResult]::new('--encode', '--encode', [CompletionResultType]::ParameterName, 'Encode each value by a schema from the registry or a file (Confluent wire format); optional when --schema-id, --subject or --schema says which schema')
            [CompletionResult]::new('--schema-id', '--schema-id', [CompletionResultType]::ParameterName, 'The registry''s schema with this id')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The schema registered under this subject (default: by --subject-strategy); with --schema, the subject the file is looked up (or registered) under')
            [CompletionResult]::new('--schema-version', '--schema-version', [CompletionResultType]::ParameterName, 'The subject''s version: a number or latest')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'A schema file (.avsc, .proto, .json), looked up under the subject: an error when the registry does not have it, unless --register')
            [CompletionResult]::new('--schema-type', '--schema-type', [CompletionResultType]::ParameterName, 'The format of --schema and --key-schema where the file name does not tell')
            [CompletionResult]::new('--subject-strategy', '--subject-strategy', [CompletionResultType]::ParameterName, 'The subject a schema is found under: topic (<topic>-value, <topic>-key), record (the record''s full name), or topic-record (<topic>-<full name>)')
            [CompletionResult]::new('--key-encode', '--key-encode', [CompletionResultType]::ParameterName, '--encode for keys (each key is JSON, or taken as a string when it is not)')
            [CompletionResult]::new('--key-schema-id', '--key-schema-id', [CompletionResultType]::ParameterName, '--schema-id for keys')
            [CompletionResult]::new('--key-subject', '--key-subject', [CompletionResultType]::ParameterName, '--subject for keys')
            [CompletionResult]::new('--key-schema-version', '--key-schema-version', [CompletionResultType]::ParameterName, '--schema-version for keys')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, '--schema for keys')
            [CompletionResult]::new('--proto-type', '--proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message values are encoded as (default: the schema''s first)')
            [CompletionResult]::new('--key-proto-type', '--key-proto-type', [CompletionResultType]::ParameterName, 'The Protobuf message keys are encoded as')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-include', '--proto-include', [CompletionResultType]::ParameterName, 'Where .proto imports are looked for (repeatable)')
            [CompletionResult]::new('--proto-json', '--proto-json', [CompletionResultType]::ParameterName, 'Protobuf JSON options, comma-separated: proto-names, enum-numbers, emit-defaults, int64-as-number')
            [CompletionResult]::new('--schema-id-in', '--schema-id-in', [CompletionResultType]::ParameterName, 'Where the schema id goes: the 5-byte prefix before the payload, or a __value_schema_id / __key_schema_id header (the GUID where the registry has one)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('--list-presets', '--list-presets', [CompletionResultType]::ParameterName, 'Each preset''s fields, with an example event')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register --schema (and --key-schema) under the subject when the registry does not have it; eddy registers nothing otherwise')
            [CompletionResult]::new('--avro-json', '--avro-json', [CompletionResultType]::ParameterName, 'Read Avro input in the specification''s JSON encoding (unions wrapped, bytes as \u00XX strings, logical types as their numbers) instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;topics' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every topic with its partition count (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and configs with where each comes from (the topic''s overrides first)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic; returns once every partition has a leader')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Add partitions or change configs (other configs are kept)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;topics;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;topics;describe' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;topics;create' {
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('--replication', '--replication', [CompletionResultType]::ParameterName, 'Replication factor (default: the cluster''s)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A topic config (repeatable)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;topics;alter' {
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'The new, larger number of partitions')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A topic config to set (repeatable)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;topics;delete' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;topics;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every topic with its partition count (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and configs with where each comes from (the topic''s overrides first)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic; returns once every partition has a leader')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Add partitions or change configs (other configs are kept)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;topics;help;list' {
            break
        }
        'eddy;topics;help;describe' {
            break
        }
        'eddy;topics;help;create' {
            break
        }
        'eddy;topics;help;alter' {
            break
        }
        'eddy;topics;help;delete' {
            break
        }
        'eddy;topics;help;help' {
            break
        }
        'eddy;offsets' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Also the first offset at or after this time (RFC 3339, epoch ms, or -15m)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;groups' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every group with its state and member count (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Committed offset, high watermark, last stable offset and lag per partition')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run that shows the plan unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group (it must have no members)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;groups;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;groups;describe' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;groups;reset' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic whose offsets move')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'earliest | latest (the last stable offset) | OFFSET | @TIME')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Move every committed offset by N (negative: back)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Do it (otherwise only the plan is shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;groups;delete' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every group with its state and member count (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Committed offset, high watermark, last stable offset and lag per partition')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run that shows the plan unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group (it must have no members)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;groups;help;list' {
            break
        }
        'eddy;groups;help;describe' {
            break
        }
        'eddy;groups;help;reset' {
            break
        }
        'eddy;groups;help;delete' {
            break
        }
        'eddy;groups;help;help' {
            break
        }
        'eddy;cluster' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;dev' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, '(--kafka) The first port of node 1; each node takes four from there (plaintext, controller, SCRAM, TLS). Default: free ports')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Number of broker nodes (--kafka: 1 or 3)')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Partitions of the topics named with --topic')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'A topic that exists from the start (repeatable)')
            [CompletionResult]::new('--chaos-seed', '--chaos-seed', [CompletionResultType]::ParameterName, 'The seed of --chaos: the same seed, the same sequence of faults')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('--kafka', '--kafka', [CompletionResultType]::ParameterName, 'A real Apache Kafka cluster (KRaft; needs Java 17) instead of the mock: any client can connect, faults are real broker faults')
            [CompletionResult]::new('--chaos', '--chaos', [CompletionResultType]::ParameterName, 'Inject faults while running. Mock: retriable request errors, added round-trip time (at most 500 ms) and, with several nodes, outages (at most 2 s); never a fault that would duplicate a record. --kafka --nodes 3: SIGKILL and restart, SIGSTOP and SIGCONT, rolling restarts, one node at a time')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'SIGKILL the node''s JVM; it stays down until `restart`')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'SIGSTOP the node: a hung broker, its connections open and unanswered')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'SIGCONT a paused node')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Stop the node (a controlled shutdown) if it runs, start it, and wait until it has started')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;dev;kill' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;dev;pause' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;dev;resume' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;dev;restart' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;dev;help' {
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'SIGKILL the node''s JVM; it stays down until `restart`')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'SIGSTOP the node: a hung broker, its connections open and unanswered')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'SIGCONT a paused node')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Stop the node (a controlled shutdown) if it runs, start it, and wait until it has started')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;dev;help;kill' {
            break
        }
        'eddy;dev;help;pause' {
            break
        }
        'eddy;dev;help;resume' {
            break
        }
        'eddy;dev;help;restart' {
            break
        }
        'eddy;dev;help;help' {
            break
        }
        'eddy;schemas' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every subject with its latest version, schema id and type (the default)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'The schema with this id, its type and references')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'The versions of a subject with their schema ids')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One version of a subject: its id, type, references and schema')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema file under a subject (the same schema again keeps its id and version)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Whether a schema file is compatible with the subject''s latest version (exit 1 if not)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject: soft by default (as the registry''s API), --permanent for good')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;schemas;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;schemas;get' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;schemas;versions' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;schemas;show' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'A version number, or latest')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eddy;schemas;register' {
            [CompletionResult]::new('--schema-type', '--schema-type', [CompletionResultType]::ParameterName, 'The schema''s type where the file''s extension does not tell')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A schema this one refers to (repeatable): NAME as the schema names it (Avro: the full type name; Protobuf: the import path), registered as SUBJECT''s VERSION')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;schemas;check' {
            [CompletionResult]::new('--schema-type', '--schema-type', [CompletionResultType]::ParameterName, 'The schema''s type where the file''s extension does not tell')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A schema this one refers to (repeatable): NAME as the schema names it (Avro: the full type name; Protobuf: the import path), registered as SUBJECT''s VERSION')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;schemas;delete' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'table (default) or json')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('--permanent', '--permanent', [CompletionResultType]::ParameterName, 'Delete for good (soft-deleting first where needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;schemas;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every subject with its latest version, schema id and type (the default)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'The schema with this id, its type and references')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'The versions of a subject with their schema ids')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One version of a subject: its id, type, references and schema')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema file under a subject (the same schema again keeps its id and version)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Whether a schema file is compatible with the subject''s latest version (exit 1 if not)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject: soft by default (as the registry''s API), --permanent for good')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;schemas;help;list' {
            break
        }
        'eddy;schemas;help;get' {
            break
        }
        'eddy;schemas;help;versions' {
            break
        }
        'eddy;schemas;help;show' {
            break
        }
        'eddy;schemas;help;register' {
            break
        }
        'eddy;schemas;help;check' {
            break
        }
        'eddy;schemas;help;delete' {
            break
        }
        'eddy;schemas;help;help' {
            break
        }
        'eddy;config' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The resolved settings, secrets redacted (the default)')
            [CompletionResult]::new('contexts', 'contexts', [CompletionResultType]::ParameterValue, 'The contexts in the config file')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the default context (the file''s comments are kept)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;config;show' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;config;contexts' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;config;use' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The resolved settings, secrets redacted (the default)')
            [CompletionResult]::new('contexts', 'contexts', [CompletionResultType]::ParameterValue, 'The contexts in the config file')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the default context (the file''s comments are kept)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;config;help;show' {
            break
        }
        'eddy;config;help;contexts' {
            break
        }
        'eddy;config;help;use' {
            break
        }
        'eddy;config;help;help' {
            break
        }
        'eddy;generate' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A named context from the config file [env: EDDY_CONTEXT]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The config file, as --config but allowed after the command too (where `topics --config` sets topic configs)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'Any librdkafka property (repeatable); wins over everything else')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster (connect, metadata, authentication, final flush)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The schema registry (http:// or https://) [env: EDDY_REGISTRY_URL]; `eddy dev --registry`, without a URL, starts one in-process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Less on stderr: no summary, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr, including librdkafka''s own log lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eddy;help' {
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Records from stdin or files into a topic')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Records from topics to stdout, with offset control')
            [CompletionResult]::new('pipe', 'pipe', [CompletionResultType]::ParameterValue, 'From topic to topic through jq and codecs, exactly once, scaled out by a group')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'A jq filter over JSON values on stdin or files')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Windowed counts of JSON events (tumbling, hopping, session; event or processing time)')
            [CompletionResult]::new('gen', 'gen', [CompletionResultType]::ParameterValue, 'Generated JSON events, to stdout or straight to a topic')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, describe, create, alter and delete topics')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Log start, high watermark and last stable offset per partition, or the offset at a time')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe (offsets and lag), reset, delete')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Brokers, controller and topic count')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'An embedded Kafka cluster for trying things and for CI: the mock, or Apache Kafka')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'Schemas in a schema registry: list, get, versions, show, register, check, delete')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'The resolved connection settings (secrets redacted), and contexts')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write completions and man pages (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eddy;help;produce' {
            break
        }
        'eddy;help;consume' {
            break
        }
        'eddy;help;pipe' {
            break
        }
        'eddy;help;filter' {
            break
        }
        'eddy;help;count' {
            break
        }
        'eddy;help;gen' {
            break
        }
        'eddy;help;topics' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every topic with its partition count (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Partitions (leader, replicas, in-sync replicas), replication factor, topic id, and configs with where each comes from (the topic''s overrides first)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic; returns once every partition has a leader')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Add partitions or change configs (other configs are kept)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic')
            break
        }
        'eddy;help;topics;list' {
            break
        }
        'eddy;help;topics;describe' {
            break
        }
        'eddy;help;topics;create' {
            break
        }
        'eddy;help;topics;alter' {
            break
        }
        'eddy;help;topics;delete' {
            break
        }
        'eddy;help;offsets' {
            break
        }
        'eddy;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every group with its state and member count (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Committed offset, high watermark, last stable offset and lag per partition')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets (a dry run that shows the plan unless --execute)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group (it must have no members)')
            break
        }
        'eddy;help;groups;list' {
            break
        }
        'eddy;help;groups;describe' {
            break
        }
        'eddy;help;groups;reset' {
            break
        }
        'eddy;help;groups;delete' {
            break
        }
        'eddy;help;cluster' {
            break
        }
        'eddy;help;dev' {
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'SIGKILL the node''s JVM; it stays down until `restart`')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'SIGSTOP the node: a hung broker, its connections open and unanswered')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'SIGCONT a paused node')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Stop the node (a controlled shutdown) if it runs, start it, and wait until it has started')
            break
        }
        'eddy;help;dev;kill' {
            break
        }
        'eddy;help;dev;pause' {
            break
        }
        'eddy;help;dev;resume' {
            break
        }
        'eddy;help;dev;restart' {
            break
        }
        'eddy;help;schemas' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every subject with its latest version, schema id and type (the default)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'The schema with this id, its type and references')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'The versions of a subject with their schema ids')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One version of a subject: its id, type, references and schema')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema file under a subject (the same schema again keeps its id and version)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Whether a schema file is compatible with the subject''s latest version (exit 1 if not)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject: soft by default (as the registry''s API), --permanent for good')
            break
        }
        'eddy;help;schemas;list' {
            break
        }
        'eddy;help;schemas;get' {
            break
        }
        'eddy;help;schemas;versions' {
            break
        }
        'eddy;help;schemas;show' {
            break
        }
        'eddy;help;schemas;register' {
            break
        }
        'eddy;help;schemas;check' {
            break
        }
        'eddy;help;schemas;delete' {
            break
        }
        'eddy;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The resolved settings, secrets redacted (the default)')
            [CompletionResult]::new('contexts', 'contexts', [CompletionResultType]::ParameterValue, 'The contexts in the config file')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make NAME the default context (the file''s comments are kept)')
            break
        }
        'eddy;help;config;show' {
            break
        }
        'eddy;help;config;contexts' {
            break
        }
        'eddy;help;config;use' {
            break
        }
        'eddy;help;generate' {
            break
        }
        'eddy;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
