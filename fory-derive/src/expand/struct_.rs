//! Structs: `UserType` with the fields' TypeDef entries, `ForyStruct` (the wire order as a
//! constant, field writing), `ReadStruct` (field reading), and the serializer traits.
//!
//! A borrowing struct `Msg<'a>` implements the reading traits for input of lifetime `'a` only
//! (`ReadStruct<'a>`, `Deserialize<'a>`), so its `&'a str` fields read as views; `UserType` is
//! implemented for `Msg<'static>`, which is what gets registered.
//!
//! The wire order is computed by `fory_core::__private::meta::field_order::order`, a `const fn`, from each
//! field's `Schema` constants, so generic fields and type aliases sort by their real types; the
//! generated loops run over that constant array and compile to straight-line code.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::DeriveInput;

use super::{bounded, user_type, with_de_lifetime};
use crate::ast::{Field, Skipped, StructModel};

/// The `FieldMode` of a field, as a constant expression.
pub(super) fn mode(field: &Field) -> TokenStream {
    let ty = &field.ty;
    let nullable = field.nullable;
    let track_ref = field.track_ref;
    let encoding = match field.encoding {
        Some(id) => {
            let id = format_ident!("{}", id);
            quote!(::core::option::Option::Some(::fory_core::types::TypeId::#id))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        ::fory_core::__private::serializer::FieldMode {
            nullable: #nullable || <#ty as ::fory_core::__private::serializer::Schema>::NULLABLE,
            track_ref: #track_ref || <#ty as ::fory_core::__private::serializer::Schema>::SHARED,
            encoding: #encoding,
        }
    }
}

fn tag_id(field: &Field) -> TokenStream {
    match field.tag_id {
        Some(tag) => quote!(::core::option::Option::Some(#tag)),
        None => quote!(::core::option::Option::None),
    }
}

fn sort_key(field: &Field) -> TokenStream {
    let ty = &field.ty;
    let name = &field.wire_name;
    let tag = tag_id(field);
    let mode = mode(field);
    let type_id = match field.encoding {
        Some(id) => {
            let id = format_ident!("{}", id);
            quote!(::fory_core::types::TypeId::#id as u8)
        }
        None => quote!(<#ty as ::fory_core::__private::serializer::Schema>::SORT_TYPE_ID),
    };
    quote! {
        ::fory_core::__private::meta::field_order::FieldSortKey {
            id_name: #name,
            name: #name,
            tag_id: #tag,
            type_id: #type_id,
            nullable: (#mode).nullable,
        }
    }
}

/// The value of field `i` from its local `Option`: `missing` when it is `None`.
fn present_or(local: &syn::Ident, missing: TokenStream) -> TokenStream {
    quote! {
        match #local {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => #missing,
        }
    }
}

/// The value of a field the input lacks: its `default` function, else its type's `Default`,
/// else the read-time error naming the field. Which one is chosen at compile time (see
/// `fory_core::__private::serializer::MissingField`), so no field type has to implement `Default`.
fn fill_missing(field: &Field) -> TokenStream {
    if let Some(path) = &field.default {
        return quote!(#path());
    }
    let ty = &field.ty;
    let name = &field.wire_name;
    quote! {{
        #[allow(unused_imports)]
        use ::fory_core::__private::serializer::{FillByDefault as _, FillByError as _};
        (&&::fory_core::__private::serializer::MissingField::<#ty>::new()).fill(
            ctx, ::core::any::type_name::<Self>(), #name,
        )?
    }}
}

/// The value of a `skip` field: its `default` function, else its type's `Default`, which a
/// compile error asks for at the field.
fn fill_skipped(skipped: &Skipped) -> TokenStream {
    if let Some(path) = &skipped.default {
        return quote!(#path());
    }
    let ty = &skipped.ty;
    quote_spanned!(ty.span()=> ::fory_core::__private::serializer::skipped_field_default::<#ty>())
}

pub fn expand(input: &DeriveInput, model: &StructModel) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // The reading impls: for every input lifetime `'__de`, or for a borrowing struct `Msg<'a>`
    // for input that lives for `'a` (its fields borrow from it).
    let (de_impl_generics, de) = match &model.lifetime {
        Some(lifetime) => (quote!(#impl_generics), quote!(#lifetime)),
        None => {
            let de_generics = with_de_lifetime(&input.generics);
            let (de_impl_generics, _, _) = de_generics.split_for_impl();
            (quote!(#de_impl_generics), quote!('__de))
        }
    };
    let registered = match &model.lifetime {
        Some(_) => quote!(#ident<'static>),
        None => quote!(Self),
    };
    let fields = &model.fields;
    let count = fields.len();

    let defs = fields.iter().map(|f| {
        let ty = &f.ty;
        let name = &f.wire_name;
        let tag = tag_id(f);
        let mode = mode(f);
        quote! {
            ::fory_core::__private::serializer::field_def::<#ty>(types, compatible, #name, #tag, #mode)?
        }
    });
    let keys = fields.iter().map(sort_key);
    let indices: Vec<usize> = (0..count).collect();
    let members: Vec<_> = fields.iter().map(|f| &f.member).collect();
    let types: Vec<_> = fields.iter().map(|f| &f.ty).collect();
    let modes: Vec<TokenStream> = fields.iter().map(mode).collect();
    let locals: Vec<_> = (0..count).map(|i| format_ident!("__f{}", i)).collect();
    let skipped = &model.skipped;

    // The struct from the locals; `missing(i)` is the value of field `i` when its local is
    // `None`.
    let construct = |missing: &dyn Fn(usize) -> TokenStream| -> TokenStream {
        let value = |i: usize| present_or(&locals[i], missing(i));
        if model.unit {
            quote!(Self)
        } else if model.tuple {
            // Positional fields: every position is either a field or skipped.
            let total = count + skipped.len();
            let values = (0..total).map(|position| {
                let at = |m: &syn::Member| match m {
                    syn::Member::Unnamed(index) => index.index as usize == position,
                    syn::Member::Named(_) => false,
                };
                match fields.iter().position(|f| at(&f.member)) {
                    Some(i) => value(i),
                    None => skipped
                        .iter()
                        .find(|s| at(&s.member))
                        .map(fill_skipped)
                        .unwrap_or_default(),
                }
            });
            quote!(Self( #(#values),* ))
        } else {
            let values = (0..count).map(value);
            let skipped_members = skipped.iter().map(|s| &s.member);
            let skipped_values = skipped.iter().map(fill_skipped);
            quote! {
                Self {
                    #( #members: #values, )*
                    #( #skipped_members: #skipped_values, )*
                }
            }
        }
    };
    // In the declared order every field is read, so `None` cannot happen; the error keeps the
    // code free of panics and of `Default`.
    let construct_all = construct(&|i| {
        let name = &fields[i].wire_name;
        quote! {
            return ::core::result::Result::Err(::fory_core::__private::serializer::missing_field(
                ctx, ::core::any::type_name::<Self>(), #name,
            ))
        }
    });
    let construct_by_plan = construct(&|i| fill_missing(&fields[i]));
    // One statement per wire position: `match FIELD_ORDER[p]` on a constant, which the compiler
    // folds to the one field there, so the fields are written and read in straight-line code.
    // The first `WRITE_RUN.0` positions (scalars) go through one `WriteRun` (and one `ReadRun`),
    // the rest through `write_field` (`read_field`); the tests of the constant fold away too.
    let order = quote!(<Self as ::fory_core::__private::serializer::ForyStruct>::FIELD_ORDER);
    let run = quote!(<Self as ::fory_core::__private::serializer::ForyStruct>::WRITE_RUN);
    // `arms[i]` is the statement for field `i`; `in_run` picks the positions inside the run or
    // the ones after it.
    let positions = |in_run: bool, arms: Vec<TokenStream>| -> Vec<TokenStream> {
        let guard = if in_run { quote!(<) } else { quote!(>=) };
        (0..count)
            .map(|p| {
                quote! {
                    if #p #guard #run.0 {
                        match #order[#p] {
                            #( #indices => #arms, )*
                            _ => {}
                        }
                    }
                }
            })
            .collect()
    };
    let per_field = |arm: &dyn Fn(usize) -> TokenStream| (0..count).map(arm).collect::<Vec<_>>();
    let run_positions = positions(
        true,
        per_field(&|i| {
            let (ty, member) = (types[i], members[i]);
            quote!(<#ty as ::fory_core::__private::serializer::Schema>::write_run_data(&self.#member, &mut run))
        }),
    );
    let write_positions = positions(
        false,
        per_field(&|i| {
            let (ty, member, mode) = (types[i], members[i], &modes[i]);
            quote!(::fory_core::__private::serializer::write_field::<#ty>(&self.#member, ctx, #mode)?)
        }),
    );
    let read_run_positions = positions(
        true,
        per_field(&|i| {
            let (ty, local) = (types[i], &locals[i]);
            quote! {
                #local = ::core::option::Option::Some(
                    <#ty as ::fory_core::__private::serializer::Schema>::read_run_data(&mut run)?,
                )
            }
        }),
    );
    let read_arms = per_field(&|i| {
        let (ty, local, mode) = (types[i], &locals[i], &modes[i]);
        quote! {
            #local = ::core::option::Option::Some(
                ::fory_core::__private::serializer::read_field::<#ty>(ctx, #mode)?,
            )
        }
    });
    let read_positions = positions(false, read_arms.clone());
    // An in-order plan: per position, the peer's fields to skip before it, then the field if
    // the peer sent it, read as `read_fields` reads it (a scalar of the run through a run of
    // its own, as a skip may come between two of them).
    let read_run_arms = per_field(&|i| {
        let (ty, local) = (types[i], &locals[i]);
        quote! {
            #local = ::core::option::Option::Some(
                <#ty as ::fory_core::__private::serializer::Schema>::read_run_data(
                    &mut ctx.reader.run(#run.1),
                )?,
            )
        }
    });
    let in_order_positions = (0..count).map(|p| {
        quote! {
            let step = steps[#p];
            ::fory_core::__private::serializer::skip_unread_fields(ctx, remote, step)?;
            if step.present {
                if #p < #run.0 {
                    match #order[#p] {
                        #( #indices => #read_run_arms, )*
                        _ => {}
                    }
                } else {
                    match #order[#p] {
                        #( #indices => #read_arms, )*
                        _ => {}
                    }
                }
            }
        }
    });
    let steps = count + 1;
    // Each reader's fields start unread; `construct*` builds the value from them.
    let declare_locals = quote!(#( let mut #locals: ::core::option::Option<#types> = ::core::option::Option::None; )*);
    let run_maxes = fields.iter().zip(&modes).map(|(f, mode)| {
        let ty = &f.ty;
        quote! {
            ::fory_core::__private::serializer::field_run_max(
                #mode, <#ty as ::fory_core::__private::serializer::Schema>::RUN_MAX,
            )
        }
    });

    let user_type = user_type(
        input,
        &model.attrs,
        "Struct",
        quote! {
            fn field_defs(
                types: &::fory_core::__private::resolver::TypeRegistry,
                compatible: bool,
            ) -> ::fory_core::Result<::std::vec::Vec<::fory_core::__private::meta::struct_def::FieldDef>> {
                Self::__fory_field_defs(types, compatible)
            }
        },
    );

    let struct_like_positions = super::struct_like_positions();
    quote! {
        #user_type

        impl #impl_generics #ident #ty_generics #where_clause {
            // Outside `UserType`, which a borrowing struct implements for its `'static` form
            // only, so that the field types may name the struct's lifetime.
            #[doc(hidden)]
            fn __fory_field_defs(
                types: &::fory_core::__private::resolver::TypeRegistry,
                compatible: bool,
            ) -> ::fory_core::Result<::std::vec::Vec<::fory_core::__private::meta::struct_def::FieldDef>> {
                ::core::result::Result::Ok(::fory_core::__private::serializer::in_wire_order(
                    ::std::vec![#(#defs),*],
                    <Self as ::fory_core::__private::serializer::ForyStruct>::FIELD_ORDER,
                ))
            }
        }

        impl #impl_generics ::fory_core::__private::serializer::ForyStruct for #ident #ty_generics #where_clause {
            type Registered = #registered;

            const FIELD_ORDER: &'static [usize] =
                &::fory_core::__private::meta::field_order::order::<#count>(&[#(#keys),*]);

            const WRITE_RUN: (usize, usize) = ::fory_core::__private::serializer::write_run_head(
                &[#(#run_maxes),*],
                <Self as ::fory_core::__private::serializer::ForyStruct>::FIELD_ORDER,
            );

            // Offered for inlining across codegen units: a list, map or parent struct then
            // writes a small struct's fields in its own body, without a call (and the saving
            // and restoring of registers) per value.
            #[allow(unused_variables)]
            #[inline]
            fn write_fields<'v>(&'v self, ctx: &mut ::fory_core::context::WriteContext<'v>,
            ) -> ::fory_core::Result<()> {
                if #run.0 > 0 {
                    let mut run = ctx.writer.run(#run.1);
                    #( #run_positions )*
                }
                #( #write_positions )*
                ::core::result::Result::Ok(())
            }
        }

        impl #de_impl_generics ::fory_core::__private::serializer::ReadStruct<#de> for #ident #ty_generics #where_clause {
            #[allow(unused_variables, unused_mut)]
            fn read_fields(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
            ) -> ::fory_core::Result<Self> {
                ctx.enter()?;
                #declare_locals
                if #run.0 > 0 {
                    let mut run = ctx.reader.run(#run.1);
                    #( #read_run_positions )*
                }
                #( #read_positions )*
                ctx.leave();
                ::core::result::Result::Ok(#construct_all)
            }

            #[allow(unused_variables, unused_mut)]
            fn read_fields_by_plan(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
                remote: &::fory_core::__private::meta::struct_def::StructDef,
                plan: &[::fory_core::__private::serializer::PlanSlot],
            ) -> ::fory_core::Result<Self> {
                use ::fory_core::__private::serializer::PlanSlot;
                ctx.enter()?;
                #declare_locals
                for (field, slot) in remote.fields.iter().zip(plan) {
                    match *slot {
                        #( PlanSlot::Same(#indices) => #locals = ::core::option::Option::Some(
                            ::fory_core::__private::serializer::read_field::<#types>(ctx, #modes)?,
                        ), )*
                        #( PlanSlot::Convert(#indices) => #locals =
                            ::fory_core::__private::serializer::read_remote_field::<#types>(ctx, field)?, )*
                        _ => ::fory_core::__private::serializer::skip_field(ctx, field)?,
                    }
                }
                ctx.leave();
                ::core::result::Result::Ok(#construct_by_plan)
            }

            #[allow(unused_variables, unused_mut)]
            fn read_fields_in_order(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
                remote: &::fory_core::__private::meta::struct_def::StructDef,
                steps: &[::fory_core::__private::serializer::InOrderStep],
            ) -> ::fory_core::Result<Self> {
                let steps = ::fory_core::__private::serializer::in_order_steps::<#steps>(ctx, steps)?;
                ctx.enter()?;
                #declare_locals
                #( #in_order_positions )*
                ::fory_core::__private::serializer::skip_unread_fields(ctx, remote, steps[#count])?;
                ctx.leave();
                ::core::result::Result::Ok(#construct_by_plan)
            }
        }

        impl #impl_generics ::fory_core::Serialize for #ident #ty_generics #where_clause {
            #[inline(always)]
            fn write_type_info(
                &self,
                ctx: &mut ::fory_core::context::WriteContext<'_>,
            ) -> ::fory_core::Result<()> {
                ::fory_core::__private::serializer::write_struct_type_info::<Self>(ctx)
            }

            #[inline(always)]
            fn write_data<'v>(&'v self, ctx: &mut ::fory_core::context::WriteContext<'v>,
                _declared: bool,
            ) -> ::fory_core::Result<()> {
                ::fory_core::__private::serializer::write_struct_data(self, ctx)
            }

            #[inline(always)]
            fn prepare_siblings(
                ctx: &mut ::fory_core::context::WriteContext<'_>,
            ) -> ::fory_core::Result<::fory_core::context::Siblings> {
                ::fory_core::__private::serializer::prepare_struct_siblings::<Self>(ctx)
            }

            #[inline(always)]
            fn write_sibling_data<'v>(
                &'v self,
                ctx: &mut ::fory_core::context::WriteContext<'v>,
                _declared: bool,
                siblings: ::fory_core::context::Siblings,
            ) -> ::fory_core::Result<()> {
                ::fory_core::__private::serializer::write_sibling_struct_data(self, ctx, siblings)
            }

            #struct_like_positions
        }

        impl #de_impl_generics ::fory_core::Deserialize<#de> for #ident #ty_generics #where_clause {
            fn read_type_info(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
            ) -> ::fory_core::Result<::fory_core::types::TypeId> {
                ::fory_core::__private::serializer::read_struct_wire_type::<Self>(ctx).map(|wire| wire.id)
            }

            #[inline(always)]
            fn read_data(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
                id: ::fory_core::types::TypeId,
            ) -> ::fory_core::Result<Self> {
                ::fory_core::__private::serializer::read_struct_data(ctx, id.into())
            }

            fn read_wire_type(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
            ) -> ::fory_core::Result<::fory_core::__private::serializer::WireType> {
                ::fory_core::__private::serializer::read_struct_wire_type::<Self>(ctx)
            }

            #[inline(always)]
            fn read_wire_data(
                ctx: &mut ::fory_core::context::ReadContext<'_, #de>,
                wire: ::fory_core::__private::serializer::WireType,
            ) -> ::fory_core::Result<Self> {
                ::fory_core::__private::serializer::read_struct_data(ctx, wire)
            }

            fn declared_type_id() -> ::fory_core::types::TypeId {
                ::fory_core::types::TypeId::Struct
            }
        }
    }
}
