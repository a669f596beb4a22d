//! Arbitrary bytes as text, the way they can reach `analyze` (`pieces::from_bytes`: as UTF-8,
//! or as UTF-16 with unpaired surrogates). Every report must pass the shared invariant checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;
#[path = "../pieces.rs"]
mod pieces;

fuzz_target!(|data: &[u8]| harness::check(&pieces::from_bytes(data)));
