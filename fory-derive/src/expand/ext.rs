//! Ext types (`#[fory(ext)]`): `UserType` of kind `Ext` and the serializer traits, delegating
//! the payload to the type's own `ForyExt` impl through `fory_core`'s ext functions.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::{unit_serializers, user_type};
use crate::attr::TypeAttrs;

pub fn expand(input: &DeriveInput, attrs: &TypeAttrs) -> TokenStream {
    let user_type = user_type(input, attrs, "Ext", quote!());
    // In collections and unions Java treats a type with a custom serializer as it treats a
    // struct: a list declares its element type only in schema-consistent mode (compatible mode
    // writes the type info once after the header), a map never declares its key or value type
    // (type info once per chunk), and with tracking on the declared elements carry reference
    // flags in schema-consistent mode, as does a union case value.
    let extra = quote! {
        fn type_info_when_declared(compatible: bool) -> bool {
            compatible
        }

        fn map_type_info_when_declared(_compatible: bool) -> bool {
            true
        }

        fn tracks_refs_when_declared(compatible: bool) -> bool {
            !compatible
        }

        fn union_case_tracks_refs() -> bool {
            true
        }
    };
    let serializers = unit_serializers(input, "ext", "Ext", extra);
    quote! {
        #user_type
        #serializers
    }
}
