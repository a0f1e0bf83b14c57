//! Unions (enums whose variants carry at most one value): `ForyUnion` (case id ↔ variant, the
//! case value written as a full xlang value) and the serializer traits.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::{bounded, user_type, with_de_lifetime};
use crate::ast::{CaseShape, UnionModel};

pub fn expand(input: &DeriveInput, model: &UnionModel) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let de_generics = with_de_lifetime(&input.generics);
    let (de_impl_generics, _, _) = de_generics.split_for_impl();

    let mut case_ids = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    for case in &model.cases {
        let name = &case.ident;
        let id = case.case_id;
        match &case.shape {
            CaseShape::Unit => {
                case_ids.push(quote!(Self::#name => #id));
                // No value: written as null, and whatever a peer wrote is passed over.
                writes.push(quote! {
                    Self::#name => ::fory_core::serializer::write_value(
                        &::core::option::Option::<bool>::None, ctx,
                    )
                });
                reads.push(quote! {
                    #id => {
                        ::fory_core::serializer::skip_value(ctx)?;
                        ::core::option::Option::Some(Self::#name)
                    }
                });
            }
            CaseShape::Tuple(ty) => {
                case_ids.push(quote!(Self::#name(..) => #id));
                writes.push(
                    quote!(Self::#name(value) => ::fory_core::serializer::write_value(value, ctx)),
                );
                reads.push(quote! {
                    #id => ::core::option::Option::Some(Self::#name(
                        ::fory_core::serializer::read_value::<#ty>(ctx)?,
                    ))
                });
            }
            CaseShape::Named(field, ty) => {
                case_ids.push(quote!(Self::#name { .. } => #id));
                writes.push(quote!(Self::#name { #field } => ::fory_core::serializer::write_value(#field, ctx)));
                reads.push(quote! {
                    #id => ::core::option::Option::Some(Self::#name {
                        #field: ::fory_core::serializer::read_value::<#ty>(ctx)?,
                    })
                });
            }
        }
    }
    let user_type = user_type(input, &model.attrs, "Union", quote!());
    quote! {
        #user_type

        impl #impl_generics ::fory_core::serializer::ForyUnion for #ident #ty_generics #where_clause {
            fn case_id(&self) -> u32 {
                match self {
                    #( #case_ids, )*
                }
            }

            fn write_case_value<'v>(&'v self, ctx: &mut ::fory_core::context::WriteContext<'v>,
            ) -> ::fory_core::Result<()> {
                match self {
                    #( #writes, )*
                }
            }

            fn read_case_value(
                case_id: u32,
                ctx: &mut ::fory_core::context::ReadContext<'_, '_>,
            ) -> ::fory_core::Result<::core::option::Option<Self>> {
                ::core::result::Result::Ok(match case_id {
                    #( #reads, )*
                    _ => ::core::option::Option::None,
                })
            }
        }

        impl #impl_generics ::fory_core::Serialize for #ident #ty_generics #where_clause {
            fn write_type_info(
                &self,
                ctx: &mut ::fory_core::context::WriteContext<'_>,
            ) -> ::fory_core::Result<()> {
                ::fory_core::serializer::write_union_type_info::<Self>(ctx)
            }

            fn write_data<'v>(&'v self, ctx: &mut ::fory_core::context::WriteContext<'v>,
                _declared: bool,
            ) -> ::fory_core::Result<()> {
                ::fory_core::serializer::write_union_data(self, ctx)
            }
        }

        impl #de_impl_generics ::fory_core::Deserialize<'__de> for #ident #ty_generics #where_clause {
            fn read_type_info(
                ctx: &mut ::fory_core::context::ReadContext<'_, '__de>,
            ) -> ::fory_core::Result<::fory_core::types::TypeId> {
                ::fory_core::serializer::read_union_type_info::<Self>(ctx)
            }

            fn read_data(
                ctx: &mut ::fory_core::context::ReadContext<'_, '__de>,
                _id: ::fory_core::types::TypeId,
            ) -> ::fory_core::Result<Self> {
                ::fory_core::serializer::read_union_data(ctx)
            }

            fn declared_type_id() -> ::fory_core::types::TypeId {
                ::fory_core::types::TypeId::Union
            }
        }
    }
}
