//! The type registry: which Rust types are user types, under which numeric id or name.
//!
//! Registration is explicit on both sides of the wire, as in the peers: a user type that was not
//! registered is an error when writing it and when reading it, never a guess.

use std::any::{Any, TypeId as RustTypeId};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::buffer::Writer;
use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, ErrorKind, Result};
use crate::meta::meta_string::{MetaString, MetaStringEncoder};
use crate::meta::struct_def::{encode_body, schema_hash, FieldDef, StructDef, StructIdentity};
use crate::meta::type_def::write_type_def;
use crate::serializer::{Deserialize, Serialize, WireType};
use crate::types::TypeId;

/// What kind of user type a Rust type is; decides its internal type id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserKind {
    /// A unit-only enum: ENUM / NAMED_ENUM.
    Enum,
    /// A struct: STRUCT / COMPATIBLE_STRUCT / NAMED_STRUCT / NAMED_COMPATIBLE_STRUCT.
    Struct,
    /// A type with a custom serializer: EXT / NAMED_EXT.
    Ext,
    /// An enum whose variants carry one value each: TYPED_UNION / NAMED_UNION.
    Union,
}

impl UserKind {
    /// The internal type id for this kind, registered by id or by name, in the given mode.
    pub fn wire_type_id(self, by_name: bool, compatible: bool) -> TypeId {
        match (self, by_name) {
            (UserKind::Enum, false) => TypeId::Enum,
            (UserKind::Enum, true) => TypeId::NamedEnum,
            (UserKind::Struct, false) if compatible => TypeId::CompatibleStruct,
            (UserKind::Struct, false) => TypeId::Struct,
            (UserKind::Struct, true) if compatible => TypeId::NamedCompatibleStruct,
            (UserKind::Struct, true) => TypeId::NamedStruct,
            (UserKind::Ext, false) => TypeId::Ext,
            (UserKind::Ext, true) => TypeId::NamedExt,
            (UserKind::Union, false) => TypeId::TypedUnion,
            (UserKind::Union, true) => TypeId::NamedUnion,
        }
    }

    /// The kind a wire type id belongs to, if it is a user kind.
    pub fn of_wire(id: TypeId) -> Option<(UserKind, bool)> {
        Some(match id {
            TypeId::Enum => (UserKind::Enum, false),
            TypeId::NamedEnum => (UserKind::Enum, true),
            TypeId::Struct | TypeId::CompatibleStruct => (UserKind::Struct, false),
            TypeId::NamedStruct | TypeId::NamedCompatibleStruct => (UserKind::Struct, true),
            TypeId::Ext => (UserKind::Ext, false),
            TypeId::NamedExt => (UserKind::Ext, true),
            TypeId::TypedUnion => (UserKind::Union, false),
            TypeId::NamedUnion => (UserKind::Union, true),
            _ => return None,
        })
    }
}

/// A Rust type that can be registered as a user type.
///
/// Derive it with [`ForyObject`](crate::ForyObject), whose page has examples; a type with its
/// own encoding uses `#[fory(ext)]` and [`ForyExt`](crate::ForyExt).
pub trait UserType: 'static {
    /// The kind of user type.
    const KIND: UserKind;

    /// The namespace [`Fory::register_named`](crate::Fory::register_named) registers the type
    /// under (`#[fory(namespace = "...")]`; empty by default).
    const NAMESPACE: &'static str = "";

    /// The type name [`Fory::register_named`](crate::Fory::register_named) registers the type
    /// under (`#[fory(name = "...")]`; the Rust type's name by default).
    const NAME: &'static str = "";

    /// For structs: the TypeDef entries of the fields, in wire order. User types of other kinds
    /// have no fields.
    fn field_defs(types: &TypeRegistry, compatible: bool) -> Result<Vec<FieldDef>> {
        let _ = (types, compatible);
        Ok(Vec::new())
    }

    /// Where this type remembers the index of its registration (see [`RegistrationSlot`]).
    /// The derive gives each type a slot of its own; hand-written impls share one by default,
    /// which is correct but looks those types up by hash more often.
    fn registration_slot() -> &'static RegistrationSlot {
        static SHARED: RegistrationSlot = RegistrationSlot::new();
        &SHARED
    }

    /// For a type that is `Send + Sync`: how a value read as `Box<dyn Any>` becomes a
    /// `Box<dyn Any + Send + Sync>`, for `Arc<dyn Any + Send + Sync>`. The derive fills it in
    /// for every non-generic type that is `Send + Sync` (see [`send_sync_cast`]); `None` by
    /// default.
    fn send_sync_cast() -> Option<SendSyncCast> {
        None
    }

    /// For structs: where this type remembers its schema hash (see [`SchemaHashSlot`]); only
    /// for a type with a slot of its own, so `None` unless the derive made one.
    fn schema_hash_slot() -> Option<&'static SchemaHashSlot> {
        None
    }
}

/// The cast of [`UserType::send_sync_cast`] for a `Send + Sync` type `T`.
pub fn send_sync_cast<T: Any + Send + Sync>(
    value: Box<dyn Any>,
) -> std::result::Result<Box<dyn Any + Send + Sync>, Box<dyn Any>> {
    value
        .downcast::<T>()
        .map(|v| v as Box<dyn Any + Send + Sync>)
}

/// Finds [`send_sync_cast`] for a concrete type when it is `Send + Sync`, and `None` otherwise,
/// without a `Send + Sync` bound: `(&&SendSyncProbe::<T>::new()).cast()` picks the
/// [`ViaSendSync`] impl when `T: Send + Sync` holds and falls back to [`ViaAnyType`]. Only
/// for concrete types (the derive's non-generic impls); in generic code it always falls back.
#[doc(hidden)]
pub struct SendSyncProbe<T>(std::marker::PhantomData<T>);

impl<T> SendSyncProbe<T> {
    /// A probe for `T`.
    pub fn new() -> Self {
        SendSyncProbe(std::marker::PhantomData)
    }
}

impl<T> Default for SendSyncProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The impl of the probe that applies when `T: Send + Sync`.
#[doc(hidden)]
pub trait ViaSendSync {
    /// The cast.
    fn cast(&self) -> Option<SendSyncCast>;
}

impl<T: Any + Send + Sync> ViaSendSync for &SendSyncProbe<T> {
    fn cast(&self) -> Option<SendSyncCast> {
        Some(send_sync_cast::<T>)
    }
}

/// The fallback impl of the probe.
#[doc(hidden)]
pub trait ViaAnyType {
    /// No cast.
    fn cast(&self) -> Option<SendSyncCast>;
}

impl<T> ViaAnyType for SendSyncProbe<T> {
    fn cast(&self) -> Option<SendSyncCast> {
        None
    }
}

/// The index of a type's registration in the registry that last looked it up: a hint that
/// makes finding a registration one load and one compare instead of a hash lookup per value.
/// The hint is checked against the registry's entry before use, so a slot shared by several
/// types (a generic type's instantiations) or used by several registries (several `Fory`
/// instances) only costs extra lookups, never a wrong answer.
#[derive(Debug, Default)]
pub struct RegistrationSlot(AtomicU32);

impl RegistrationSlot {
    /// An empty slot, for a `static`.
    pub const fn new() -> Self {
        RegistrationSlot(AtomicU32::new(u32::MAX))
    }
}

/// A struct type's schema hash, remembered with the stamp of the registry it was computed in
/// (see [`TypeRegistry::stamp`]): writing or checking the hash of a nested struct is then one
/// load and one compare instead of a registration lookup. One `u64`, so the stamp and the hash
/// are always read together; another registry's stamp only means a lookup, never a wrong
/// hash. Only a type with a slot of its own may have one (the derive gives one to every
/// non-generic struct; a generic type's instantiations would share it).
#[derive(Debug)]
pub struct SchemaHashSlot(AtomicU64);

impl SchemaHashSlot {
    /// An empty slot, for a `static`: its stamp, `u32::MAX`, is never a registry's.
    pub const fn new() -> Self {
        SchemaHashSlot(AtomicU64::new(u64::MAX))
    }

    /// The hash remembered for the registry with `stamp`, if it is that registry's.
    #[inline(always)]
    pub fn get(&self, stamp: u32) -> Option<u32> {
        let slot = self.0.load(Ordering::Relaxed);
        ((slot >> 32) as u32 == stamp).then_some(slot as u32)
    }

    /// Remembers `hash` for the registry with `stamp` (unless that is the "do not cache" 0).
    pub fn set(&self, stamp: u32, hash: u32) {
        if stamp != 0 {
            self.0.store(
                (u64::from(stamp) << 32) | u64::from(hash),
                Ordering::Relaxed,
            );
        }
    }
}

impl Default for SchemaHashSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// The schema of a registered struct, computed once per [`Fory`](crate::Fory) on first use (the
/// field types of nested user types depend on how those are registered).
#[derive(Debug, Clone)]
pub struct StructInfo {
    /// The TypeDef body's content.
    pub def: StructDef,
    /// The whole TypeDef as written in a stream: 8-byte header and body.
    pub type_def: Vec<u8>,
    /// The 32-bit schema hash of schema-consistent mode.
    pub schema_hash: u32,
}

/// What registration needs of a type: a user type that can be written and read without
/// borrowing from the input (so it can also be handled as `Box<dyn Any>`).
///
/// Every non-borrowing [`ForyObject`](crate::ForyObject) type is one; the derive's page has
/// examples of registering them.
pub trait Registrable: UserType + Serialize + for<'de> Deserialize<'de> {}

impl<T: UserType + Serialize + for<'de> Deserialize<'de>> Registrable for T {}

/// How a registered type is identified on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// By numeric user id (written as a varuint32 after the internal id).
    Id(u32),
    /// By namespace and type name.
    Name(Box<TypeName>),
}

/// The name of a type registered by name, with both parts encoded as meta strings the way the
/// Java peer encodes them (the per-context encoding lists), for stream headers and TypeDefs alike.
/// pyfory allows every encoding in stream headers (`example` as LOWER_SPECIAL where Java writes
/// ALL_TO_LOWER_SPECIAL with the same bytes); readers accept both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeName {
    /// The namespace ("" for none).
    pub namespace: String,
    /// The type name.
    pub type_name: String,
    /// The encoded namespace.
    pub namespace_meta: MetaString,
    /// The encoded type name.
    pub type_name_meta: MetaString,
}

/// Writes the type info (`declared` = `None`) or the payload (`Some(declared)`) of a registered
/// type held as `dyn Any`.
pub type ErasedWrite = for<'v> fn(&'v dyn Any, &mut WriteContext<'v>, Option<bool>) -> Result<()>;
/// Reads the payload of a registered type into a `Box<dyn Any>`.
pub type ErasedRead = for<'a, 'b> fn(&mut ReadContext<'a, 'b>, WireType) -> Result<Box<dyn Any>>;

/// Moves a value read through a registration into a `Box<dyn Any + Send + Sync>`, for a type
/// that is `Send + Sync`; gives the value back otherwise.
pub type SendSyncCast =
    fn(Box<dyn Any>) -> std::result::Result<Box<dyn Any + Send + Sync>, Box<dyn Any>>;

/// One registered user type.
#[derive(Debug, Clone)]
pub struct Registration {
    /// `std::any::type_name` of the Rust type, for messages.
    pub rust_name: &'static str,
    /// The Rust type's id.
    pub rust_type: RustTypeId,
    /// Its kind.
    pub kind: UserKind,
    /// Its wire identity.
    pub identity: Identity,
    /// Its serializer, for values whose type is only known at run time (`Box<dyn Any>`).
    pub write: ErasedWrite,
    /// Its deserializer, for values whose type is only known at run time.
    pub read: ErasedRead,
    /// For a type that is `Send + Sync`, how to hold it as `dyn Any + Send + Sync`
    /// ([`UserType::send_sync_cast`]).
    pub send_sync: Option<SendSyncCast>,
    /// Its fields' TypeDef entries ([`UserType::field_defs`]).
    pub field_defs: fn(&TypeRegistry, bool) -> Result<Vec<FieldDef>>,
    /// The struct schema, once computed.
    struct_info: OnceLock<StructInfo>,
}

fn write_erased<'v, T: Serialize + 'static>(
    value: &'v dyn Any,
    ctx: &mut WriteContext<'v>,
    declared: Option<bool>,
) -> Result<()> {
    let value = value.downcast_ref::<T>().ok_or_else(|| {
        Error::encode(format!(
            "a value that is not a {}",
            std::any::type_name::<T>()
        ))
    })?;
    match declared {
        None => value.write_type_info(ctx),
        Some(declared) => value.write_data(ctx, declared),
    }
}

fn read_erased<T: for<'de> Deserialize<'de> + 'static>(
    ctx: &mut ReadContext<'_, '_>,
    wire: WireType,
) -> Result<Box<dyn Any>> {
    Ok(Box::new(T::read_wire_data(ctx, wire)?))
}

/// The dynamic reader of a borrowing struct: a `Box<dyn Any>` is `'static`, so a value that
/// borrows from the input cannot be one.
fn read_borrowing_erased<T: 'static>(
    ctx: &mut ReadContext<'_, '_>,
    _wire: WireType,
) -> Result<Box<dyn Any>> {
    Err(Error::unsupported(
        ctx.reader.position(),
        format!(
            "{} borrows from the input, so it cannot be read as a dynamic value (Box<dyn Any>); \
             declare the field or root as that struct",
            std::any::type_name::<T>()
        ),
    ))
}

impl Registration {
    /// Whether the type is registered by name.
    pub fn by_name(&self) -> bool {
        matches!(self.identity, Identity::Name { .. })
    }

    /// The struct info, if [`Registration::struct_info`] has built it.
    #[inline(always)]
    pub(crate) fn built_struct_info(&self) -> Option<&StructInfo> {
        self.struct_info.get()
    }

    /// The struct schema of this registration, computed on first use: its TypeDef as compatible
    /// mode writes it, and its schema hash, which is the same in either mode (the fingerprint
    /// counts every user kind as 0, so a nested struct's mode does not enter it). Fails when a
    /// field's user type is not registered.
    #[inline]
    pub fn struct_info(&self, types: &TypeRegistry) -> Result<&StructInfo> {
        match self.struct_info.get() {
            Some(info) => Ok(info),
            None => self.init_struct_info(types),
        }
    }

    #[cold]
    fn init_struct_info(&self, types: &TypeRegistry) -> Result<&StructInfo> {
        let compatible = true;
        let fields = (self.field_defs)(types, compatible).map_err(|e| match e.kind() {
            ErrorKind::NotRegistered { .. } => {
                e.with_note(&format!("needed by the schema of {}", self.rust_name))
            }
            _ => Error::encode(format!("the schema of {}: {e}", self.rust_name)),
        })?;
        let identity = match &self.identity {
            Identity::Id(id) => StructIdentity::Id(*id),
            Identity::Name(name) => StructIdentity::Name {
                namespace: name.namespace.clone(),
                type_name: name.type_name.clone(),
            },
        };
        let def = StructDef {
            compatible,
            identity,
            fields,
        };
        let mut type_def = Writer::new();
        write_type_def(&mut type_def, &encode_body(&def)?);
        let info = StructInfo {
            schema_hash: schema_hash(&def),
            def,
            type_def: type_def.into_inner(),
        };
        Ok(self.struct_info.get_or_init(|| info))
    }

    /// How to name the type in messages: `#101` or `namespace.Name`.
    pub fn describe(&self) -> String {
        match &self.identity {
            Identity::Id(id) => format!("{} (user id {id})", self.rust_name),
            Identity::Name(name) => format!(
                "{} (named {}.{})",
                self.rust_name, name.namespace, name.type_name
            ),
        }
    }
}

fn not_registered<T>() -> Error {
    Error::not_registered(format!(
        "{} is not registered: call Fory::register or Fory::register_by_name first",
        std::any::type_name::<T>()
    ))
}

/// A hasher for keys that are hashes already (a `TypeId`, a TypeDef header): their `u64`s are
/// combined without further mixing.
#[derive(Default)]
pub struct TypeIdHasher(u64);

impl Hasher for TypeIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used by `TypeId` today; a plain FNV-1a keeps any other input correct.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = self.0.rotate_left(5) ^ value;
    }
}

/// All registrations of one [`Fory`](crate::Fory).
#[derive(Debug, Clone)]
pub struct TypeRegistry {
    /// Names this set of registrations for [`SchemaHashSlot`]s: new for every registry and
    /// after every registration (a clone keeps it, and has the same registrations).
    stamp: u32,
    entries: Vec<Registration>,
    /// Looked up once per user-type value: keyed without SipHash (a `TypeId` is a hash already).
    by_rust: HashMap<RustTypeId, usize, BuildHasherDefault<TypeIdHasher>>,
    by_id: HashMap<(UserKind, u32), usize>,
    by_name: HashMap<(String, String), usize>,
}

impl Default for TypeRegistry {
    fn default() -> Self {
        TypeRegistry {
            stamp: next_stamp(),
            entries: Vec::new(),
            by_rust: HashMap::default(),
            by_id: HashMap::new(),
            by_name: HashMap::new(),
        }
    }
}

/// A stamp no registry had before: 1, 2, ... up to `u32::MAX - 1`, then 0 for ever ("do not
/// cache"), so a stamp is never reused.
fn next_stamp() -> u32 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    if n < u64::from(u32::MAX) {
        n as u32
    } else {
        0
    }
}

impl TypeRegistry {
    /// The stamp of this set of registrations (see [`SchemaHashSlot`]).
    #[inline(always)]
    pub fn stamp(&self) -> u32 {
        self.stamp
    }

    /// Registers `T` under numeric `id`.
    pub fn register<T: Registrable>(&mut self, id: u32) -> Result<()> {
        self.register_with::<T>(id, read_erased::<T>)
    }

    /// Registers a borrowing struct (`Msg<'static>` for `Msg<'a>`) under numeric `id`; see
    /// [`Fory::register_borrowing`](crate::Fory::register_borrowing).
    pub fn register_borrowing<T: UserType + Serialize>(&mut self, id: u32) -> Result<()> {
        self.register_with::<T>(id, read_borrowing_erased::<T>)
    }

    fn register_with<T: UserType + Serialize>(&mut self, id: u32, read: ErasedRead) -> Result<()> {
        if let Some(&existing) = self.by_id.get(&(T::KIND, id)) {
            return Err(Error::registration(format!(
                "user id {id} is already registered for {}",
                self.entries[existing].rust_name
            )));
        }
        let index = self.add::<T>(Identity::Id(id), read)?;
        self.by_id.insert((T::KIND, id), index);
        Ok(())
    }

    /// Registers `T` under `namespace` and `type_name`.
    pub fn register_by_name<T: Registrable>(
        &mut self,
        namespace: &str,
        type_name: &str,
    ) -> Result<()> {
        self.register_by_name_with::<T>(namespace, type_name, read_erased::<T>)
    }

    /// Registers a borrowing struct under `namespace` and `type_name`; see
    /// [`Fory::register_borrowing`](crate::Fory::register_borrowing).
    pub fn register_borrowing_by_name<T: UserType + Serialize>(
        &mut self,
        namespace: &str,
        type_name: &str,
    ) -> Result<()> {
        self.register_by_name_with::<T>(namespace, type_name, read_borrowing_erased::<T>)
    }

    fn register_by_name_with<T: UserType + Serialize>(
        &mut self,
        namespace: &str,
        type_name: &str,
        read: ErasedRead,
    ) -> Result<()> {
        let (namespace, type_name) = split_type_name(namespace, type_name)?;
        let key = (namespace.to_owned(), type_name.to_owned());
        if let Some(&existing) = self.by_name.get(&key) {
            return Err(Error::registration(format!(
                "name {namespace}.{type_name} is already registered for {}",
                self.entries[existing].rust_name
            )));
        }
        if type_name.is_empty() {
            return Err(Error::registration("a type name must not be empty"));
        }
        let identity = Identity::Name(Box::new(TypeName {
            namespace: namespace.to_owned(),
            type_name: type_name.to_owned(),
            namespace_meta: MetaStringEncoder::NAMESPACE
                .encode(namespace)
                .map_err(|e| Error::registration(format!("namespace {namespace:?}: {e}")))?,
            type_name_meta: MetaStringEncoder::TYPE_NAME
                .encode(type_name)
                .map_err(|e| Error::registration(format!("type name {type_name:?}: {e}")))?,
        }));
        let index = self.add::<T>(identity, read)?;
        self.by_name.insert(key, index);
        Ok(())
    }

    fn add<T: UserType + Serialize>(
        &mut self,
        identity: Identity,
        read: ErasedRead,
    ) -> Result<usize> {
        let rust = RustTypeId::of::<T>();
        let rust_name = std::any::type_name::<T>();
        if self.by_rust.contains_key(&rust) {
            return Err(Error::registration(format!(
                "{rust_name} is already registered"
            )));
        }
        let index = self.entries.len();
        self.stamp = next_stamp();
        self.entries.push(Registration {
            rust_name,
            rust_type: rust,
            kind: T::KIND,
            identity,
            write: write_erased::<T>,
            read,
            send_sync: T::send_sync_cast(),
            field_defs: T::field_defs,
            struct_info: OnceLock::new(),
        });
        self.by_rust.insert(rust, index);
        Ok(index)
    }

    /// The registration of `T`, or the error that says how to register it.
    pub fn get<T: 'static>(&self) -> Result<&Registration> {
        self.by_rust
            .get(&RustTypeId::of::<T>())
            .map(|&i| &self.entries[i])
            .ok_or_else(not_registered::<T>)
    }

    /// [`TypeRegistry::get`] for a user type, through the type's [`RegistrationSlot`].
    #[inline]
    pub fn get_user<T: UserType>(&self) -> Result<&Registration> {
        let hint = T::registration_slot().0.load(Ordering::Relaxed) as usize;
        match self.entries.get(hint) {
            Some(reg) if reg.rust_type == RustTypeId::of::<T>() => Ok(reg),
            _ => self.get_and_remember::<T>(),
        }
    }

    #[inline(never)]
    fn get_and_remember<T: UserType>(&self) -> Result<&Registration> {
        let index = *self
            .by_rust
            .get(&RustTypeId::of::<T>())
            .ok_or_else(not_registered::<T>)?;
        T::registration_slot()
            .0
            .store(index as u32, Ordering::Relaxed);
        Ok(&self.entries[index])
    }

    /// The registration of the Rust type with id `rust`, if any.
    pub fn by_rust_type(&self, rust: RustTypeId) -> Option<&Registration> {
        self.by_rust.get(&rust).map(|&i| &self.entries[i])
    }

    /// The registration at `index` (as in [`crate::serializer::WireType::user`]).
    pub fn entry(&self, index: u32) -> Option<&Registration> {
        self.entries.get(index as usize)
    }

    /// The index of a registration of this registry.
    pub fn index_of(&self, reg: &Registration) -> Option<u32> {
        self.entries
            .iter()
            .position(|r| std::ptr::eq(r, reg))
            .map(|i| i as u32)
    }

    /// The registration with numeric `id` of `kind`, if any.
    pub fn by_id(&self, kind: UserKind, id: u32) -> Option<&Registration> {
        self.by_id.get(&(kind, id)).map(|&i| &self.entries[i])
    }

    /// The registration named `namespace.type_name`, if any.
    pub fn by_name(&self, namespace: &str, type_name: &str) -> Option<&Registration> {
        self.by_name
            .get(&(namespace.to_owned(), type_name.to_owned()))
            .map(|&i| &self.entries[i])
    }
}

/// The namespace and name of a registration by name. With no namespace, a dotted name is
/// pyfory's and Apache Fory Rust's single form: `"example.Person"` is namespace `example`, name
/// `Person` (split at the last dot, as they split it). With a namespace, the name must not hold a
/// dot, as Java requires, since every peer would split it differently.
fn split_type_name<'a>(namespace: &'a str, type_name: &'a str) -> Result<(&'a str, &'a str)> {
    if namespace.is_empty() {
        return Ok(type_name.rsplit_once('.').unwrap_or(("", type_name)));
    }
    if type_name.contains('.') {
        return Err(Error::registration(format!(
            "type name {type_name:?} contains a dot while namespace {namespace:?} is given \
             (Java refuses it too): give a name without dots, or no namespace and the whole \
             dotted name"
        )));
    }
    Ok((namespace, type_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dotted_name_without_namespace_splits_at_the_last_dot() {
        assert_eq!(
            split_type_name("", "example.Person").unwrap(),
            ("example", "Person")
        );
        assert_eq!(
            split_type_name("", "org.example.Person").unwrap(),
            ("org.example", "Person")
        );
        assert_eq!(split_type_name("", "Person").unwrap(), ("", "Person"));
        assert_eq!(
            split_type_name("example", "Person").unwrap(),
            ("example", "Person")
        );
        let err = split_type_name("example", "a.Person").unwrap_err();
        assert!(err.to_string().contains("contains a dot"), "{err}");
    }

    #[test]
    fn a_schema_hash_slot_answers_only_for_the_stamp_it_was_given() {
        let slot = SchemaHashSlot::new();
        // (`u32::MAX` marks the empty slot and is never a registry's stamp.)
        for stamp in [0, 1, 7, u32::MAX - 1] {
            assert_eq!(slot.get(stamp), None, "empty slot, stamp {stamp}");
        }
        slot.set(7, 0xdead_beef);
        assert_eq!(slot.get(7), Some(0xdead_beef));
        assert_eq!(slot.get(8), None);
        // Stamp 0 means "do not cache": it is never stored, so it never matches.
        slot.set(0, 1);
        assert_eq!(slot.get(0), None);
        assert_eq!(slot.get(7), Some(0xdead_beef));
    }
}
