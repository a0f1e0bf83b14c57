//! Meta strings (placeholder).
