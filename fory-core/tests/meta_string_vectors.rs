//! Meta strings against the bytes the released Python peer writes.
//!
//! Every row of `PYFORY` is what pyfory 1.7.7 (PyPI) produces for that name in that context:
//! `xlang-tests/peers/python/meta_string_vectors.py` regenerates both tables. The contexts are
//!
//! * `Namespace`, `TypeName`, `FieldName`: the TypeDef encoders of `pyfory.meta.typedef_encoder`,
//!   `NAMESPACE_ENCODER.encode(name, NAMESPACE_ENCODINGS)`,
//!   `TYPENAME_ENCODER.encode(name, TYPE_NAME_ENCODINGS)` and, as `write_field_info` does,
//!   `FIELD_NAME_ENCODER.encode_with_encoding(name, FIELD_NAME_ENCODER.compute_encoding(name,
//!   FIELD_NAME_ENCODINGS))`;
//! * `GenericNamespace`, `GenericTypeName`: the type registry's
//!   `MetaStringEncoder(".", "_").encode(name)` and `MetaStringEncoder("$", "_").encode(name)`,
//!   with every encoding allowed.
//!
//! `PYFORY_REJECTS` holds the names pyfory 1.7.7 cannot write: non-ASCII letters and digits make
//! it raise, and a namespace or field name with a single leading capital gets
//! FIRST_TO_LOWER_SPECIAL, which those contexts cannot express. Those rows carry the encoding the
//! Java peer picks (UTF-8, or LOWER_UPPER_DIGIT_SPECIAL) with the bytes of pyfory's
//! `encode_with_encoding(name, that_encoding)`.
//!
//! For each row our encoder must choose the same encoding and bytes, and our decoder must give the
//! name back.

mod common;

use common::{hex, unhex};
use fory_core::__private::meta::meta_string::MetaStringEncoding::{self, *};
use fory_core::__private::meta::meta_string::{MetaStringDecoder, MetaStringEncoder};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Namespace,
    TypeName,
    FieldName,
    GenericNamespace,
    GenericTypeName,
}
use Ctx::*;

impl Ctx {
    fn encoder(self) -> MetaStringEncoder {
        match self {
            Namespace => MetaStringEncoder::NAMESPACE,
            TypeName => MetaStringEncoder::TYPE_NAME,
            FieldName => MetaStringEncoder::FIELD_NAME,
            GenericNamespace => MetaStringEncoder::GENERIC_NAMESPACE,
            GenericTypeName => MetaStringEncoder::GENERIC_TYPE_NAME,
        }
    }

    fn decoder(self) -> MetaStringDecoder {
        match self {
            Namespace | GenericNamespace => MetaStringDecoder::NAMESPACE,
            TypeName | GenericTypeName => MetaStringDecoder::TYPE_NAME,
            FieldName => MetaStringDecoder::FIELD_NAME,
        }
    }
}

type Row = (Ctx, &'static str, MetaStringEncoding, &'static str);

#[rustfmt::skip]
const PYFORY: &[Row] = &[
    (Namespace, "", Utf8, ""),
    (Namespace, "example", AllToLowerSpecial, "12e063d640"),
    (Namespace, "org.apache.fory", AllToLowerSpecial, "3a26d01e011c9a2ba380"),
    (Namespace, "com.example.v2", LowerUpperDigitSpecial, "04719f08b8061e589f2bb0"),
    (Namespace, "a.b_c", AllToLowerSpecial, "8341d880"),
    (Namespace, "a$b", Utf8, "612462"),
    (Namespace, "a|b", Utf8, "617c62"),
    (Namespace, "pkg.Sub", AllToLowerSpecial, "bd46d7654080"),
    (Namespace, "MyPkg", LowerUpperDigitSpecial, "4cc5250c"),
    (Namespace, "org.apache.fory.benchmark.data.structures", AllToLowerSpecial, "3a26d01e011c9a2ba38d048d11d808ab4304c1a94e3414e91248"),
    (Namespace, "MyType", LowerUpperDigitSpecial, "4cc5ac1e20"),
    (Namespace, "HTTPServer", LowerUpperDigitSpecial, "436db4d8222a8888"),
    (Namespace, "Outer$Inner", Utf8, "4f7574657224496e6e6572"),
    (Namespace, "Outer.Inner", AllToLowerSpecial, "f5d49923aea1ad2440"),
    (Namespace, "ABCDEFGH", LowerUpperDigitSpecial, "b4db8ebcfc1080"),
    (Namespace, "Foo2", LowerUpperDigitSpecial, "be71db00"),
    (Namespace, "my_type", AllToLowerSpecial, "331b9e1e40"),
    (Namespace, "URLParser2", LowerUpperDigitSpecial, "5d5cb4808a4223b0"),
    (Namespace, "XMLHttpRequest", LowerUpperDigitSpecial, "6334b0a699f58882822498"),
    (Namespace, "IOError", LowerUpperDigitSpecial, "4543c8a27220"),
    (Namespace, "aBcde", LowerUpperDigitSpecial, "00d84188"),
    (Namespace, "aBcdef", AllToLowerSpecial, "03a110c850"),
    (Namespace, "A$b", Utf8, "412462"),
    (Namespace, "Ab_Cd", LowerUpperDigitSpecial, "340fee06"),
    (Namespace, "a", AllToLowerSpecial, "00"),
    (Namespace, "ab", AllToLowerSpecial, "8020"),
    (Namespace, "abcdefg", AllToLowerSpecial, "0022190a60"),
    (Namespace, "abcdefgh", AllToLowerSpecial, "8022190a6380"),
    (Namespace, "abcdefghijklmno", AllToLowerSpecial, "0022190a63a12a5b1ae0"),
    (Namespace, "abcdefghijklmnop", AllToLowerSpecial, "8022190a63a12a5b1ae780"),
    (Namespace, "field_name", AllToLowerSpecial, "950458f6d03080"),
    (Namespace, "f1", LowerUpperDigitSpecial, "0ba8"),
    (Namespace, "snake_case_name", AllToLowerSpecial, "49a0513620489b681840"),
    (Namespace, "x_y_z", AllToLowerSpecial, "df78de40"),
    (Namespace, "__private", AllToLowerSpecial, "6f6f8a2a0990"),
    (Namespace, "has$dollar", Utf8, "68617324646f6c6c6172"),
    (Namespace, "$", Utf8, "24"),
    (Namespace, "_", AllToLowerSpecial, "6c"),
    (Namespace, ".", AllToLowerSpecial, "68"),
    (Namespace, "|", Utf8, "7c"),
    (Namespace, "camelCase", AllToLowerSpecial, "880c22fa204880"),
    (Namespace, "CONSTANT_NAME", LowerUpperDigitSpecial, "3944f65ad4f6ff3b533c"),
    (Namespace, "user_id_2", LowerUpperDigitSpecial, "289088fe407fec"),
    (Namespace, "a_field_name_longer_than_sixteen", AllToLowerSpecial, "836541163db40c26d6e69891dcce06ee48bcc84680"),
    (Namespace, "a_very_long_field_name_that_goes_well_beyond_sixty_characters_in_length", AllToLowerSpecial, "03752471b5b9a6d950458f6d0309b99c13d99c496ec45af61261cd1ee48bcf1b11c1100a648cb686ed6469a670"),
    (Namespace, "AVeryLongTypeNameWithManyCapitalLettersInItToForceTheSixBitEncoding", LowerUpperDigitSpecial, "357888b129c68d6b078938060981098f3006b0e007909805ca2269888a511b12769cf9c88425a389610bb6426f1a11c19068c0"),
    (Namespace, "a-b", Utf8, "612d62"),
    (Namespace, "a b", Utf8, "612062"),
    (Namespace, "名前", Utf8, "e5908de5898d"),
    (Namespace, "emoji😀", Utf8, "656d6f6a69f09f9880"),
    (TypeName, "", Utf8, ""),
    (TypeName, "example", AllToLowerSpecial, "12e063d640"),
    (TypeName, "org.apache.fory", Utf8, "6f72672e6170616368652e666f7279"),
    (TypeName, "com.example.v2", Utf8, "636f6d2e6578616d706c652e7632"),
    (TypeName, "a.b_c", Utf8, "612e625f63"),
    (TypeName, "a$b", AllToLowerSpecial, "0381"),
    (TypeName, "a|b", Utf8, "617c62"),
    (TypeName, "pkg.Sub", Utf8, "706b672e537562"),
    (TypeName, "MyPkg", LowerUpperDigitSpecial, "4cc5250c"),
    (TypeName, "org.apache.fory.benchmark.data.structures", Utf8, "6f72672e6170616368652e666f72792e62656e63686d61726b2e646174612e73747275637475726573"),
    (TypeName, "Foo", FirstToLowerSpecial, "15ce"),
    (TypeName, "MyType", LowerUpperDigitSpecial, "4cc5ac1e20"),
    (TypeName, "HTTPServer", LowerUpperDigitSpecial, "436db4d8222a8888"),
    (TypeName, "Outer$Inner", AllToLowerSpecial, "f5d49923cea1ad2440"),
    (TypeName, "Outer.Inner", Utf8, "4f757465722e496e6e6572"),
    (TypeName, "A", FirstToLowerSpecial, "00"),
    (TypeName, "ABCDEFGH", LowerUpperDigitSpecial, "b4db8ebcfc1080"),
    (TypeName, "Foo2", LowerUpperDigitSpecial, "be71db00"),
    (TypeName, "my_type", AllToLowerSpecial, "331b9e1e40"),
    (TypeName, "URLParser2", LowerUpperDigitSpecial, "5d5cb4808a4223b0"),
    (TypeName, "XMLHttpRequest", LowerUpperDigitSpecial, "6334b0a699f58882822498"),
    (TypeName, "IOError", LowerUpperDigitSpecial, "4543c8a27220"),
    (TypeName, "aBcde", LowerUpperDigitSpecial, "00d84188"),
    (TypeName, "aBcdef", AllToLowerSpecial, "03a110c850"),
    (TypeName, "A$b", FirstToLowerSpecial, "0381"),
    (TypeName, "Ab_Cd", LowerUpperDigitSpecial, "340fee06"),
    (TypeName, "a", AllToLowerSpecial, "00"),
    (TypeName, "ab", AllToLowerSpecial, "8020"),
    (TypeName, "abcdefg", AllToLowerSpecial, "0022190a60"),
    (TypeName, "abcdefgh", AllToLowerSpecial, "8022190a6380"),
    (TypeName, "abcdefghijklmno", AllToLowerSpecial, "0022190a63a12a5b1ae0"),
    (TypeName, "abcdefghijklmnop", AllToLowerSpecial, "8022190a63a12a5b1ae780"),
    (TypeName, "field_name", AllToLowerSpecial, "950458f6d03080"),
    (TypeName, "f1", LowerUpperDigitSpecial, "0ba8"),
    (TypeName, "snake_case_name", AllToLowerSpecial, "49a0513620489b681840"),
    (TypeName, "x_y_z", AllToLowerSpecial, "df78de40"),
    (TypeName, "__private", AllToLowerSpecial, "6f6f8a2a0990"),
    (TypeName, "has$dollar", AllToLowerSpecial, "9c12e0dcb58220"),
    (TypeName, "$", AllToLowerSpecial, "70"),
    (TypeName, "_", AllToLowerSpecial, "6c"),
    (TypeName, ".", Utf8, "2e"),
    (TypeName, "|", Utf8, "7c"),
    (TypeName, "camelCase", AllToLowerSpecial, "880c22fa204880"),
    (TypeName, "CONSTANT_NAME", LowerUpperDigitSpecial, "3944f65ad4f6ff3b533c"),
    (TypeName, "user_id_2", LowerUpperDigitSpecial, "289088fe407fec"),
    (TypeName, "a_field_name_longer_than_sixteen", AllToLowerSpecial, "836541163db40c26d6e69891dcce06ee48bcc84680"),
    (TypeName, "a_very_long_field_name_that_goes_well_beyond_sixty_characters_in_length", AllToLowerSpecial, "03752471b5b9a6d950458f6d0309b99c13d99c496ec45af61261cd1ee48bcf1b11c1100a648cb686ed6469a670"),
    (TypeName, "AVeryLongTypeNameWithManyCapitalLettersInItToForceTheSixBitEncoding", LowerUpperDigitSpecial, "357888b129c68d6b078938060981098f3006b0e007909805ca2269888a511b12769cf9c88425a389610bb6426f1a11c19068c0"),
    (TypeName, "a-b", Utf8, "612d62"),
    (TypeName, "a b", Utf8, "612062"),
    (TypeName, "名前", Utf8, "e5908de5898d"),
    (TypeName, "emoji😀", Utf8, "656d6f6a69f09f9880"),
    (FieldName, "", Utf8, ""),
    (FieldName, "example", AllToLowerSpecial, "12e063d640"),
    (FieldName, "org.apache.fory", Utf8, "6f72672e6170616368652e666f7279"),
    (FieldName, "com.example.v2", Utf8, "636f6d2e6578616d706c652e7632"),
    (FieldName, "a.b_c", Utf8, "612e625f63"),
    (FieldName, "a$b", AllToLowerSpecial, "0381"),
    (FieldName, "a|b", Utf8, "617c62"),
    (FieldName, "pkg.Sub", Utf8, "706b672e537562"),
    (FieldName, "MyPkg", LowerUpperDigitSpecial, "4cc5250c"),
    (FieldName, "org.apache.fory.benchmark.data.structures", Utf8, "6f72672e6170616368652e666f72792e62656e63686d61726b2e646174612e73747275637475726573"),
    (FieldName, "MyType", LowerUpperDigitSpecial, "4cc5ac1e20"),
    (FieldName, "HTTPServer", LowerUpperDigitSpecial, "436db4d8222a8888"),
    (FieldName, "Outer$Inner", AllToLowerSpecial, "f5d49923cea1ad2440"),
    (FieldName, "Outer.Inner", Utf8, "4f757465722e496e6e6572"),
    (FieldName, "ABCDEFGH", LowerUpperDigitSpecial, "b4db8ebcfc1080"),
    (FieldName, "Foo2", LowerUpperDigitSpecial, "be71db00"),
    (FieldName, "my_type", AllToLowerSpecial, "331b9e1e40"),
    (FieldName, "URLParser2", LowerUpperDigitSpecial, "5d5cb4808a4223b0"),
    (FieldName, "XMLHttpRequest", LowerUpperDigitSpecial, "6334b0a699f58882822498"),
    (FieldName, "IOError", LowerUpperDigitSpecial, "4543c8a27220"),
    (FieldName, "aBcde", LowerUpperDigitSpecial, "00d84188"),
    (FieldName, "aBcdef", AllToLowerSpecial, "03a110c850"),
    (FieldName, "Ab_Cd", LowerUpperDigitSpecial, "340fee06"),
    (FieldName, "a", AllToLowerSpecial, "00"),
    (FieldName, "ab", AllToLowerSpecial, "8020"),
    (FieldName, "abcdefg", AllToLowerSpecial, "0022190a60"),
    (FieldName, "abcdefgh", AllToLowerSpecial, "8022190a6380"),
    (FieldName, "abcdefghijklmno", AllToLowerSpecial, "0022190a63a12a5b1ae0"),
    (FieldName, "abcdefghijklmnop", AllToLowerSpecial, "8022190a63a12a5b1ae780"),
    (FieldName, "field_name", AllToLowerSpecial, "950458f6d03080"),
    (FieldName, "f1", LowerUpperDigitSpecial, "0ba8"),
    (FieldName, "snake_case_name", AllToLowerSpecial, "49a0513620489b681840"),
    (FieldName, "x_y_z", AllToLowerSpecial, "df78de40"),
    (FieldName, "__private", AllToLowerSpecial, "6f6f8a2a0990"),
    (FieldName, "has$dollar", AllToLowerSpecial, "9c12e0dcb58220"),
    (FieldName, "$", AllToLowerSpecial, "70"),
    (FieldName, "_", AllToLowerSpecial, "6c"),
    (FieldName, ".", Utf8, "2e"),
    (FieldName, "|", Utf8, "7c"),
    (FieldName, "camelCase", AllToLowerSpecial, "880c22fa204880"),
    (FieldName, "CONSTANT_NAME", LowerUpperDigitSpecial, "3944f65ad4f6ff3b533c"),
    (FieldName, "user_id_2", LowerUpperDigitSpecial, "289088fe407fec"),
    (FieldName, "a_field_name_longer_than_sixteen", AllToLowerSpecial, "836541163db40c26d6e69891dcce06ee48bcc84680"),
    (FieldName, "a_very_long_field_name_that_goes_well_beyond_sixty_characters_in_length", AllToLowerSpecial, "03752471b5b9a6d950458f6d0309b99c13d99c496ec45af61261cd1ee48bcf1b11c1100a648cb686ed6469a670"),
    (FieldName, "AVeryLongTypeNameWithManyCapitalLettersInItToForceTheSixBitEncoding", LowerUpperDigitSpecial, "357888b129c68d6b078938060981098f3006b0e007909805ca2269888a511b12769cf9c88425a389610bb6426f1a11c19068c0"),
    (FieldName, "a-b", Utf8, "612d62"),
    (FieldName, "a b", Utf8, "612062"),
    (FieldName, "名前", Utf8, "e5908de5898d"),
    (FieldName, "emoji😀", Utf8, "656d6f6a69f09f9880"),
    (GenericNamespace, "", Utf8, ""),
    (GenericNamespace, "example", LowerSpecial, "12e063d640"),
    (GenericNamespace, "org.apache.fory", LowerSpecial, "3a26d01e011c9a2ba380"),
    (GenericNamespace, "com.example.v2", LowerUpperDigitSpecial, "04719f08b8061e589f2bb0"),
    (GenericNamespace, "a.b_c", LowerSpecial, "8341d880"),
    (GenericNamespace, "a$b", LowerSpecial, "0381"),
    (GenericNamespace, "a|b", LowerSpecial, "03a1"),
    (GenericNamespace, "pkg.Sub", AllToLowerSpecial, "bd46d7654080"),
    (GenericNamespace, "MyPkg", LowerUpperDigitSpecial, "4cc5250c"),
    (GenericNamespace, "org.apache.fory.benchmark.data.structures", LowerSpecial, "3a26d01e011c9a2ba38d048d11d808ab4304c1a94e3414e91248"),
    (GenericNamespace, "Foo", FirstToLowerSpecial, "15ce"),
    (GenericNamespace, "MyType", LowerUpperDigitSpecial, "4cc5ac1e20"),
    (GenericNamespace, "HTTPServer", LowerUpperDigitSpecial, "436db4d8222a8888"),
    (GenericNamespace, "Outer$Inner", Utf8, "4f7574657224496e6e6572"),
    (GenericNamespace, "Outer.Inner", AllToLowerSpecial, "f5d49923aea1ad2440"),
    (GenericNamespace, "A", FirstToLowerSpecial, "00"),
    (GenericNamespace, "ABCDEFGH", LowerUpperDigitSpecial, "b4db8ebcfc1080"),
    (GenericNamespace, "Foo2", LowerUpperDigitSpecial, "be71db00"),
    (GenericNamespace, "my_type", LowerSpecial, "331b9e1e40"),
    (GenericNamespace, "URLParser2", LowerUpperDigitSpecial, "5d5cb4808a4223b0"),
    (GenericNamespace, "XMLHttpRequest", LowerUpperDigitSpecial, "6334b0a699f58882822498"),
    (GenericNamespace, "IOError", LowerUpperDigitSpecial, "4543c8a27220"),
    (GenericNamespace, "aBcde", LowerUpperDigitSpecial, "00d84188"),
    (GenericNamespace, "aBcdef", AllToLowerSpecial, "03a110c850"),
    (GenericNamespace, "A$b", Utf8, "412462"),
    (GenericNamespace, "Ab_Cd", LowerUpperDigitSpecial, "340fee06"),
    (GenericNamespace, "a", LowerSpecial, "00"),
    (GenericNamespace, "ab", LowerSpecial, "8020"),
    (GenericNamespace, "abcdefg", LowerSpecial, "0022190a60"),
    (GenericNamespace, "abcdefgh", LowerSpecial, "8022190a6380"),
    (GenericNamespace, "abcdefghijklmno", LowerSpecial, "0022190a63a12a5b1ae0"),
    (GenericNamespace, "abcdefghijklmnop", LowerSpecial, "8022190a63a12a5b1ae780"),
    (GenericNamespace, "field_name", LowerSpecial, "950458f6d03080"),
    (GenericNamespace, "f1", LowerUpperDigitSpecial, "0ba8"),
    (GenericNamespace, "snake_case_name", LowerSpecial, "49a0513620489b681840"),
    (GenericNamespace, "x_y_z", LowerSpecial, "df78de40"),
    (GenericNamespace, "__private", LowerSpecial, "6f6f8a2a0990"),
    (GenericNamespace, "has$dollar", LowerSpecial, "9c12e0dcb58220"),
    (GenericNamespace, "$", LowerSpecial, "70"),
    (GenericNamespace, "_", LowerSpecial, "6c"),
    (GenericNamespace, ".", LowerSpecial, "68"),
    (GenericNamespace, "|", LowerSpecial, "74"),
    (GenericNamespace, "camelCase", AllToLowerSpecial, "880c22fa204880"),
    (GenericNamespace, "CONSTANT_NAME", LowerUpperDigitSpecial, "3944f65ad4f6ff3b533c"),
    (GenericNamespace, "user_id_2", LowerUpperDigitSpecial, "289088fe407fec"),
    (GenericNamespace, "a_field_name_longer_than_sixteen", LowerSpecial, "836541163db40c26d6e69891dcce06ee48bcc84680"),
    (GenericNamespace, "a_very_long_field_name_that_goes_well_beyond_sixty_characters_in_length", LowerSpecial, "03752471b5b9a6d950458f6d0309b99c13d99c496ec45af61261cd1ee48bcf1b11c1100a648cb686ed6469a670"),
    (GenericNamespace, "AVeryLongTypeNameWithManyCapitalLettersInItToForceTheSixBitEncoding", LowerUpperDigitSpecial, "357888b129c68d6b078938060981098f3006b0e007909805ca2269888a511b12769cf9c88425a389610bb6426f1a11c19068c0"),
    (GenericNamespace, "a-b", Utf8, "612d62"),
    (GenericNamespace, "a b", Utf8, "612062"),
    (GenericNamespace, "名前", Utf8, "e5908de5898d"),
    (GenericNamespace, "emoji😀", Utf8, "656d6f6a69f09f9880"),
    (GenericTypeName, "", Utf8, ""),
    (GenericTypeName, "example", LowerSpecial, "12e063d640"),
    (GenericTypeName, "org.apache.fory", LowerSpecial, "3a26d01e011c9a2ba380"),
    (GenericTypeName, "com.example.v2", Utf8, "636f6d2e6578616d706c652e7632"),
    (GenericTypeName, "a.b_c", LowerSpecial, "8341d880"),
    (GenericTypeName, "a$b", LowerSpecial, "0381"),
    (GenericTypeName, "a|b", LowerSpecial, "03a1"),
    (GenericTypeName, "pkg.Sub", Utf8, "706b672e537562"),
    (GenericTypeName, "MyPkg", LowerUpperDigitSpecial, "4cc5250c"),
    (GenericTypeName, "org.apache.fory.benchmark.data.structures", LowerSpecial, "3a26d01e011c9a2ba38d048d11d808ab4304c1a94e3414e91248"),
    (GenericTypeName, "Foo", FirstToLowerSpecial, "15ce"),
    (GenericTypeName, "MyType", LowerUpperDigitSpecial, "4cc5ac1e20"),
    (GenericTypeName, "HTTPServer", LowerUpperDigitSpecial, "436db4d8222a8888"),
    (GenericTypeName, "Outer$Inner", AllToLowerSpecial, "f5d49923cea1ad2440"),
    (GenericTypeName, "Outer.Inner", Utf8, "4f757465722e496e6e6572"),
    (GenericTypeName, "A", FirstToLowerSpecial, "00"),
    (GenericTypeName, "ABCDEFGH", LowerUpperDigitSpecial, "b4db8ebcfc1080"),
    (GenericTypeName, "Foo2", LowerUpperDigitSpecial, "be71db00"),
    (GenericTypeName, "my_type", LowerSpecial, "331b9e1e40"),
    (GenericTypeName, "URLParser2", LowerUpperDigitSpecial, "5d5cb4808a4223b0"),
    (GenericTypeName, "XMLHttpRequest", LowerUpperDigitSpecial, "6334b0a699f58882822498"),
    (GenericTypeName, "IOError", LowerUpperDigitSpecial, "4543c8a27220"),
    (GenericTypeName, "aBcde", LowerUpperDigitSpecial, "00d84188"),
    (GenericTypeName, "aBcdef", AllToLowerSpecial, "03a110c850"),
    (GenericTypeName, "A$b", FirstToLowerSpecial, "0381"),
    (GenericTypeName, "Ab_Cd", LowerUpperDigitSpecial, "340fee06"),
    (GenericTypeName, "a", LowerSpecial, "00"),
    (GenericTypeName, "ab", LowerSpecial, "8020"),
    (GenericTypeName, "abcdefg", LowerSpecial, "0022190a60"),
    (GenericTypeName, "abcdefgh", LowerSpecial, "8022190a6380"),
    (GenericTypeName, "abcdefghijklmno", LowerSpecial, "0022190a63a12a5b1ae0"),
    (GenericTypeName, "abcdefghijklmnop", LowerSpecial, "8022190a63a12a5b1ae780"),
    (GenericTypeName, "field_name", LowerSpecial, "950458f6d03080"),
    (GenericTypeName, "f1", LowerUpperDigitSpecial, "0ba8"),
    (GenericTypeName, "snake_case_name", LowerSpecial, "49a0513620489b681840"),
    (GenericTypeName, "x_y_z", LowerSpecial, "df78de40"),
    (GenericTypeName, "__private", LowerSpecial, "6f6f8a2a0990"),
    (GenericTypeName, "has$dollar", LowerSpecial, "9c12e0dcb58220"),
    (GenericTypeName, "$", LowerSpecial, "70"),
    (GenericTypeName, "_", LowerSpecial, "6c"),
    (GenericTypeName, ".", LowerSpecial, "68"),
    (GenericTypeName, "|", LowerSpecial, "74"),
    (GenericTypeName, "camelCase", AllToLowerSpecial, "880c22fa204880"),
    (GenericTypeName, "CONSTANT_NAME", LowerUpperDigitSpecial, "3944f65ad4f6ff3b533c"),
    (GenericTypeName, "user_id_2", LowerUpperDigitSpecial, "289088fe407fec"),
    (GenericTypeName, "a_field_name_longer_than_sixteen", LowerSpecial, "836541163db40c26d6e69891dcce06ee48bcc84680"),
    (GenericTypeName, "a_very_long_field_name_that_goes_well_beyond_sixty_characters_in_length", LowerSpecial, "03752471b5b9a6d950458f6d0309b99c13d99c496ec45af61261cd1ee48bcf1b11c1100a648cb686ed6469a670"),
    (GenericTypeName, "AVeryLongTypeNameWithManyCapitalLettersInItToForceTheSixBitEncoding", LowerUpperDigitSpecial, "357888b129c68d6b078938060981098f3006b0e007909805ca2269888a511b12769cf9c88425a389610bb6426f1a11c19068c0"),
    (GenericTypeName, "a-b", Utf8, "612d62"),
    (GenericTypeName, "a b", Utf8, "612062"),
    (GenericTypeName, "名前", Utf8, "e5908de5898d"),
    (GenericTypeName, "emoji😀", Utf8, "656d6f6a69f09f9880"),
];

#[rustfmt::skip]
const PYFORY_REJECTS: &[Row] = &[
    // pyfory: picks FIRST_TO_LOWER_SPECIAL, not in the allowed list
    (Namespace, "Foo", LowerUpperDigitSpecial, "3e71c0"),
    // pyfory: picks FIRST_TO_LOWER_SPECIAL, not in the allowed list
    (Namespace, "A", LowerUpperDigitSpecial, "34"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ï
    (Namespace, "naïve", Utf8, "6e61c3af7665"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ß
    (Namespace, "ß", Utf8, "c39f"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ä
    (Namespace, "Ärger", Utf8, "c38472676572"),
    // pyfory: ValueError: Unsupported character for LOWER_UPPER_DIGIT_SPECIAL encoding: ²
    (Namespace, "x²", Utf8, "78c2b2"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: é
    (Namespace, "café_au_lait", Utf8, "636166c3a95f61755f6c616974"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ï
    (TypeName, "naïve", Utf8, "6e61c3af7665"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ß
    (TypeName, "ß", Utf8, "c39f"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ä
    (TypeName, "Ärger", Utf8, "c38472676572"),
    // pyfory: ValueError: Unsupported character for LOWER_UPPER_DIGIT_SPECIAL encoding: ²
    (TypeName, "x²", Utf8, "78c2b2"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: é
    (TypeName, "café_au_lait", Utf8, "636166c3a95f61755f6c616974"),
    // pyfory: picks FIRST_TO_LOWER_SPECIAL, not in the allowed list
    (FieldName, "Foo", LowerUpperDigitSpecial, "3e71c0"),
    // pyfory: picks FIRST_TO_LOWER_SPECIAL, not in the allowed list
    (FieldName, "A", LowerUpperDigitSpecial, "34"),
    // pyfory: picks FIRST_TO_LOWER_SPECIAL, not in the allowed list
    (FieldName, "A$b", LowerUpperDigitSpecial, "35f020"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ï
    (FieldName, "naïve", Utf8, "6e61c3af7665"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ß
    (FieldName, "ß", Utf8, "c39f"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ä
    (FieldName, "Ärger", Utf8, "c38472676572"),
    // pyfory: ValueError: Unsupported character for LOWER_UPPER_DIGIT_SPECIAL encoding: ²
    (FieldName, "x²", Utf8, "78c2b2"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: é
    (FieldName, "café_au_lait", Utf8, "636166c3a95f61755f6c616974"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ï
    (GenericNamespace, "naïve", Utf8, "6e61c3af7665"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ß
    (GenericNamespace, "ß", Utf8, "c39f"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ä
    (GenericNamespace, "Ärger", Utf8, "c38472676572"),
    // pyfory: ValueError: Unsupported character for LOWER_UPPER_DIGIT_SPECIAL encoding: ²
    (GenericNamespace, "x²", Utf8, "78c2b2"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: é
    (GenericNamespace, "café_au_lait", Utf8, "636166c3a95f61755f6c616974"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ï
    (GenericTypeName, "naïve", Utf8, "6e61c3af7665"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ß
    (GenericTypeName, "ß", Utf8, "c39f"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: ä
    (GenericTypeName, "Ärger", Utf8, "c38472676572"),
    // pyfory: ValueError: Unsupported character for LOWER_UPPER_DIGIT_SPECIAL encoding: ²
    (GenericTypeName, "x²", Utf8, "78c2b2"),
    // pyfory: ValueError: Unsupported character for LOWER_SPECIAL encoding: é
    (GenericTypeName, "café_au_lait", Utf8, "636166c3a95f61755f6c616974"),
];

fn check(rows: &[Row]) {
    for &(ctx, name, encoding, expected) in rows {
        let encoder = ctx.encoder();
        assert_eq!(encoder.choose_encoding(name), encoding, "{ctx:?} {name:?}");
        let ms = encoder.encode(name).unwrap();
        assert_eq!(ms.text(), name);
        assert_eq!(ms.encoding(), encoding, "{ctx:?} {name:?}");
        assert_eq!(hex(ms.bytes()), expected, "{ctx:?} {name:?}");
        assert!(encoder.allows(encoding), "{ctx:?} {name:?}");
        let decoded = ctx.decoder().decode(&unhex(expected), encoding).unwrap();
        assert_eq!(decoded, name, "{ctx:?} {encoding:?} {expected}");
        assert_eq!(encoder.decoder(), ctx.decoder());
    }
}

#[test]
fn encodes_and_decodes_like_pyfory() {
    check(PYFORY);
}

#[test]
fn names_pyfory_cannot_write_follow_java() {
    check(PYFORY_REJECTS);
}

#[test]
fn tables_cover_every_encoding_and_context() {
    let rows = || PYFORY.iter().chain(PYFORY_REJECTS);
    for e in [
        Utf8,
        LowerSpecial,
        LowerUpperDigitSpecial,
        FirstToLowerSpecial,
        AllToLowerSpecial,
    ] {
        assert!(rows().any(|r| r.2 == e), "{e:?}");
    }
    for ctx in [
        Namespace,
        TypeName,
        FieldName,
        GenericNamespace,
        GenericTypeName,
    ] {
        let n = rows().filter(|r| r.0 == ctx).count();
        assert!(n >= 40, "{ctx:?} has {n} rows");
        assert!(rows().any(|r| r.0 == ctx && r.1.is_empty()), "{ctx:?}");
    }
}
