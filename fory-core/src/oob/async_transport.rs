//! The out-of-band message transport of [`transport`](crate::oob::transport) over tokio's
//! [`AsyncRead`] / [`AsyncWrite`]: the same framing (the header and the receiving state
//! machine are shared code), so a blocking [`FrameWriter`] and an [`AsyncFrameReader`] talk
//! to each other, and the other way round.
//!
//! The writer sends the header, the main buffer and every out-of-band buffer as slices of
//! vectored writes (`write_vectored`, looping over partial writes): the buffers go from the
//! value's memory to the stream, uncopied. The reader receives into 8-byte-aligned buffers the
//! caller borrows from ([`ReceivedFrame::deserialize`]).
//!
//! Why not a `tokio_util::codec` `Encoder` / `Decoder`: an `Encoder` must copy every message
//! into the `BytesMut` it is given before anything is written, which is exactly the copy of the
//! out-of-band payloads this transport exists to avoid; and a `Decoder` hands over a `BytesMut`
//! that is not 8-byte aligned and reads ahead into one shared buffer, so every numeric array
//! would be copied on the receiving side too. Owning the framing lets the writer hand the
//! value's own memory to the socket and the reader size each part's buffer from its length.
//!
//! [`FrameWriter`]: crate::oob::transport::FrameWriter
//!
//! ```
//! use std::borrow::Cow;
//! use fory_core::oob::async_transport::{AsyncFrameReader, AsyncFrameWriter};
//! use fory_core::oob::AllOutOfBand;
//! use fory_core::Fory;
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let fory = Fory::default();
//! let samples: Vec<f64> = (0..10_000).map(f64::from).collect();
//! let (client, server) = tokio::io::duplex(4096);
//!
//! let sender = async {
//!     let mut writer = AsyncFrameWriter::new(client);
//!     let sent = writer.send(&fory, &samples, AllOutOfBand).await?;
//!     assert_eq!(sent.copied_payload_bytes, 0); // the Vec's own memory went to the stream
//!     writer.shutdown().await
//! };
//! let receiver = async {
//!     let mut reader = AsyncFrameReader::new(server);
//!     let message = reader.receive().await?.expect("one message");
//!     let back: Cow<[f64]> = message.deserialize(&fory)?;
//!     assert!(matches!(back, Cow::Borrowed(_))); // points into the received buffer
//!     assert_eq!(&*back, samples.as_slice());
//!     assert!(reader.receive().await?.is_none()); // a clean end
//!     Ok::<(), fory_core::Error>(())
//! };
//! let (sent, received) = tokio::join!(sender, receiver);
//! sent?;
//! received?;
//! # Ok::<(), fory_core::Error>(())
//! # }).unwrap();
//! ```

use std::io::IoSlice;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::error::Result;
use crate::fory::Fory;
use crate::oob::transport::{message_header, write_zero, FrameDecoder, ReceivedFrame, SentFrame};
use crate::oob::{BufferCallback, Frame};
use crate::serializer::Serialize;

/// Writes messages (a payload and its buffers) to an [`AsyncWrite`].
///
/// The [module example](self) shows it in use.
pub struct AsyncFrameWriter<W: AsyncWrite + Unpin> {
    out: W,
}

impl<W: AsyncWrite + Unpin> AsyncFrameWriter<W> {
    /// A writer of messages into `out`.
    pub fn new(out: W) -> Self {
        AsyncFrameWriter { out }
    }

    /// Serializes `value` with `callback` and writes the message with vectored writes: the
    /// out-of-band buffers go from the value's memory straight to `out`. If the returned
    /// future is dropped before it completes, part of the message may have been written: the
    /// stream is then unusable (a reader reports a cut message, never a whole one).
    pub async fn send<T: Serialize + ?Sized>(
        &mut self,
        fory: &Fory,
        value: &T,
        callback: impl BufferCallback,
    ) -> Result<SentFrame> {
        let frame = fory.serialize_with_callback(value, callback)?;
        self.send_frame(&frame).await
    }

    /// Writes a payload already serialized with a callback as one message.
    pub async fn send_frame(&mut self, frame: &Frame<'_>) -> Result<SentFrame> {
        self.send_parts(&frame.main, &frame.buffer_slices()).await?;
        Ok(SentFrame::of(frame))
    }

    /// Writes a main buffer and its out-of-band buffers as one message, from wherever they
    /// are: slices, `Vec`s, the parts of a received message, `bytes::Bytes`.
    pub async fn send_parts<B: AsRef<[u8]>>(&mut self, main: &[u8], buffers: &[B]) -> Result<()> {
        let header = message_header(main.len(), buffers.iter().map(|b| b.as_ref().len()))?;
        let mut slices = Vec::with_capacity(buffers.len() + 2);
        slices.push(IoSlice::new(&header));
        slices.push(IoSlice::new(main));
        slices.extend(buffers.iter().map(|b| IoSlice::new(b.as_ref())));
        let mut slices = slices.as_mut_slice();
        IoSlice::advance_slices(&mut slices, 0);
        while !slices.is_empty() {
            match self.out.write_vectored(slices).await {
                Ok(0) => return Err(write_zero()),
                Ok(n) => IoSlice::advance_slices(&mut slices, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// Flushes the underlying writer.
    pub async fn flush(&mut self) -> Result<()> {
        self.out.flush().await?;
        Ok(())
    }

    /// Flushes and shuts the underlying writer down (for a socket: the peer's reader sees a
    /// clean end after the last message).
    pub async fn shutdown(&mut self) -> Result<()> {
        self.out.shutdown().await?;
        Ok(())
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Reads messages written by [`AsyncFrameWriter`] (or the blocking `FrameWriter`) from an
/// [`AsyncRead`].
///
/// The [module example](self) shows it in use.
pub struct AsyncFrameReader<R: AsyncRead + Unpin> {
    input: R,
    decoder: FrameDecoder,
}

impl<R: AsyncRead + Unpin> AsyncFrameReader<R> {
    /// A reader of messages from `input`.
    pub fn new(input: R) -> Self {
        AsyncFrameReader {
            input,
            decoder: FrameDecoder::default(),
        }
    }

    /// The next message, or `None` at a clean end of the stream (no byte of another message).
    /// Lengths are checked as they arrive and memory grows with the bytes received; a stream
    /// cut inside a message is an error naming the part and its offset. `Interrupted` reads
    /// are retried, as in the blocking reader. Cancel safe: the part
    /// of a message received so far stays in the reader, and the next call goes on from it.
    pub async fn receive(&mut self) -> Result<Option<ReceivedFrame>> {
        loop {
            let room = self.decoder.room();
            let n = match self.input.read(room).await {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => other?,
            };
            if let Some(frame) = self.decoder.advance(n)? {
                return Ok(frame);
            }
        }
    }

    /// [`receive`](Self::receive), the message as `bytes::Bytes` parts (feature `bytes`),
    /// cheap to split and hand on; see [`BytesFrame`](crate::oob::transport::BytesFrame).
    #[cfg(feature = "bytes")]
    pub async fn receive_bytes(&mut self) -> Result<Option<crate::oob::transport::BytesFrame>> {
        Ok(self.receive().await?.map(ReceivedFrame::into_bytes))
    }

    /// Bytes of the stream taken so far (complete messages and the part of one in progress).
    pub fn position(&self) -> usize {
        self.decoder.position()
    }

    /// The underlying reader.
    pub fn into_inner(self) -> R {
        self.input
    }
}
