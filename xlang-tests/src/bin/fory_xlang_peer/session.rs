//! One run of a case: the bytes the driver wrote, a cursor over them, and the bytes to write
//! back.

use std::fmt;

use fory_core::{Deserialize, Fory, Serialize};

/// Why a case failed (exit code 1).
#[derive(Debug)]
pub enum Failure {
    /// Payload number `payload` (counting from 0), starting at byte `start` of the data file,
    /// could not be decoded. The error's offset is already relative to the whole file.
    Decode {
        /// Which payload of the file, from 0.
        payload: usize,
        /// Its first byte in the file.
        start: usize,
        /// The decoder's error.
        error: fory_core::Error,
    },
    /// A value could not be encoded.
    Encode(fory_core::Error),
    /// Registering the case's types failed.
    Setup(fory_core::Error),
    /// The data decoded, but not to what the case defines.
    Check(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Decode {
                payload,
                start,
                error,
            } => write!(
                f,
                "cannot decode payload #{payload} (starting at byte {start}): {error}"
            ),
            Failure::Encode(error) => write!(f, "cannot encode: {error}"),
            Failure::Setup(error) => write!(f, "cannot register the case's types: {error}"),
            Failure::Check(message) => f.write_str(message),
        }
    }
}

impl From<fory_core::Error> for Failure {
    /// Errors outside reading and writing payloads come from registration.
    fn from(error: fory_core::Error) -> Self {
        Failure::Setup(error)
    }
}

/// What a case function returns.
pub type Outcome = Result<(), Failure>;

/// The input bytes, a cursor over them, and the output being built.
#[derive(Debug, Default)]
pub struct Session {
    input: Vec<u8>,
    position: usize,
    payloads_read: usize,
    output: Vec<u8>,
}

impl Session {
    /// A session over the contents of the data file.
    pub fn new(input: Vec<u8>) -> Self {
        Session {
            input,
            ..Session::default()
        }
    }

    /// All input bytes, for cases that read raw buffers instead of payloads.
    pub fn input(&self) -> &[u8] {
        &self.input
    }

    /// Marks every input byte as consumed (raw-buffer cases).
    pub fn consume_all(&mut self) {
        self.position = self.input.len();
    }

    /// Decodes the next payload as a `T`.
    pub fn read<T>(&mut self, fory: &Fory) -> Result<T, Failure>
    where
        T: for<'de> Deserialize<'de>,
    {
        let start = self.position;
        let payload = self.payloads_read;
        let (value, used) =
            fory.deserialize_prefix::<T>(&self.input[start..])
                .map_err(|error| Failure::Decode {
                    payload,
                    start,
                    error: error.shifted(start),
                })?;
        self.position += used;
        self.payloads_read += 1;
        Ok(value)
    }

    /// Encodes `value` as one payload and appends it to the output.
    pub fn write<T: Serialize + ?Sized>(&mut self, fory: &Fory, value: &T) -> Outcome {
        let bytes = fory.serialize(value).map_err(Failure::Encode)?;
        self.output.extend_from_slice(&bytes);
        Ok(())
    }

    /// Appends raw bytes to the output (raw-buffer cases).
    pub fn write_raw(&mut self, bytes: &[u8]) {
        self.output.extend_from_slice(bytes);
    }

    /// Decodes the next payload as a `T` and writes it back with the same `fory`.
    pub fn echo<T>(&mut self, fory: &Fory) -> Outcome
    where
        T: Serialize + for<'de> Deserialize<'de>,
    {
        let value: T = self.read(fory)?;
        self.write(fory, &value)
    }

    /// [`Session::echo`] `count` times.
    pub fn echo_n<T>(&mut self, fory: &Fory, count: usize) -> Outcome
    where
        T: Serialize + for<'de> Deserialize<'de>,
    {
        (0..count).try_for_each(|_| self.echo::<T>(fory))
    }

    /// The bytes to write back, once every input byte was consumed; bytes left over mean the
    /// case and the driver disagree on what the file holds.
    pub fn finish(self) -> Result<Vec<u8>, Failure> {
        if self.position != self.input.len() {
            return Err(Failure::Check(format!(
                "{} bytes left at byte {} after {} payloads: the data file holds more than the \
                 case defines",
                self.input.len() - self.position,
                self.position,
                self.payloads_read
            )));
        }
        Ok(self.output)
    }
}
