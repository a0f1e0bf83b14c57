//! Unions (enums whose variants carry at most one value): `ForyUnion` (case id ↔ variant, the
//! case value written as a full xlang value) and the serializer traits.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::{bounded, unit_serializers, user_type};
use crate::ast::{CaseShape, UnionModel};

pub fn expand(input: &DeriveInput, model: &UnionModel) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

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
                    quote!(Self::#name(value) => ::fory_core::serializer::write_case_value(value, ctx)),
                );
                reads.push(quote! {
                    #id => ::core::option::Option::Some(Self::#name(
                        ::fory_core::serializer::read_value::<#ty>(ctx)?,
                    ))
                });
            }
            CaseShape::Named(field, ty) => {
                case_ids.push(quote!(Self::#name { .. } => #id));
                writes.push(quote!(Self::#name { #field } => ::fory_core::serializer::write_case_value(#field, ctx)));
                reads.push(quote! {
                    #id => ::core::option::Option::Some(Self::#name {
                        #field: ::fory_core::serializer::read_value::<#ty>(ctx)?,
                    })
                });
            }
        }
    }
    let user_type = user_type(input, &model.attrs, "Union", quote!());
    // Java tracks a union element that a struct field declares in both modes (`List<Choice>`:
    // header `0d`, then `00` before each element), unless the type use is annotated.
    let serializers = unit_serializers(
        input,
        "union",
        "Union",
        quote! {
            fn tracks_refs_when_declared(_compatible: bool) -> bool {
                true
            }
        },
    );
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

        #serializers
    }
}
