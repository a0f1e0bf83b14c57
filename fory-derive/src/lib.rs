//! `#[derive(ForyObject)]`: serializers for structs (STRUCT), unit-only enums (ENUM) and enums
//! with data (UNION; a variant with several fields carries a generated case struct), in the Apache
//! Fory xlang format. Re-exported by `fory-core`, whose documentation describes the attributes.
//!
//! The macro works in three steps that never mix: `attr` parses `#[fory(...)]`, `ast` builds and
//! validates a model of the type (every rejected shape is a spanned compile error), and `expand`
//! generates code from a valid model only.

mod ast;
mod attr;
mod expand;
mod row;
mod snake_case;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `Serialize`, `Deserialize`, `Schema` and `UserType` (plus `ForyStruct` and
/// `ReadStruct`, `ForyEnum` or `ForyUnion`) for a struct or enum. A struct may have one
/// lifetime parameter: it then borrows its `&'a str`, `&'a [u8]` and `Cow<'a, [T]>` fields from
/// the input, and `UserType` is implemented for its `'static` form. See `fory_core::ForyObject`
/// and the `fory_core` crate documentation for the attributes and an example.
#[proc_macro_derive(ForyObject, attributes(fory))]
pub fn derive_fory_object(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match ast::build(&input) {
        Ok(model) => expand::expand(&input, &model).into(),
        Err(err) => err.to_compile_error().into(),
    }
}

/// Derives the row format of a struct with named fields: `fory_core::row::RowType` and a view
/// type `<Name>Row<'a>` with one accessor per field. See `fory_core::row`.
#[proc_macro_derive(ForyRow)]
pub fn derive_fory_row(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match row::derive(&input) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.to_compile_error().into(),
    }
}
