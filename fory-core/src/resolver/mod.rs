//! Resolving user types: the registry of one `Fory`, and the per-stream tables that write each
//! type's meta (names, TypeDefs) once and refer back to it afterwards.

mod registry;
mod type_def_cache;
mod type_meta;
mod written_type_defs;

pub use registry::{
    send_sync_cast, ErasedRead, ErasedWrite, Identity, Registrable, Registration, RegistrationSlot,
    SchemaHashSlot, SendSyncCast, SendSyncProbe, StructInfo, TypeName, TypeRegistry, UserKind,
    UserType, ViaAnyType, ViaSendSync,
};
pub(crate) use type_def_cache::ReadIdentity;
pub use type_def_cache::{FieldPlan, StreamDef, StreamTypeDef, TypeDefCache};
pub(crate) use type_meta::read_user_identity;
pub use type_meta::{
    peek_struct_def, read_registered_type_info, read_struct_def, read_user_type_info,
    read_user_wire_type, skip_type_info, write_user_type_info, MetaReadTables, MetaWriteTables,
};
pub(crate) use written_type_defs::WrittenTypeDefs;
