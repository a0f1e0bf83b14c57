//! Cross-language conformance support: the cases shared with the Java, Python and Go peers.
