//! Code generation from a validated model: one file per kind of type, and the pieces they share.

mod enum_;
mod struct_;
mod union;

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Generics, Ident, LitStr};

use crate::ast::Model;
use crate::attr::TypeAttrs;

pub fn expand(input: &DeriveInput, model: &Model) -> TokenStream {
    let body = match model {
        Model::Struct(m) => struct_::expand(input, m),
        Model::Enum(m) => enum_::expand(input, m),
        Model::Union(m) => union::expand(input, m),
    };
    quote! {
        const _: () = {
            #body
        };
    }
}

/// The generics with the bounds every type parameter needs to be a field of a derived type.
pub fn bounded(generics: &Generics) -> Generics {
    let mut generics = generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(::fory_core::Serialize));
        param.bounds.push(syn::parse_quote!(
            for<'__any> ::fory_core::Deserialize<'__any>
        ));
        param
            .bounds
            .push(syn::parse_quote!(::fory_core::serializer::Schema));
        param
            .bounds
            .push(syn::parse_quote!(::core::default::Default));
        param.bounds.push(syn::parse_quote!('static));
    }
    generics
}

/// [`bounded`] generics with the input lifetime `'__de` of `Deserialize<'__de>` added first.
pub fn with_de_lifetime(generics: &Generics) -> Generics {
    let mut generics = bounded(generics);
    generics.params.insert(0, syn::parse_quote!('__de));
    generics
}

/// `impl UserType` for `kind` (`Struct`, `Enum`, `Union`), with `extra` items inside.
pub fn user_type(
    input: &DeriveInput,
    attrs: &TypeAttrs,
    kind: &str,
    extra: TokenStream,
) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let kind = Ident::new(kind, proc_macro2::Span::call_site());
    let namespace = attrs
        .namespace
        .clone()
        .unwrap_or_else(|| LitStr::new("", proc_macro2::Span::call_site()));
    let name = attrs
        .name
        .clone()
        .unwrap_or_else(|| LitStr::new(&ident.to_string(), ident.span()));
    quote! {
        impl #impl_generics ::fory_core::resolver::UserType for #ident #ty_generics #where_clause {
            const KIND: ::fory_core::resolver::UserKind = ::fory_core::resolver::UserKind::#kind;
            const NAMESPACE: &'static str = #namespace;
            const NAME: &'static str = #name;
            #extra
        }

        impl #impl_generics ::fory_core::serializer::Schema for #ident #ty_generics #where_clause {
            fn field_type(
                types: &::fory_core::resolver::TypeRegistry,
                compatible: bool,
            ) -> ::fory_core::Result<::fory_core::meta::struct_def::FieldType> {
                ::fory_core::serializer::user_field_type::<Self>(types, compatible)
            }

            fn field_type_info(compatible: bool) -> bool {
                ::fory_core::resolver::UserKind::#kind == ::fory_core::resolver::UserKind::Struct
                    && compatible
            }
        }
    }
}
