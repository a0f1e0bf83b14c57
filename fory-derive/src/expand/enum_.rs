//! Unit-only enums: `ForyEnum` (variant ↔ ordinal) and the serializer traits, all delegating to
//! `fory_core::__private::serializer`'s enum functions.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::{bounded, unit_serializers, user_type};
use crate::ast::EnumModel;

pub fn expand(input: &DeriveInput, model: &EnumModel) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let names: Vec<_> = model.variants.iter().map(|(v, _)| v).collect();
    let ordinals: Vec<_> = model.variants.iter().map(|(_, o)| o).collect();
    let user_type = user_type(input, &model.attrs, "Enum", quote!());
    let serializers = unit_serializers(input, "enum", "Enum", quote!());
    // An unknown ordinal reads as the `default` variant (compatible mode).
    let default_variant = match &model.default {
        Some(name) => quote! {
            fn default_variant() -> ::core::option::Option<Self> {
                ::core::option::Option::Some(Self::#name)
            }
        },
        None => quote!(),
    };
    quote! {
        #user_type

        impl #impl_generics ::fory_core::__private::serializer::ForyEnum for #ident #ty_generics #where_clause {
            fn ordinal(&self) -> u32 {
                match self {
                    #( Self::#names => #ordinals, )*
                }
            }

            fn from_ordinal(ordinal: u32) -> ::core::option::Option<Self> {
                match ordinal {
                    #( #ordinals => ::core::option::Option::Some(Self::#names), )*
                    _ => ::core::option::Option::None,
                }
            }

            #default_variant
        }

        #serializers
    }
}
