//! Helpers shared by the integration tests.

#[allow(dead_code)] // not every test file checks reports
pub mod invariants;

/// Marsaglia's xorshift64: a fixed seed gives the same inputs on every run and machine, so a
/// failing random case reproduces, and the tests need no random-number crate.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` > 0).
    #[allow(dead_code)] // not every test file draws numbers directly
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    #[allow(dead_code)] // not every test file picks pieces
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}
