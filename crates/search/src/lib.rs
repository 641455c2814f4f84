//! demarche-search (being written).
