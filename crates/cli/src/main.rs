//! The `demarche` binary.

fn main() {}
