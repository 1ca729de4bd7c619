//! Fuzz target: the Avro decoder and encoder, each checked by a round trip through the other.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::avro(data));
