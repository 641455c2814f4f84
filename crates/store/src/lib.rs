//! demarche-store (being written).
