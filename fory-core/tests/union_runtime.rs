//! Unions at the runtime level, with a hand-written impl of what the derive will generate. No
//! released peer writes unions from plain code (pyfory needs generated union classes), so these
//! are round trips plus checks of the layout the spec gives: type id, user id, case id, then the
//! case value as a full value.

use fory_core::__private::resolver::{UserKind, UserType};
use fory_core::__private::serializer::{
    read_union_data, read_union_type_info, read_value, write_case_value, write_union_data,
    write_union_type_info, ForyUnion,
};
use fory_core::context::{ReadContext, WriteContext};
use fory_core::types::TypeId;
use fory_core::{Deserialize, Fory, Result, Serialize};

#[derive(Debug, Clone, PartialEq)]
enum Contact {
    Email(String),
    Phone(i32),
}

impl UserType for Contact {
    const KIND: UserKind = UserKind::Union;
}

impl ForyUnion for Contact {
    fn case_id(&self) -> u32 {
        match self {
            Contact::Email(_) => 0,
            Contact::Phone(_) => 1,
        }
    }
    fn write_case<'v>(&'v self, ctx: &mut WriteContext<'v>) -> Result<()> {
        match self {
            Contact::Email(v) => write_case_value(0, v, ctx),
            Contact::Phone(v) => write_case_value(1, v, ctx),
        }
    }
    fn read_case_value(case_id: u32, ctx: &mut ReadContext<'_, '_>) -> Result<Option<Self>> {
        Ok(match case_id {
            0 => Some(Contact::Email(read_value(ctx)?)),
            1 => Some(Contact::Phone(read_value(ctx)?)),
            _ => None,
        })
    }
}

impl Serialize for Contact {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        write_union_type_info::<Self>(ctx)
    }
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
        write_union_data(self, ctx)
    }
}

impl<'de> Deserialize<'de> for Contact {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        read_union_type_info::<Self>(ctx)
    }
    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        read_union_data(ctx)
    }
    fn declared_type_id() -> TypeId {
        TypeId::Union
    }
}

#[test]
fn typed_union_layout_and_round_trip() {
    let mut fory = Fory::default();
    fory.register::<Contact>(300).unwrap();
    let bytes = fory.serialize(&Contact::Phone(5)).unwrap();
    // header, not-null, TYPED_UNION (34), user id 300 (ac 02), case 1, then the case value as a
    // full value: not-null, VARINT32, zigzag 5.
    assert_eq!(bytes, [0x01, 0xff, 34, 0xac, 0x02, 0x01, 0xff, 0x05, 0x0a]);
    assert_eq!(
        fory.deserialize::<Contact>(&bytes).unwrap(),
        Contact::Phone(5)
    );
    let v = vec![Contact::Email("a@b".into()), Contact::Phone(-1)];
    let back: Vec<Contact> = fory.deserialize(&fory.serialize(&v).unwrap()).unwrap();
    assert_eq!(back, v);
}

#[test]
fn named_union_and_plain_union_forms() {
    let mut fory = Fory::default();
    fory.register_by_name::<Contact>("example", "Contact")
        .unwrap();
    let bytes = fory.serialize(&Contact::Email("x".into())).unwrap();
    assert_eq!(bytes[2], 35);
    assert_eq!(
        fory.deserialize::<Contact>(&bytes).unwrap(),
        Contact::Email("x".into())
    );
    // A UNION (33) with no type meta reads as the target union.
    let plain = [0x01, 0xff, 33, 0x00, 0xff, 0x15, 0x04, b'x'];
    assert_eq!(
        fory.deserialize::<Contact>(&plain).unwrap(),
        Contact::Email("x".into())
    );
}

#[test]
fn unknown_cases_and_wrong_case_types_are_errors() {
    let mut fory = Fory::default();
    fory.register::<Contact>(300).unwrap();
    let err = fory
        .deserialize::<Contact>(&[0x01, 0xff, 34, 0xac, 0x02, 0x07, 0xff, 0x05, 0x0a])
        .unwrap_err();
    assert!(err.to_string().contains("7 for"), "{err}");
    assert_eq!(err.offset(), Some(5));
    // Case 0 (a string) carrying an integer.
    let err = fory
        .deserialize::<Contact>(&[0x01, 0xff, 34, 0xac, 0x02, 0x00, 0xff, 0x05, 0x0a])
        .unwrap_err();
    assert!(err.to_string().contains("where STRING"), "{err}");
}
