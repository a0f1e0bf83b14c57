//! The seeded generator: random cases (user types, mode, value) drawn from every kind the format
//! has, leaving out what a peer cannot express.

use super::capabilities::Capabilities;
use super::rng::Rng;
use super::schema::{
    Callback, Case, Definition, Encoding, Field, Object, Registration, Scalar, Type, UserType,
    Value,
};

/// How deep structs nest inside the root struct.
const MAX_DEPTH: usize = 3;
/// Most user types in one case.
const MAX_TYPES: usize = 6;
/// The namespace of every type registered by name.
pub const NAMESPACE: &str = "gen";

/// The case `index` of the stream `seed`, for a peer with `caps`. The same arguments always give
/// the same case.
pub fn case(seed: u64, index: u64, caps: &Capabilities) -> Case {
    let mut g = Generator {
        rng: Rng::for_item(seed, index),
        caps,
        prefix: format!("C{index}"),
        types: Vec::new(),
        compatible: false,
        ref_tracking: false,
        shared_targets: Vec::new(),
        open_targets: Vec::new(),
        objects: Vec::new(),
        building: Vec::new(),
    };
    let modes = [("compatible", true), ("schema_consistent", false)];
    let allowed: Vec<bool> = modes
        .iter()
        .filter(|(f, _)| caps.allows(f))
        .map(|(_, c)| *c)
        .collect();
    let compatible = if allowed.is_empty() {
        true
    } else {
        *g.rng.pick(&allowed)
    };
    g.compatible = compatible;
    let ref_tracking = g.allows("ref_tracking") && g.rng.chance(15);
    g.ref_tracking = ref_tracking;
    g.struct_type(0);
    let callback = (g.allows("out_of_band") && g.rng.chance(25)).then(|| {
        *g.rng
            .pick(&[Callback::InBand, Callback::OutOfBand, Callback::Alternating])
    });
    let value = g.struct_value(0);
    Case {
        name: format!("r{seed}_{index:04}"),
        compatible,
        ref_tracking,
        callback,
        types: g.types,
        value,
        objects: g.objects,
    }
}

struct Generator<'c> {
    rng: Rng,
    caps: &'c Capabilities,
    prefix: String,
    types: Vec<UserType>,
    /// The case's mode and reference tracking, which qualified features depend on.
    compatible: bool,
    ref_tracking: bool,
    /// The struct types made for [`Type::Shared`] positions, which later positions may share.
    shared_targets: Vec<usize>,
    /// The struct types made for [`Type::Shared`] positions whose fields are being drawn: a
    /// position inside them that names one of them closes a cycle.
    open_targets: Vec<usize>,
    /// The case's object table, built with the value.
    objects: Vec<Object>,
    /// The objects whose values are being drawn (a position of their type names one of them).
    building: Vec<usize>,
}

impl Generator<'_> {
    /// Whether the peer can express `feature` in this case: neither the feature nor its form
    /// qualified by the case's mode (`feature@compatible`, `feature@schema_consistent`) or, with
    /// reference tracking on, `feature@ref_tracking` is excluded.
    fn allows(&self, feature: &str) -> bool {
        let mode = if self.compatible {
            "compatible"
        } else {
            "schema_consistent"
        };
        self.caps.allows(feature)
            && self.caps.allows(&format!("{feature}@{mode}"))
            && (!self.ref_tracking || self.caps.allows(&format!("{feature}@ref_tracking")))
    }

    /// A new user type's registration: by name sometimes, else by id (100 + its index).
    fn registration(&mut self, name: &str) -> Registration {
        if self.allows("by_name") && self.rng.chance(35) {
            Registration::Name(NAMESPACE.to_string(), name.to_string())
        } else {
            Registration::Id(100 + self.types.len() as u32)
        }
    }

    fn add(&mut self, letter: char, definition: Definition) -> usize {
        let name = format!("{}{letter}{}", self.prefix, self.types.len());
        let registration = self.registration(&name);
        self.types.push(UserType {
            name,
            registration,
            definition,
        });
        self.types.len() - 1
    }

    /// A struct at nesting `depth`, with one to eight fields.
    fn struct_type(&mut self, depth: usize) -> usize {
        self.struct_type_of(depth, false)
    }

    /// [`Self::struct_type`]; a `shared_target` is open (may be named from inside itself)
    /// while its fields are drawn.
    fn struct_type_of(&mut self, depth: usize, shared_target: bool) -> usize {
        let index = self.add('S', Definition::Struct(Vec::new()));
        if shared_target {
            self.open_targets.push(index);
        }
        let count = 1 + self.rng.below(8);
        let mut fields = Vec::with_capacity(count);
        let mut next_tag = 1 + self.rng.below(5) as u32;
        for i in 0..count {
            let ty = self.field_type(depth);
            // The roll comes first, so a peer that allows every nullable field draws the same
            // stream as before.
            let nullable = self.rng.chance(20) && self.allows_nullable_field(&ty);
            // A field closing a cycle is nullable, so a Rust user can build the type's
            // `Default` (and so can the reader, for the object it fills in place).
            let nullable =
                nullable || matches!(ty, Type::Shared(t) if self.open_targets.contains(&t));
            let tag = (self.allows("tag_id") && self.rng.chance(20)).then(|| {
                next_tag += 1 + self.rng.below(3) as u32;
                next_tag
            });
            fields.push(Field {
                name: field_name(i),
                tag,
                ty,
                nullable,
            });
        }
        self.types[index].definition = Definition::Struct(fields);
        if shared_target {
            self.open_targets.pop();
        }
        index
    }

    /// Whether a field of type `ty` may be nullable: `nullable_<scalar>` for a scalar field.
    fn allows_nullable_field(&self, ty: &Type) -> bool {
        match ty {
            Type::Scalar(s) | Type::Encoded(s, _) => self.allows(&format!("nullable_{}", s.name())),
            _ => true,
        }
    }

    /// Whether null list elements (`feature` `nullable_element`) or map values
    /// (`nullable_value`) of type `ty` are allowed: by its class (`nullable_element<numeric>`) and,
    /// for a scalar, by its name (`nullable_element<float16>`).
    fn allows_nullable(&self, feature: &str, ty: &Type) -> bool {
        self.allows(&format!("{feature}<{}>", nullable_class(ty)))
            && match ty {
                Type::Scalar(s) => self.allows(&format!("{feature}<{}>", s.name())),
                _ => true,
            }
    }

    fn can_add_type(&self, depth: usize) -> bool {
        depth < MAX_DEPTH && self.types.len() < MAX_TYPES
    }

    /// A scalar the peer can express, from `choices`.
    fn scalar(&mut self, choices: &[Scalar]) -> Scalar {
        let allowed: Vec<Scalar> = choices
            .iter()
            .copied()
            .filter(|s| self.allows(s.name()))
            .collect();
        if allowed.is_empty() {
            Scalar::String
        } else {
            *self.rng.pick(&allowed)
        }
    }

    /// A field's type.
    fn field_type(&mut self, depth: usize) -> Type {
        // Drawn only in cases with reference tracking, so the others draw what they drew before.
        if self.ref_tracking && self.allows("shared_ref") && self.rng.chance(30) {
            if let Some(ty) = self.shared(depth) {
                return ty;
            }
        }
        loop {
            let roll = self.rng.below(100);
            let ty = match roll {
                0..=44 => Some(Type::Scalar(self.scalar(&Scalar::ALL))),
                45..=51 => self.encoded(),
                52..=61 => {
                    let element = self.scalar(&Scalar::ARRAY_ELEMENTS);
                    let feature = format!("array<{}>", element.name());
                    self.allows(&feature).then_some(Type::Array(element))
                }
                62..=71 => self.list(depth),
                72..=75 => self.set(),
                76..=83 => self.map(depth),
                84..=91 if self.can_add_type(depth) && self.allows("nested_struct") => {
                    Some(Type::Struct(self.struct_type(depth + 1)))
                }
                92..=96 if self.types.len() < MAX_TYPES && self.allows("enum") => {
                    Some(Type::Enum(self.enum_type()))
                }
                97..=99 if self.can_add_type(depth) && self.allows("union") => {
                    Some(Type::Union(self.union_type(depth)))
                }
                _ => None,
            };
            if let Some(ty) = ty {
                return ty;
            }
        }
    }

    /// A shared reference to a struct (`shared_ref`), as a field, the elements of a list (maybe
    /// with nulls) or the values of a map (`map_of_shared`, maybe with nulls):
    /// inside a shared struct sometimes to that struct or one holding it (`shared_cycle`: its
    /// objects can then form cycles), else to a struct type made for an earlier shared
    /// position sometimes (so two positions can name one object), else to a new one.
    fn shared(&mut self, depth: usize) -> Option<Type> {
        let target = if !self.open_targets.is_empty()
            && self.allows("shared_cycle")
            && self.rng.chance(35)
        {
            let open = self.open_targets.clone();
            *self.rng.pick(&open)
        } else if !self.shared_targets.is_empty() && self.rng.chance(50) {
            let targets = self.shared_targets.clone();
            *self.rng.pick(&targets)
        } else if self.can_add_type(depth) {
            let t = self.struct_type_of(depth + 1, true);
            self.shared_targets.push(t);
            t
        } else {
            return None;
        };
        let shared = Type::Shared(target);
        let as_list = self.allows("list") && self.allows("list_of_structs") && self.rng.chance(40);
        if as_list {
            let nullable = self.allows("nullable_element")
                && self.allows_nullable("nullable_element", &shared)
                && self.rng.chance(25);
            return Some(Type::List {
                element: Box::new(shared),
                nullable,
            });
        }
        let as_map = self.allows("map")
            && self.allows("map_of_structs")
            && self.allows("map_of_shared")
            && self.rng.chance(30);
        if as_map {
            let key = self.scalar(&[Scalar::String, Scalar::Int32, Scalar::Int64]);
            let nullable = self.allows("nullable_element")
                && self.allows_nullable("nullable_value", &shared)
                && self.rng.chance(25);
            return Some(Type::Map {
                key: Box::new(Type::Scalar(key)),
                value: Box::new(shared),
                nullable,
            });
        }
        Some(shared)
    }

    /// An integer field in another encoding, if the peer expresses one.
    fn encoded(&mut self) -> Option<Type> {
        let (scalar, encoding) = *self.rng.pick(&[
            (Scalar::Int32, Encoding::Fixed),
            (Scalar::Int64, Encoding::Fixed),
            (Scalar::Int64, Encoding::Tagged),
            (Scalar::Uint32, Encoding::Fixed),
            (Scalar::Uint64, Encoding::Fixed),
            (Scalar::Uint64, Encoding::Tagged),
        ]);
        let feature = format!("{}_{}", scalar.name(), encoding.name());
        (self.allows(scalar.name()) && self.allows(&feature))
            .then_some(Type::Encoded(scalar, encoding))
    }

    /// An element of a list or a map value: a scalar mostly, sometimes a struct, an enum or a
    /// list.
    fn element(&mut self, depth: usize, structs_feature: &str) -> Option<Type> {
        Some(match self.rng.below(10) {
            0..=5 => {
                let choices = self.element_scalars(&Scalar::ALL);
                Type::Scalar(self.scalar(&choices))
            }
            6 | 7 if self.can_add_type(depth) && self.allows(structs_feature) => {
                Type::Struct(self.struct_type(depth + 1))
            }
            8 if self.types.len() < MAX_TYPES && self.allows("enum") => {
                Type::Enum(self.enum_type())
            }
            9 if depth < MAX_DEPTH => {
                let choices: Vec<Scalar> = [Scalar::String, Scalar::Int32, Scalar::Int64]
                    .into_iter()
                    .filter(|s| self.allows(&list_feature(*s)))
                    .collect();
                if choices.is_empty() {
                    return None;
                }
                Type::List {
                    element: Box::new(Type::Scalar(self.scalar(&choices))),
                    nullable: false,
                }
            }
            _ => return None,
        })
    }

    fn list(&mut self, depth: usize) -> Option<Type> {
        if !self.allows("list") {
            return None;
        }
        let element = self.element(depth, "list_of_structs")?;
        if let Type::Scalar(s) = element {
            if !self.allows(&list_feature(s)) {
                return None;
            }
        }
        let nullable = self.allows("nullable_element")
            && self.allows_nullable("nullable_element", &element)
            && self.rng.chance(20);
        Some(Type::List {
            element: Box::new(element),
            nullable,
        })
    }

    fn set(&mut self) -> Option<Type> {
        if !self.allows("set") {
            return None;
        }
        let keys: Vec<Scalar> = Scalar::ALL
            .iter()
            .copied()
            .filter(|s| s.is_key() && self.allows(&format!("set<{}>", s.name())))
            .collect();
        let keys = self.element_scalars(&keys);
        Some(Type::Set(Box::new(Type::Scalar(self.scalar(&keys)))))
    }

    /// The scalars of `choices` that may be elements of a list or set or values of a map:
    /// binary only where the peer tracks binaries as it should (`ref_tracked_binary`), when
    /// the case has reference tracking.
    fn element_scalars(&self, choices: &[Scalar]) -> Vec<Scalar> {
        let binary = !self.ref_tracking || self.allows("ref_tracked_binary");
        choices
            .iter()
            .copied()
            .filter(|s| binary || *s != Scalar::Binary)
            .collect()
    }

    fn map(&mut self, depth: usize) -> Option<Type> {
        if !self.allows("map") {
            return None;
        }
        let key = self.scalar(&[Scalar::String, Scalar::Int32, Scalar::Int64]);
        let value = self.element(depth, "map_of_structs")?;
        let nullable = self.allows("nullable_element")
            && self.allows_nullable("nullable_value", &value)
            && self.rng.chance(20);
        Some(Type::Map {
            key: Box::new(Type::Scalar(key)),
            value: Box::new(value),
            nullable,
        })
    }

    fn enum_type(&mut self) -> usize {
        let variants = 1 + self.rng.below(5) as u32;
        self.add('E', Definition::Enum(variants))
    }

    /// A union of two or three cases, each a scalar or (sometimes) a struct.
    fn union_type(&mut self, depth: usize) -> usize {
        let index = self.add('U', Definition::Union(Vec::new()));
        let count = 2 + self.rng.below(2);
        let cases = (0..count)
            .map(|_| {
                if self.rng.chance(20) && self.can_add_type(depth) && self.allows("nested_struct") {
                    Type::Struct(self.struct_type(depth + 1))
                } else {
                    Type::Scalar(self.scalar(&[
                        Scalar::String,
                        Scalar::Int32,
                        Scalar::Int64,
                        Scalar::Float64,
                        Scalar::Bool,
                    ]))
                }
            })
            .collect();
        self.types[index].definition = Definition::Union(cases);
        index
    }

    // -----------------------------------------------------------------------------------------
    // Values.

    fn struct_value(&mut self, index: usize) -> Value {
        let Definition::Struct(fields) = self.types[index].definition.clone() else {
            unreachable!("a struct index")
        };
        Value::Struct(
            fields
                .iter()
                .map(|f| {
                    if f.nullable && self.rng.chance(30) {
                        Value::Null
                    } else {
                        self.value(&f.ty)
                    }
                })
                .collect(),
        )
    }

    fn value(&mut self, ty: &Type) -> Value {
        match ty {
            Type::Scalar(s) | Type::Encoded(s, _) => self.scalar_value(*s),
            Type::Array(s) => {
                let len = self.length();
                Value::List((0..len).map(|_| self.scalar_value(*s)).collect())
            }
            Type::List { element, nullable } => {
                let len = self.length();
                Value::List(
                    (0..len)
                        .map(|_| {
                            if *nullable && self.rng.chance(25) {
                                Value::Null
                            } else {
                                self.value(element)
                            }
                        })
                        .collect(),
                )
            }
            Type::Set(element) => {
                let len = self.length();
                let mut items: Vec<Value> = Vec::new();
                for _ in 0..len {
                    let v = self.value(element);
                    if !items.contains(&v) {
                        items.push(v);
                    }
                }
                // In the order Rust's BTreeSet iterates, so a peer that keeps insertion order
                // writes the same bytes.
                items.sort_by(key_order);
                Value::List(items)
            }
            Type::Map {
                key,
                value,
                nullable,
            } => {
                let len = if self.rng.chance(3) {
                    300
                } else {
                    self.length()
                };
                let mut entries: Vec<(Value, Value)> = Vec::new();
                for i in 0..len {
                    let mut k = self.value(key);
                    if entries.iter().any(|(e, _)| *e == k) {
                        // Distinct keys, so a 300-entry map has 300 entries.
                        k = distinct_key(key, i);
                        if entries.iter().any(|(e, _)| *e == k) {
                            continue;
                        }
                    }
                    let v = if *nullable && self.rng.chance(25) {
                        Value::Null
                    } else {
                        self.value(value)
                    };
                    entries.push((k, v));
                }
                entries.sort_by(|(a, _), (b, _)| key_order(a, b));
                Value::Map(entries)
            }
            Type::Struct(index) => self.struct_value(*index),
            Type::Enum(index) => {
                let Definition::Enum(variants) = self.types[*index].definition else {
                    unreachable!("an enum index")
                };
                Value::Enum(self.rng.below(variants as usize) as u32)
            }
            Type::Union(index) => {
                let Definition::Union(cases) = self.types[*index].definition.clone() else {
                    unreachable!("a union index")
                };
                let case = self.rng.below(cases.len());
                Value::Union(case as u32, Box::new(self.value(&cases[case])))
            }
            Type::Shared(t) => {
                // An object of the type made before half the time, else a new one; inside an
                // object of the type always one made before (a cycle, when it is that one), so
                // the value stays finite. A new object takes its index before its value is
                // drawn, so the value can name it.
                let made: Vec<usize> = (0..self.objects.len())
                    .filter(|k| self.objects[*k].ty == *t)
                    .collect();
                let inside = self.building.iter().any(|k| self.objects[*k].ty == *t);
                if inside || (!made.is_empty() && self.rng.chance(50)) {
                    return Value::Object(*self.rng.pick(&made));
                }
                let k = self.objects.len();
                self.objects.push(Object {
                    ty: *t,
                    value: Value::Null,
                });
                self.building.push(k);
                let value = self.struct_value(*t);
                self.building.pop();
                self.objects[k].value = value;
                Value::Object(k)
            }
        }
    }

    /// A collection length: often empty or short, sometimes a few dozen.
    fn length(&mut self) -> usize {
        match self.rng.below(10) {
            0 | 1 => 0,
            2..=7 => 1 + self.rng.below(4),
            _ => 5 + self.rng.below(40),
        }
    }

    fn scalar_value(&mut self, s: Scalar) -> Value {
        let edge = self.rng.chance(30);
        match s {
            Scalar::Bool => Value::Bool(self.rng.chance(50)),
            Scalar::Int8 => self.int(edge, i8::MIN.into(), i8::MAX.into()),
            Scalar::Int16 => self.int(edge, i16::MIN.into(), i16::MAX.into()),
            Scalar::Int32 => self.int(edge, i32::MIN.into(), i32::MAX.into()),
            Scalar::Int64 => self.int(edge, i64::MIN.into(), i64::MAX.into()),
            Scalar::Uint8 => self.int(edge, 0, u8::MAX.into()),
            Scalar::Uint16 => self.int(edge, 0, u16::MAX.into()),
            Scalar::Uint32 => self.int(edge, 0, u32::MAX.into()),
            Scalar::Uint64 => self.int(edge, 0, u64::MAX.into()),
            Scalar::Float16 => Value::Float(u64::from(self.half(edge, false))),
            Scalar::Bfloat16 => Value::Float(u64::from(self.half(edge, true))),
            Scalar::Float32 => Value::Float(u64::from(self.float32(edge))),
            Scalar::Float64 => Value::Float(self.float64(edge)),
            Scalar::String => Value::Str(self.string()),
            Scalar::Binary => {
                let len = self.length();
                Value::Bytes((0..len).map(|_| self.rng.next_u64() as u8).collect())
            }
        }
    }

    fn int(&mut self, edge: bool, min: i128, max: i128) -> Value {
        if edge {
            let zero = if min < 0 { 0 } else { min };
            let choices = [
                min,
                max,
                zero,
                zero + 1,
                max - 1,
                if min < 0 { -1 } else { max / 2 },
            ];
            return Value::Int(*self.rng.pick(&choices));
        }
        let span = (max - min) as u128 + 1;
        let raw = (u128::from(self.rng.next_u64()) << 64) | u128::from(self.rng.next_u64());
        // Small numbers more often: varints of every length get their turn.
        let shift = self.rng.below(128) as u32;
        let v = (raw >> shift) % span;
        Value::Int(min + v as i128)
    }

    fn float64(&mut self, edge: bool) -> u64 {
        if edge {
            let choices = [
                0.0f64.to_bits(),
                (-0.0f64).to_bits(),
                f64::NAN.to_bits(),
                f64::INFINITY.to_bits(),
                f64::NEG_INFINITY.to_bits(),
                f64::MAX.to_bits(),
                f64::MIN_POSITIVE.to_bits(),
                1.5f64.to_bits(),
            ];
            return *self.rng.pick(&choices);
        }
        let v = (self.rng.next_u64() as i64 as f64) / (1u64 << self.rng.below(60)) as f64;
        v.to_bits()
    }

    fn float32(&mut self, edge: bool) -> u32 {
        if edge {
            let choices = [
                0.0f32.to_bits(),
                (-0.0f32).to_bits(),
                f32::NAN.to_bits(),
                f32::INFINITY.to_bits(),
                f32::NEG_INFINITY.to_bits(),
                f32::MAX.to_bits(),
                f32::MIN_POSITIVE.to_bits(),
                (-2.5f32).to_bits(),
            ];
            return *self.rng.pick(&choices);
        }
        let v = (self.rng.next_u64() as i32 as f32) / (1u32 << self.rng.below(30)) as f32;
        v.to_bits()
    }

    /// A half float's bits (IEEE float16, or bfloat16): any finite value, zeros and
    /// infinities; no NaN (the peers' conversions from a float differ in NaN payloads).
    fn half(&mut self, edge: bool, bfloat: bool) -> u16 {
        let (infinity, max) = if bfloat {
            (0x7f80u16, 0x7f7fu16)
        } else {
            (0x7c00u16, 0x7bffu16)
        };
        if edge {
            let choices = [0, 0x8000, infinity, 0x8000 | infinity, max, 1, 0x3c00];
            return *self.rng.pick(&choices);
        }
        let sign = (self.rng.next_u64() as u16) & 0x8000;
        sign | (self.rng.below(usize::from(infinity)) as u16)
    }

    fn string(&mut self) -> String {
        let pieces = [
            "",
            "a",
            "hello",
            "café",
            "ÿé",
            "你好",
            "😀",
            "a😀b",
            "Ωmega",
            "x\u{7f}y",
            "tab\there",
        ];
        match self.rng.below(10) {
            0 => String::new(),
            1 => {
                // Long and mixed: every encoding rule meets it.
                let len = 20 + self.rng.below(300);
                let alphabet = ['a', 'é', '你', 'z', '😀', ' '];
                (0..len).map(|_| *self.rng.pick(&alphabet)).collect()
            }
            _ => self.rng.pick(&pieces).to_string(),
        }
    }
}

/// The `i`-th field name: `fa`, `fb`, ... `fz`, `fba`, ... (lower-case letters only, so every
/// language spells it the same and snake_case leaves it alone).
fn field_name(i: usize) -> String {
    let mut letters = Vec::new();
    let mut n = i;
    loop {
        letters.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    letters.reverse();
    format!("f{}", letters.into_iter().collect::<String>())
}

/// The feature of a list of the scalar `s`: `list<int32>`.
fn list_feature(s: Scalar) -> String {
    format!("list<{}>", s.name())
}

/// The order of set elements and map keys: Rust's `Ord` of the types they become (integers by
/// value, strings and binary by their bytes, false before true).
fn key_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::Bytes(x), Value::Bytes(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => std::cmp::Ordering::Equal,
    }
}

/// The class of a list element or map value in the features `nullable_element<C>` and
/// `nullable_value<C>`: `numeric` (bool, integers, floats), `string`, `binary`, `struct`, `enum`
/// or `list` (the kinds the generator puts there).
fn nullable_class(ty: &Type) -> &'static str {
    match ty {
        Type::Scalar(Scalar::String) => "string",
        Type::Scalar(Scalar::Binary) => "binary",
        Type::Scalar(_) | Type::Encoded(..) => "numeric",
        Type::Struct(_) => "struct",
        Type::Enum(_) => "enum",
        Type::Union(_) => "union",
        Type::List { .. } => "list",
        Type::Array(_) => "array",
        Type::Set(_) => "set",
        Type::Map { .. } => "map",
        Type::Shared(_) => "shared",
    }
}

/// A key of type `key` made distinct by `i`.
fn distinct_key(key: &Type, i: usize) -> Value {
    match key {
        Type::Scalar(Scalar::String) => Value::Str(format!("k{i:03}")),
        _ => Value::Int(i as i128),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generative::capabilities;

    #[test]
    fn a_seed_and_index_give_one_case() {
        let caps = capabilities::of("java");
        assert_eq!(case(3, 7, &caps), case(3, 7, &caps));
        assert_ne!(case(3, 7, &caps), case(3, 8, &caps));
        assert_eq!(field_name(0), "fa");
        assert_eq!(field_name(27), "fbb");
    }

    #[test]
    fn excluded_features_do_not_appear() {
        for i in 0..200 {
            let c = case(1, i, &capabilities::of("apache-rust"));
            assert!(c.callback.is_none(), "apache-rust");
        }
        let caps = capabilities::of("go");
        for i in 0..200 {
            let c = case(1, i, &caps);
            assert!(c.callback.is_none());
            for t in &c.types {
                if let Definition::Struct(fields) = &t.definition {
                    for f in fields {
                        assert!(!(f.nullable && f.ty == Type::Scalar(Scalar::Bfloat16)));
                        assert!(f.ty != Type::Set(Box::new(Type::Scalar(Scalar::Binary))));
                    }
                }
            }
        }
    }

    /// Whether no type holds itself through fields that are neither nullable nor lists (a
    /// Rust `Default` of such a type would never end).
    fn default_is_finite(c: &Case) -> bool {
        fn visit(c: &Case, i: usize, path: &mut Vec<usize>) -> bool {
            if path.contains(&i) {
                return false;
            }
            path.push(i);
            let next: Vec<usize> = match &c.types[i].definition {
                Definition::Struct(fields) => fields
                    .iter()
                    .filter(|f| !f.nullable)
                    .filter_map(|f| match f.ty {
                        Type::Struct(j) | Type::Shared(j) | Type::Union(j) => Some(j),
                        _ => None,
                    })
                    .collect(),
                // A union's default is its first case.
                Definition::Union(cases) => match cases.first() {
                    Some(Type::Struct(j)) => vec![*j],
                    _ => Vec::new(),
                },
                Definition::Enum(_) => Vec::new(),
            };
            let finite = next.into_iter().all(|j| visit(c, j, path));
            path.pop();
            finite
        }
        visit(c, 0, &mut Vec::new())
    }

    #[test]
    fn shared_objects_form_cycles_where_the_peer_allows() {
        let mut cyclic = 0;
        for seed in 1..=5 {
            for i in 0..200 {
                let c = case(seed, i, &capabilities::of("java"));
                if c.has_object_cycle() {
                    assert!(c.has_recursive_types(), "{}", c.name);
                    cyclic += 1;
                }
                assert!(default_is_finite(&c), "{}", c.name);
                let apache = case(seed, i, &capabilities::of("apache-rust"));
                assert!(!apache.has_recursive_types(), "{}", apache.name);
            }
        }
        assert!(cyclic >= 5, "{cyclic} cases with a cycle");
    }

    /// Every (container, element) pair under `ty`: list and set elements, map values.
    fn elements(ty: &Type, out: &mut Vec<(Type, Type)>) {
        let element = match ty {
            Type::List { element, .. } | Type::Set(element) => element,
            Type::Map { value, .. } => value,
            _ => return,
        };
        out.push((ty.clone(), (**element).clone()));
        elements(element, out);
    }

    /// Every (container, element) pair of the cases' struct fields, with whether the case
    /// tracks references, for `count` cases of a peer with `caps`.
    fn element_types(caps: &Capabilities, count: u64) -> Vec<(bool, Type, Type)> {
        let mut seen = Vec::new();
        for i in 0..count {
            let c = case(1, i, caps);
            for t in c.types {
                if let Definition::Struct(fields) = t.definition {
                    for f in fields {
                        let mut pairs = Vec::new();
                        elements(&f.ty, &mut pairs);
                        seen.extend(pairs.into_iter().map(|(c2, e)| (c.ref_tracking, c2, e)));
                    }
                }
            }
        }
        seen
    }

    #[test]
    fn excluded_elements_do_not_appear() {
        let int32 = Type::Scalar(Scalar::Int32);
        let binary = Type::Scalar(Scalar::Binary);
        let is_list = |t: &Type| matches!(t, Type::List { .. });
        let without = Capabilities {
            peer: "test",
            excluded: &[("list<int32>", "test"), ("ref_tracked_binary", "test")],
        };
        for (caps, excluded) in [(capabilities::of("java"), false), (without, true)] {
            let peer = caps.peer;
            let seen = element_types(&caps, 400);
            let int32_list = seen.iter().any(|(_, c, e)| is_list(c) && *e == int32);
            let tracked_binary = seen.iter().any(|(r, _, e)| *r && *e == binary);
            assert_eq!(int32_list, !excluded, "{peer}: list<int32>");
            assert_eq!(tracked_binary, !excluded, "{peer}: ref_tracked_binary");
            assert!(seen.iter().any(|(r, _, e)| !*r && *e == binary), "{peer}");
        }
    }

    /// Every type a case uses: the fields of its structs and the cases of its unions, and what
    /// they hold.
    fn all_types(c: &Case) -> Vec<Type> {
        fn walk(t: &Type, out: &mut Vec<Type>) {
            out.push(t.clone());
            match t {
                Type::List { element, .. } | Type::Set(element) => walk(element, out),
                Type::Map { key, value, .. } => {
                    walk(key, out);
                    walk(value, out);
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for t in &c.types {
            match &t.definition {
                Definition::Struct(fields) => fields.iter().for_each(|f| walk(&f.ty, &mut out)),
                Definition::Union(cases) => cases.iter().for_each(|t| walk(t, &mut out)),
                Definition::Enum(_) => {}
            }
        }
        out
    }

    #[test]
    fn qualified_features_are_left_out_in_their_mode_only() {
        let caps = Capabilities {
            peer: "test",
            excluded: &[
                ("set<binary>", ""),
                ("nullable_element<float16>", ""),
                ("nullable_element<numeric>@compatible", ""),
                ("nullable_value<list>@compatible", ""),
                ("nullable_element<list>@ref_tracking", ""),
            ],
        };
        let (mut numeric_in_schema_consistent, mut list_values_in_schema_consistent) = (0, 0);
        for i in 0..400 {
            let c = case(7, i, &caps);
            for t in all_types(&c) {
                assert_ne!(t, Type::Set(Box::new(Type::Scalar(Scalar::Binary))));
                match t {
                    Type::List {
                        element,
                        nullable: true,
                    } => {
                        let class = nullable_class(&element);
                        assert_ne!(*element, Type::Scalar(Scalar::Float16));
                        assert!(!(c.compatible && class == "numeric"), "{}", c.name);
                        assert!(!(c.ref_tracking && class == "list"), "{}", c.name);
                        numeric_in_schema_consistent += usize::from(class == "numeric");
                    }
                    Type::Map {
                        value,
                        nullable: true,
                        ..
                    } if nullable_class(&value) == "list" => {
                        assert!(!c.compatible, "{}", c.name);
                        list_values_in_schema_consistent += 1;
                    }
                    _ => {}
                }
            }
        }
        assert!(numeric_in_schema_consistent > 0 && list_values_in_schema_consistent > 0);
    }
}
