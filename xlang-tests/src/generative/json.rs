//! The cases as JSON, the form every peer reads (`GENERATIVE.md` describes it). Numbers that do
//! not fit every JSON reader's doubles are strings: integers in decimal, floats as their bits in
//! hexadecimal.

use std::fmt::Write as _;

use super::schema::{Case, Definition, Field, Registration, Scalar, Type, UserType, Value};

/// The JSON document of `cases`, generated from `seed` for `peer`.
pub fn document(seed: u64, peer: &str, cases: &[Case]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"seed\": {seed}, \"peer\": {}, \"cases\": [",
        string(peer)
    );
    for (i, case) in cases.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        write_case(&mut out, case);
    }
    out.push_str("\n]}\n");
    out
}

fn write_case(out: &mut String, case: &Case) {
    let callback = case
        .callback
        .map_or("null".to_string(), |c| string(c.name()));
    let _ = write!(
        out,
        "{{\"name\": {}, \"compatible\": {}, \"ref_tracking\": {}, \"callback\": {callback}, \
         \"types\": [",
        string(&case.name),
        case.compatible,
        case.ref_tracking
    );
    for (i, t) in case.types.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_user_type(out, t, case);
    }
    out.push_str("], \"value\": ");
    write_value(out, &case.value, &Type::Struct(0), case);
    out.push_str(", \"objects\": [");
    for (i, o) in case.objects.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "{{\"type\": {}, \"value\": ",
            string(&case.types[o.ty].name)
        );
        write_value(out, &o.value, &Type::Struct(o.ty), case);
        out.push('}');
    }
    out.push_str("]}");
}

fn write_user_type(out: &mut String, t: &UserType, case: &Case) {
    let kind = match t.definition {
        Definition::Struct(_) => "struct",
        Definition::Enum(_) => "enum",
        Definition::Union(_) => "union",
    };
    let _ = write!(
        out,
        "{{\"name\": {}, \"kind\": \"{kind}\", ",
        string(&t.name)
    );
    match &t.registration {
        Registration::Id(id) => {
            let _ = write!(out, "\"id\": {id}");
        }
        Registration::Name(ns, name) => {
            let _ = write!(
                out,
                "\"namespace\": {}, \"type_name\": {}",
                string(ns),
                string(name)
            );
        }
    }
    match &t.definition {
        Definition::Struct(fields) => {
            out.push_str(", \"fields\": [");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_field(out, f, case);
            }
            out.push(']');
        }
        Definition::Enum(n) => {
            let _ = write!(out, ", \"variants\": {n}");
        }
        Definition::Union(cases) => {
            out.push_str(", \"cases\": [");
            for (i, c) in cases.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(out, c, case);
            }
            out.push(']');
        }
    }
    out.push('}');
}

fn write_field(out: &mut String, f: &Field, case: &Case) {
    let tag = f.tag.map_or("null".to_string(), |t| t.to_string());
    let _ = write!(
        out,
        "{{\"name\": {}, \"tag\": {tag}, \"nullable\": {}, \"type\": ",
        string(&f.name),
        f.nullable
    );
    write_type(out, &f.ty, case);
    out.push('}');
}

/// A type: `{"kind": "int32"}`, `{"kind": "int64", "encoding": "tagged"}`,
/// `{"kind": "array", "element": "float32"}`, `{"kind": "list", "element": T, "nullable": b}`,
/// `{"kind": "set", "element": T}`, `{"kind": "map", "key": T, "value": T, "nullable": b}`,
/// `{"kind": "struct" | "enum" | "union" | "shared", "type": "C3S1"}`.
pub fn write_type(out: &mut String, ty: &Type, case: &Case) {
    match ty {
        Type::Scalar(s) => {
            let _ = write!(out, "{{\"kind\": \"{}\"}}", s.name());
        }
        Type::Encoded(s, e) => {
            let _ = write!(
                out,
                "{{\"kind\": \"{}\", \"encoding\": \"{}\"}}",
                s.name(),
                e.name()
            );
        }
        Type::Array(s) => {
            let _ = write!(
                out,
                "{{\"kind\": \"array\", \"element\": \"{}\"}}",
                s.name()
            );
        }
        Type::List { element, nullable } => {
            out.push_str("{\"kind\": \"list\", \"element\": ");
            write_type(out, element, case);
            let _ = write!(out, ", \"nullable\": {nullable}}}");
        }
        Type::Set(element) => {
            out.push_str("{\"kind\": \"set\", \"element\": ");
            write_type(out, element, case);
            out.push('}');
        }
        Type::Map {
            key,
            value,
            nullable,
        } => {
            out.push_str("{\"kind\": \"map\", \"key\": ");
            write_type(out, key, case);
            out.push_str(", \"value\": ");
            write_type(out, value, case);
            let _ = write!(out, ", \"nullable\": {nullable}}}");
        }
        Type::Struct(i) | Type::Enum(i) | Type::Union(i) | Type::Shared(i) => {
            let kind = match ty {
                Type::Struct(_) => "struct",
                Type::Enum(_) => "enum",
                Type::Shared(_) => "shared",
                _ => "union",
            };
            let _ = write!(
                out,
                "{{\"kind\": \"{kind}\", \"type\": {}}}",
                string(&case.types[*i].name)
            );
        }
    }
}

/// A value of type `ty`: integers as decimal strings, floats as `"0x"` and their bits, binary
/// as a hex string, arrays, lists and sets as arrays, maps as arrays of `[key, value]`, structs
/// as objects by field name, enums as the variant index, unions as `{"case": n, "value": v}`.
pub fn write_value(out: &mut String, v: &Value, ty: &Type, case: &Case) {
    match (v, ty) {
        (Value::Null, _) => out.push_str("null"),
        (Value::Bool(b), _) => {
            let _ = write!(out, "{b}");
        }
        (Value::Int(i), _) => {
            let _ = write!(out, "\"{i}\"");
        }
        (Value::Float(bits), Type::Scalar(s) | Type::Encoded(s, _)) => {
            let digits = match s {
                Scalar::Float64 => 16,
                Scalar::Float32 => 8,
                _ => 4,
            };
            let _ = write!(out, "\"0x{bits:0digits$x}\"");
        }
        (Value::Float(bits), _) => {
            let _ = write!(out, "\"0x{bits:x}\"");
        }
        (Value::Str(s), _) => out.push_str(&string(s)),
        (Value::Bytes(b), _) => {
            out.push('"');
            for byte in b {
                let _ = write!(out, "{byte:02x}");
            }
            out.push('"');
        }
        (Value::List(items), _) => {
            let element = match ty {
                Type::Array(s) => Type::Scalar(*s),
                Type::List { element, .. } | Type::Set(element) => (**element).clone(),
                _ => Type::Scalar(Scalar::String),
            };
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, item, &element, case);
            }
            out.push(']');
        }
        (Value::Map(entries), Type::Map { key, value, .. }) => {
            out.push('[');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push('[');
                write_value(out, k, key, case);
                out.push_str(", ");
                write_value(out, v, value, case);
                out.push(']');
            }
            out.push(']');
        }
        (Value::Struct(values), Type::Struct(index)) => {
            let Definition::Struct(fields) = &case.types[*index].definition else {
                unreachable!("a struct type")
            };
            out.push('{');
            for (i, (f, v)) in fields.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&string(&f.name));
                out.push_str(": ");
                write_value(out, v, &f.ty, case);
            }
            out.push('}');
        }
        (Value::Enum(i), _) => {
            let _ = write!(out, "{i}");
        }
        (Value::Union(c, v), Type::Union(index)) => {
            let Definition::Union(cases) = &case.types[*index].definition else {
                unreachable!("a union type")
            };
            let _ = write!(out, "{{\"case\": {c}, \"value\": ");
            write_value(out, v, &cases[*c as usize], case);
            out.push('}');
        }
        (Value::Object(k), _) => {
            let _ = write!(out, "{{\"object\": {k}}}");
        }
        (v, ty) => unreachable!("value {v:?} of type {ty:?}"),
    }
}

/// A JSON string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_json_needs() {
        assert_eq!(string("a\"b\\c\n\u{1}😀"), "\"a\\\"b\\\\c\\n\\u0001😀\"");
    }
}
