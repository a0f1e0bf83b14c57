//! Unions (enums with a variant that carries data): `ForyUnion` (case id ↔ variant, the case
//! value written as a full xlang value) and the serializer traits. A variant with several fields
//! has a case struct, `{Enum}{Variant}`, declared next to the enum (see [`declarations`]): the
//! variant is read as that struct and written from the variant's fields in its wire order.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

use super::struct_::mode;
use super::{bounded, unit_serializers, user_type};
use crate::ast::{CaseShape, CaseStruct, UnionModel};

/// The case structs, declared outside the enum's `const _` block so that users can name and
/// register them, with their derived impls.
pub fn declarations(model: &UnionModel) -> TokenStream {
    let structs = model.cases.iter().filter_map(|case| match &case.shape {
        CaseShape::Struct(s) => Some(s),
        _ => None,
    });
    let mut out = TokenStream::new();
    for s in structs {
        // The declaration keeps the doc comments only: `fory` attributes belong to a derive,
        // and other attributes of the variant's fields were written for the enum.
        let mut decl = s.input.clone();
        decl.attrs.retain(|a| a.path().is_ident("doc"));
        if let syn::Data::Struct(data) = &mut decl.data {
            for field in data.fields.iter_mut() {
                field.attrs.retain(|a| a.path().is_ident("doc"));
            }
        }
        let syn::Data::Struct(data) = &decl.data else {
            unreachable!("a struct")
        };
        let (attrs, vis, ident, fields) = (&decl.attrs, &decl.vis, &decl.ident, &data.fields);
        let semi = if s.tuple { quote!(;) } else { quote!() };
        let impls = super::struct_::expand(&s.input, &s.model);
        out.extend(quote! {
            #( #attrs )*
            #vis struct #ident #fields #semi

            const _: () = {
                #impls
            };
        });
    }
    out
}

/// The members of a case struct, in declaration order (`x`, `y`, or `0`, `1`).
fn members(s: &CaseStruct) -> Vec<syn::Member> {
    match &s.input.data {
        syn::Data::Struct(data) => data.fields.members().collect(),
        _ => unreachable!("a struct"),
    }
}

/// The write and read arms of a variant with several fields.
fn struct_case(name: &syn::Ident, id: u32, s: &CaseStruct) -> (TokenStream, TokenStream) {
    let ty = &s.input.ident;
    let bindings: Vec<_> = (0..s.arity).map(|i| format_ident!("__v{}", i)).collect();
    let members = members(s);
    let pattern = if s.tuple {
        quote!(Self::#name( #(#bindings),* ))
    } else {
        quote!(Self::#name { #( #members: #bindings ),* })
    };
    // Field `i` of the struct model is written from the binding of its member.
    let arms = s.model.fields.iter().enumerate().map(|(i, field)| {
        let at = members
            .iter()
            .position(|m| *m == field.member)
            .expect("a member");
        let (binding, fty, mode) = (&bindings[at], &field.ty, mode(field));
        quote! {
            #i => ::fory_core::__private::serializer::write_field::<#fty>(#binding, ctx, #mode)?
        }
    });
    let write = quote! {
        #pattern => ::fory_core::__private::serializer::write_case_struct::<#ty>(#id, ctx, |ctx| {
            for &__i in <#ty as ::fory_core::__private::serializer::ForyStruct>::FIELD_ORDER {
                match __i {
                    #( #arms, )*
                    _ => {}
                }
            }
            ::core::result::Result::Ok(())
        })
    };
    let construct = if s.tuple {
        let values = (0..s.arity).map(|i| {
            let index = syn::Index::from(i);
            quote!(__s.#index)
        });
        quote!(Self::#name( #(#values),* ))
    } else {
        quote!(Self::#name { #( #members: __s.#members ),* })
    };
    let read = quote! {
        #id => {
            let __s = ::fory_core::__private::serializer::read_value::<#ty>(ctx)?;
            ::core::option::Option::Some(#construct)
        }
    };
    (write, read)
}

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
                    Self::#name => ::fory_core::__private::serializer::write_unit_case(#id, ctx)
                });
                reads.push(quote! {
                    #id => {
                        ::fory_core::__private::serializer::skip_value(ctx)?;
                        ::core::option::Option::Some(Self::#name)
                    }
                });
            }
            CaseShape::Tuple(ty) => {
                case_ids.push(quote!(Self::#name(..) => #id));
                writes.push(
                    quote!(Self::#name(value) => ::fory_core::__private::serializer::write_case_value(#id, value, ctx)),
                );
                reads.push(quote! {
                    #id => ::core::option::Option::Some(Self::#name(
                        ::fory_core::__private::serializer::read_value::<#ty>(ctx)?,
                    ))
                });
            }
            CaseShape::Struct(s) => {
                case_ids.push(quote!(Self::#name { .. } => #id));
                let (write, read) = struct_case(name, id, s);
                writes.push(write);
                reads.push(read);
            }
            CaseShape::Named(field, ty) => {
                case_ids.push(quote!(Self::#name { .. } => #id));
                writes.push(quote!(Self::#name { #field } => ::fory_core::__private::serializer::write_case_value(#id, #field, ctx)));
                reads.push(quote! {
                    #id => ::core::option::Option::Some(Self::#name {
                        #field: ::fory_core::__private::serializer::read_value::<#ty>(ctx)?,
                    })
                });
            }
        }
    }
    // An unknown case reads as the `default` variant (compatible mode), its fields defaulted.
    let default_case = match model.default.map(|i| &model.cases[i]) {
        None => quote!(),
        Some(case) => {
            let name = &case.ident;
            let value = match &case.shape {
                CaseShape::Unit => quote!(Self::#name),
                CaseShape::Tuple(_) => quote!(Self::#name(::core::default::Default::default())),
                CaseShape::Named(field, _) => {
                    quote!(Self::#name { #field: ::core::default::Default::default() })
                }
                CaseShape::Struct(s) => {
                    let defaults =
                        (0..s.arity).map(|_| quote!(::core::default::Default::default()));
                    if s.tuple {
                        quote!(Self::#name( #(#defaults),* ))
                    } else {
                        let members = members(s);
                        quote!(Self::#name { #( #members: #defaults ),* })
                    }
                }
            };
            quote! {
                fn default_case() -> ::core::option::Option<Self> {
                    ::core::option::Option::Some(#value)
                }
            }
        }
    };
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

        impl #impl_generics ::fory_core::__private::serializer::ForyUnion for #ident #ty_generics #where_clause {
            fn case_id(&self) -> u32 {
                match self {
                    #( #case_ids, )*
                }
            }

            fn write_case<'v>(&'v self, ctx: &mut ::fory_core::context::WriteContext<'v>,
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

            #default_case
        }

        #serializers
    }
}
