//! Code generation from a validated model: one file per kind of type, and the pieces they share.

mod enum_;
mod ext;
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
        Model::Ext(attrs) => ext::expand(input, attrs),
    };
    // The case structs of a union's variants with several fields are named types of their own.
    let declarations = match model {
        Model::Union(m) => union::declarations(m),
        _ => quote!(),
    };
    quote! {
        #declarations

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
        param.bounds.push(syn::parse_quote!(
            ::fory_core::__private::serializer::Schema
        ));
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

/// Where a struct (and, as Java treats it the same, an ext type) carries type info and
/// reference flags inside collections and unions: a list declares its element type only in
/// schema-consistent mode (compatible mode writes the type info once after the header), a map
/// never declares its key or value type (type info once per chunk), and with tracking on the
/// declared elements carry reference flags in schema-consistent mode, as does a union case
/// value. Items of the `Serialize` impl.
pub fn struct_like_positions() -> TokenStream {
    quote! {
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
    }
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
    // A borrowing struct `Msg<'a>` is registered as `Msg<'static>` (a user type is `'static`),
    // which stands for every lifetime: the schema does not depend on it.
    let borrowing = input.generics.lifetimes().next().is_some();
    let (user_impl_generics, user_ty) = if borrowing {
        (quote!(), quote!(#ident<'static>))
    } else {
        (quote!(#impl_generics), quote!(#ident #ty_generics))
    };
    let kind = Ident::new(kind, proc_macro2::Span::call_site());
    let namespace = attrs
        .namespace
        .clone()
        .unwrap_or_else(|| LitStr::new("", proc_macro2::Span::call_site()));
    let name = attrs
        .name
        .clone()
        .unwrap_or_else(|| LitStr::new(&ident.to_string(), ident.span()));
    // A static in a generic impl is shared by every instantiation, so only a non-generic
    // struct gets a schema-hash slot of its own.
    let writes_field_type_info = if kind == "Struct" {
        quote! {
            #[inline]
            fn writes_field_type_info(ctx: &::fory_core::context::WriteContext<'_>) -> bool {
                ::fory_core::__private::serializer::struct_field_writes_type_info::<#user_ty>(ctx)
            }
        }
    } else {
        quote!()
    };
    let one_type = input.generics.type_params().next().is_none()
        && input.generics.const_params().next().is_none();
    let schema_hash_slot = if kind == "Struct" && one_type {
        quote! {
            fn schema_hash_slot(
            ) -> ::core::option::Option<&'static ::fory_core::__private::resolver::SchemaHashSlot> {
                static SLOT: ::fory_core::__private::resolver::SchemaHashSlot =
                    ::fory_core::__private::resolver::SchemaHashSlot::new();
                ::core::option::Option::Some(&SLOT)
            }
        }
    } else {
        quote!()
    };
    // Whether the type is `Send + Sync` is only known for a concrete type: the probe picks the
    // cast then (for `Arc<dyn Any + Send + Sync>`), and generic types keep the default `None`.
    let send_sync_cast = if input.generics.params.is_empty() {
        quote! {
            #[allow(clippy::needless_borrow)]
            fn send_sync_cast() -> ::core::option::Option<::fory_core::__private::resolver::SendSyncCast> {
                use ::fory_core::__private::resolver::{ViaAnyType as _, ViaSendSync as _};
                (&&::fory_core::__private::resolver::SendSyncProbe::<Self>::new()).cast()
            }
        }
    } else {
        quote!()
    };
    quote! {
        impl #user_impl_generics ::fory_core::__private::resolver::UserType for #user_ty #where_clause {
            const KIND: ::fory_core::__private::resolver::UserKind = ::fory_core::__private::resolver::UserKind::#kind;
            const NAMESPACE: &'static str = #namespace;
            const NAME: &'static str = #name;
            fn registration_slot() -> &'static ::fory_core::__private::resolver::RegistrationSlot {
                static SLOT: ::fory_core::__private::resolver::RegistrationSlot =
                    ::fory_core::__private::resolver::RegistrationSlot::new();
                &SLOT
            }
            #schema_hash_slot
            #send_sync_cast
            #extra
        }

        impl #impl_generics ::fory_core::__private::serializer::Schema for #ident #ty_generics #where_clause {
            fn field_type(
                types: &::fory_core::__private::resolver::TypeRegistry,
                compatible: bool,
            ) -> ::fory_core::Result<::fory_core::__private::meta::struct_def::FieldType> {
                ::fory_core::__private::serializer::user_field_type::<#user_ty>(types, compatible)
            }

            fn field_type_info(compatible: bool) -> bool {
                // Java writes a struct's or an ext's type info in front of its field's payload
                // in compatible mode.
                matches!(
                    ::fory_core::__private::resolver::UserKind::#kind,
                    ::fory_core::__private::resolver::UserKind::Struct | ::fory_core::__private::resolver::UserKind::Ext
                ) && compatible
            }

            #writes_field_type_info
        }
    }
}

/// `Serialize` and `Deserialize` for an enum or a union, which delegate every part to
/// fory-core's `write_{kind}_type_info`, `write_{kind}_data`, `read_{kind}_type_info` and
/// `read_{kind}_data`; `declared` is the type id a declared position stands for; `extra` holds
/// further items of the `Serialize` impl.
pub fn unit_serializers(
    input: &DeriveInput,
    kind: &str,
    declared: &str,
    extra: TokenStream,
) -> TokenStream {
    let ident = &input.ident;
    let generics = bounded(&input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let de_generics = with_de_lifetime(&input.generics);
    let (de_impl_generics, _, _) = de_generics.split_for_impl();
    let name = |f: &str| Ident::new(&f.replace("KIND", kind), proc_macro2::Span::call_site());
    let (write_type_info, write_data) = (name("write_KIND_type_info"), name("write_KIND_data"));
    let (read_type_info, read_data) = (name("read_KIND_type_info"), name("read_KIND_data"));
    let declared = Ident::new(declared, proc_macro2::Span::call_site());
    quote! {
        impl #impl_generics ::fory_core::Serialize for #ident #ty_generics #where_clause {
            fn write_type_info(
                &self,
                ctx: &mut ::fory_core::context::WriteContext<'_>,
            ) -> ::fory_core::Result<()> {
                ::fory_core::__private::serializer::#write_type_info::<Self>(ctx)
            }

            fn write_data<'v>(
                &'v self,
                ctx: &mut ::fory_core::context::WriteContext<'v>,
                _declared: bool,
            ) -> ::fory_core::Result<()> {
                ::fory_core::__private::serializer::#write_data(self, ctx)
            }

            #extra
        }

        impl #de_impl_generics ::fory_core::Deserialize<'__de> for #ident #ty_generics #where_clause {
            fn read_type_info(
                ctx: &mut ::fory_core::context::ReadContext<'_, '__de>,
            ) -> ::fory_core::Result<::fory_core::types::TypeId> {
                ::fory_core::__private::serializer::#read_type_info::<Self>(ctx)
            }

            fn read_data(
                ctx: &mut ::fory_core::context::ReadContext<'_, '__de>,
                _id: ::fory_core::types::TypeId,
            ) -> ::fory_core::Result<Self> {
                ::fory_core::__private::serializer::#read_data(ctx)
            }

            fn declared_type_id() -> ::fory_core::types::TypeId {
                ::fory_core::types::TypeId::#declared
            }
        }
    }
}
