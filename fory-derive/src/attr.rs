//! Parsing `#[fory(...)]` attributes into plain values, with spanned errors for anything unknown
//! or malformed. No validation across attributes here; see `ast.rs`.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Error, LitInt, LitStr, Result};

/// An integer encoding chosen with `#[fory(encoding = "...")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Fixed,
    Varint,
    Tagged,
}

/// Attributes of a struct or enum.
#[derive(Default)]
pub struct TypeAttrs {
    /// `namespace = "..."`: the namespace `Fory::register_named` uses.
    pub namespace: Option<LitStr>,
    /// `name = "..."`: the type name `Fory::register_named` uses.
    pub name: Option<LitStr>,
    /// `ext`: an EXT user type whose payload `ForyExt` writes; its fields are not looked at.
    pub ext: Option<Span>,
}

/// Attributes of a struct field.
#[derive(Default)]
pub struct FieldAttrs {
    /// `id = N`: the field's tag id.
    pub id: Option<(u32, Span)>,
    /// `skip`: not serialized; `default`, else `Default`, on read.
    pub skip: Option<Span>,
    /// `nullable`: a null flag precedes the value.
    pub nullable: Option<Span>,
    /// `ref`: reference-tracked.
    pub track_ref: Option<Span>,
    /// `encoding = "fixed" | "varint" | "tagged"`.
    pub encoding: Option<(Encoding, Span)>,
    /// `rename = "..."`: the field's name on the wire.
    pub rename: Option<LitStr>,
    /// `default = "path::to::fn"`: the value of a field the input lacks (or a `skip` field).
    pub default: Option<syn::Path>,
}

/// Attributes of an enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    /// `id = N`: the enum ordinal or union case id.
    pub id: Option<(u32, Span)>,
    /// `default`: the variant an unknown ordinal or case id reads as in compatible mode.
    pub default: Option<Span>,
    /// `name = "..."`: for a variant with several fields, the type name its case struct is
    /// registered under by `register_named` (`{Enum}{Variant}` by default).
    pub name: Option<LitStr>,
}

fn fory_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("fory"))
}

fn set_once<T>(slot: &mut Option<T>, value: T, span: Span, what: &str) -> Result<()> {
    if slot.is_some() {
        return Err(Error::new(span, format!("`{what}` is given twice")));
    }
    *slot = Some(value);
    Ok(())
}

/// Runs `f` on each item of every `#[fory(...)]` attribute.
fn each_item(
    attrs: &[Attribute],
    mut f: impl FnMut(syn::meta::ParseNestedMeta<'_>) -> Result<()>,
) -> Result<()> {
    for attr in fory_attrs(attrs) {
        attr.parse_nested_meta(&mut f)?;
    }
    Ok(())
}

/// The value of an `id = N` item.
fn id_value(meta: &syn::meta::ParseNestedMeta<'_>) -> Result<(u32, Span)> {
    let lit: LitInt = meta.value()?.parse()?;
    let id = lit
        .base10_parse::<u32>()
        .map_err(|_| Error::new(lit.span(), "`id` must be a non-negative integer below 2^32"))?;
    Ok((id, lit.span()))
}

pub fn type_attrs(attrs: &[Attribute]) -> Result<TypeAttrs> {
    let mut out = TypeAttrs::default();
    each_item(attrs, |meta| {
        let span = meta.path.span();
        if meta.path.is_ident("namespace") {
            set_once(
                &mut out.namespace,
                meta.value()?.parse()?,
                span,
                "namespace",
            )
        } else if meta.path.is_ident("name") {
            set_once(&mut out.name, meta.value()?.parse()?, span, "name")
        } else if meta.path.is_ident("ext") {
            set_once(&mut out.ext, span, span, "ext")
        } else {
            Err(meta.error(
                "unknown type attribute; expected `namespace = \"...\"`, `name = \"...\"` \
                 or `ext`",
            ))
        }
    })?;
    Ok(out)
}

pub fn field_attrs(attrs: &[Attribute]) -> Result<FieldAttrs> {
    let mut out = FieldAttrs::default();
    each_item(attrs, |meta| {
        let span = meta.path.span();
        if meta.path.is_ident("id") {
            set_once(&mut out.id, id_value(&meta)?, span, "id")
        } else if meta.path.is_ident("skip") {
            set_once(&mut out.skip, span, span, "skip")
        } else if meta.path.is_ident("nullable") {
            set_once(&mut out.nullable, span, span, "nullable")
        } else if meta.path.is_ident("ref") {
            set_once(&mut out.track_ref, span, span, "ref")
        } else if meta.path.is_ident("encoding") {
            let lit: LitStr = meta.value()?.parse()?;
            let encoding = match lit.value().as_str() {
                "fixed" => Encoding::Fixed,
                "varint" => Encoding::Varint,
                "tagged" => Encoding::Tagged,
                _ => {
                    return Err(Error::new(
                        lit.span(),
                        "`encoding` is one of \"fixed\", \"varint\", \"tagged\"",
                    ))
                }
            };
            set_once(&mut out.encoding, (encoding, lit.span()), span, "encoding")
        } else if meta.path.is_ident("rename") {
            set_once(&mut out.rename, meta.value()?.parse()?, span, "rename")
        } else if meta.path.is_ident("default") {
            let lit: LitStr = meta.value()?.parse()?;
            let path = lit.parse::<syn::Path>().map_err(|_| {
                Error::new(
                    lit.span(),
                    "`default` names a function: `default = \"path::to::function\"`",
                )
            })?;
            set_once(&mut out.default, path, span, "default")
        } else {
            Err(meta.error(
                "unknown field attribute; expected `id = N`, `skip`, `nullable`, `ref`, \
                     `encoding = \"...\"`, `rename = \"...\"` or `default = \"...\"`",
            ))
        }
    })?;
    Ok(out)
}

pub fn variant_attrs(attrs: &[Attribute]) -> Result<VariantAttrs> {
    let mut out = VariantAttrs::default();
    each_item(attrs, |meta| {
        let span = meta.path.span();
        if meta.path.is_ident("id") {
            set_once(&mut out.id, id_value(&meta)?, span, "id")
        } else if meta.path.is_ident("default") {
            set_once(&mut out.default, span, span, "default")
        } else if meta.path.is_ident("name") {
            set_once(&mut out.name, meta.value()?.parse()?, span, "name")
        } else {
            Err(meta.error(
                "unknown variant attribute; expected `id = N`, `default` or `name = \"...\"`",
            ))
        }
    })?;
    Ok(out)
}
