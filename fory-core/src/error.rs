//! The one error type of the crate.
//!
//! Every decode error names the byte offset where reading failed and what was expected there, so a
//! bad payload from another process can be diagnosed from the message alone. The error is a single
//! boxed pointer, which keeps `Result<T, Error>` small on the hot path.

use std::fmt;

/// Result alias used throughout the crate.
///
/// [`Error`]'s example matches on one.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, with the byte offset where it was noticed (for decode errors).
///
/// ```
/// use fory_core::{ErrorKind, Fory};
/// let fory = Fory::default();
/// let err = fory.deserialize::<String>(&[0x01, 0xff, 0x15, 0x10, b'c']).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Truncated { .. }), "{err}");
/// assert_eq!(err.offset(), Some(4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended before `expected` could be read.
    Truncated {
        /// Offset of the first byte of the item that could not be read.
        offset: usize,
        /// What the reader was about to read (`"varuint32"`, `"string bytes"`, ...).
        expected: &'static str,
        /// Bytes the item needs (a lower bound for variable-length items).
        needed: usize,
        /// Bytes that were left.
        available: usize,
    },
    /// The bytes at `offset` do not form `expected`.
    Invalid {
        /// Offset of the first byte of the offending item.
        offset: usize,
        /// What a well-formed payload has there.
        expected: &'static str,
        /// What was found instead.
        found: String,
    },
    /// A length, count or depth read from the input is larger than a configured limit allows.
    LimitExceeded {
        /// Offset of the item that carried the length or opened the nesting level.
        offset: usize,
        /// The limit that was hit (`"max_string_bytes"`, ...).
        limit: &'static str,
        /// The configured maximum.
        max: u64,
        /// The value found in the input.
        found: u64,
    },
    /// The input is well formed but uses a feature this implementation does not support.
    Unsupported {
        /// Offset of the item.
        offset: usize,
        /// What is not supported.
        what: String,
    },
    /// A value cannot be written (for example a string longer than the wire format can express).
    Encode {
        /// Why the value cannot be written.
        message: String,
    },
    /// A type cannot be registered (an id or name taken, a name the meta string encoders
    /// refuse).
    Registration {
        /// Why the type cannot be registered.
        message: String,
    },
    /// A type was written or read (or a struct's schema needs one) that no `Fory::register*`
    /// call registered; the message names it and says what to call.
    NotRegistered {
        /// Which type, and what needed it.
        message: String,
    },
    /// Reading from or writing to a stream failed.
    Io {
        /// The kind of the underlying `std::io::Error`.
        kind: std::io::ErrorKind,
        /// Its message.
        message: String,
    },
}

/// The error type of every fallible operation in this crate.
///
/// ```
/// use fory_core::Reader;
/// let mut reader = Reader::new(&[0x80]);
/// let err = reader.read_varuint32().unwrap_err();
/// assert_eq!(err.offset(), Some(0));
/// assert!(err.to_string().contains("varuint32"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorKind>);

impl Error {
    /// The kind of error, with its details.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// The byte offset at which decoding failed; `None` for encode errors.
    pub fn offset(&self) -> Option<usize> {
        match *self.0 {
            ErrorKind::Truncated { offset, .. }
            | ErrorKind::Invalid { offset, .. }
            | ErrorKind::LimitExceeded { offset, .. }
            | ErrorKind::Unsupported { offset, .. } => Some(offset),
            ErrorKind::Encode { .. }
            | ErrorKind::Registration { .. }
            | ErrorKind::NotRegistered { .. }
            | ErrorKind::Io { .. } => None,
        }
    }

    /// This error with its offset moved by `base`: for errors found while decoding a slice that
    /// starts at `base` in the whole input.
    pub fn shifted(mut self, base: usize) -> Self {
        match &mut *self.0 {
            ErrorKind::Truncated { offset, .. }
            | ErrorKind::Invalid { offset, .. }
            | ErrorKind::LimitExceeded { offset, .. }
            | ErrorKind::Unsupported { offset, .. } => *offset += base,
            ErrorKind::Encode { .. }
            | ErrorKind::Registration { .. }
            | ErrorKind::NotRegistered { .. }
            | ErrorKind::Io { .. } => {}
        }
        self
    }

    /// The input ended at `offset` while `needed` bytes of `expected` were required.
    #[cold]
    pub fn truncated(
        offset: usize,
        expected: &'static str,
        needed: usize,
        available: usize,
    ) -> Self {
        Error(Box::new(ErrorKind::Truncated {
            offset,
            expected,
            needed,
            available,
        }))
    }

    /// The bytes at `offset` are not a valid `expected`.
    #[cold]
    pub fn invalid(offset: usize, expected: &'static str, found: impl Into<String>) -> Self {
        Error(Box::new(ErrorKind::Invalid {
            offset,
            expected,
            found: found.into(),
        }))
    }

    /// A value `found` at `offset` exceeds the configured `limit` of `max`.
    #[cold]
    pub fn limit_exceeded(offset: usize, limit: &'static str, max: u64, found: u64) -> Self {
        Error(Box::new(ErrorKind::LimitExceeded {
            offset,
            limit,
            max,
            found,
        }))
    }

    /// A well-formed but unsupported feature at `offset`.
    #[cold]
    pub fn unsupported(offset: usize, what: impl Into<String>) -> Self {
        Error(Box::new(ErrorKind::Unsupported {
            offset,
            what: what.into(),
        }))
    }

    /// The same error with `note` appended to what was found (for an invalid input) or to the
    /// message (for the kinds that carry one): a second explanation the caller can give.
    #[cold]
    pub fn with_note(mut self, note: &str) -> Self {
        match &mut *self.0 {
            ErrorKind::Invalid { found, .. } => found.push_str(&format!("; {note}")),
            ErrorKind::Unsupported { what: text, .. }
            | ErrorKind::Encode { message: text }
            | ErrorKind::Registration { message: text }
            | ErrorKind::NotRegistered { message: text }
            | ErrorKind::Io { message: text, .. } => text.push_str(&format!("; {note}")),
            ErrorKind::Truncated { .. } | ErrorKind::LimitExceeded { .. } => {}
        }
        self
    }

    /// A type that cannot be registered.
    #[cold]
    pub fn registration(message: impl Into<String>) -> Self {
        Error(Box::new(ErrorKind::Registration {
            message: message.into(),
        }))
    }

    /// A type used without being registered.
    #[cold]
    pub fn not_registered(message: impl Into<String>) -> Self {
        Error(Box::new(ErrorKind::NotRegistered {
            message: message.into(),
        }))
    }

    /// A value that cannot be encoded.
    #[cold]
    pub fn encode(message: impl Into<String>) -> Self {
        Error(Box::new(ErrorKind::Encode {
            message: message.into(),
        }))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            ErrorKind::Truncated {
                offset,
                expected,
                needed,
                available,
            } => write!(
                f,
                "truncated input at byte {offset}: expected {expected} ({needed} bytes needed, {available} left)"
            ),
            ErrorKind::Invalid {
                offset,
                expected,
                found,
            } => write!(f, "invalid input at byte {offset}: expected {expected}, found {found}"),
            ErrorKind::LimitExceeded {
                offset,
                limit,
                max,
                found,
            } => write!(
                f,
                "limit exceeded at byte {offset}: {found} is over {limit} = {max}"
            ),
            ErrorKind::Unsupported { offset, what } => {
                write!(f, "unsupported input at byte {offset}: {what}")
            }
            ErrorKind::Encode { message } => write!(f, "cannot encode: {message}"),
            ErrorKind::Registration { message } => write!(f, "cannot register: {message}"),
            ErrorKind::NotRegistered { message } => f.write_str(message),
            ErrorKind::Io { kind, message } => write!(f, "i/o error ({kind:?}): {message}"),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug shows the readable message too, so `unwrap()` failures explain themselves.
        write!(f, "Error({self})")
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    #[cold]
    fn from(e: std::io::Error) -> Self {
        Error(Box::new(ErrorKind::Io {
            kind: e.kind(),
            message: e.to_string(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_one_pointer_wide() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn messages_name_offset_and_expectation() {
        let e = Error::truncated(7, "int32", 4, 1);
        assert_eq!(
            e.to_string(),
            "truncated input at byte 7: expected int32 (4 bytes needed, 1 left)"
        );
        assert_eq!(e.offset(), Some(7));
        let e = Error::invalid(3, "string encoding 0..=2", "3");
        assert_eq!(
            e.to_string(),
            "invalid input at byte 3: expected string encoding 0..=2, found 3"
        );
        let e = Error::limit_exceeded(0, "max_string_bytes", 10, 11);
        assert_eq!(
            e.to_string(),
            "limit exceeded at byte 0: 11 is over max_string_bytes = 10"
        );
        assert_eq!(Error::encode("x").offset(), None);
    }
}
