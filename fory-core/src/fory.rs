//! [`Fory`], its builder, and the root frame: the one-byte header that starts every payload.

use crate::buffer::{Reader, Writer};
use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::oob::{BufferCallback, Frame, OobArrayForm};
use crate::resolver::{Registrable, TypeDefCache, TypeRegistry, UserType};
use crate::serializer::{read_value, write_value, Deserialize, Serialize};

/// Header bit 0: the payload uses the cross-language (xlang) format.
pub const HEADER_XLANG: u8 = 0x01;
/// Header bit 1: binary and numeric-array payloads may be out-of-band.
pub const HEADER_OUT_OF_BAND: u8 = 0x02;
/// Header bits 2..=7 are reserved and must be zero.
pub const HEADER_RESERVED_MASK: u8 = !(HEADER_XLANG | HEADER_OUT_OF_BAND);

/// The decoded header byte of a payload.
///
/// ```
/// use fory_core::FrameHeader;
/// let header = FrameHeader { out_of_band: true };
/// assert_eq!(header.to_byte(), 0x03);
/// assert_eq!(FrameHeader::from_byte(0x03, 0).unwrap(), header);
/// assert!(FrameHeader::from_byte(0x00, 0).is_err()); // not xlang
/// assert!(FrameHeader::from_byte(0x05, 0).is_err()); // reserved bit set
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameHeader {
    /// Whether the writer had a buffer callback, so some payloads may be out-of-band.
    pub out_of_band: bool,
}

impl FrameHeader {
    /// The header byte: the xlang bit, plus the out-of-band bit when set.
    pub const fn to_byte(self) -> u8 {
        if self.out_of_band {
            HEADER_XLANG | HEADER_OUT_OF_BAND
        } else {
            HEADER_XLANG
        }
    }

    /// Parses a header byte found at input offset `offset`. Payloads in a peer's native
    /// (non-xlang) format and bytes with reserved bits set are errors.
    pub fn from_byte(byte: u8, offset: usize) -> Result<Self> {
        if byte & HEADER_RESERVED_MASK != 0 {
            return Err(Error::invalid(
                offset,
                "header byte with reserved bits 2..=7 clear",
                format!("{byte:#04x}"),
            ));
        }
        if byte & HEADER_XLANG == 0 {
            return Err(Error::unsupported(
                offset,
                format!(
                    "header byte {byte:#04x} has the xlang bit clear: the payload is in a \
                     language-native format, not the cross-language one"
                ),
            ));
        }
        Ok(FrameHeader {
            out_of_band: byte & HEADER_OUT_OF_BAND != 0,
        })
    }
}

/// Settings of a [`Fory`] instance. Build one with [`Fory::builder`].
///
/// ```
/// use fory_core::{Fory, StringRule};
/// let fory = Fory::builder().compatible(false).string_rule(StringRule::Utf8).build();
/// let config = fory.config();
/// assert!(!config.compatible && !config.ref_tracking);
/// assert_eq!(config.string_rule, StringRule::Utf8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Compatible mode: structs carry a TypeDef so readers can evolve their schema. On by
    /// default, as in the Java, Python and Go peers and Apache Fory Rust, so that programs left
    /// on their defaults understand each other. This decides how values are *written*; reading
    /// follows the mode the payload was written in (see [`ForyBuilder::compatible`]).
    pub compatible: bool,
    /// Reference tracking: shared and circular references are written once and referred to
    /// afterwards. Off by default, as in the peers' xlang mode.
    pub ref_tracking: bool,
    /// Schema-consistent structs start with a 4-byte schema hash, checked on read (the peers'
    /// class-version check). On by default, as in pyfory; it has no effect in compatible mode.
    pub check_struct_version: bool,
    /// Which encoding strings are written in; see [`StringRule`]. Default: Java's rule.
    pub string_rule: StringRule,
    /// Schema-consistent mode only: write type info (`NAMED_STRUCT` and the names) before a
    /// struct field whose type is registered by name, as pyfory does, instead of nothing, as
    /// Java and Go do. Off by default; see [`ForyBuilder::named_struct_field_type_info`].
    pub named_struct_field_type_info: bool,
    /// How numeric arrays are written in a payload with the out-of-band bit, and how its one
    /// ambiguous byte is read; see [`OobArrayForm`]. Default: Java's form.
    pub oob_array_form: OobArrayForm,
    /// Decoding limits; see [`Limits`] for the defaults.
    pub limits: Limits,
}

/// How strings are encoded when written. Every peer reads all three encodings (Latin-1,
/// UTF-16, UTF-8) whichever rule wrote them; the rules differ in size, speed and which peer's
/// bytes they reproduce.
///
/// ```
/// use fory_core::StringRule;
/// use fory_core::Fory;
/// let java = Fory::default();
/// let utf8 = Fory::builder().string_rule(StringRule::Utf8).build();
/// // "日本語": UTF-16 by Java's rule (6 bytes), UTF-8 otherwise (9 bytes).
/// // Bytes: frame header, ref flag, type id, then the string header (length << 2 | encoding).
/// assert_eq!(java.serialize(&"日本語").unwrap()[3], 6 << 2 | 1);
/// assert_eq!(utf8.serialize(&"日本語").unwrap()[3], 9 << 2 | 2);
/// // Both read back the other's bytes.
/// let back: String = java.deserialize(&utf8.serialize(&"日本語").unwrap()).unwrap();
/// assert_eq!(back, "日本語");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StringRule {
    /// Java's choice, byte-equal with the Java peer: Latin-1 when every character fits in
    /// it, otherwise UTF-8 or UTF-16 by Java's sampling rule (mostly-ASCII text as UTF-8,
    /// other text as UTF-16). Costs a scan of the text to choose.
    #[default]
    Java,
    /// Always UTF-8, Rust's own representation, copied with no scan: byte-equal with the Go
    /// peer and Apache Fory Rust. Sizes against Java's rule: the same for ASCII; one byte more
    /// per accented character of Latin-1 text; smaller for mostly-ASCII text with a few wider
    /// characters that Java's rule sends as UTF-16; larger for CJK text (3 bytes per character
    /// against 2).
    Utf8,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            compatible: true,
            ref_tracking: false,
            check_struct_version: true,
            string_rule: StringRule::Java,
            named_struct_field_type_info: false,
            oob_array_form: OobArrayForm::Java,
            limits: Limits::DEFAULT,
        }
    }
}

/// The entry point: the configuration and the registered types, shared by every serialization
/// and deserialization. Build it once, register the types, then share it (`&Fory` is all a call
/// needs).
///
/// ```
/// use fory_core::Fory;
/// let fory = Fory::builder().compatible(true).max_depth(32).build();
/// assert!(fory.config().compatible);
/// assert_eq!(fory.config().limits.max_depth, 32);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Fory {
    config: Config,
    registry: TypeRegistry,
    type_defs: TypeDefCache,
}

impl Fory {
    /// A builder with the default [`Config`].
    pub fn builder() -> ForyBuilder {
        ForyBuilder::default()
    }

    /// The settings this instance was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The registered user types.
    pub fn registry(&self) -> &TypeRegistry {
        &self.registry
    }

    /// The TypeDefs this instance has read, parsed once and shared by later payloads.
    pub fn type_def_cache(&self) -> &TypeDefCache {
        &self.type_defs
    }

    /// Registers user type `T` under the numeric user id `id` (the same id the peers register
    /// the equivalent type with). Registering a type, or an id, twice is an error.
    pub fn register<T: Registrable>(&mut self, id: u32) -> Result<()> {
        self.registry.register::<T>(id)?;
        self.registrations_changed();
        Ok(())
    }

    /// Registers user type `T` under `namespace` and `type_name`, as the peers' register-by-name
    /// calls do: Java's `register(cls, namespace, typeName)`, Go's `RegisterStructByName(v,
    /// "namespace.TypeName")`, pyfory's `register(cls, typename="namespace.TypeName")`.
    ///
    /// With an empty `namespace`, a dotted `type_name` is that single form, split at its last dot
    /// as pyfory and Apache Fory Rust split it: `("", "example.Person")` registers namespace
    /// `example`, name `Person`. A dot in `type_name` next to a non-empty `namespace` is an error,
    /// as it is in Java.
    ///
    /// ```
    /// use fory_core::{Fory, ForyObject};
    ///
    /// #[derive(ForyObject, Debug, PartialEq, Default)]
    /// struct Person {
    ///     name: String,
    /// }
    ///
    /// let mut a = Fory::default();
    /// a.register_by_name::<Person>("example", "Person")?;
    /// let mut b = Fory::default();
    /// b.register_by_name::<Person>("", "example.Person")?;
    /// let bytes = a.serialize(&Person { name: "Ada".into() })?;
    /// assert_eq!(bytes, b.serialize(&Person { name: "Ada".into() })?);
    /// assert_eq!(b.deserialize::<Person>(&bytes)?.name, "Ada");
    /// # Ok::<(), fory_core::Error>(())
    /// ```
    pub fn register_by_name<T: Registrable>(
        &mut self,
        namespace: &str,
        type_name: &str,
    ) -> Result<()> {
        self.registry.register_by_name::<T>(namespace, type_name)?;
        self.registrations_changed();
        Ok(())
    }

    /// Registers user type `T` by name under the namespace and name it declares
    /// (`#[fory(namespace = "...", name = "...")]`; by default no namespace and the Rust type's
    /// name).
    pub fn register_named<T: Registrable>(&mut self) -> Result<()> {
        self.register_by_name::<T>(T::NAMESPACE, T::NAME)
    }

    /// Registers a borrowing struct under the numeric user id `id`. A struct with a lifetime
    /// (`Msg<'a>`, see "Borrowing structs" in the crate documentation) is registered as its
    /// `'static` form, which stands for every lifetime; it is read as its own type at the root
    /// or in a declared field, never as a dynamic value (`Box<dyn Any>` cannot borrow), so it
    /// does not need to be [`Registrable`].
    ///
    /// ```
    /// use fory_core::{Fory, ForyObject};
    ///
    /// #[derive(ForyObject, Debug, PartialEq)]
    /// struct Msg<'a> {
    ///     name: &'a str,
    ///     payload: &'a [u8],
    /// }
    ///
    /// let mut fory = Fory::default();
    /// fory.register_borrowing::<Msg<'static>>(1).unwrap();
    /// let bytes = fory.serialize(&Msg { name: "a", payload: &[1, 2] }).unwrap();
    /// let msg: Msg<'_> = fory.deserialize(&bytes).unwrap();
    /// assert!(bytes.as_ptr_range().contains(&msg.name.as_ptr()));
    /// assert_eq!(msg, Msg { name: "a", payload: &[1, 2] });
    /// ```
    pub fn register_borrowing<T: UserType + Serialize>(&mut self, id: u32) -> Result<()> {
        self.registry.register_borrowing::<T>(id)?;
        self.registrations_changed();
        Ok(())
    }

    /// [`Fory::register_borrowing`] by `namespace` and `type_name`.
    pub fn register_borrowing_by_name<T: UserType + Serialize>(
        &mut self,
        namespace: &str,
        type_name: &str,
    ) -> Result<()> {
        self.registry
            .register_borrowing_by_name::<T>(namespace, type_name)?;
        self.registrations_changed();
        Ok(())
    }

    /// The cached TypeDefs remember which local type each one names and how its fields map,
    /// which a new registration may change: start over.
    fn registrations_changed(&mut self) {
        self.type_defs = TypeDefCache::default();
    }

    /// Serializes `value` as one complete payload (header, flag, type info, data).
    ///
    /// ```
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let bytes = fory.serialize(&vec!["a".to_string(), "b".to_string()]).unwrap();
    /// assert_eq!(bytes, [0x01, 0xff, 0x16, 0x02, 0x08, 0x15, 0x04, b'a', 0x04, b'b']);
    /// let back: Vec<String> = fory.deserialize(&bytes).unwrap();
    /// assert_eq!(back, ["a", "b"]);
    /// ```
    pub fn serialize<T: Serialize + ?Sized>(&self, value: &T) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.serialize_into(value, &mut out)?;
        Ok(out)
    }

    /// Serializes `value` into `out`, replacing its contents but keeping its allocation, so a
    /// loop can reuse one buffer. On error `out` is left empty.
    pub fn serialize_into<T: Serialize + ?Sized>(
        &self,
        value: &T,
        out: &mut Vec<u8>,
    ) -> Result<()> {
        // Taken, then cleared (not the other way round: the length is then known to be zero
        // without a reload), and written through the context (a writer moved in after the
        // header would be copied).
        let mut buffer = std::mem::take(out);
        buffer.clear();
        let mut ctx = WriteContext::new(Writer::from_vec(buffer), self);
        self.write_header(&mut ctx.writer, FrameHeader::default());
        let result = write_value(value, &mut ctx);
        *out = ctx.take_writer().into_inner();
        if result.is_err() {
            out.clear();
        }
        result
    }

    /// Deserializes one complete payload. Bytes left after the value are an error (the peers
    /// ignore them; a stray tail usually means a framing mistake).
    pub fn deserialize<'de, T: Deserialize<'de>>(&self, bytes: &'de [u8]) -> Result<T> {
        let mut ctx = self.in_band_context(bytes)?;
        let value = read_value(&mut ctx);
        // The error for bytes after the value is returned on its own path, not stored in
        // `value`: the one place that holds the result on the way out lets the compiler read a
        // large `T` straight into the caller's place, with no copy.
        let end = ctx.reader.position();
        if value.is_ok() && end != bytes.len() {
            drop(value);
            return Err(trailing_bytes(end, bytes.len()));
        }
        value
    }

    /// Deserializes the payload at the start of `bytes` and returns it with the number of bytes
    /// it took, for several payloads back to back (as Java's and pyfory's streams write them).
    ///
    /// ```
    /// use fory_core::Fory;
    /// let fory = Fory::default();
    /// let mut bytes = fory.serialize(&1i64).unwrap();
    /// bytes.extend(fory.serialize(&"two".to_string()).unwrap());
    /// let (first, used): (i64, usize) = fory.deserialize_prefix(&bytes).unwrap();
    /// let second: String = fory.deserialize(&bytes[used..]).unwrap();
    /// assert_eq!((first, second.as_str()), (1, "two"));
    /// ```
    #[inline]
    pub fn deserialize_prefix<'de, T: Deserialize<'de>>(
        &self,
        bytes: &'de [u8],
    ) -> Result<(T, usize)> {
        let mut ctx = self.in_band_context(bytes)?;
        let value = read_value(&mut ctx)?;
        Ok((value, ctx.reader.position()))
    }

    /// A context reading the payload `bytes` after its header, which must not have the
    /// out-of-band bit.
    #[inline]
    fn in_band_context<'de>(&self, bytes: &'de [u8]) -> Result<ReadContext<'_, 'de>> {
        if bytes.first() == Some(&HEADER_XLANG) {
            // The usual header (xlang, in band, nothing reserved) in one test.
            let mut reader = Reader::with_limits(bytes, self.config.limits);
            reader.set_position(1);
            return Ok(ReadContext::new(reader, self));
        }
        let (header, reader) = self.read_header(bytes)?;
        if header.out_of_band {
            return Err(Error::unsupported(
                0,
                "the header's out-of-band bit: this payload needs its out-of-band buffers",
            ));
        }
        Ok(ReadContext::new(reader, self))
    }

    /// Serializes `value` handing every BINARY and numeric-array payload to `callback`, which
    /// keeps it in the main buffer (`true`) or sends it out-of-band (`false`); see
    /// [`crate::oob`]. The header's out-of-band bit is set whatever the callback answers, as
    /// the peers do. With [`OobArrayForm::Pyfory`] only BINARY payloads reach the callback:
    /// numeric arrays stay in the main buffer, in the plain form pyfory reads.
    ///
    /// Out-of-band buffers borrow from `value` (no copy) unless they come from behind a
    /// `RefCell`, `Mutex` or `Weak`, or are not in little-endian layout on this target.
    pub fn serialize_with_callback<'a, T: Serialize + ?Sized>(
        &'a self,
        value: &'a T,
        callback: impl BufferCallback + 'a,
    ) -> Result<Frame<'a>> {
        let mut writer = Writer::new();
        self.write_header(&mut writer, FrameHeader { out_of_band: true });
        let mut ctx = WriteContext::with_callback(writer, self, Box::new(callback));
        write_value(value, &mut ctx)?;
        let buffers = ctx.take_buffers();
        Ok(Frame {
            main: ctx.into_writer().into_inner(),
            buffers,
        })
    }

    /// Deserializes a payload written with a buffer callback, taking its out-of-band payloads
    /// from `buffers` in order. Borrowed outputs (`&[u8]`, `Cow<[u8]>`, `Cow<[f32]>`, ...) point
    /// into `main` or into the buffers without copying where alignment allows.
    ///
    /// Numeric arrays are read in Java's form or pyfory's, whichever the bytes show; where
    /// they cannot tell (an array whose first byte is `00`), [`Config::oob_array_form`] decides
    /// (see [`OobArrayForm`]).
    ///
    /// Errors: a payload without the out-of-band bit (it has no buffers to take); a buffer
    /// missing where the payload sends one out-of-band; buffers left over at the end.
    pub fn deserialize_with_buffers<'de, T: Deserialize<'de>>(
        &self,
        main: &'de [u8],
        buffers: &[&'de [u8]],
    ) -> Result<T> {
        self.read_with_buffers(main, buffers, |_| {})
    }

    /// [`deserialize_with_buffers`](Self::deserialize_with_buffers) from a main buffer and
    /// out-of-band buffers held as `bytes::Bytes` (feature `bytes`): borrowed outputs point
    /// into them as usual, and `Bytes` values in the payload are slices of them (no copy; the
    /// received allocation stays alive as long as any slice does).
    ///
    /// ```
    /// use bytes::Bytes;
    /// use fory_core::oob::AllOutOfBand;
    /// use fory_core::Fory;
    ///
    /// let fory = Fory::default();
    /// let value = Bytes::from_static(b"payload");
    /// let frame = fory.serialize_with_callback(&value, AllOutOfBand)?;
    /// let main = Bytes::from(frame.main.clone());
    /// let buffers = vec![Bytes::copy_from_slice(frame.buffers[0].as_bytes())];
    /// let back: Bytes = fory.deserialize_with_bytes(&main, &buffers)?;
    /// assert_eq!(back, "payload");
    /// assert_eq!(back.as_ptr(), buffers[0].as_ptr()); // the same allocation
    /// # Ok::<(), fory_core::Error>(())
    /// ```
    #[cfg(feature = "bytes")]
    pub fn deserialize_with_bytes<'de, T: Deserialize<'de>>(
        &self,
        main: &'de ::bytes::Bytes,
        buffers: &'de [::bytes::Bytes],
    ) -> Result<T> {
        let slices: Vec<&[u8]> = buffers.iter().map(|b| &b[..]).collect();
        self.read_with_buffers(main, &slices, |ctx| ctx.set_shared(main, buffers))
    }

    fn read_with_buffers<'de, T: Deserialize<'de>>(
        &self,
        main: &'de [u8],
        buffers: &[&'de [u8]],
        prepare: impl FnOnce(&mut ReadContext<'_, 'de>),
    ) -> Result<T> {
        let (header, reader) = self.read_header(main)?;
        if !header.out_of_band {
            return Err(Error::invalid(
                0,
                "a header with the out-of-band bit (buffers were given)",
                format!(
                    "{:#04x}, a payload written without a buffer callback",
                    main[0]
                ),
            ));
        }
        let mut ctx = ReadContext::new(reader, self);
        ctx.set_buffers(buffers);
        prepare(&mut ctx);
        let value = read_value(&mut ctx)?;
        let end = ctx.reader.position();
        check_end(end, main.len())?;
        if ctx.buffers_left() > 0 {
            let hint = match ctx.first_empty_array() {
                Some(at) => format!(
                    "; the numeric array at byte {at} was read as pyfory's empty array (`00` \
                     under OobArrayForm::Pyfory): if the payload is Java's, that `00` sends it \
                     out-of-band, so build the reader with OobArrayForm::Java"
                ),
                None => String::new(),
            };
            return Err(Error::invalid(
                end,
                "as many out-of-band buffers as the payload uses",
                format!("{} buffers left over{hint}", ctx.buffers_left()),
            ));
        }
        Ok(value)
    }

    /// Starts a frame: writes the header byte.
    #[inline]
    pub fn write_header(&self, writer: &mut Writer, header: FrameHeader) {
        writer.write_u8(header.to_byte());
    }

    /// Opens a frame: reads and checks the header byte and returns a reader positioned after it
    /// that enforces this instance's limits.
    ///
    /// ```
    /// use fory_core::{Fory, Writer};
    /// use fory_core::FrameHeader;
    /// let fory = Fory::default();
    /// let mut w = Writer::new();
    /// fory.write_header(&mut w, FrameHeader::default());
    /// w.write_str("hi").unwrap();
    /// let bytes = w.into_inner();
    /// let (header, mut r) = fory.read_header(&bytes).unwrap();
    /// assert!(!header.out_of_band);
    /// assert_eq!(r.read_str().unwrap(), "hi");
    /// ```
    #[inline]
    pub fn read_header<'a>(&self, bytes: &'a [u8]) -> Result<(FrameHeader, Reader<'a>)> {
        let mut reader = Reader::with_limits(bytes, self.config.limits);
        let byte = reader
            .read_u8()
            .map_err(|_| Error::truncated(0, "the one-byte frame header", 1, 0))?;
        Ok((FrameHeader::from_byte(byte, 0)?, reader))
    }
}

/// Builds a [`Fory`]. Every setting has a safe default.
///
/// ```
/// use fory_core::oob::OobArrayForm;
/// use fory_core::Fory;
/// // Exchanging with pyfory, schema-consistent, with shared references and a tighter limit.
/// let fory = Fory::builder()
///     .compatible(false)
///     .ref_tracking(true)
///     .oob_array_form(OobArrayForm::Pyfory)
///     .max_depth(64)
///     .build();
/// assert_eq!(fory.config().limits.max_depth, 64);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ForyBuilder {
    config: Config,
}

impl ForyBuilder {
    /// Compatible mode (schema evolution) on or off. Default: on, as in every peer.
    ///
    /// Compatible mode writes each struct's TypeDef once per payload (field names and types),
    /// so a reader whose struct gained or lost fields still reads it. Schema-consistent mode
    /// (`false`) writes a 4-byte schema hash instead: smaller and faster, but both sides must
    /// declare the same fields.
    ///
    /// The setting decides how values are written. A reader takes the writer's mode from the
    /// payload (a struct's type id says it), so a payload written in either mode reads back
    /// whatever this setting is:
    ///
    /// ```
    /// use fory_core::{Fory, ForyObject};
    ///
    /// #[derive(ForyObject, Debug, PartialEq)]
    /// struct Point { x: i32, y: i32 }
    ///
    /// let mut consistent = Fory::builder().compatible(false).build();
    /// let mut compatible = Fory::default();
    /// consistent.register::<Point>(1)?;
    /// compatible.register::<Point>(1)?;
    /// let p = Point { x: 1, y: -2 };
    /// assert_eq!(compatible.deserialize::<Point>(&consistent.serialize(&p)?)?, p);
    /// assert_eq!(consistent.deserialize::<Point>(&compatible.serialize(&p)?)?, p);
    /// # Ok::<(), fory_core::Error>(())
    /// ```
    pub fn compatible(mut self, on: bool) -> Self {
        self.config.compatible = on;
        self
    }

    /// Reference tracking on or off. Default: off.
    pub fn ref_tracking(mut self, on: bool) -> Self {
        self.config.ref_tracking = on;
        self
    }

    /// The schema hash of schema-consistent structs on or off. Default: on. Both sides must
    /// agree: the hash is 4 bytes in front of every struct value.
    pub fn check_struct_version(mut self, on: bool) -> Self {
        self.config.check_struct_version = on;
        self
    }

    /// All decoding limits at once.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.config.limits = limits;
        self
    }

    /// How strings are encoded when written; see [`StringRule`]. Default: Java's rule.
    pub fn string_rule(mut self, rule: StringRule) -> Self {
        self.config.string_rule = rule;
        self
    }

    /// Schema-consistent mode only: writes type info before every struct field (plain or
    /// `Option`) whose struct type is registered by name, as pyfory does. Default: off, which
    /// writes none, as Java and Go do.
    ///
    /// pyfory treats a field whose class is registered by name as dynamic (its
    /// `pyfory.field(dynamic=...)` defaults to true for it): it writes `NAMED_STRUCT`, the
    /// namespace and the type name before the nested struct's hash, and expects them when
    /// reading. Turn this on to send such structs to pyfory in schema-consistent mode (or
    /// declare the Python field `pyfory.field(dynamic=False)`, or register the type by id, or
    /// use compatible mode, where every peer writes the type info). Reading accepts both forms
    /// whatever this setting is.
    ///
    /// ```
    /// use fory_core::{Fory, ForyObject};
    ///
    /// #[derive(ForyObject, Debug, PartialEq, Default)]
    /// struct Inner { x: i32 }
    /// #[derive(ForyObject, Debug, PartialEq, Default)]
    /// struct Outer { inner: Inner }
    ///
    /// let build = |pyfory_form| -> fory_core::Result<Fory> {
    ///     let mut fory = Fory::builder()
    ///         .compatible(false)
    ///         .named_struct_field_type_info(pyfory_form)
    ///         .build();
    ///     fory.register::<Outer>(1)?;
    ///     fory.register_by_name::<Inner>("example", "Inner")?;
    ///     Ok(fory)
    /// };
    /// let value = Outer { inner: Inner { x: 7 } };
    /// let java_form = build(false)?.serialize(&value)?;
    /// let pyfory_form = build(true)?.serialize(&value)?;
    /// // After Outer's type info and hash: NAMED_STRUCT (0x1d), the namespace and the type
    /// // name, then Inner's hash.
    /// assert_eq!(pyfory_form[8], 0x1d);
    /// assert_eq!(pyfory_form.len(), java_form.len() + 14);
    /// // Either reads back with either setting.
    /// assert_eq!(build(false)?.deserialize::<Outer>(&pyfory_form)?, value);
    /// assert_eq!(build(true)?.deserialize::<Outer>(&java_form)?, value);
    /// # Ok::<(), fory_core::Error>(())
    /// ```
    pub fn named_struct_field_type_info(mut self, on: bool) -> Self {
        self.config.named_struct_field_type_info = on;
        self
    }

    /// The form of numeric arrays in payloads written with a buffer callback: Java's (the
    /// default) or pyfory's, whose numeric arrays stay in the main buffer without the in-band
    /// flag. Set it to the form of the peer the payloads go to and come from; see
    /// [`OobArrayForm`] for what each reads.
    ///
    /// ```
    /// use fory_core::oob::{AllOutOfBand, OobArrayForm};
    /// use fory_core::Fory;
    /// let values = vec![1.5f64, -2.0];
    ///
    /// // Java's form: the array goes out-of-band (flag 00).
    /// let to_java = Fory::default();
    /// let frame = to_java.serialize_with_callback(&values, AllOutOfBand)?;
    /// assert_eq!(frame.main, [0x03, 0xff, 0x38, 0x00]);
    /// assert_eq!(frame.buffers.len(), 1);
    ///
    /// // pyfory's form: byte count 16 and the elements, in the main buffer, no buffers.
    /// let to_python = Fory::builder().oob_array_form(OobArrayForm::Pyfory).build();
    /// let frame = to_python.serialize_with_callback(&values, AllOutOfBand)?;
    /// assert_eq!(frame.main[..4], [0x03, 0xff, 0x38, 0x10]);
    /// assert!(frame.buffers.is_empty());
    /// let back: Vec<f64> = to_python.deserialize_with_buffers(&frame.main, &[])?;
    /// assert_eq!(back, values);
    /// # Ok::<(), fory_core::Error>(())
    /// ```
    pub fn oob_array_form(mut self, form: OobArrayForm) -> Self {
        self.config.oob_array_form = form;
        self
    }

    /// Deepest nesting accepted when encoding and decoding (see [`Limits::max_depth`]).
    /// Default: 64.
    pub fn max_depth(mut self, depth: u32) -> Self {
        self.config.limits.max_depth = depth;
        self
    }

    /// Most elements in one collection accepted when decoding. Default: 2^24.
    pub fn max_collection_len(mut self, len: u32) -> Self {
        self.config.limits.max_collection_len = len;
        self
    }

    /// Most bytes in one string accepted when decoding. Default: 256 MiB.
    pub fn max_string_bytes(mut self, bytes: u64) -> Self {
        self.config.limits.max_string_bytes = bytes;
        self
    }

    /// Most bytes in one binary or array payload accepted when decoding. Default: 1 GiB.
    pub fn max_binary_bytes(mut self, bytes: u64) -> Self {
        self.config.limits.max_binary_bytes = bytes;
        self
    }

    /// The configured [`Fory`].
    pub fn build(self) -> Fory {
        Fory {
            config: self.config,
            type_defs: TypeDefCache::default(),
            registry: TypeRegistry::default(),
        }
    }
}

/// Bytes left after the root value (at `end` of `len`) are an error.
#[inline]
fn check_end(end: usize, len: usize) -> Result<()> {
    if end == len {
        return Ok(());
    }
    Err(trailing_bytes(end, len))
}

/// The error for `len - end` bytes after the root value.
#[cold]
fn trailing_bytes(end: usize, len: usize) -> Error {
    Error::invalid(
        end,
        "the end of the payload after the root value",
        format!("{} more bytes", len - end),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_byte_is_accepted_or_rejected_with_a_reason() {
        let accepted: Vec<u8> = (0..=255u8)
            .filter(|b| FrameHeader::from_byte(*b, 0).is_ok())
            .collect();
        assert_eq!(accepted, [0x01, 0x03]);
        let err = FrameHeader::from_byte(0x04, 0).unwrap_err();
        assert!(err.to_string().contains("reserved bits"), "{err}");
        let err = FrameHeader::from_byte(0x02, 0).unwrap_err();
        assert!(err.to_string().contains("xlang bit clear"), "{err}");
    }

    #[test]
    fn empty_payload_is_a_truncation_error() {
        let err = Fory::default().read_header(&[]).unwrap_err();
        assert_eq!(err.offset(), Some(0));
        assert!(err.to_string().contains("frame header"), "{err}");
    }

    #[test]
    fn fory_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Fory>();
    }

    #[test]
    fn builder_sets_every_field() {
        let fory = Fory::builder()
            .compatible(true)
            .ref_tracking(true)
            .max_depth(3)
            .max_collection_len(4)
            .max_string_bytes(5)
            .max_binary_bytes(6)
            .build();
        let c = fory.config();
        assert!(c.compatible && c.ref_tracking);
        assert_eq!(
            c.limits,
            Limits {
                max_depth: 3,
                max_collection_len: 4,
                max_string_bytes: 5,
                max_binary_bytes: 6
            }
        );
        assert_eq!(Fory::default().config(), &Config::default());
    }

    #[test]
    fn the_default_mode_is_compatible_as_in_every_peer() {
        assert!(Config::default().compatible);
        assert!(Fory::default().config().compatible);
        assert!(Fory::builder().build().config().compatible);
    }
}
