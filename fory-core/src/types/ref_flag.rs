//! Reference flags: the one signed byte before every nullable or reference-tracked value.

/// What follows a value's position in the stream.
///
/// ```
/// use fory_core::types::RefFlag;
/// assert_eq!(RefFlag::try_from(0xfd), Ok(RefFlag::Null));
/// assert_eq!(RefFlag::NotNullValue as i8, -1);
/// assert!(RefFlag::try_from(0x01).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i8)]
pub enum RefFlag {
    /// `-3` (`0xFD`): the value is null; nothing follows.
    Null = -3,
    /// `-2` (`0xFE`): the value was written before; a varuint32 reference id follows.
    Ref = -2,
    /// `-1` (`0xFF`): a value follows and is not recorded for references.
    NotNullValue = -1,
    /// `0` (`0x00`): a value follows and takes the next reference id.
    RefValue = 0,
}

impl RefFlag {
    /// The byte as written on the wire.
    pub const fn to_byte(self) -> u8 {
        self as i8 as u8
    }
}

impl TryFrom<u8> for RefFlag {
    /// The byte that is not a reference flag.
    type Error = u8;

    #[inline]
    fn try_from(value: u8) -> Result<Self, u8> {
        match value as i8 {
            -3 => Ok(RefFlag::Null),
            -2 => Ok(RefFlag::Ref),
            -1 => Ok(RefFlag::NotNullValue),
            0 => Ok(RefFlag::RefValue),
            _ => Err(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_maps_to_at_most_one_flag() {
        let ok: Vec<u8> = (0..=255u8)
            .filter(|b| RefFlag::try_from(*b).is_ok())
            .collect();
        assert_eq!(ok, [0x00, 0xfd, 0xfe, 0xff]);
        for flag in [
            RefFlag::Null,
            RefFlag::Ref,
            RefFlag::NotNullValue,
            RefFlag::RefValue,
        ] {
            assert_eq!(RefFlag::try_from(flag.to_byte()), Ok(flag));
        }
    }
}
