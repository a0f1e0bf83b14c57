//! `#[derive(ForyRow)]`: the row format of a struct with named fields (`fory_core::row`). It
//! implements `RowType` for the struct and generates its view type, `<Name>Row<'a>`, with one
//! accessor per field (in declaration order, which is the row's field order).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields};

/// Accessor names the view type keeps for itself.
const RESERVED: [&str; 2] = ["to_value", "row_bytes"];

pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "ForyRow is for structs with named fields (a row is a struct's fields)",
        ));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "ForyRow needs named fields: their names are the row's field names",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "ForyRow does not take generic parameters: a row's layout is fixed by its field types",
        ));
    }
    let name = &input.ident;
    let vis = &input.vis;
    let view = format_ident!("{}Row", name);
    let count = named.named.len();
    let mut accessors = Vec::new();
    let mut writes = Vec::new();
    let mut decodes = Vec::new();
    for (index, field) in named.named.iter().enumerate() {
        let ident = field.ident.as_ref().expect("named fields have names");
        if RESERVED.contains(&ident.to_string().as_str()) {
            return Err(syn::Error::new_spanned(
                ident,
                format!(
                    "a ForyRow field may not be named `{ident}`: the view type `{view}` has a \
                     method of that name"
                ),
            ));
        }
        let ty = &field.ty;
        let doc = format!(" Field `{ident}` (field {index} of the row), read from its bytes only.");
        accessors.push(quote! {
            #[doc = #doc]
            #vis fn #ident(&self) -> ::fory_core::Result<
                <#ty as ::fory_core::row::RowType>::View<'__row>
            > {
                self.row.field::<#ty>(#index)
            }
        });
        writes.push(quote! { writer.field(#index, &self.#ident)?; });
        decodes.push(quote! {
            #ident: <#ty as ::fory_core::row::RowType>::from_view(view.#ident()?, budget)?
        });
    }
    let view_doc = format!(
        " A row of [`{name}`] read in place: one accessor per field, each reading only that \
         field's bytes (see `fory_core::row`)."
    );
    let name_text = view.to_string();
    Ok(quote! {
        #[doc = #view_doc]
        #[derive(Clone, Copy)]
        #vis struct #view<'__row> {
            row: ::fory_core::row::StructView<'__row>,
        }

        impl<'__row> #view<'__row> {
            #(#accessors)*

            /// Decodes every field into the owned struct.
            #vis fn to_value(&self) -> ::fory_core::Result<#name> {
                let mut budget = ::fory_core::row::Budget::for_row(self.row.bytes());
                <#name as ::fory_core::row::RowType>::from_view(*self, &mut budget)
            }

            /// The row's bytes.
            #vis fn row_bytes(&self) -> &'__row [u8] {
                self.row.bytes()
            }
        }

        impl ::core::fmt::Debug for #view<'_> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{}({} bytes)", #name_text, self.row.bytes().len())
            }
        }

        impl ::fory_core::row::RowType for #name {
            type View<'__row> = #view<'__row>;
            const FIXED: ::core::option::Option<usize> = ::core::option::Option::None;

            fn append(&self, out: &mut ::std::vec::Vec<u8>) -> ::fory_core::Result<()> {
                let mut writer = ::fory_core::row::StructWriter::begin(out, #count);
                #(#writes)*
                ::core::result::Result::Ok(())
            }

            fn read(bytes: &[u8], at: usize) -> ::fory_core::Result<#view<'_>> {
                ::core::result::Result::Ok(#view {
                    row: ::fory_core::row::StructView::new(bytes, at, #count)?,
                })
            }

            fn from_view(
                view: #view<'_>,
                budget: &mut ::fory_core::row::Budget,
            ) -> ::fory_core::Result<Self> {
                ::core::result::Result::Ok(#name { #(#decodes),* })
            }
        }
    })
}
