//! Ext types (`#[fory(ext)]`): `UserType` of kind `Ext` and the serializer traits, delegating
//! the payload to the type's own `ForyExt` impl through `fory_core`'s ext functions.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::{unit_serializers, user_type};
use crate::attr::TypeAttrs;

pub fn expand(input: &DeriveInput, attrs: &TypeAttrs) -> TokenStream {
    let user_type = user_type(input, attrs, "Ext", quote!());
    // In collections and unions Java treats a type with a custom serializer as a struct.
    let extra = super::struct_like_positions();
    let serializers = unit_serializers(input, "ext", "Ext", extra);
    quote! {
        #user_type
        #serializers
    }
}
