//! Per-operation state: one [`WriteContext`] for each serialization and one [`ReadContext`] for
//! each deserialization.
//!
//! A context owns the buffer (writer or reader) and the tables that live for one payload; it
//! borrows the [`Config`] and registry of the [`Fory`] that created it. Serializers receive the
//! context and never reach back into `Fory`.

use std::any::Any;
use std::borrow::Cow;
use std::collections::HashMap;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

use crate::buffer::{Reader, Writer};
use crate::error::{Error, Result};
use crate::fory::{Config, Fory, StringRule};
use crate::oob::{BufferObject, OobArrayForm, OobSink, OobSource};
use crate::resolver::{
    MetaReadTables, MetaWriteTables, Registration, StreamDef, TypeDefCache, TypeRegistry, UserType,
    WrittenTypeDefs,
};
use crate::types::TypeId;

pub(crate) mod pool;
mod stream_defs;

use pool::{reusable, Pooled};
use stream_defs::StreamDefList;

/// Most entries a pooled table may hold and still be kept for the next context.
const KEEP_AT_MOST: usize = 1024;

/// What a serialization records as it goes; taken from the thread's pool on first use.
#[derive(Debug, Default)]
pub(crate) struct WriteTables {
    meta: MetaWriteTables,
    /// Reference ids of shared values written so far, by address.
    ref_ids: HashMap<usize, u32>,
}

reusable!(WriteTables, |tables| {
    if !tables.ref_ids.is_empty() {
        tables.ref_ids.clear();
    }
    tables.meta.reset(KEEP_AT_MOST) && tables.ref_ids.capacity() <= KEEP_AT_MOST
});

/// What a deserialization records as it goes; taken from the thread's pool on first use.
#[derive(Debug, Default)]
pub(crate) struct ReadTables {
    meta: MetaReadTables,
    /// Values that later references may point to, by reference id (`None` for values that are
    /// not shareable, or still being read).
    refs: Vec<Option<Box<dyn Any>>>,
}

reusable!(ReadTables, |tables| {
    tables.refs.clear();
    tables.meta.reset(KEEP_AT_MOST) && tables.refs.capacity() <= KEEP_AT_MOST
});

#[cold]
fn too_deep(max: u32) -> Error {
    Error::encode(format!(
        "nesting deeper than max_depth = {max} (a cycle needs reference tracking)"
    ))
}

/// What [`Serialize::prepare_siblings`](crate::Serialize::prepare_siblings) looked up for
/// values written one after another at one nesting level.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct Siblings {
    /// Whether each value's payload is a nesting level of its own (a struct's), which the
    /// caller enters once for all of them.
    pub(crate) level: bool,
    /// The schema hash each of their payloads starts with, where struct payloads carry one.
    pub(crate) struct_hash: Option<u32>,
    /// The configuration's string rule, for text values: read once for all of them and kept
    /// in a register (the loop splits on it), where each value would load it again from the
    /// context, which every write could change as far as the compiler knows.
    pub(crate) string_rule: StringRule,
}

/// State of one serialization.
///
/// A [`ForyExt`](crate::ForyExt) impl writes its payload through one; see its example.
#[derive(Debug)]
pub struct WriteContext<'f> {
    /// The output buffer.
    pub writer: Writer,
    config: &'f Config,
    registry: &'f TypeRegistry,
    /// The TypeDefs written so far (a compatible-mode payload of structs needs nothing else).
    written_defs: WrittenTypeDefs,
    /// Meta strings and reference tables, taken from the thread's pool when first needed.
    tables: Option<Pooled<WriteTables>>,
    next_ref_id: u32,
    /// Structs carry a schema hash (schema-consistent mode with `check_struct_version`).
    struct_hash: bool,
    /// The configuration's string rule, which every string tests, without reaching into the
    /// config.
    string_rule: StringRule,
    /// Nesting levels left before `max_depth` is exceeded: one decrement and a test for zero per
    /// struct or collection, without reaching into the config.
    depth_left: u32,
    /// The buffer callback and the out-of-band buffers, when writing with a callback.
    oob: OobSlot<'f>,
}

/// The out-of-band state of a write, if any: an `Option<Box<OobSink>>` whose drop costs one
/// test when it is `None`. (The compiler's drop glue for it is a call that saves registers
/// before it tests, a dozen instructions on every serialization.)
#[derive(Debug, Default)]
struct OobSlot<'f>(ManuallyDrop<Option<Box<OobSink<'f>>>>);

impl Drop for OobSlot<'_> {
    #[inline]
    fn drop(&mut self) {
        if self.0.is_some() {
            // SAFETY: the value is taken once, here, and the slot is not used afterwards.
            drop_sink(unsafe { ManuallyDrop::take(&mut self.0) });
        }
    }
}

#[cold]
fn drop_sink(sink: Option<Box<OobSink<'_>>>) {
    drop(sink);
}

impl<'f> Deref for OobSlot<'f> {
    type Target = Option<Box<OobSink<'f>>>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for OobSlot<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<'f> WriteContext<'f> {
    /// A context writing into `writer` for `fory`.
    #[inline]
    pub fn new(writer: Writer, fory: &'f Fory) -> Self {
        WriteContext {
            writer,
            config: fory.config(),
            registry: fory.registry(),
            written_defs: WrittenTypeDefs::default(),
            tables: None,
            next_ref_id: 0,
            struct_hash: !fory.config().compatible && fory.config().check_struct_version,
            string_rule: fory.config().string_rule,
            depth_left: fory.config().limits.max_depth,
            oob: OobSlot::default(),
        }
    }

    /// The registration of user type `T`, or the error that says how to register it.
    #[inline]
    pub fn registration<T: UserType>(&mut self) -> Result<&'f Registration> {
        self.registry.get_user::<T>()
    }

    fn tables(&mut self) -> &mut WriteTables {
        self.tables.get_or_insert_with(Pooled::take)
    }

    /// A context that hands every BINARY and array payload to `callback`.
    pub(crate) fn with_callback(
        writer: Writer,
        fory: &'f Fory,
        callback: Box<dyn crate::oob::BufferCallback + 'f>,
    ) -> Self {
        let mut ctx = WriteContext::new(writer, fory);
        *ctx.oob = Some(Box::new(OobSink {
            callback,
            buffers: Vec::new(),
            copy: false,
        }));
        ctx
    }

    /// The out-of-band buffers written so far.
    pub(crate) fn take_buffers(&mut self) -> Vec<BufferObject<'f>> {
        self.oob
            .as_mut()
            .map(|sink| std::mem::take(&mut sink.buffers))
            .unwrap_or_default()
    }

    /// Writes a BINARY or `*_ARRAY` payload whose bytes (elements little-endian) are `bytes`:
    /// `varuint32 length` and the bytes; with a buffer callback, first the in-band flag, and
    /// nothing more when the callback sends the buffer out-of-band. (A numeric array under
    /// [`OobArrayForm::Pyfory`] keeps the plain form, without asking the callback.)
    ///
    /// `bytes` borrowed for the context's lifetime (from the value being serialized) stay
    /// borrowed when they go out-of-band: no copy is made.
    #[inline(always)]
    pub fn write_buffer(&mut self, type_id: TypeId, bytes: Cow<'f, [u8]>) -> Result<()> {
        if self.oob.is_none() && bytes.len() <= u32::MAX as usize {
            // In band, the common case: the length and the bytes with one capacity check.
            self.writer
                .write_header_and_bytes(bytes.len() as u64, &bytes);
            return Ok(());
        }
        self.write_buffer_out_of_line(type_id, bytes)
    }

    /// [`WriteContext::write_buffer`] with a buffer callback, or for a payload too long.
    #[inline(never)]
    fn write_buffer_out_of_line(&mut self, type_id: TypeId, bytes: Cow<'f, [u8]>) -> Result<()> {
        let len = u32::try_from(bytes.len()).map_err(|_| {
            Error::encode(format!(
                "a {type_id} payload of {} bytes exceeds 2^32 - 1",
                bytes.len()
            ))
        })?;
        let plain = type_id != TypeId::Binary && self.config.oob_array_form == OobArrayForm::Pyfory;
        let Some(sink) = self.oob.as_mut().filter(|_| !plain) else {
            self.writer.write_varuint32(len);
            self.writer.write_bytes(&bytes);
            return Ok(());
        };
        let buffer = BufferObject::new(type_id, bytes);
        if sink.callback.in_band(&buffer) {
            self.writer.write_u8(1);
            self.writer.write_varuint32(len);
            self.writer.write_bytes(buffer.as_bytes());
        } else {
            self.writer.write_u8(0);
            let buffer = if sink.copy {
                buffer.into_owned()
            } else {
                buffer
            };
            sink.buffers.push(buffer);
        }
        Ok(())
    }

    /// Runs `write` on this context viewed with the shorter lifetime `'s`, for data borrowed
    /// from a guard (`RefCell::borrow`, `Mutex::lock`, an upgraded `Weak`): buffers written
    /// meanwhile are copied when they go out-of-band, since they cannot outlive the guard.
    pub fn with_short_borrow<'s, R>(&mut self, write: impl FnOnce(&mut WriteContext<'s>) -> R) -> R
    where
        'f: 's,
    {
        let copy_before = self.oob.as_ref().is_some_and(|sink| sink.copy);
        if let Some(sink) = &mut *self.oob {
            sink.copy = true;
        }
        // SAFETY: `WriteContext<'f>` and `WriteContext<'s>` have the same layout (lifetimes do
        // not affect layout), and `'f: 's`, so every reference the context holds is valid for
        // `'s`. The only data of the context's lifetime that outlives this call is the list of
        // out-of-band buffers; while `copy` is set, `write_buffer` stores owned copies only, so
        // nothing borrowed for just `'s` is left in it when the `'f` view is used again.
        let short = unsafe { &mut *(self as *mut WriteContext<'f>).cast::<WriteContext<'s>>() };
        let result = write(short);
        if let Some(sink) = &mut *self.oob {
            sink.copy = copy_before;
        }
        result
    }

    /// Enters one nesting level while writing; a structure deeper than the configured
    /// `max_depth` (for example a cycle written without reference tracking) is an error instead
    /// of a stack overflow. Pair with [`WriteContext::leave`].
    #[inline(always)]
    pub fn enter(&mut self) -> Result<()> {
        if self.depth_left == 0 {
            return Err(too_deep(self.config.limits.max_depth));
        }
        self.depth_left -= 1;
        Ok(())
    }

    /// Leaves a nesting level entered with [`WriteContext::enter`].
    #[inline(always)]
    pub fn leave(&mut self) {
        self.depth_left += 1;
    }

    /// Enters the one nesting level that values written as siblings (`level`, see
    /// [`Siblings`]) share: they are all one level down, so one check of the depth is the
    /// check of each. Pair with [`WriteContext::leave_level`].
    #[inline(always)]
    pub(crate) fn enter_level(&mut self, level: bool) -> Result<()> {
        if level {
            self.enter()?;
        }
        Ok(())
    }

    /// Leaves the level [`WriteContext::enter_level`] entered.
    #[inline(always)]
    pub(crate) fn leave_level(&mut self, level: bool) {
        if level {
            self.leave();
        }
    }

    /// [`WriteContext::enter`] and [`WriteContext::leave`] around a level that holds no
    /// further nesting: only whether there is room for it.
    #[inline(always)]
    pub(crate) fn check_depth(&self) -> Result<()> {
        if self.depth_left == 0 {
            return Err(too_deep(self.config.limits.max_depth));
        }
        Ok(())
    }

    /// Whether struct payloads start with their schema hash: schema-consistent mode with
    /// `check_struct_version` on.
    #[inline(always)]
    pub fn writes_struct_hash(&self) -> bool {
        self.struct_hash
    }

    /// The configuration's [`StringRule`], held in the context itself.
    #[inline(always)]
    pub(crate) fn string_rule(&self) -> StringRule {
        self.string_rule
    }

    /// Takes the next reference id: every value written with the ref-value flag (`00`) has one,
    /// shared or not, because readers count them all.
    pub fn take_ref_id(&mut self) -> u32 {
        let id = self.next_ref_id;
        self.next_ref_id += 1;
        id
    }

    /// The reference id of the shared value at `address`, if it was written before; otherwise
    /// records it under the next id and returns `None`.
    pub fn ref_id_of(&mut self, address: usize) -> Option<u32> {
        if let Some(&id) = self.tables().ref_ids.get(&address) {
            return Some(id);
        }
        let id = self.take_ref_id();
        self.tables().ref_ids.insert(address, id);
        None
    }

    /// The settings of the `Fory` this context belongs to.
    pub fn config(&self) -> &'f Config {
        self.config
    }

    /// The user types registered with the `Fory` this context belongs to.
    pub fn registry(&self) -> &'f TypeRegistry {
        self.registry
    }

    /// The meta strings written so far in this stream.
    pub fn meta_tables(&mut self) -> &mut MetaWriteTables {
        &mut self.tables().meta
    }

    /// The TypeDefs written so far in this stream.
    #[inline]
    pub(crate) fn written_type_defs(&mut self) -> &mut WrittenTypeDefs {
        &mut self.written_defs
    }

    /// Writes an internal type id (user kinds write their user id or names after it).
    #[inline]
    pub fn write_type_id(&mut self, id: TypeId) {
        self.writer.write_u8(id as u8);
    }

    /// Gives the buffer back.
    #[inline]
    pub fn into_writer(mut self) -> Writer {
        self.take_writer()
    }

    /// Takes the buffer out, leaving an empty one: for a caller that keeps the context in
    /// place (moving a whole context costs a copy of it).
    #[inline]
    pub fn take_writer(&mut self) -> Writer {
        std::mem::take(&mut self.writer)
    }
}

/// Decoded bytes allowed per input byte for elements that take no input.
const FREE_BYTES_PER_INPUT_BYTE: usize = 64;
/// Decoded bytes allowed for elements that take no input, whatever the input's size.
const FREE_BYTES_BASE: usize = 64 * 1024;

/// State of one deserialization over input borrowed for `'de`.
///
/// A [`ForyExt`](crate::ForyExt) impl reads its payload through one; see its example.
pub struct ReadContext<'f, 'de> {
    /// The input cursor.
    pub reader: Reader<'de>,
    config: &'f Config,
    registry: &'f TypeRegistry,
    type_defs: &'f TypeDefCache,
    /// The TypeDefs of this stream, by index.
    stream_defs: StreamDefList<'f>,
    /// Meta strings and reference tables, taken from the thread's pool when first needed.
    tables: Option<Pooled<ReadTables>>,
    depth: u32,
    /// The out-of-band buffers, when the payload was written with a callback.
    oob: Option<OobSource<'de>>,
    /// The `Bytes` the input and the buffers are views of, when read from `Bytes`: a `Bytes`
    /// value is then a slice of them instead of a copy.
    #[cfg(feature = "bytes")]
    shared: Option<(&'de ::bytes::Bytes, &'de [::bytes::Bytes])>,
    /// Bytes of decoded values that elements taking no input may still produce: a list of
    /// empty structs or NONE values costs no input per element, so its count is bounded by
    /// this budget instead of by the bytes left.
    free_budget: usize,
    /// The element type a peer's TypeDef declares for the list about to be read, where it
    /// differs from the local one (a `list<int32>` of fixed-width elements read into a field
    /// declared `list<varint32>`).
    declared_element: Option<TypeId>,
    /// The writer's mode as the payload has shown it so far (a struct's type id or hash, or
    /// what follows a by-name type's id), or the reader's own mode until it has
    /// (`mode_known` false).
    compatible: bool,
    mode_known: bool,
    /// The back-reference marker last found, after a one-byte `COMPATIBLE_STRUCT` id, to name a
    /// TypeDef of this stream that reads as the local type of `TypeId` field for field: the
    /// same marker for the same type again needs none of the checks that found it (each list
    /// of a recursive struct, in compatible mode, starts with it).
    verified_ref: Option<(u8, std::any::TypeId)>,
}

impl<'f, 'de> ReadContext<'f, 'de> {
    /// A context reading from `reader` for `fory`.
    #[inline]
    pub fn new(reader: Reader<'de>, fory: &'f Fory) -> Self {
        let len = reader.data().len();
        ReadContext {
            reader,
            config: fory.config(),
            registry: fory.registry(),
            type_defs: fory.type_def_cache(),
            stream_defs: StreamDefList::default(),
            tables: None,
            depth: 0,
            oob: None,
            #[cfg(feature = "bytes")]
            shared: None,
            declared_element: None,
            compatible: fory.config().compatible,
            mode_known: false,
            free_budget: FREE_BYTES_PER_INPUT_BYTE * len + FREE_BYTES_BASE,
            verified_ref: None,
        }
    }

    /// Charges an element that took no input bytes against the budget of such elements; `size`
    /// is what it occupies decoded, `at` where it was read.
    pub fn charge_free_element(&mut self, size: usize, at: usize) -> Result<()> {
        let size = size.max(1);
        if size > self.free_budget {
            return Err(Error::limit_exceeded(
                at,
                "decoded bytes of elements that take no input (64 per input byte + 64 KiB)",
                (FREE_BYTES_PER_INPUT_BYTE * self.reader.data().len() + FREE_BYTES_BASE) as u64,
                (FREE_BYTES_PER_INPUT_BYTE * self.reader.data().len() + FREE_BYTES_BASE
                    - self.free_budget
                    + size) as u64,
            ));
        }
        self.free_budget -= size;
        Ok(())
    }

    /// The registration of user type `T`, or the error that says how to register it.
    #[inline]
    pub fn registration<T: UserType>(&mut self) -> Result<&'f Registration> {
        self.registry.get_user::<T>()
    }

    fn tables(&mut self) -> &mut ReadTables {
        self.tables.get_or_insert_with(Pooled::take)
    }

    /// Whether the payload is read as written in compatible mode: what its type info has
    /// shown of the writer's mode (see [`ReadContext::learn_mode`]), or, before it showed
    /// anything, the reader's own configuration. Reading follows the writer, so a payload of
    /// either mode decodes whatever mode this `Fory` writes in.
    #[inline(always)]
    pub fn compatible(&self) -> bool {
        self.compatible
    }

    /// Whether the payload has shown its writer's mode yet.
    #[inline]
    pub fn mode_known(&self) -> bool {
        self.mode_known
    }

    /// The writer's mode, if the payload has shown it: `Some(true)` for compatible mode.
    #[inline(always)]
    pub fn payload_mode(&self) -> Option<bool> {
        self.mode_known.then_some(self.compatible)
    }

    /// Records the writer's mode, as a struct's type id (`COMPATIBLE_STRUCT`), a by-name type's
    /// meta (names or a TypeDef) or a by-id struct's schema hash showed it.
    #[inline(always)]
    pub fn learn_mode(&mut self, compatible: bool) {
        self.compatible = compatible;
        self.mode_known = true;
    }

    /// Sets the element type the next list header with the declared-type bit stands for.
    pub fn declare_element(&mut self, id: TypeId) {
        self.declared_element = Some(id);
    }

    /// Takes the element type set by [`ReadContext::declare_element`], if any.
    pub fn take_declared_element(&mut self) -> Option<TypeId> {
        self.declared_element.take()
    }

    /// Reads with these out-of-band buffers (the payload's header has the out-of-band bit).
    pub(crate) fn set_buffers(&mut self, buffers: &[&'de [u8]]) {
        self.oob = Some(OobSource::new(buffers));
    }

    /// Reads from views of these `Bytes` (the main buffer and the out-of-band buffers).
    #[cfg(feature = "bytes")]
    pub(crate) fn set_shared(&mut self, main: &'de ::bytes::Bytes, buffers: &'de [::bytes::Bytes]) {
        self.shared = Some((main, buffers));
    }

    /// `bytes` (read from the input or a buffer) as a `Bytes`: a slice of the `Bytes` it lies
    /// in when reading from `Bytes`, else a copy.
    #[cfg(feature = "bytes")]
    pub(crate) fn shared_bytes(&self, bytes: &'de [u8]) -> ::bytes::Bytes {
        let within = |owner: &&::bytes::Bytes| {
            let range = owner.as_ptr_range();
            range.start <= bytes.as_ptr() && bytes.as_ptr_range().end <= range.end
        };
        match self.shared {
            Some((main, buffers)) if !bytes.is_empty() => std::iter::once(main)
                .chain(buffers)
                .find(within)
                .map_or_else(
                    || ::bytes::Bytes::copy_from_slice(bytes),
                    |o| o.slice_ref(bytes),
                ),
            _ => ::bytes::Bytes::copy_from_slice(bytes),
        }
    }

    /// How many out-of-band buffers were given but not used.
    pub(crate) fn buffers_left(&self) -> usize {
        self.oob.as_ref().map_or(0, OobSource::left)
    }

    /// Reads the bytes of a BINARY or `*_ARRAY` payload of wire type `type_id`: `varuint32
    /// length` and the bytes, or, in a payload written with a buffer callback, the in-band flag
    /// and then either of those or the next out-of-band buffer (or, for pyfory's numeric
    /// arrays, the plain form; see [`OobArrayForm`]). The length is checked against
    /// `max_binary_bytes` and the input.
    #[inline(always)]
    pub fn read_buffer(&mut self, type_id: TypeId) -> Result<&'de [u8]> {
        if self.oob.is_some() {
            return self.read_buffer_with_oob(type_id);
        }
        self.read_in_band_buffer()
    }

    /// [`ReadContext::read_buffer`] when the payload was written with a buffer callback: Java's
    /// flag (`00` out-of-band, `01` in-band) or a plain length, told apart by the first byte,
    /// the element size and, where those cannot tell, the configured [`OobArrayForm`].
    #[inline(never)]
    fn read_buffer_with_oob(&mut self, type_id: TypeId) -> Result<&'de [u8]> {
        let at = self.reader.position();
        let Ok(first) = self.reader.peek_u8() else {
            return Err(Error::truncated(
                at,
                "the in-band flag or byte count of a binary or array payload",
                1,
                0,
            ));
        };
        let numeric = type_id != TypeId::Binary;
        let pyfory = numeric && self.config.oob_array_form == OobArrayForm::Pyfory;
        let wide = type_id.element_size().unwrap_or(1) >= 2;
        let Some(source) = &mut self.oob else {
            return self.read_in_band_buffer();
        };
        match first {
            // Java's out-of-band flag.
            0 if !pyfory => {
                self.reader.skip(1)?;
                source
                    .take()
                    .ok_or_else(|| no_buffer_left(at, type_id, numeric))
            }
            // pyfory's empty numeric array.
            0 => {
                self.reader.skip(1)?;
                source.first_empty_array.get_or_insert(at);
                Ok(&[])
            }
            // Java's in-band flag: certain where a plain byte count of 1 is impossible.
            1 if !pyfory || wide => {
                self.reader.skip(1)?;
                if !numeric || wide {
                    return self.read_in_band_buffer();
                }
                self.read_in_band_buffer()
                    .map_err(|e| one_byte_array_after_flag(at, type_id, e))
            }
            // A plain byte count: pyfory's numeric arrays, or any first byte that is no flag
            // (2 and up; Go's form).
            _ => self.read_in_band_buffer(),
        }
    }

    /// Where a numeric array was first read as pyfory's empty array (`00` under
    /// [`OobArrayForm::Pyfory`]), if one was.
    pub(crate) fn first_empty_array(&self) -> Option<usize> {
        self.oob.as_ref().and_then(|s| s.first_empty_array)
    }

    /// The next binary or array payload when it is in band with a byte count of one or two
    /// varint bytes (below 16 KiB: most arrays and binaries) within `max_binary_bytes`, and
    /// all its bytes are there: the bytes and the position after them, the cursor unmoved.
    /// `None` for anything else ([`ReadContext::read_buffer`] reads it, or fails).
    #[inline(always)]
    pub(crate) fn peek_in_band_buffer(&self) -> Option<(&'de [u8], usize)> {
        if self.oob.is_some() {
            return None;
        }
        self.peek_counted_bytes()
    }

    /// [`ReadContext::peek_in_band_buffer`] whatever the payload's out-of-band buffers.
    #[inline(always)]
    fn peek_counted_bytes(&self) -> Option<(&'de [u8], usize)> {
        let data = self.reader.data();
        let at = self.reader.position();
        let &[first, second] = data.get(at..)?.first_chunk::<2>()?;
        let (len, size) = if first < 0x80 {
            (usize::from(first), 1)
        } else if second < 0x80 {
            (usize::from(first & 0x7f) | usize::from(second) << 7, 2)
        } else {
            return None;
        };
        if len as u64 > self.config.limits.max_binary_bytes {
            return None;
        }
        let end = at + size + len;
        Some((data.get(at + size..end)?, end))
    }

    /// A buffer's length and bytes, in band.
    #[inline(always)]
    fn read_in_band_buffer(&mut self) -> Result<&'de [u8]> {
        if let Some((bytes, end)) = self.peek_counted_bytes() {
            self.reader.set_position(end);
            return Ok(bytes);
        }
        self.read_in_band_buffer_checked()
    }

    /// [`ReadContext::read_in_band_buffer`] with every check spelled out, each failing with its
    /// own error.
    #[inline(never)]
    fn read_in_band_buffer_checked(&mut self) -> Result<&'de [u8]> {
        let at = self.reader.position();
        let len = self.reader.read_varuint32()?;
        let max = self.config.limits.max_binary_bytes;
        if u64::from(len) > max {
            return Err(Error::limit_exceeded(
                at,
                "max_binary_bytes",
                max,
                u64::from(len),
            ));
        }
        self.reader
            .read_bytes_for(len as usize, "binary or array bytes")
    }

    /// The TypeDefs parsed by earlier payloads of the same `Fory`.
    pub fn type_def_cache(&self) -> &'f TypeDefCache {
        self.type_defs
    }

    /// The TypeDefs read so far in this stream, by index.
    #[inline]
    pub fn stream_defs(&self) -> &[StreamDef<'f>] {
        &self.stream_defs
    }

    /// After a `COMPATIBLE_STRUCT` id read as one byte at `at`: skips the next byte if it is
    /// the back-reference marker last found to read as `T`
    /// ([`ReadContext::remember_verified_ref`]), and returns whether it did.
    #[inline(always)]
    pub(crate) fn skip_verified_ref<T: 'static>(&mut self, at: usize) -> bool {
        let Some((marker, local)) = self.verified_ref else {
            return false;
        };
        let next = self.reader.position();
        if next != at + 1
            || self.reader.data().get(next) != Some(&marker)
            || local != std::any::TypeId::of::<T>()
        {
            return false;
        }
        self.reader.skip(1).is_ok()
    }

    /// Remembers that a one-byte `COMPATIBLE_STRUCT` id followed by the back-reference
    /// `marker` (odd, below 0x80) names a TypeDef of this stream that reads as `T` field for
    /// field.
    #[inline]
    pub(crate) fn remember_verified_ref<T: 'static>(&mut self, marker: u8) {
        debug_assert!(marker & 1 == 1 && marker < 0x80);
        self.verified_ref = Some((marker, std::any::TypeId::of::<T>()));
    }

    /// Adds the stream's next TypeDef.
    #[inline]
    pub(crate) fn push_stream_def(&mut self, def: StreamDef<'f>) {
        self.stream_defs.push(def);
    }

    /// Reserves the next reference id for a value that was flagged ref-value (`00`).
    pub fn reserve_ref(&mut self) -> usize {
        let refs = &mut self.tables().refs;
        refs.push(None);
        refs.len() - 1
    }

    /// Stores the shared value of reference id `id`.
    pub fn fill_ref(&mut self, id: usize, value: Box<dyn Any>) {
        if let Some(slot) = self.tables().refs.get_mut(id) {
            *slot = Some(value);
        }
    }

    /// The shared value that reference id `id` (read at `at`) points to, as a `T`.
    pub fn get_ref<T: Clone + 'static>(&self, id: u32, at: usize) -> Result<T> {
        let refs: &[Option<Box<dyn Any>>] = self.tables.as_ref().map_or(&[], |t| &t.refs);
        match refs.get(id as usize) {
            None => Err(Error::invalid(
                at,
                "a reference id assigned earlier in the stream",
                format!("{id}, but only {} were assigned", refs.len()),
            )),
            Some(None) => Err(Error::invalid(
                at,
                "a reference to a shareable value that is complete",
                format!(
                    "reference {id} to a value that is not shareable or still being read \
                     (a cycle needs Rc<RefCell<T>> or Arc<Mutex<T>>)"
                ),
            )),
            Some(Some(value)) => value.downcast_ref::<T>().cloned().ok_or_else(|| {
                Error::invalid(
                    at,
                    "a reference to a value of the target type",
                    format!("reference {id} to a value of another type"),
                )
            }),
        }
    }

    /// The settings of the `Fory` this context belongs to.
    pub fn config(&self) -> &'f Config {
        self.config
    }

    /// The user types registered with the `Fory` this context belongs to.
    pub fn registry(&self) -> &'f TypeRegistry {
        self.registry
    }

    /// The meta strings read so far in this stream.
    pub fn meta_tables(&mut self) -> &mut MetaReadTables {
        &mut self.tables().meta
    }

    /// Reads a type id and returns it if it is one of `accepted`; otherwise the error names what
    /// was found where `wanted` was needed.
    #[inline]
    pub fn read_type_id_among(&mut self, accepted: &[TypeId], wanted: TypeId) -> Result<TypeId> {
        let at = self.reader.position();
        let found = self.reader.read_varuint32()?;
        accepted
            .iter()
            .copied()
            .find(|id| *id as u32 == found)
            .ok_or_else(|| type_mismatch(at, wanted, found))
    }

    /// Reads a type id, checks that it is `expected`, and returns it.
    #[inline]
    pub fn expect_type_id(&mut self, expected: TypeId) -> Result<TypeId> {
        let at = self.reader.position();
        let found = self.reader.read_varuint32()?;
        if found != expected as u32 {
            return Err(type_mismatch(at, expected, found));
        }
        Ok(expected)
    }

    /// Reads a type id that must be one of the known internal ids. In line for the usual
    /// case, a one-byte varint that is a known id.
    #[inline(always)]
    pub fn read_type_id(&mut self) -> Result<TypeId> {
        if let Some(b) = self.reader.read_u8_below(TypeId::ALL.len() as u8) {
            return Ok(TypeId::ALL[usize::from(b)]);
        }
        self.read_other_type_id()
    }

    /// [`ReadContext::read_type_id`] past its fast path: a longer varint, an unknown id, or
    /// the end of the input.
    #[cold]
    fn read_other_type_id(&mut self) -> Result<TypeId> {
        let at = self.reader.position();
        let found = self.reader.read_varuint32()?;
        u8::try_from(found)
            .ok()
            .and_then(|b| TypeId::try_from(b).ok())
            .ok_or_else(|| Error::invalid(at, "a known type id (0..=56)", found.to_string()))
    }

    /// Enters one nesting level (a collection, map or struct), failing past the configured depth.
    /// Pair with [`ReadContext::leave`].
    #[inline]
    pub fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        let max = self.config.limits.max_depth;
        if self.depth > max {
            return Err(Error::limit_exceeded(
                self.reader.position(),
                "max_depth",
                u64::from(max),
                u64::from(self.depth),
            ));
        }
        Ok(())
    }

    /// Leaves a nesting level entered with [`ReadContext::enter`].
    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Reads a collection length and checks it against the configured limit and against the
    /// bytes left, assuming each element takes at least `min_item_bytes`.
    #[inline]
    pub fn read_len(&mut self, min_item_bytes: usize, what: &'static str) -> Result<usize> {
        // A length below 128 is one byte: when it is within the limit and the bytes left,
        // that is all, done here in the caller; anything else takes the full path.
        let at = self.reader.position();
        if let Some(len) = self.reader.read_u8_below(0x80) {
            let len = usize::from(len);
            if len * min_item_bytes <= self.reader.remaining()
                && len <= self.config.limits.max_collection_len as usize
            {
                return Ok(len);
            }
            self.reader.set_position(at);
        }
        self.read_len_checked(min_item_bytes, what)
    }

    /// [`ReadContext::read_len`] in full, with the errors.
    #[inline(never)]
    fn read_len_checked(&mut self, min_item_bytes: usize, what: &'static str) -> Result<usize> {
        let at = self.reader.position();
        let len = self.reader.read_varuint32()?;
        let max = self.config.limits.max_collection_len;
        if len > max {
            return Err(Error::limit_exceeded(
                at,
                "max_collection_len",
                u64::from(max),
                u64::from(len),
            ));
        }
        self.reader
            .check_count(at, u64::from(len), min_item_bytes, what)?;
        Ok(len as usize)
    }
}

/// The error for a `00` flag at `at` with no out-of-band buffer left.
#[cold]
fn no_buffer_left(at: usize, type_id: TypeId, numeric: bool) -> Error {
    let hint = if numeric {
        "; if pyfory wrote the payload, `00` is the byte count of an empty array (pyfory writes \
         numeric arrays without the in-band flag): build the reader with \
         Fory::builder().oob_array_form(OobArrayForm::Pyfory)"
    } else {
        ""
    };
    Error::invalid(
        at,
        "an out-of-band buffer for the payload flagged `00` (out-of-band)",
        format!(
            "no buffer left for this {type_id} (fewer buffers given than the payload sends \
             out-of-band){hint}"
        ),
    )
}

/// `error`, met reading the length and bytes after an in-band flag `01` at `at` before an
/// array of one-byte elements, where pyfory's plain form would have meant one element.
#[cold]
fn one_byte_array_after_flag(at: usize, type_id: TypeId, error: Error) -> Error {
    Error::invalid(
        at,
        "Java's in-band flag `01`, a byte count and the bytes (OobArrayForm::Java)",
        format!(
            "{type_id} bytes that do not read that way ({error}); if pyfory wrote the payload, \
             `01` is the byte count of a one-element array in its plain form: build the reader \
             with Fory::builder().oob_array_form(OobArrayForm::Pyfory)"
        ),
    )
}

/// The error for a type id that is not the one the target type needs.
#[cold]
pub(crate) fn type_mismatch(offset: usize, expected: TypeId, found: u32) -> Error {
    let found = match u8::try_from(found)
        .ok()
        .and_then(|b| TypeId::try_from(b).ok())
    {
        Some(id) => id.to_string(),
        None => format!("unknown type id {found}"),
    };
    Error::invalid(
        offset,
        "the type id of the target type",
        format!("{found} where {expected} was needed"),
    )
}

impl std::fmt::Debug for ReadContext<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadContext")
            .field("position", &self.reader.position())
            .field("depth", &self.depth)
            .field("refs", &self.tables.as_ref().map_or(0, |t| t.refs.len()))
            .finish()
    }
}
