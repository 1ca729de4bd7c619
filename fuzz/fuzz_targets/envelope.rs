//! Fuzz target: the envelope decoder, and the encoder's round trip on what it accepts.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| eddy::fuzzing::envelope(data));
