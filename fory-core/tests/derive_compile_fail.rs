//! Every shape `#[derive(ForyObject)]` rejects fails to compile with a message that points at the
//! offending item (the expected messages are the `.stderr` files next to each case).

#[test]
fn rejected_shapes() {
    trybuild::TestCases::new().compile_fail("tests/derive_ui/*.rs");
}
