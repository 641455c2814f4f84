//! demarche-input (being written).
