//! Unit-only enums: `ForyEnum` (variant ↔ ordinal) and the serializer traits, all delegating to
//! `fory_core::serializer`'s enum functions.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::{bounded, user_type, with_de_lifetime};
use crate::ast::EnumModel;

pub fn expand(input: &DeriveInput, model: &EnumModel) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let de_generics = with_de_lifetime(&input.generics);
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    let names: Vec<_> = model.variants.iter().map(|(v, _)| v).collect();
    let ordinals: Vec<_> = model.variants.iter().map(|(_, o)| o).collect();
    let user_type = user_type(input, &model.attrs, "Enum", quote!());
    quote! {
        #user_type

        impl #impl_generics ::fory_core::serializer::ForyEnum for #ident #ty_generics #where_clause {
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
        }

        impl #impl_generics ::fory_core::Serialize for #ident #ty_generics #where_clause {
            fn write_type_info(
                &self,
                ctx: &mut ::fory_core::context::WriteContext<'_>,
            ) -> ::fory_core::Result<()> {
                ::fory_core::serializer::write_enum_type_info::<Self>(ctx)
            }

            fn write_data<'v>(&'v self, ctx: &mut ::fory_core::context::WriteContext<'v>,
                _declared: bool,
            ) -> ::fory_core::Result<()> {
                ::fory_core::serializer::write_enum_data(self, ctx)
            }
        }

        impl #de_impl_generics ::fory_core::Deserialize<'__de> for #ident #ty_generics #where_clause {
            fn read_type_info(
                ctx: &mut ::fory_core::context::ReadContext<'_, '__de>,
            ) -> ::fory_core::Result<::fory_core::types::TypeId> {
                ::fory_core::serializer::read_enum_type_info::<Self>(ctx)
            }

            fn read_data(
                ctx: &mut ::fory_core::context::ReadContext<'_, '__de>,
                _id: ::fory_core::types::TypeId,
            ) -> ::fory_core::Result<Self> {
                ::fory_core::serializer::read_enum_data(ctx)
            }

            fn declared_type_id() -> ::fory_core::types::TypeId {
                ::fory_core::types::TypeId::Enum
            }
        }
    }
}
