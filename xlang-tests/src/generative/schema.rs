//! The language-neutral model of a generated case: its user types, its root type, its mode and
//! its value. Every peer turns the same model into its own types (see `GENERATIVE.md`).

/// A scalar type: the element of arrays and collections, and the leaf of fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scalar {
    /// `bool`.
    Bool,
    /// `int8`.
    Int8,
    /// `int16`.
    Int16,
    /// `int32`, VARINT32 unless a field asks for another encoding.
    Int32,
    /// `int64`, VARINT64 unless a field asks for another encoding.
    Int64,
    /// `uint8`.
    Uint8,
    /// `uint16`.
    Uint16,
    /// `uint32`, VAR_UINT32 unless a field asks for another encoding.
    Uint32,
    /// `uint64`, VAR_UINT64 unless a field asks for another encoding.
    Uint64,
    /// `float16`.
    Float16,
    /// `bfloat16`.
    Bfloat16,
    /// `float32`.
    Float32,
    /// `float64`.
    Float64,
    /// `string`.
    String,
    /// `binary` (bytes).
    Binary,
}

impl Scalar {
    /// Every scalar.
    pub const ALL: [Scalar; 15] = [
        Scalar::Bool,
        Scalar::Int8,
        Scalar::Int16,
        Scalar::Int32,
        Scalar::Int64,
        Scalar::Uint8,
        Scalar::Uint16,
        Scalar::Uint32,
        Scalar::Uint64,
        Scalar::Float16,
        Scalar::Bfloat16,
        Scalar::Float32,
        Scalar::Float64,
        Scalar::String,
        Scalar::Binary,
    ];

    /// The scalars a numeric array can hold (every one but string and binary; an array of
    /// uint8 is binary).
    pub const ARRAY_ELEMENTS: [Scalar; 12] = [
        Scalar::Bool,
        Scalar::Int8,
        Scalar::Int16,
        Scalar::Int32,
        Scalar::Int64,
        Scalar::Uint16,
        Scalar::Uint32,
        Scalar::Uint64,
        Scalar::Float16,
        Scalar::Bfloat16,
        Scalar::Float32,
        Scalar::Float64,
    ];

    /// The name used in the JSON schema and in capability names.
    pub fn name(self) -> &'static str {
        match self {
            Scalar::Bool => "bool",
            Scalar::Int8 => "int8",
            Scalar::Int16 => "int16",
            Scalar::Int32 => "int32",
            Scalar::Int64 => "int64",
            Scalar::Uint8 => "uint8",
            Scalar::Uint16 => "uint16",
            Scalar::Uint32 => "uint32",
            Scalar::Uint64 => "uint64",
            Scalar::Float16 => "float16",
            Scalar::Bfloat16 => "bfloat16",
            Scalar::Float32 => "float32",
            Scalar::Float64 => "float64",
            Scalar::String => "string",
            Scalar::Binary => "binary",
        }
    }

    /// Integers, floats: the scalars whose values are written as decimal or bit strings.
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            Scalar::Int8
                | Scalar::Int16
                | Scalar::Int32
                | Scalar::Int64
                | Scalar::Uint8
                | Scalar::Uint16
                | Scalar::Uint32
                | Scalar::Uint64
        )
    }

    /// The float types.
    pub fn is_float(self) -> bool {
        matches!(
            self,
            Scalar::Float16 | Scalar::Bfloat16 | Scalar::Float32 | Scalar::Float64
        )
    }

    /// Whether the type has a total order and equality (set elements and map keys).
    pub fn is_key(self) -> bool {
        !self.is_float()
    }
}

/// An integer encoding a field may ask for instead of its type's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Fixed width: INT32 / INT64 / UINT32 / UINT64.
    Fixed,
    /// TAGGED_INT64 / TAGGED_UINT64.
    Tagged,
}

impl Encoding {
    /// The name in the JSON schema.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Fixed => "fixed",
            Encoding::Tagged => "tagged",
        }
    }
}

/// A type in a schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// A scalar in its default encoding.
    Scalar(Scalar),
    /// An integer field in another encoding (only as a field's own type).
    Encoded(Scalar, Encoding),
    /// A numeric array of the scalar (INT32_ARRAY, ...).
    Array(Scalar),
    /// A LIST; `nullable` elements may be null.
    List {
        /// The element type.
        element: Box<Type>,
        /// Whether elements may be null.
        nullable: bool,
    },
    /// A SET of keys.
    Set(Box<Type>),
    /// A MAP; `nullable` values may be null.
    Map {
        /// The key type.
        key: Box<Type>,
        /// The value type.
        value: Box<Type>,
        /// Whether values may be null.
        nullable: bool,
    },
    /// The case's user type at this index, a struct.
    Struct(usize),
    /// The case's user type at this index, an enum.
    Enum(usize),
    /// The case's user type at this index, a union.
    Union(usize),
    /// A shared reference to a struct (the case's user type at this index): its value names an
    /// object of the case's table, and positions naming one object hold one object (Rust
    /// `Rc<S>`, a Java `@Ref` field, a pyfory `ref=True` field). Only with reference tracking.
    Shared(usize),
}

/// A struct field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// Its name, lower-case letters (`fa`, `fb`, ...), the same in every language.
    pub name: String,
    /// Its tag id, if it has one.
    pub tag: Option<u32>,
    /// Its type.
    pub ty: Type,
    /// Whether it may be null (an `Option`).
    pub nullable: bool,
}

/// How a user type is registered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Registration {
    /// By numeric user id.
    Id(u32),
    /// By namespace and type name.
    Name(String, String),
}

/// A user type's definition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Definition {
    /// A struct with its fields, in declaration order.
    Struct(Vec<Field>),
    /// An enum with this many unit variants `V0`, `V1`, ...
    Enum(u32),
    /// A union whose case `i` holds `cases[i]`.
    Union(Vec<Type>),
}

/// A user type of a case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UserType {
    /// Its name, unique in the run (`C12S0`, `C12E1`, `C12U2`).
    pub name: String,
    /// How it is registered.
    pub registration: Registration,
    /// What it is.
    pub definition: Definition,
}

/// The buffer callback a case is written with: the fixed cases' callbacks.
pub use crate::cases::Callback;

impl Callback {
    /// The name in the JSON schema.
    pub fn name(self) -> &'static str {
        match self {
            Callback::InBand => "in_band",
            Callback::OutOfBand => "out_of_band",
            Callback::Alternating => "alternating",
        }
    }
}

/// A value, shaped by its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Null (a nullable field, element or map value).
    Null,
    /// A bool.
    Bool(bool),
    /// An integer of any width.
    Int(i128),
    /// A float's bits (16, 32 or 64 of them, by the type).
    Float(u64),
    /// A string.
    Str(String),
    /// Binary.
    Bytes(Vec<u8>),
    /// An array, list or set.
    List(Vec<Value>),
    /// A map's entries, in order.
    Map(Vec<(Value, Value)>),
    /// A struct's field values, in declaration order.
    Struct(Vec<Value>),
    /// An enum's variant index.
    Enum(u32),
    /// A union's case and value.
    Union(u32, Box<Value>),
    /// The object at this index of the case's table (a [`Type::Shared`] position).
    Object(usize),
}

impl Value {
    /// Pushes the index of every object this value names (not looking inside those objects).
    pub fn objects_named(&self, out: &mut Vec<usize>) {
        match self {
            Value::Object(k) => out.push(*k),
            Value::List(items) | Value::Struct(items) => {
                items.iter().for_each(|i| i.objects_named(out))
            }
            Value::Map(entries) => entries.iter().for_each(|(_, i)| i.objects_named(out)),
            Value::Union(_, inner) => inner.objects_named(out),
            _ => {}
        }
    }
}

/// An object of a case's table: a struct value that [`Type::Shared`] positions name.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// Its type, a struct of the case.
    pub ty: usize,
    /// Its value, a [`Value::Struct`]; its [`Value::Object`]s may name any object, itself
    /// included (a cycle).
    pub value: Value,
}

/// One generated case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// Its name, unique in the run (`r<seed>_<index>`).
    pub name: String,
    /// Compatible mode, else schema-consistent.
    pub compatible: bool,
    /// Reference tracking.
    pub ref_tracking: bool,
    /// The buffer callback, when the case is written with one.
    pub callback: Option<Callback>,
    /// The user types; the root is `types[0]`, a struct.
    pub types: Vec<UserType>,
    /// The value of the root struct.
    pub value: Value,
    /// The objects the value's shared positions name (empty without them).
    pub objects: Vec<Object>,
}

impl Case {
    /// Whether `f` holds for any type of the case: a field's, a union case's, or one nested in
    /// them (list and set elements, map keys and values).
    pub fn any_type(&self, f: &dyn Fn(&Type) -> bool) -> bool {
        fn walk(t: &Type, f: &dyn Fn(&Type) -> bool) -> bool {
            f(t) || match t {
                Type::List { element, .. } | Type::Set(element) => walk(element, f),
                Type::Map { key, value, .. } => walk(key, f) || walk(value, f),
                _ => false,
            }
        }
        self.types.iter().any(|u| match &u.definition {
            Definition::Struct(fields) => fields.iter().any(|fl| walk(&fl.ty, f)),
            Definition::Union(cases) => cases.iter().any(|c| walk(c, f)),
            Definition::Enum(_) => false,
        })
    }

    /// Whether a user type holds itself, directly or through others (always through a
    /// [`Type::Shared`] position): then its objects can form cycles.
    pub fn has_recursive_types(&self) -> bool {
        fn refs(t: &Type, out: &mut Vec<usize>) {
            match t {
                Type::Struct(i) | Type::Enum(i) | Type::Union(i) | Type::Shared(i) => out.push(*i),
                Type::List { element, .. } | Type::Set(element) => refs(element, out),
                Type::Map { key, value, .. } => {
                    refs(key, out);
                    refs(value, out);
                }
                Type::Scalar(_) | Type::Encoded(..) | Type::Array(_) => {}
            }
        }
        // Depth-first from every type; a type met again while still on the path is a cycle.
        fn visit(case: &Case, i: usize, state: &mut [u8]) -> bool {
            match state[i] {
                1 => return true,
                2 => return false,
                _ => {}
            }
            state[i] = 1;
            let mut out = Vec::new();
            match &case.types[i].definition {
                Definition::Struct(fields) => fields.iter().for_each(|f| refs(&f.ty, &mut out)),
                Definition::Union(cases) => cases.iter().for_each(|c| refs(c, &mut out)),
                Definition::Enum(_) => {}
            }
            let cyclic = out.into_iter().any(|j| visit(case, j, state));
            state[i] = 2;
            cyclic
        }
        let mut state = vec![0u8; self.types.len()];
        (0..self.types.len()).any(|i| visit(self, i, &mut state))
    }

    /// Whether some object of the table is reached again from its own value (a cycle).
    pub fn has_object_cycle(&self) -> bool {
        (0..self.objects.len()).any(|k| {
            let mut seen = vec![false; self.objects.len()];
            let mut pending = Vec::new();
            self.objects[k].value.objects_named(&mut pending);
            while let Some(j) = pending.pop() {
                if j == k {
                    return true;
                }
                if !std::mem::replace(&mut seen[j], true) {
                    self.objects[j].value.objects_named(&mut pending);
                }
            }
            false
        })
    }

    /// Whether every user type is registered by id, by name, or some of each.
    pub fn registration_style(&self) -> &'static str {
        let by_name = self
            .types
            .iter()
            .filter(|t| matches!(t.registration, Registration::Name(..)))
            .count();
        match by_name {
            0 => "by id",
            n if n == self.types.len() => "by name",
            _ => "mixed",
        }
    }
}
