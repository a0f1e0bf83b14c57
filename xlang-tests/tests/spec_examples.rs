//! Keeps the hex examples of `spec/` true.
//!
//! Every fenced block whose info string starts with `hex` is an example. Its lines hold a hex
//! column and an annotation:
//!
//! ```text
//! ```hex golden=java/struct_primitives bytes=0..7
//! 01             header: xlang
//! ff             not-null flag
//! 1b c901        STRUCT, user id 201
//!   (a line that starts with a space is annotation only)
//! +12            twelve bytes not shown
//! ```
//! ```
//!
//! The hex column starts at the first character of the line and ends at two spaces (or the end
//! of the line); it is hex byte groups separated by single spaces, or `+N` for N bytes that the
//! example skips (golden examples only). The concatenated bytes must equal what the block's
//! attributes name:
//!
//! | attributes | bytes checked against |
//! | --- | --- |
//! | `golden=PEER/CASE [bytes=A..B] [also=PEER,PEER]` | `xlang-tests/golden/PEER/CASE.bin` (or the named `.bin.N` buffer), the byte range `A..B` of it when given; `also` repeats the check on other peers' files |
//! | `golden=row:PEER/CASE [bytes=A..B] [also=PEER]` | the golden row `xlang-tests/golden-rows/PEER/CASE.bin` (the row format) |
//! | `decode=value value="DEBUG" [ref=true] [compatible=true] [reencode=no]` | the bytes decode to a `fory_core::Value` whose `{:?}` is `DEBUG`, and encoding that value gives the bytes back (unless `reencode=no`) |
//! | `decode=error value="MESSAGE" [max_depth=N]` | decoding the bytes as a `Value` fails with that error message |
//! | `encode=meta_string:CONTEXT value="TEXT" [encoding=NAME]` | `MetaStringEncoder::CONTEXT.encode(TEXT)`, and its encoding when `encoding` is given |
//! | `encode=KIND value=V` | what `fory_core::Writer` writes for `V` (`varuint32`, `varint64`, `tagged_int64`, `string`, `float16`, ...) |
//! | `encode=schema_hash value="FINGERPRINT"` | the low 32 bits of MurmurHash3 x64_128 (seed 47) of the text, little-endian |
//! | `encode=case:NAME` | a payload built by `example_case` below with fory-core's public API |
//!
//! A golden example thereby also decodes: `tests/golden.rs` checks that every golden file decodes
//! to its case's value. Failures name the spec file and line. Finally, every type id of
//! `TypeId::ALL` except the reserved ones must be named in the annotation of some example.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use fory_core::__private::meta::meta_string::{MetaStringEncoder, MetaStringEncoding};
use fory_core::__private::meta::murmur3::murmurhash3_x64_128;
use fory_core::__private::meta::struct_def::FieldType;
use fory_core::__private::resolver::{
    read_user_type_info, write_user_type_info, UserKind, UserType,
};
use fory_core::__private::serializer::{user_field_type, Schema};
use fory_core::context::{ReadContext, WriteContext};
use fory_core::types::{BFloat16, Float16, TypeId};
use fory_core::UserValue;
use fory_core::{Deserialize, Fory, ForyObject, Result, Serialize, Value, Writer};
use xlang_tests::cases::structs::{Color, Shape};

/// Type ids no Rust type maps to; the spec lists them as reserved.
const RESERVED: [TypeId; 3] = [TypeId::Float8, TypeId::Array, TypeId::Float8Array];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xlang-tests sits in the workspace")
        .to_path_buf()
}

/// One line of a hex block: the bytes of its hex column (or a skip) and where it is.
#[derive(Debug)]
enum Piece {
    Bytes(Vec<u8>),
    Skip(usize),
}

#[derive(Debug)]
struct Block {
    /// `spec/<file>.md`, for messages.
    file: String,
    /// Line number of the opening fence.
    line: usize,
    attrs: Vec<(String, String)>,
    /// The pieces with their line numbers.
    pieces: Vec<(usize, Piece)>,
    /// Annotation text of every line.
    notes: String,
}

impl Block {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{}", self.file, line)
    }

    /// The bytes of a block without skips.
    fn plain_bytes(&self) -> std::result::Result<Vec<u8>, String> {
        let mut out = Vec::new();
        for (line, piece) in &self.pieces {
            match piece {
                Piece::Bytes(b) => out.extend_from_slice(b),
                Piece::Skip(_) => {
                    return Err(format!(
                        "{}: `+N` skips are only allowed in golden examples",
                        self.at(*line)
                    ))
                }
            }
        }
        Ok(out)
    }

    /// Compares the block's pieces with `expected`, naming the line of the first difference.
    fn compare(&self, expected: &[u8], what: &str) -> std::result::Result<(), String> {
        let mut pos = 0usize;
        for (line, piece) in &self.pieces {
            match piece {
                Piece::Skip(n) => pos += n,
                Piece::Bytes(bytes) => {
                    for (i, b) in bytes.iter().enumerate() {
                        match expected.get(pos + i) {
                            Some(e) if e == b => {}
                            Some(e) => {
                                return Err(format!(
                                    "{}: byte {} is {b:02x} here but {e:02x} in {what} \
                                     ({what} from there: {})",
                                    self.at(*line),
                                    pos + i,
                                    hex(&expected[pos + i..expected.len().min(pos + i + 64)])
                                ))
                            }
                            None => {
                                return Err(format!(
                                    "{}: byte {} is past the end of {what} ({} bytes)",
                                    self.at(*line),
                                    pos + i,
                                    expected.len()
                                ))
                            }
                        }
                    }
                    pos += bytes.len();
                }
            }
        }
        if pos != expected.len() {
            return Err(format!(
                "{}: the example shows {pos} bytes but {what} has {} (rest: {})",
                self.at(self.line),
                expected.len(),
                hex(&expected[pos.min(expected.len())..expected.len().min(pos + 48)])
            ));
        }
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits an info string into `key=value` pairs; values may be double-quoted (with `\"` and
/// `\\` escapes) to hold spaces.
fn parse_attrs(info: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut chars = info.chars().peekable();
    loop {
        while chars.peek() == Some(&' ') {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ' ' {
                break;
            }
            key.push(c);
            chars.next();
        }
        if chars.next() != Some('=') {
            return Err(format!("attribute `{key}` has no `=value`"));
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err(format!("attribute `{key}`: unterminated quote")),
                    Some('"') => break,
                    Some('\\') => value.push(chars.next().unwrap_or('\\')),
                    Some(c) => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        out.push((key, value));
    }
}

/// Parses one line of a hex block into its piece (if any) and its annotation.
fn parse_line(text: &str) -> std::result::Result<(Option<Piece>, String), String> {
    if text.trim().is_empty() {
        return Ok((None, String::new()));
    }
    if text.starts_with(' ') || text.starts_with('\t') {
        return Ok((None, text.trim().to_string()));
    }
    let (column, note) = match text.find("  ") {
        Some(i) => (&text[..i], text[i..].trim()),
        None => (text, ""),
    };
    if let Some(n) = column.strip_prefix('+') {
        let n = n
            .parse::<usize>()
            .map_err(|_| format!("`{column}` is not `+N`"))?;
        return Ok((Some(Piece::Skip(n)), note.to_string()));
    }
    let mut bytes = Vec::new();
    for group in column.split(' ') {
        if group.is_empty() || group.len() % 2 != 0 {
            return Err(format!(
                "`{group}` in the hex column is not whole bytes (two spaces start the annotation)"
            ));
        }
        for i in (0..group.len()).step_by(2) {
            let b = u8::from_str_radix(&group[i..i + 2], 16)
                .map_err(|_| format!("`{group}` in the hex column is not hex"))?;
            bytes.push(b);
        }
    }
    Ok((Some(Piece::Bytes(bytes)), note.to_string()))
}

/// Every `hex` block of one markdown file.
fn blocks_of(file: &str, text: &str) -> std::result::Result<Vec<Block>, Vec<String>> {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let in_hex = info == "hex" || info.starts_with("hex ");
        let mut block = Block {
            file: file.to_string(),
            line: i + 1,
            attrs: Vec::new(),
            pieces: Vec::new(),
            notes: String::new(),
        };
        if in_hex {
            match parse_attrs(&info[3..]) {
                Ok(attrs) => block.attrs = attrs,
                Err(e) => errors.push(format!("{}:{}: {e}", file, i + 1)),
            }
        }
        let mut closed = false;
        for (j, inner) in lines.by_ref() {
            if inner.starts_with("```") {
                closed = true;
                break;
            }
            if !in_hex {
                continue;
            }
            match parse_line(inner) {
                Ok((piece, note)) => {
                    if let Some(piece) = piece {
                        block.pieces.push((j + 1, piece));
                    }
                    block.notes.push_str(&note);
                    block.notes.push('\n');
                }
                Err(e) => errors.push(format!("{}:{}: {e}", file, j + 1)),
            }
        }
        if !closed {
            errors.push(format!("{}:{}: unclosed code block", file, i + 1));
        }
        if in_hex {
            blocks.push(block);
        }
    }
    if errors.is_empty() {
        Ok(blocks)
    } else {
        Err(errors)
    }
}

/// The bytes of `golden=PEER/CASE` (`CASE` may name a `.bin.N` buffer) in the folder `dir`
/// under `xlang-tests/`, sliced by `bytes=A..B`.
fn golden_bytes(
    dir: &str,
    spec: &str,
    range: Option<&str>,
) -> std::result::Result<Vec<u8>, String> {
    let name = if spec.contains(".bin") {
        spec.to_string()
    } else {
        format!("{spec}.bin")
    };
    let path = repo_root().join("xlang-tests").join(dir).join(&name);
    let bytes = fs::read(&path).map_err(|e| format!("cannot read {dir}/{name}: {e}"))?;
    let Some(range) = range else {
        return Ok(bytes);
    };
    let (a, b) = range
        .split_once("..")
        .ok_or_else(|| format!("bytes={range} is not A..B"))?;
    let a: usize = a.parse().map_err(|_| format!("bytes={range}: bad start"))?;
    let b: usize = if b.is_empty() {
        bytes.len()
    } else {
        b.parse().map_err(|_| format!("bytes={range}: bad end"))?
    };
    if a > b || b > bytes.len() {
        return Err(format!(
            "bytes={range} is outside golden/{name} ({} bytes)",
            bytes.len()
        ));
    }
    Ok(bytes[a..b].to_vec())
}

fn check_golden(block: &Block, spec: &str) -> std::result::Result<(), String> {
    let range = block.attr("bytes");
    let at = block.at(block.line);
    // `row:PEER/CASE`: a golden row of `golden-rows/` (the row format, ROWS.md).
    let (dir, spec) = match spec.strip_prefix("row:") {
        Some(spec) => ("golden-rows", spec),
        None => ("golden", spec),
    };
    let bytes = golden_bytes(dir, spec, range).map_err(|e| format!("{at}: {e}"))?;
    block.compare(&bytes, &format!("{dir}/{spec}"))?;
    if let Some(also) = block.attr("also") {
        let (_, case) = spec
            .split_once('/')
            .ok_or_else(|| format!("{at}: golden={spec} is not PEER/CASE"))?;
        for peer in also.split(',') {
            let other = format!("{peer}/{case}");
            let bytes = golden_bytes(dir, &other, range).map_err(|e| format!("{at}: {e}"))?;
            block.compare(&bytes, &format!("{dir}/{other}"))?;
        }
    }
    Ok(())
}

fn flag(block: &Block, key: &str) -> bool {
    block.attr(key) == Some("true")
}

fn check_decode(block: &Block) -> std::result::Result<(), String> {
    let at = block.at(block.line);
    let bytes = block.plain_bytes()?;
    let expected = block
        .attr("value")
        .ok_or_else(|| format!("{at}: decode=value needs value=\"...\""))?;
    let fory = Fory::builder()
        .ref_tracking(flag(block, "ref"))
        .compatible(flag(block, "compatible"))
        .build();
    let value: Value = fory
        .deserialize(&bytes)
        .map_err(|e| format!("{at}: does not decode: {e}"))?;
    let found = format!("{value:?}");
    if found != expected {
        return Err(format!("{at}: decodes to {found}, not {expected}"));
    }
    if block.attr("reencode") != Some("no") {
        let again = fory
            .serialize(&value)
            .map_err(|e| format!("{at}: does not encode again: {e}"))?;
        block.compare(&again, "our encoding of the decoded value")?;
    }
    Ok(())
}

/// `decode=error value="MESSAGE"`: decoding the bytes as a `Value` fails with that message.
fn check_error(block: &Block) -> std::result::Result<(), String> {
    let at = block.at(block.line);
    let bytes = block.plain_bytes()?;
    let expected = block
        .attr("value")
        .ok_or_else(|| format!("{at}: decode=error needs value=\"...\""))?;
    let limits = match block.attr("max_depth") {
        Some(depth) => fory_core::Limits {
            max_depth: parse(&at, depth)?,
            ..fory_core::Limits::default()
        },
        None => fory_core::Limits::default(),
    };
    let fory = Fory::builder().limits(limits).build();
    match fory.deserialize::<Value>(&bytes) {
        Ok(value) => Err(format!("{at}: decodes to {value:?}, not to an error")),
        Err(e) if e.to_string() == expected => Ok(()),
        Err(e) => Err(format!("{at}: fails with \"{e}\", not \"{expected}\"")),
    }
}

fn parse<T: std::str::FromStr>(at: &str, value: &str) -> std::result::Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{at}: value={value} does not parse"))
}

fn meta_string_encoder(name: &str) -> Option<MetaStringEncoder> {
    Some(match name {
        "NAMESPACE" => MetaStringEncoder::NAMESPACE,
        "TYPE_NAME" => MetaStringEncoder::TYPE_NAME,
        "FIELD_NAME" => MetaStringEncoder::FIELD_NAME,
        "GENERIC_NAMESPACE" => MetaStringEncoder::GENERIC_NAMESPACE,
        "GENERIC_TYPE_NAME" => MetaStringEncoder::GENERIC_TYPE_NAME,
        _ => return None,
    })
}

fn encoding_name(encoding: MetaStringEncoding) -> &'static str {
    match encoding {
        MetaStringEncoding::Utf8 => "UTF8",
        MetaStringEncoding::LowerSpecial => "LOWER_SPECIAL",
        MetaStringEncoding::LowerUpperDigitSpecial => "LOWER_UPPER_DIGIT_SPECIAL",
        MetaStringEncoding::FirstToLowerSpecial => "FIRST_TO_LOWER_SPECIAL",
        MetaStringEncoding::AllToLowerSpecial => "ALL_TO_LOWER_SPECIAL",
    }
}

fn check_encode(block: &Block, kind: &str) -> std::result::Result<(), String> {
    let at = block.at(block.line);
    let value = block.attr("value").unwrap_or("");
    let expected = block.plain_bytes()?;
    let mut w = Writer::new();
    let found: Vec<u8> = if let Some(context) = kind.strip_prefix("meta_string:") {
        let encoder = meta_string_encoder(context)
            .ok_or_else(|| format!("{at}: no meta string context {context}"))?;
        let ms = encoder
            .encode(value)
            .map_err(|e| format!("{at}: does not encode: {e}"))?;
        if let Some(name) = block.attr("encoding") {
            let chosen = encoding_name(ms.encoding());
            if chosen != name {
                return Err(format!(
                    "{at}: {value:?} is encoded as {chosen}, not {name}"
                ));
            }
        }
        ms.bytes().to_vec()
    } else if let Some(name) = kind.strip_prefix("case:") {
        example_case(name).map_err(|e| format!("{at}: {e}"))?
    } else {
        match kind {
            "varuint32" => w.write_varuint32(parse(&at, value)?),
            "varint32" => w.write_varint32(parse(&at, value)?),
            "varuint64" => w.write_varuint64(parse(&at, value)?),
            "varint64" => w.write_varint64(parse(&at, value)?),
            "varuint36" => w.write_varuint36_small(parse(&at, value)?),
            "tagged_int64" => w.write_tagged_i64(parse(&at, value)?),
            "tagged_uint64" => w.write_tagged_u64(parse(&at, value)?),
            "int16" => w.write_i16(parse(&at, value)?),
            "int32" => w.write_i32(parse(&at, value)?),
            "float32" => w.write_f32(parse(&at, value)?),
            "float64" => w.write_f64(parse(&at, value)?),
            "float16" => w.write_float16(Float16::from_f64(parse(&at, value)?)),
            "bfloat16" => w.write_bfloat16(BFloat16::from_f64(parse(&at, value)?)),
            "schema_hash" => {
                let (h1, _) = murmurhash3_x64_128(value.as_bytes(), 47);
                w.write_u32(h1 as u32)
            }
            "string" => w
                .write_str(value)
                .map_err(|e| format!("{at}: does not encode: {e}"))?,
            "string_utf8" => w
                .write_str_utf8(value)
                .map_err(|e| format!("{at}: does not encode: {e}"))?,
            other => return Err(format!("{at}: unknown encode={other}")),
        }
        w.into_inner()
    };
    if found != expected {
        block.compare(&found, &format!("encode={kind}"))?;
    }
    Ok(())
}

/// A union registered by id (TYPED_UNION) or by name (NAMED_UNION) in the examples.
type ExampleUnion = Shape;

/// An extension type: a temperature written as one varint32 by a hand-written serializer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Celsius(i32);

impl UserType for Celsius {
    const KIND: UserKind = UserKind::Ext;
}

impl Serialize for Celsius {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        write_user_type_info::<Self>(ctx)
    }

    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
        ctx.writer.write_varint32(self.0);
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Celsius {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        read_user_type_info::<Self>(ctx)
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        Ok(Celsius(ctx.reader.read_varint32()?))
    }

    fn declared_type_id() -> TypeId {
        TypeId::Ext
    }
}

impl Schema for Celsius {
    fn field_type(
        types: &fory_core::__private::resolver::TypeRegistry,
        compatible: bool,
    ) -> Result<FieldType> {
        user_field_type::<Self>(types, compatible)
    }
}

/// A struct with a dynamically typed field (UNKNOWN in its TypeDef).
#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
struct Holder {
    any: Value,
}

/// Encodes `value` with `fory`, checks that it decodes back, and returns the bytes.
fn round_trip<T>(fory: &Fory, value: &T) -> std::result::Result<Vec<u8>, String>
where
    T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
{
    let bytes = fory.serialize(value).map_err(|e| e.to_string())?;
    let back: T = fory.deserialize(&bytes).map_err(|e| e.to_string())?;
    if &back != value {
        return Err(format!("{value:?} decodes back as {back:?}"));
    }
    Ok(bytes)
}

/// Encodes `value`, decodes the bytes and checks that encoding the result gives the same bytes
/// (values holding user types compare by identity, so this stands in for equality).
fn stable(fory: &Fory, value: &Value) -> std::result::Result<Vec<u8>, String> {
    let bytes = fory.serialize(value).map_err(|e| e.to_string())?;
    let back: Value = fory.deserialize(&bytes).map_err(|e| e.to_string())?;
    let again = fory.serialize(&back).map_err(|e| e.to_string())?;
    if again != bytes {
        return Err(format!(
            "{value:?} does not encode the same after a round trip"
        ));
    }
    Ok(bytes)
}

/// The payloads of `encode=case:NAME`.
fn example_case(name: &str) -> std::result::Result<Vec<u8>, String> {
    let e = |e: fory_core::Error| e.to_string();
    match name {
        "typed_union" => {
            let mut fory = Fory::builder().compatible(false).build();
            fory.register::<ExampleUnion>(111).map_err(e)?;
            round_trip(&fory, &Shape::Radius(2.5))
        }
        "named_union" => {
            let mut fory = Fory::builder().compatible(false).build();
            fory.register_by_name::<ExampleUnion>("example", "Shape")
                .map_err(e)?;
            round_trip(&fory, &Shape::Name("disc".into()))
        }
        "named_union_compatible" => {
            let mut fory = Fory::builder().compatible(true).build();
            fory.register_by_name::<ExampleUnion>("example", "Shape")
                .map_err(e)?;
            round_trip(&fory, &Shape::Radius(2.5))
        }
        "ext" => {
            let mut fory = Fory::builder().compatible(false).build();
            fory.register::<Celsius>(120).map_err(e)?;
            round_trip(&fory, &Celsius(-5))
        }
        "named_ext" => {
            let mut fory = Fory::builder().compatible(false).build();
            fory.register_by_name::<Celsius>("example", "Celsius")
                .map_err(e)?;
            round_trip(&fory, &Celsius(-5))
        }
        "unknown_field" => {
            let mut fory = Fory::builder().compatible(true).build();
            fory.register::<Holder>(230).map_err(e)?;
            round_trip(
                &fory,
                &Holder {
                    any: Value::Int32(7),
                },
            )
        }
        "struct_typedef_reference" => {
            let mut fory = Fory::builder().compatible(true).build();
            fory.register::<Holder>(230).map_err(e)?;
            let holder = |any| Value::User(UserValue::new(Holder { any }));
            let items = vec![
                holder(Value::Int32(7)),
                Value::Bool(true),
                holder(Value::Null),
            ];
            stable(&fory, &Value::List(items))
        }
        "meta_string_reference" => {
            let mut fory = Fory::builder().compatible(false).build();
            fory.register_by_name::<Color>("example", "Color")
                .map_err(e)?;
            let color = |c| Value::User(UserValue::new(c));
            let items = vec![color(Color::Green), Value::Bool(true), color(Color::Blue)];
            stable(&fory, &Value::List(items))
        }
        other => Err(format!("no example case {other}")),
    }
}

fn check_block(block: &Block) -> std::result::Result<(), String> {
    let at = block.at(block.line);
    if block.pieces.is_empty() {
        return Err(format!("{at}: a hex block without bytes"));
    }
    if let Some(spec) = block.attr("golden") {
        return check_golden(block, spec);
    }
    if block.attr("decode") == Some("value") {
        return check_decode(block);
    }
    if block.attr("decode") == Some("error") {
        return check_error(block);
    }
    if let Some(kind) = block.attr("encode") {
        return check_encode(block, kind);
    }
    Err(format!(
        "{at}: a hex block needs golden=, decode=value, decode=error or encode= (see \
         tests/spec_examples.rs)"
    ))
}

fn spec_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo_root().join("spec"))
        .expect("spec/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
}

/// The upper-case words of a text (`NAMED_STRUCT`, `VAR_UINT32`, ...).
fn words(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn spec_hex_examples_hold() {
    let mut failures = Vec::new();
    let mut notes = String::new();
    let mut count = 0usize;
    for path in spec_files() {
        let name = format!(
            "spec/{}",
            path.file_name().unwrap().to_str().expect("UTF-8 name")
        );
        let text = fs::read_to_string(&path).expect("readable spec file");
        let blocks = match blocks_of(&name, &text) {
            Ok(blocks) => blocks,
            Err(errors) => {
                failures.extend(errors);
                continue;
            }
        };
        for block in &blocks {
            count += 1;
            match check_block(block) {
                Ok(()) => notes.push_str(&block.notes),
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(count > 0, "no hex examples found under spec/");
    let named = words(&notes);
    for id in TypeId::ALL {
        if !RESERVED.contains(&id) && !named.contains(id.name()) {
            failures.push(format!(
                "type id {id} is named in no annotation of a checked hex example"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the spec's hex examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_line_format_parses() {
    let (piece, note) = parse_line("1b c901        STRUCT, user id 201").unwrap();
    assert!(matches!(piece, Some(Piece::Bytes(b)) if b == [0x1b, 0xc9, 0x01]));
    assert_eq!(note, "STRUCT, user id 201");
    assert!(matches!(
        parse_line("+12  skipped").unwrap().0,
        Some(Piece::Skip(12))
    ));
    assert!(parse_line("  continued note").unwrap().0.is_none());
    assert!(parse_line("01 header").is_err());
    assert_eq!(
        parse_attrs(r#"golden=java/x bytes=3..9 value="a b""#).unwrap(),
        [
            ("golden".to_string(), "java/x".to_string()),
            ("bytes".to_string(), "3..9".to_string()),
            ("value".to_string(), "a b".to_string())
        ]
    );
}
