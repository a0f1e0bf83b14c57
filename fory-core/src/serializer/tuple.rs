//! Tuples of 1 to 22 fields (as many as Apache Fory Rust 1.7.7 has) as LIST, like pyfory's
//! tuples: one element per field, the shared-type form when every field has the same Rust type,
//! each element with its own type info otherwise (header `00`, Apache Fory Rust's form for every
//! tuple).

use crate::context::{ReadContext, WriteContext};
use crate::error::{Error, Result};
use crate::serializer::list::{ElementsHeader, DECLARED, HAS_NULL, SAME_TYPE, TRACK_REF};
use crate::serializer::{Deserialize, Serialize};
use crate::types::TypeId;

/// One tuple field: the value, its wire type name (equal names share one type) and whether it is
/// a shared reference.
type Field<'a> = (&'a dyn Serialize, &'static str, bool);

/// Writes tuple fields as list elements.
fn write_fields<'v>(items: &[Field<'v>], ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
    ctx.writer.write_varuint32(items.len() as u32);
    let has_null = items.iter().any(|(v, _, _)| v.is_null());
    let track = ctx.config().ref_tracking && items.iter().any(|(_, _, shared)| *shared);
    let first = items.iter().find(|(v, _, _)| !v.is_null());
    let same = items.windows(2).all(|w| w[0].1 == w[1].1) && first.is_some();
    let mut header = if has_null && !track { HAS_NULL } else { 0 };
    if track {
        header |= TRACK_REF;
    }
    if same {
        header |= SAME_TYPE | if declared { DECLARED } else { 0 };
    }
    ctx.writer.write_u8(header);
    if let (true, false, Some((v, _, _))) = (same, declared, first) {
        v.write_type_info(ctx)?;
    }
    for (item, _, _) in items {
        if (has_null || track) && !item.write_ref_flag(ctx, track)? {
            continue;
        }
        if !same {
            item.write_type_info(ctx)?;
        }
        item.write_data(ctx, declared)?;
    }
    Ok(())
}

fn check_arity(ctx: &mut ReadContext<'_, '_>, arity: usize) -> Result<()> {
    let at = ctx.reader.position();
    let len = ctx.reader.read_varuint32()?;
    if len as usize != arity {
        return Err(Error::invalid(
            at,
            "as many list elements as the tuple has fields",
            format!("{len} elements for a tuple of {arity}"),
        ));
    }
    Ok(())
}

macro_rules! tuple {
    ($n:literal: $first:ident $(, $rest:ident)*) => {
        impl<$first: Serialize, $($rest: Serialize),*> Serialize for ($first, $($rest,)*) {
            fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
                ctx.write_type_id(TypeId::List);
                Ok(())
            }

            #[allow(non_snake_case)]
            fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
                let ($first, $($rest,)*) = self;
                write_fields(
                    &[
                        ($first as &dyn Serialize, $first::wire_type_name(), $first::tracks_refs()),
                        $(($rest as &dyn Serialize, $rest::wire_type_name(), $rest::tracks_refs()),)*
                    ],
                    ctx,
                    declared,
                )
            }
        }

        impl<'de, $first: Deserialize<'de>, $($rest: Deserialize<'de>),*> Deserialize<'de>
            for ($first, $($rest,)*)
        {
            fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
                ctx.expect_type_id(TypeId::List)
            }

            fn declared_type_id() -> TypeId {
                TypeId::List
            }

            fn read_data(ctx: &mut ReadContext<'_, 'de>, _id: TypeId) -> Result<Self> {
                ctx.enter()?;
                check_arity(ctx, $n)?;
                let mut header = ElementsHeader::read::<$first>(ctx)?;
                let value = (
                    header.read_element::<$first>(ctx)?,
                    $(header.read_element::<$rest>(ctx)?,)*
                );
                ctx.leave();
                Ok(value)
            }
        }
    };
}

tuple!(1: A);
tuple!(2: A, B);
tuple!(3: A, B, C);
tuple!(4: A, B, C, D);
tuple!(5: A, B, C, D, E);
tuple!(6: A, B, C, D, E, F);
tuple!(7: A, B, C, D, E, F, G);
tuple!(8: A, B, C, D, E, F, G, H);
tuple!(9: A, B, C, D, E, F, G, H, I);
tuple!(10: A, B, C, D, E, F, G, H, I, J);
tuple!(11: A, B, C, D, E, F, G, H, I, J, K);
tuple!(12: A, B, C, D, E, F, G, H, I, J, K, L);
tuple!(13: A, B, C, D, E, F, G, H, I, J, K, L, M);
tuple!(14: A, B, C, D, E, F, G, H, I, J, K, L, M, N);
tuple!(15: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O);
tuple!(16: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P);
tuple!(17: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q);
tuple!(18: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R);
tuple!(19: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S);
tuple!(20: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T);
tuple!(21: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U);
tuple!(22: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V);
