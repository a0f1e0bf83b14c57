//! The tree and hex views of an [`Inspection`].

use std::fmt::Write;

use crate::types::{BFloat16, Float16, RefFlag, TypeId};

use super::walk::encoding_name;
use super::{BufferPlace, Inspection, Leaf, Node};

/// Characters of a string, bytes of a BINARY, and elements of an array shown when not `full`.
const SHORT_TEXT: usize = 60;
const SHORT_BYTES: usize = 16;
const SHORT_ARRAY: usize = 8;
/// Bytes of one part shown in the hex view when not `full`.
const SHORT_PART: usize = 64;
const HEX_PER_LINE: usize = 16;

pub(super) fn tree(found: &Inspection, full: bool) -> String {
    let width = found.input_len.to_string().len() * 2 + 2;
    let mut out = String::new();
    for payload in &found.payloads {
        tree_node(&mut out, payload, 0, width, full);
    }
    end_notes(&mut out, found);
    out
}

fn tree_node(out: &mut String, node: &Node, depth: usize, width: usize, full: bool) {
    let range = format!("{}..{}", node.range.start, node.range.end);
    let _ = writeln!(
        out,
        "{range:<width$}  {:indent$}{}: {}",
        "",
        node.name,
        describe(node, full),
        indent = depth * 2
    );
    for child in &node.children {
        tree_node(out, child, depth + 1, width, full);
    }
    if node.elided > 0 {
        let _ = writeln!(
            out,
            "{:<width$}  {:indent$}… {} more",
            "",
            "",
            node.elided,
            indent = depth * 2 + 2
        );
    }
}

/// One node's line after its name.
fn describe(node: &Node, full: bool) -> String {
    let mut words: Vec<String> = Vec::new();
    match (node.type_id, node.ref_flag) {
        (None, Some(RefFlag::Null)) => words.push("null".into()),
        (None, Some(RefFlag::Ref)) => {
            words.push(format!("reference to #{}", node.ref_id.unwrap_or_default()))
        }
        (None, _) => {
            if let Some(part) = node.parts.first() {
                words.push(part.what.clone());
            }
        }
        (Some(id), _) => {
            words.push(id.name().into());
            if let Some(user) = &node.user_type {
                words.push(user.to_string());
            }
            match (id, node.len) {
                (TypeId::Map, Some(n)) => words.push(format!("({})", entries(n))),
                (_, Some(n)) => words.push(format!("({})", count(n))),
                _ => {}
            }
        }
    }
    if node.ref_flag == Some(RefFlag::RefValue) {
        words.push(format!("(ref #{})", node.ref_id.unwrap_or_default()));
    }
    match (&node.value, node.type_id) {
        (Some(Leaf::Int(n)), Some(TypeId::Enum | TypeId::NamedEnum)) => {
            words.push(format!("ordinal {n}"))
        }
        (Some(leaf), _) => words.push(leaf_text(leaf, full)),
        (None, _) => {}
    }
    if let Some(encoding) = node.encoding {
        words.push(format!("({})", encoding_name(encoding)));
    }
    if let Some(BufferPlace::OutOfBand(index)) = node.buffer {
        words.push(format!("[out-of-band buffer {index}]"));
    }
    match (&node.note, node.type_def) {
        (Some(note), _) => words.push(format!("— {note}")),
        (None, Some(index)) => words.push(format!("(TypeDef #{index})")),
        _ => {}
    }
    if words.is_empty() {
        words.push("(not read)".into());
    }
    words.join(" ")
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 element".into()
    } else {
        format!("{n} elements")
    }
}

fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".into()
    } else {
        format!("{n} entries")
    }
}

fn end_notes(out: &mut String, found: &Inspection) {
    if let Some(stopped) = &found.stopped {
        let _ = writeln!(
            out,
            "stopped at byte {}: {}; bytes {}..{} not read",
            stopped.offset, stopped.reason, stopped.offset, found.input_len
        );
    }
}

/// A value as one line shows it (shortened unless `full`).
pub(super) fn leaf_text(leaf: &Leaf, full: bool) -> String {
    match leaf {
        Leaf::Bool(b) => b.to_string(),
        Leaf::Int(i) => i.to_string(),
        Leaf::Float(f) => format!("{f:?}"),
        Leaf::Shown(s) => s.clone(),
        Leaf::Text(s) => {
            let chars = s.chars().count();
            if full || chars <= SHORT_TEXT {
                format!("{s:?}")
            } else {
                let head: String = s.chars().take(SHORT_TEXT).collect();
                format!("{head:?}… ({chars} characters)")
            }
        }
        Leaf::Bytes(bytes) => {
            let shown = if full { bytes.len() } else { SHORT_BYTES };
            let mut text = format!("{} bytes", bytes.len());
            if !bytes.is_empty() {
                text.push_str(": ");
                text.push_str(&hex_bytes(&bytes[..bytes.len().min(shown)]));
                if bytes.len() > shown {
                    text.push_str(" …");
                }
            }
            text
        }
        Leaf::Array { type_id, bytes } => {
            let items = array_items(*type_id, bytes);
            let shown = if full { items.len() } else { SHORT_ARRAY };
            let mut text = format!("[{}", items.len());
            text.push_str(if items.len() == 1 {
                " element"
            } else {
                " elements"
            });
            if !items.is_empty() {
                text.push_str(": ");
                text.push_str(&items[..items.len().min(shown)].join(", "));
                if items.len() > shown {
                    text.push_str(", …");
                }
            }
            text.push(']');
            text
        }
    }
}

/// The elements of a numeric array, each as text.
pub(super) fn array_items(type_id: TypeId, bytes: &[u8]) -> Vec<String> {
    fn each<const N: usize>(bytes: &[u8], f: impl Fn([u8; N]) -> String) -> Vec<String> {
        bytes
            .chunks_exact(N)
            .map(|c| f(c.try_into().expect("chunks of N")))
            .collect()
    }
    match type_id {
        TypeId::BoolArray => each::<1>(bytes, |[b]| (b != 0).to_string()),
        TypeId::Int8Array => each::<1>(bytes, |b| i8::from_le_bytes(b).to_string()),
        TypeId::Uint8Array => each::<1>(bytes, |[b]| b.to_string()),
        TypeId::Int16Array => each::<2>(bytes, |b| i16::from_le_bytes(b).to_string()),
        TypeId::Uint16Array => each::<2>(bytes, |b| u16::from_le_bytes(b).to_string()),
        TypeId::Int32Array => each::<4>(bytes, |b| i32::from_le_bytes(b).to_string()),
        TypeId::Uint32Array => each::<4>(bytes, |b| u32::from_le_bytes(b).to_string()),
        TypeId::Int64Array => each::<8>(bytes, |b| i64::from_le_bytes(b).to_string()),
        TypeId::Uint64Array => each::<8>(bytes, |b| u64::from_le_bytes(b).to_string()),
        TypeId::Float16Array => each::<2>(bytes, |b| {
            Float16::from_bits(u16::from_le_bytes(b)).to_string()
        }),
        TypeId::Bfloat16Array => each::<2>(bytes, |b| {
            BFloat16::from_bits(u16::from_le_bytes(b)).to_string()
        }),
        TypeId::Float32Array => each::<4>(bytes, |b| format!("{:?}", f32::from_le_bytes(b))),
        TypeId::Float64Array => each::<8>(bytes, |b| format!("{:?}", f64::from_le_bytes(b))),
        // FLOAT8_ARRAY: the bytes as numbers.
        _ => each::<1>(bytes, |[b]| b.to_string()),
    }
}

fn hex_bytes(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let _ = write!(text, "{b:02x}");
    }
    text
}

pub(super) fn hex(found: &Inspection, input: &[u8], full: bool) -> String {
    let mut view = HexView {
        out: String::new(),
        input,
        full,
        offset_width: input.len().to_string().len().max(4),
    };
    for payload in &found.payloads {
        view.node(payload, 0);
    }
    let unread = match (&found.stopped, &found.error) {
        (Some(stopped), _) => Some((stopped.offset, "not read".to_string())),
        (None, Some(error)) => {
            let end = found.payloads.last().map_or(0, |p| p.range.end);
            let at = error.offset().unwrap_or(end).max(end).min(input.len());
            Some((end.min(at), "not read (malformed)".to_string()))
        }
        _ => None,
    };
    if let Some((from, what)) = unread {
        if from < input.len() {
            view.line(from..input.len(), 0, &what);
        }
    }
    end_notes(&mut view.out, found);
    view.out
}

struct HexView<'a> {
    out: String,
    input: &'a [u8],
    full: bool,
    offset_width: usize,
}

impl HexView<'_> {
    fn node(&mut self, node: &Node, depth: usize) {
        enum Item<'n> {
            Part(&'n super::Part),
            Child(&'n Node),
        }
        let mut items: Vec<(usize, Item)> = node
            .parts
            .iter()
            .filter(|p| !p.range.is_empty())
            .map(|p| (p.range.start, Item::Part(p)))
            .chain(
                node.children
                    .iter()
                    .map(|c| (c.range.start, Item::Child(c))),
            )
            .collect();
        items.sort_by_key(|(start, _)| *start);
        let mut named = false;
        for (_, item) in items {
            match item {
                Item::Part(part) => {
                    let text = if named {
                        format!("  {}", part.what)
                    } else {
                        format!("{}: {}", node.name, part.what)
                    };
                    named = true;
                    self.line(part.range.clone(), depth, &text);
                }
                Item::Child(child) => self.node(child, depth + 1),
            }
        }
        if node.elided > 0 {
            let _ = writeln!(
                self.out,
                "{:w$}  {:h$}  {:indent$}… {} more",
                "",
                "",
                "",
                node.elided,
                w = self.offset_width,
                h = HEX_PER_LINE * 3 - 1,
                indent = depth * 2 + 2
            );
        }
    }

    /// The bytes `range`, 16 to a line, with `text` on the first.
    fn line(&mut self, range: std::ops::Range<usize>, depth: usize, text: &str) {
        let end = range.end.min(self.input.len());
        let shown_end = if self.full {
            end
        } else {
            end.min(range.start + SHORT_PART)
        };
        let mut at = range.start;
        let mut first = true;
        while at < shown_end {
            let to = (at + HEX_PER_LINE).min(shown_end);
            let line = format!(
                "{at:>w$}  {:<h$}  {:indent$}{}",
                hex_bytes(&self.input[at..to]),
                "",
                if first { text } else { "" },
                w = self.offset_width,
                h = HEX_PER_LINE * 3 - 1,
                indent = depth * 2
            );
            self.out.push_str(line.trim_end());
            self.out.push('\n');
            first = false;
            at = to;
        }
        if shown_end < end {
            let _ = writeln!(
                self.out,
                "{:w$}  … {} more bytes",
                "",
                end - shown_end,
                w = self.offset_width
            );
        }
    }
}
