//! Shared helpers for the end-to-end tests in `tests/`: locating the real
//! `demarche` binary and running it in a temporary folder with a clean
//! environment.
