//! The model of a derived type, built from the syntax tree and the parsed attributes, and
//! validated: every rejected shape gets an error pointing at the offending item. Code generation
//! only ever sees a valid model.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Error, Fields, Ident, LitStr, Member, Result, Type, Visibility};

use crate::attr::{self, Encoding, TypeAttrs};
use crate::snake_case::snake_case;

/// Largest tag id a field may carry (the bound the peers enforce).
const MAX_TAG_ID: u32 = (1 << 29) - 1;

/// A derived type.
pub enum Model {
    Struct(StructModel),
    Enum(EnumModel),
    Union(UnionModel),
    /// `#[fory(ext)]`: a struct or enum whose payload its `ForyExt` impl writes.
    Ext(TypeAttrs),
}

pub struct StructModel {
    pub attrs: TypeAttrs,
    pub fields: Vec<Field>,
    /// Fields marked `skip`: filled by their `default` function, else `Default`, on read.
    pub skipped: Vec<Skipped>,
    /// The lifetime of a borrowing struct (`Msg<'a>`), which its reader takes as the input's.
    pub lifetime: Option<syn::Lifetime>,
    /// Whether fields are positional (`struct Point(i32, i32)`).
    pub tuple: bool,
    /// Whether the struct has no fields at all (`struct Unit;`).
    pub unit: bool,
}

pub struct Field {
    pub member: Member,
    pub ty: Type,
    /// The name in the TypeDef: `rename`, or the field name in snake_case (`f0`, `f1`, ... for
    /// tuple fields).
    pub wire_name: String,
    pub tag_id: Option<u32>,
    pub nullable: bool,
    pub track_ref: bool,
    /// The wire type id name (`Int32`, `TaggedUint64`, ...) chosen by `encoding`.
    pub encoding: Option<&'static str>,
    /// `default = "path"`: fills the field when the input lacks it.
    pub default: Option<syn::Path>,
}

/// A field marked `skip`.
pub struct Skipped {
    pub member: Member,
    pub ty: Type,
    /// `default = "path"`, else the type's `Default`.
    pub default: Option<syn::Path>,
}

pub struct EnumModel {
    pub attrs: TypeAttrs,
    /// Variant names and ordinals.
    pub variants: Vec<(Ident, u32)>,
    /// The variant marked `#[fory(default)]`, if any.
    pub default: Option<Ident>,
}

pub struct UnionModel {
    pub attrs: TypeAttrs,
    pub cases: Vec<Case>,
    /// The index in `cases` of the variant marked `#[fory(default)]`, if any.
    pub default: Option<usize>,
}

pub struct Case {
    pub ident: Ident,
    pub case_id: u32,
    pub shape: CaseShape,
}

pub enum CaseShape {
    /// `Variant`: no value.
    Unit,
    /// `Variant(T)`.
    Tuple(Type),
    /// `Variant { name: T }`.
    Named(Ident, Type),
    /// `Variant { a: A, b: B }` or `Variant(A, B)`: the case value is a struct generated from
    /// the fields.
    Struct(Box<CaseStruct>),
}

/// The struct generated for a variant with several fields: declared next to the enum, derived
/// like any struct, registered by the user.
pub struct CaseStruct {
    /// The generated declaration (`{Enum}{Variant}`, the variant's fields, the enum's
    /// visibility), which the struct derive expands.
    pub input: DeriveInput,
    pub model: StructModel,
    /// Whether the variant is positional (`Variant(A, B)`).
    pub tuple: bool,
    /// The number of fields of the variant, skipped ones included.
    pub arity: usize,
}

pub fn build(input: &DeriveInput) -> Result<Model> {
    let lifetimes: Vec<_> = input.generics.lifetimes().collect();
    if let Some(l) = lifetimes.first() {
        if !matches!(input.data, Data::Struct(_)) {
            return Err(Error::new(
                l.span(),
                "only a ForyObject struct can borrow (have a lifetime parameter); use owned \
                 types in enums",
            ));
        }
    }
    if let Some(second) = lifetimes.get(1) {
        return Err(Error::new(
            second.span(),
            "a borrowing ForyObject struct has one lifetime parameter, the input's: every \
             borrowed field borrows from the same input",
        ));
    }
    let lifetime = lifetimes.first().map(|l| l.lifetime.clone());
    if let Some(l) = &lifetime {
        if input.generics.params.len() > 1 {
            return Err(Error::new(
                l.span(),
                "a borrowing ForyObject struct cannot also have type or const parameters",
            ));
        }
        if let Some(bound) = lifetimes[0].bounds.first() {
            return Err(Error::new(
                bound.span(),
                "the lifetime of a borrowing ForyObject struct takes no bounds",
            ));
        }
    }
    let attrs = attr::type_attrs(&input.attrs)?;
    if attrs.ext.is_some() {
        return build_ext(attrs, input);
    }
    match &input.data {
        Data::Struct(data) => build_struct(attrs, &data.fields, lifetime),
        Data::Enum(data) => {
            if data.variants.is_empty() {
                return Err(Error::new(
                    input.ident.span(),
                    "ForyObject needs at least one variant",
                ));
            }
            let unit_only = data
                .variants
                .iter()
                .all(|v| matches!(v.fields, Fields::Unit));
            if unit_only {
                build_enum(attrs, data)
            } else {
                build_union(attrs, input, data)
            }
        }
        Data::Union(u) => Err(Error::new(
            u.union_token.span(),
            "ForyObject supports structs and enums, not Rust unions",
        )),
    }
}

/// An ext type: any struct or enum without a lifetime; its fields carry no `#[fory]` attributes,
/// since its `ForyExt` impl, not the derive, decides what is written.
fn build_ext(attrs: TypeAttrs, input: &DeriveInput) -> Result<Model> {
    if let Some(lifetime) = input.generics.lifetimes().next() {
        return Err(Error::new(
            lifetime.span(),
            "an ext type cannot borrow (have a lifetime parameter): `ForyExt::read_ext` returns \
             an owned value",
        ));
    }
    let fields: Vec<&syn::Field> = match &input.data {
        Data::Struct(data) => data.fields.iter().collect(),
        Data::Enum(data) => data.variants.iter().flat_map(|v| &v.fields).collect(),
        Data::Union(u) => {
            return Err(Error::new(
                u.union_token.span(),
                "ForyObject supports structs and enums, not Rust unions",
            ))
        }
    };
    let variants = match &input.data {
        Data::Enum(data) => data.variants.iter().map(|v| &v.attrs).collect(),
        _ => Vec::new(),
    };
    let stray = fields.iter().map(|f| &f.attrs).chain(variants);
    for attrs in stray {
        if let Some(attr) = attrs.iter().find(|a| a.path().is_ident("fory")) {
            return Err(Error::new_spanned(
                attr,
                "an ext type's fields and variants take no `#[fory]` attributes: its `ForyExt` \
                 impl writes the payload",
            ));
        }
    }
    Ok(Model::Ext(attrs))
}

/// Rejects a reference in a field type that no borrowing reader exists for: only `&str` and
/// `&[u8]` borrow as references (numeric arrays borrow as `Cow<[T]>`, which copies when the
/// bytes are misaligned; a struct is built, so it cannot be borrowed).
fn check_borrows(ty: &Type) -> Result<()> {
    match ty {
        Type::Reference(r) => {
            let ok = match &*r.elem {
                Type::Path(p) => p.path.is_ident("str"),
                Type::Slice(s) => matches!(&*s.elem, Type::Path(p) if p.path.is_ident("u8")),
                _ => false,
            };
            if r.mutability.is_some() || !ok {
                let hint = match &*r.elem {
                    Type::Slice(_) => {
                        "; a numeric array borrows as `Cow<'a, [T]>` (it copies when the bytes \
                         are not aligned for T or the host is big-endian)"
                    }
                    _ => "; hold a struct by value (`Inner<'a>` may borrow itself)",
                };
                return Err(Error::new_spanned(
                    r,
                    format!(
                        "a ForyObject field borrows only `&'a str` and `&'a [u8]` from the \
                         input{hint}"
                    ),
                ));
            }
            Ok(())
        }
        Type::Path(p) => {
            for seg in &p.path.segments {
                if let syn::PathArguments::AngleBracketed(args) = &seg.arguments {
                    for arg in &args.args {
                        if let syn::GenericArgument::Type(t) = arg {
                            check_borrows(t)?;
                        }
                    }
                }
            }
            Ok(())
        }
        Type::Array(a) => check_borrows(&a.elem),
        Type::Tuple(t) => t.elems.iter().try_for_each(check_borrows),
        Type::Paren(p) => check_borrows(&p.elem),
        Type::Group(g) => check_borrows(&g.elem),
        _ => Ok(()),
    }
}

fn build_struct(
    attrs: TypeAttrs,
    fields: &Fields,
    lifetime: Option<syn::Lifetime>,
) -> Result<Model> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut tags: Vec<(u32, Span)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let a = attr::field_attrs(&field.attrs)?;
        check_borrows(&field.ty)?;
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(index.into()),
        };
        if let Some(span) = a.skip {
            if a.id.is_some()
                || a.nullable.is_some()
                || a.track_ref.is_some()
                || a.encoding.is_some()
                || a.rename.is_some()
            {
                return Err(Error::new(
                    span,
                    "a `skip` field is not written, so it takes no fory attribute but `default`",
                ));
            }
            skipped.push(Skipped {
                member,
                ty: field.ty.clone(),
                default: a.default,
            });
            continue;
        }
        let wire_name = match (&a.rename, &field.ident) {
            (Some(lit), _) => {
                let name = lit.value();
                if name.is_empty() {
                    return Err(Error::new(lit.span(), "`rename` must not be empty"));
                }
                name
            }
            (None, Some(ident)) => snake_case(ident.to_string().trim_start_matches("r#")),
            (None, None) => format!("f{index}"),
        };
        if names.contains(&wire_name) {
            let span = match (&a.rename, &field.ident) {
                (Some(lit), _) => lit.span(),
                (None, Some(ident)) => ident.span(),
                (None, None) => field.ty.span(),
            };
            return Err(Error::new(
                span,
                format!("two fields have the wire name `{wire_name}`; use `rename`"),
            ));
        }
        names.push(wire_name.clone());
        if let Some((tag, span)) = a.id {
            if tag > MAX_TAG_ID {
                return Err(Error::new(span, "a tag id is at most 2^29 - 1 (536870911)"));
            }
            if tags.iter().any(|(t, _)| *t == tag) {
                return Err(Error::new(
                    span,
                    format!("tag id {tag} is used by another field"),
                ));
            }
            tags.push((tag, span));
        }
        let encoding = match a.encoding {
            Some((encoding, span)) => Some(encoding_type_id(&field.ty, encoding, span)?),
            None => None,
        };
        out.push(Field {
            member,
            ty: field.ty.clone(),
            wire_name,
            tag_id: a.id.map(|(t, _)| t),
            nullable: a.nullable.is_some(),
            track_ref: a.track_ref.is_some(),
            encoding,
            default: a.default,
        });
    }
    Ok(Model::Struct(StructModel {
        attrs,
        fields: out,
        skipped,
        lifetime,
        tuple: matches!(fields, Fields::Unnamed(_)),
        unit: matches!(fields, Fields::Unit),
    }))
}

/// The last path segment of `ty`, looking through one `Option<...>`.
fn integer_name(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident == "Option" {
        if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
            if let Some(syn::GenericArgument::Type(inner)) = args.args.first() {
                return integer_name(inner);
            }
        }
        return None;
    }
    Some(last.ident.to_string())
}

fn encoding_type_id(ty: &Type, encoding: Encoding, span: Span) -> Result<&'static str> {
    let name = integer_name(ty).unwrap_or_default();
    let id =
        match (name.as_str(), encoding) {
            ("i32", Encoding::Fixed) => "Int32",
            ("i32", Encoding::Varint) => "Varint32",
            ("i64", Encoding::Fixed) => "Int64",
            ("i64", Encoding::Varint) => "Varint64",
            ("i64", Encoding::Tagged) => "TaggedInt64",
            ("u32", Encoding::Fixed) => "Uint32",
            ("u32", Encoding::Varint) => "VarUint32",
            ("u64", Encoding::Fixed) => "Uint64",
            ("u64", Encoding::Varint) => "VarUint64",
            ("u64", Encoding::Tagged) => "TaggedUint64",
            ("i32" | "u32", Encoding::Tagged) => return Err(Error::new(
                span,
                "the tagged encoding exists for 64-bit integers only; use \"fixed\" or \"varint\"",
            )),
            _ => {
                return Err(Error::new(
                    span,
                    "`encoding` applies to i32, i64, u32 and u64 fields (or an Option of one)",
                ))
            }
        };
    Ok(id)
}

/// The wire ids of the variants, and the index of the one marked `default` (at most one).
fn variant_ids(data: &syn::DataEnum) -> Result<(Vec<u32>, Option<usize>)> {
    let mut ids: Vec<u32> = Vec::new();
    let mut default: Option<usize> = None;
    for (index, variant) in data.variants.iter().enumerate() {
        let a = attr::variant_attrs(&variant.attrs)?;
        if let Some(span) = a.default {
            if let Some(first) = default {
                return Err(Error::new(
                    span,
                    format!(
                        "only one variant can be `default`; `{}` already is",
                        data.variants[first].ident
                    ),
                ));
            }
            default = Some(index);
        }
        if let Some(lit) = &a.name {
            if variant.fields.len() < 2 {
                return Err(Error::new(
                    lit.span(),
                    "`name` names the case struct of a variant with several fields",
                ));
            }
        }
        let (id, span) = a.id.unwrap_or((index as u32, variant.ident.span()));
        if ids.contains(&id) {
            return Err(Error::new(
                span,
                format!("id {id} is used by another variant"),
            ));
        }
        ids.push(id);
    }
    Ok((ids, default))
}

fn build_enum(attrs: TypeAttrs, data: &syn::DataEnum) -> Result<Model> {
    let (ids, default) = variant_ids(data)?;
    let variants = data
        .variants
        .iter()
        .zip(ids)
        .map(|(v, id)| (v.ident.clone(), id))
        .collect();
    let default = default.map(|i| data.variants[i].ident.clone());
    Ok(Model::Enum(EnumModel {
        attrs,
        variants,
        default,
    }))
}

/// The struct a variant with several fields is written as: `{Enum}{Variant}`, with the
/// variant's fields (and their attributes), in the enum's namespace.
fn case_struct(
    attrs: &TypeAttrs,
    input: &DeriveInput,
    variant: &syn::Variant,
) -> Result<CaseStruct> {
    if !input.generics.params.is_empty() {
        return Err(Error::new(
            variant.fields.span(),
            format!(
                "variant `{}` has several fields, which a generic enum cannot carry (its case \
                 struct would need the type parameters); wrap the fields in a struct",
                variant.ident
            ),
        ));
    }
    let ident = quote::format_ident!("{}{}", input.ident, variant.ident);
    let vis: &Visibility = &input.vis;
    let namespace = attrs
        .namespace
        .clone()
        .unwrap_or_else(|| LitStr::new("", Span::call_site()));
    let name = attr::variant_attrs(&variant.attrs)?
        .name
        .unwrap_or_else(|| LitStr::new(&ident.to_string(), variant.ident.span()));
    let doc = format!(
        " The case value of `{}::{}`: register it like any struct.",
        input.ident, variant.ident
    );
    let mut fields = variant.fields.clone();
    for field in fields.iter_mut() {
        field.vis = vis.clone();
    }
    let body = match &fields {
        Fields::Named(named) => quote::quote!(#named),
        Fields::Unnamed(unnamed) => quote::quote!(#unnamed;),
        Fields::Unit => unreachable!("a variant with several fields"),
    };
    let input: DeriveInput = syn::parse2(quote::quote! {
        #[doc = #doc]
        #[fory(namespace = #namespace, name = #name)]
        #vis struct #ident #body
    })?;
    let Model::Struct(model) = build_struct(attr::type_attrs(&input.attrs)?, &fields, None)? else {
        unreachable!("a struct")
    };
    Ok(CaseStruct {
        input,
        model,
        tuple: matches!(fields, Fields::Unnamed(_)),
        arity: fields.len(),
    })
}

fn build_union(attrs: TypeAttrs, input: &DeriveInput, data: &syn::DataEnum) -> Result<Model> {
    let (ids, default) = variant_ids(data)?;
    let mut cases = Vec::new();
    for (variant, case_id) in data.variants.iter().zip(ids) {
        if variant.fields.len() > 1 {
            cases.push(Case {
                ident: variant.ident.clone(),
                case_id,
                shape: CaseShape::Struct(Box::new(case_struct(&attrs, input, variant)?)),
            });
            continue;
        }
        for field in &variant.fields {
            if field.attrs.iter().any(|a| a.path().is_ident("fory")) {
                return Err(Error::new(
                    field.span(),
                    "a union case value takes no fory attributes",
                ));
            }
        }
        let shape = match &variant.fields {
            Fields::Unit => CaseShape::Unit,
            Fields::Unnamed(f) => CaseShape::Tuple(f.unnamed[0].ty.clone()),
            Fields::Named(f) => {
                let field = &f.named[0];
                CaseShape::Named(field.ident.clone().expect("named"), field.ty.clone())
            }
        };
        cases.push(Case {
            ident: variant.ident.clone(),
            case_id,
            shape,
        });
    }
    Ok(Model::Union(UnionModel {
        attrs,
        cases,
        default,
    }))
}
