
use builtin;
use str;

set edit:completion:arg-completer[eddy] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'eddy'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'eddy'= {
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config 'Config file [env: EDDY_CONFIG] [default: ~/.config/eddy/config.toml]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand produce 'Records from stdin or files into a topic'
            cand consume 'Records from topics to stdout, with offset control'
            cand topics 'List, describe, create, alter and delete topics'
            cand offsets 'Low and high watermarks per partition, or the offset at a time'
            cand groups 'Consumer groups: list, describe (offsets and lag), reset, delete'
            cand cluster 'Brokers, controller and topic count'
            cand dev 'An embedded in-memory Kafka-protocol cluster, for trying things and for CI'
            cand config 'The resolved connection settings (secrets redacted), and contexts'
            cand generate 'Write completions and man pages (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;produce'= {
            cand --input 'How input is read'
            cand -D 'Record separator of the input (default \n; \0 allowed)'
            cand --delimiter 'Record separator of the input (default \n; \0 allowed)'
            cand -k 'The same key for every record'
            cand --key 'The same key for every record'
            cand -K '(lines) split each line into key DELIM value'
            cand --key-delimiter '(lines) split each line into key DELIM value'
            cand -H 'A header on every record (repeatable)'
            cand --header 'A header on every record (repeatable)'
            cand -p 'Send every record to this partition (otherwise murmur2 on the key, as the Java client)'
            cand --partition 'Send every record to this partition (otherwise murmur2 on the key, as the Java client)'
            cand -z 'Compression codec'
            cand --compression 'Compression codec'
            cand --acks 'Acknowledgements: all (idempotent, the default), 1 or 0 (idempotence off)'
            cand --rate 'At most N records a second'
            cand -n 'Stop after N records'
            cand --count 'Stop after N records'
            cand --on-invalid 'What to do with an input line that cannot be read'
            cand --stats 'The form of the closing summary on stderr'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand --keep-partition '(envelope) send each record to the partition its envelope names'
            cand -Z 'Send an empty value as a tombstone (null)'
            cand --null-empty 'Send an empty value as a tombstone (null)'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;consume'= {
            cand -g 'Join this consumer group (offsets are committed after output)'
            cand --group 'Join this consumer group (offsets are committed after output)'
            cand -p 'Only these partitions'
            cand --partition 'Only these partitions'
            cand -o 'Where to start: beginning | end | stored | OFFSET | -N | @TIME'
            cand --from 'Where to start: beginning | end | stored | OFFSET | -N | @TIME'
            cand -u 'Where to stop (exclusive): end | OFFSET | @TIME'
            cand --until 'Where to stop (exclusive): end | OFFSET | @TIME'
            cand -n 'Stop after N records written'
            cand --count 'Stop after N records written'
            cand -f 'value | key | json | a template such as ''{partition}:{offset} {key} {value}'''
            cand --format 'value | key | json | a template such as ''{partition}:{offset} {key} {value}'''
            cand -D 'Written after each record (default \n; \0 allowed)'
            cand --delimiter 'Written after each record (default \n; \0 allowed)'
            cand --stats 'The form of the closing summary on stderr'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -e 'The same as --until end'
            cand --exit 'The same as --until end'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;topics'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every topic with its partition count (the default)'
            cand describe 'Partitions (leader, replicas, in-sync replicas) and configs'
            cand create 'Create a topic'
            cand alter 'Add partitions or change configs (other configs are kept)'
            cand delete 'Delete a topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;topics;list'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;topics;describe'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;topics;create'= {
            cand --partitions 'Number of partitions'
            cand --replication 'Replication factor (default: the cluster''s)'
            cand --config 'A topic config (repeatable)'
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;topics;alter'= {
            cand --partitions 'The new, larger number of partitions'
            cand --config 'A topic config to set (repeatable)'
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;topics;delete'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;topics;help'= {
            cand list 'Every topic with its partition count (the default)'
            cand describe 'Partitions (leader, replicas, in-sync replicas) and configs'
            cand create 'Create a topic'
            cand alter 'Add partitions or change configs (other configs are kept)'
            cand delete 'Delete a topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;topics;help;list'= {
        }
        &'eddy;topics;help;describe'= {
        }
        &'eddy;topics;help;create'= {
        }
        &'eddy;topics;help;alter'= {
        }
        &'eddy;topics;help;delete'= {
        }
        &'eddy;topics;help;help'= {
        }
        &'eddy;offsets'= {
            cand --at 'Also the first offset at or after this time (RFC 3339, epoch ms, or -15m)'
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;groups'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every group with its state and member count (the default)'
            cand describe 'Committed offset, high watermark and lag per partition'
            cand reset 'Move a group''s committed offsets (a dry run that shows the plan unless --execute)'
            cand delete 'Delete a group (it must have no members)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;groups;list'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;groups;describe'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;groups;reset'= {
            cand --topic 'The topic whose offsets move'
            cand --to 'earliest | latest | OFFSET | @TIME'
            cand --shift-by 'Move every committed offset by N (negative: back)'
            cand -p 'Only these partitions'
            cand --partition 'Only these partitions'
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand --execute 'Do it (otherwise only the plan is shown)'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;groups;delete'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;groups;help'= {
            cand list 'Every group with its state and member count (the default)'
            cand describe 'Committed offset, high watermark and lag per partition'
            cand reset 'Move a group''s committed offsets (a dry run that shows the plan unless --execute)'
            cand delete 'Delete a group (it must have no members)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;groups;help;list'= {
        }
        &'eddy;groups;help;describe'= {
        }
        &'eddy;groups;help;reset'= {
        }
        &'eddy;groups;help;delete'= {
        }
        &'eddy;groups;help;help'= {
        }
        &'eddy;cluster'= {
            cand --output 'table (default) or json'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;dev'= {
            cand --nodes 'Number of broker nodes'
            cand --partitions 'Partitions of the topics named with --topic'
            cand --topic 'A topic that exists from the start (repeatable)'
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;config'= {
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'The resolved settings, secrets redacted (the default)'
            cand contexts 'The contexts in the config file'
            cand use 'Make NAME the default context (the file''s comments are kept)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;config;show'= {
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;config;contexts'= {
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;config;use'= {
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;config;help'= {
            cand show 'The resolved settings, secrets redacted (the default)'
            cand contexts 'The contexts in the config file'
            cand use 'Make NAME the default context (the file''s comments are kept)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;config;help;show'= {
        }
        &'eddy;config;help;contexts'= {
        }
        &'eddy;config;help;use'= {
        }
        &'eddy;config;help;help'= {
        }
        &'eddy;generate'= {
            cand -b 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap servers, comma-separated [env: EDDY_BROKERS] [default: localhost:9092]'
            cand -C 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --context 'A named context from the config file [env: EDDY_CONTEXT]'
            cand --config-file 'The same, spelled so that it may also stand after the command (where `topics --config` sets topic configs)'
            cand -X 'Any librdkafka property (repeatable); wins over everything else'
            cand --property 'Any librdkafka property (repeatable); wins over everything else'
            cand --timeout 'How long to wait for the cluster (connect, metadata, authentication, final flush)'
            cand --color 'When to use colour'
            cand -q 'Less on stderr: no summary, no progress'
            cand --quiet 'Less on stderr: no summary, no progress'
            cand -v 'More on stderr, including librdkafka''s own log lines'
            cand --verbose 'More on stderr, including librdkafka''s own log lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eddy;help'= {
            cand produce 'Records from stdin or files into a topic'
            cand consume 'Records from topics to stdout, with offset control'
            cand topics 'List, describe, create, alter and delete topics'
            cand offsets 'Low and high watermarks per partition, or the offset at a time'
            cand groups 'Consumer groups: list, describe (offsets and lag), reset, delete'
            cand cluster 'Brokers, controller and topic count'
            cand dev 'An embedded in-memory Kafka-protocol cluster, for trying things and for CI'
            cand config 'The resolved connection settings (secrets redacted), and contexts'
            cand generate 'Write completions and man pages (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eddy;help;produce'= {
        }
        &'eddy;help;consume'= {
        }
        &'eddy;help;topics'= {
            cand list 'Every topic with its partition count (the default)'
            cand describe 'Partitions (leader, replicas, in-sync replicas) and configs'
            cand create 'Create a topic'
            cand alter 'Add partitions or change configs (other configs are kept)'
            cand delete 'Delete a topic'
        }
        &'eddy;help;topics;list'= {
        }
        &'eddy;help;topics;describe'= {
        }
        &'eddy;help;topics;create'= {
        }
        &'eddy;help;topics;alter'= {
        }
        &'eddy;help;topics;delete'= {
        }
        &'eddy;help;offsets'= {
        }
        &'eddy;help;groups'= {
            cand list 'Every group with its state and member count (the default)'
            cand describe 'Committed offset, high watermark and lag per partition'
            cand reset 'Move a group''s committed offsets (a dry run that shows the plan unless --execute)'
            cand delete 'Delete a group (it must have no members)'
        }
        &'eddy;help;groups;list'= {
        }
        &'eddy;help;groups;describe'= {
        }
        &'eddy;help;groups;reset'= {
        }
        &'eddy;help;groups;delete'= {
        }
        &'eddy;help;cluster'= {
        }
        &'eddy;help;dev'= {
        }
        &'eddy;help;config'= {
            cand show 'The resolved settings, secrets redacted (the default)'
            cand contexts 'The contexts in the config file'
            cand use 'Make NAME the default context (the file''s comments are kept)'
        }
        &'eddy;help;config;show'= {
        }
        &'eddy;help;config;contexts'= {
        }
        &'eddy;help;config;use'= {
        }
        &'eddy;help;generate'= {
        }
        &'eddy;help;help'= {
        }
    ]
    $completions[$command]
}
