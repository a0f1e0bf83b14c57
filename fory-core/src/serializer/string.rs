//! Text: `String`, `&str` and `Cow<str>` as STRING.
//!
//! Reading into `Cow<'de, str>` borrows UTF-8 text (and Latin-1 text that is pure ASCII) from the
//! input; `&'de str` does the same and fails on text that would need decoding.

use std::borrow::Cow;

use crate::context::{ReadContext, Siblings, WriteContext};
use crate::error::{Error, Result};
use crate::fory::StringRule;
use crate::serializer::{Deserialize, Serialize};
use crate::types::TypeId;

impl Serialize for str {
    #[inline]
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        ctx.write_type_id(TypeId::String);
        Ok(())
    }

    #[inline(always)]
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, _declared: bool) -> Result<()> {
        write_by_rule(self, ctx, ctx.string_rule())
    }
}

/// `text`'s payload under `rule`.
#[inline(always)]
pub(super) fn write_by_rule(
    text: &str,
    ctx: &mut WriteContext<'_>,
    rule: StringRule,
) -> Result<()> {
    match rule {
        StringRule::Java => ctx.writer.write_str(text),
        StringRule::Utf8 => ctx.writer.write_str_utf8(text),
    }
}

macro_rules! forward_to_str {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            #[inline]
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                str::write_type_info(self, ctx)
            }

            #[inline(always)]
            fn fixed_type_id() -> Option<TypeId> {
                Some(TypeId::String)
            }

            #[inline(always)]
            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                str::write_data(self, ctx, declared)
            }

            #[inline(always)]
            fn prepare_siblings(ctx: &mut WriteContext<'_>) -> Result<Siblings> {
                Ok(Siblings {
                    string_rule: ctx.string_rule(),
                    ..Siblings::default()
                })
            }

            #[inline(always)]
            fn write_sibling_data<'v>(
                &'v self,
                ctx: &mut WriteContext<'v>,
                _declared: bool,
                siblings: Siblings,
            ) -> Result<()> {
                write_by_rule(self, ctx, siblings.string_rule)
            }
        }
    )*};
}

forward_to_str!(String, &str, Cow<'_, str>);

impl<'de> Deserialize<'de> for String {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.expect_type_id(TypeId::String)
    }

    fn declared_type_id() -> TypeId {
        TypeId::String
    }

    #[inline]
    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        ctx.reader.read_string()
    }
}

impl<'de> Deserialize<'de> for Cow<'de, str> {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.expect_type_id(TypeId::String)
    }

    fn declared_type_id() -> TypeId {
        TypeId::String
    }

    #[inline]
    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        ctx.reader.read_str()
    }
}

impl<'de> Deserialize<'de> for &'de str {
    #[inline]
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        ctx.expect_type_id(TypeId::String)
    }

    fn declared_type_id() -> TypeId {
        TypeId::String
    }

    fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
        let at = ctx.reader.position();
        match ctx.reader.read_str()? {
            Cow::Borrowed(s) => Ok(s),
            Cow::Owned(_) => Err(Error::invalid(
                at,
                "UTF-8 or ASCII text that can be borrowed as &str",
                "text that needs decoding (Latin-1 or UTF-16); read it as String or Cow<str>",
            )),
        }
    }
}
