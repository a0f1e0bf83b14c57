//! The JSON view of an [`Inspection`]: every node with every field that applies (fields that do
//! not are left out), values whole.

use std::fmt::Write;

use crate::types::{BFloat16, Float16, RefFlag, TypeId};

use super::render::array_items;
use super::walk::encoding_name;
use super::{BufferPlace, Inspection, Leaf, Node, UserTypeName};

pub(super) fn inspection(found: &Inspection) -> String {
    let mut out = String::from("{\"payloads\":[");
    for (i, payload) in found.payloads.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        node(&mut out, payload);
    }
    out.push(']');
    if let Some(stopped) = &found.stopped {
        let _ = write!(
            out,
            ",\"stopped\":{{\"offset\":{},\"reason\":",
            stopped.offset
        );
        string(&mut out, &stopped.reason);
        out.push('}');
    }
    if let Some(error) = &found.error {
        out.push_str(",\"error\":{");
        if let Some(offset) = error.offset() {
            let _ = write!(out, "\"offset\":{offset},");
        }
        out.push_str("\"message\":");
        string(&mut out, &error.to_string());
        out.push('}');
    }
    let _ = write!(
        out,
        ",\"buffers_used\":{},\"input_len\":{}}}",
        found.buffers_used, found.input_len
    );
    out
}

fn node(out: &mut String, node: &Node) {
    out.push_str("{\"name\":");
    string(out, &node.name);
    let _ = write!(out, ",\"range\":[{},{}]", node.range.start, node.range.end);
    if let Some(flag) = node.ref_flag {
        let flag = match flag {
            RefFlag::Null => "null",
            RefFlag::Ref => "ref",
            RefFlag::NotNullValue => "not_null",
            RefFlag::RefValue => "ref_value",
        };
        let _ = write!(out, ",\"ref_flag\":\"{flag}\"");
    }
    if let Some(id) = node.ref_id {
        let _ = write!(out, ",\"ref_id\":{id}");
    }
    if let Some(id) = node.type_id {
        let _ = write!(out, ",\"type\":\"{}\",\"type_id\":{}", id.name(), id as u8);
    }
    match &node.user_type {
        Some(UserTypeName::Id(id)) => {
            let _ = write!(out, ",\"user_type\":{{\"id\":{id}}}");
        }
        Some(UserTypeName::Name { namespace, name }) => {
            out.push_str(",\"user_type\":{\"namespace\":");
            string(out, namespace);
            out.push_str(",\"name\":");
            string(out, name);
            out.push('}');
        }
        None => {}
    }
    if let Some(index) = node.type_def {
        let _ = write!(out, ",\"type_def\":{index}");
    }
    if let Some(encoding) = node.encoding {
        let _ = write!(out, ",\"encoding\":\"{}\"", encoding_name(encoding));
    }
    match node.buffer {
        Some(BufferPlace::InBand) => out.push_str(",\"buffer\":\"in_band\""),
        Some(BufferPlace::OutOfBand(i)) => {
            let _ = write!(out, ",\"buffer\":{{\"out_of_band\":{i}}}");
        }
        None => {}
    }
    if let Some(len) = node.len {
        let _ = write!(out, ",\"len\":{len}");
    }
    if let Some(leaf) = &node.value {
        out.push_str(",\"value\":");
        value(out, leaf);
    }
    if let Some(note) = &node.note {
        out.push_str(",\"note\":");
        string(out, note);
    }
    out.push_str(",\"parts\":[");
    for (i, part) in node.parts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"range\":[{},{}],\"what\":",
            part.range.start, part.range.end
        );
        string(out, &part.what);
        out.push('}');
    }
    out.push(']');
    if !node.children.is_empty() {
        out.push_str(",\"children\":[");
        for (i, child) in node.children.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            self::node(out, child);
        }
        out.push(']');
    }
    if node.elided > 0 {
        let _ = write!(out, ",\"elided\":{}", node.elided);
    }
    out.push('}');
}

fn value(out: &mut String, leaf: &Leaf) {
    match leaf {
        Leaf::Bool(b) => {
            let _ = write!(out, "{b}");
        }
        Leaf::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Leaf::Float(f) => float(out, *f),
        Leaf::Text(s) | Leaf::Shown(s) => string(out, s),
        Leaf::Bytes(bytes) => {
            out.push('"');
            for b in bytes {
                let _ = write!(out, "{b:02x}");
            }
            out.push('"');
        }
        Leaf::Array { type_id, bytes } => {
            out.push('[');
            let items: Vec<String> = match type_id {
                // Numbers JSON can hold; the 16-bit floats as their exact f64.
                TypeId::Float16Array => halves(bytes, |b| Float16::from_bits(b).to_f64()),
                TypeId::Bfloat16Array => halves(bytes, |b| BFloat16::from_bits(b).to_f64()),
                TypeId::Float32Array | TypeId::Float64Array => array_items(*type_id, bytes)
                    .into_iter()
                    .map(|s| match s.as_str() {
                        "NaN" | "inf" | "-inf" => format!("\"{s}\""),
                        _ => s,
                    })
                    .collect(),
                _ => array_items(*type_id, bytes),
            };
            out.push_str(&items.join(","));
            out.push(']');
        }
    }
}

fn halves(bytes: &[u8], f: impl Fn(u16) -> f64) -> Vec<String> {
    bytes
        .chunks_exact(2)
        .map(|c| {
            let mut s = String::new();
            float(&mut s, f(u16::from_le_bytes([c[0], c[1]])));
            s
        })
        .collect()
}

/// A finite float as a JSON number; NaN and the infinities as strings.
fn float(out: &mut String, f: f64) {
    if f.is_finite() {
        let _ = write!(out, "{f:?}");
    } else {
        let _ = write!(out, "\"{f:?}\"");
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
