//! Contexts take their meta and reference tables from a per-thread pool: every payload must
//! still start from empty tables, and two contexts alive at once on one thread must not share
//! them.

use std::rc::Rc;

use fory_core::context::WriteContext;
use fory_core::{Fory, ForyObject, Writer};

#[derive(ForyObject, Debug, Clone, PartialEq, Default)]
#[fory(namespace = "example", name = "Point")]
struct Point {
    x: i32,
    y: i32,
}

fn tracking() -> Fory {
    Fory::builder().ref_tracking(true).build()
}

#[test]
fn every_payload_starts_from_empty_tables() {
    // A named struct in compatible mode writes its TypeDef; in schema-consistent mode its names
    // as meta strings. A second payload written with leftover tables would refer back instead.
    for compatible in [false, true] {
        let mut fory = Fory::builder().compatible(compatible).build();
        fory.register_named::<Point>().unwrap();
        let value = vec![Point { x: 1, y: 2 }, Point { x: 3, y: 4 }];
        let first = fory.serialize(&value).unwrap();
        let mut reused = Vec::new();
        for _ in 0..3 {
            fory.serialize_into(&value, &mut reused).unwrap();
            assert_eq!(reused, first, "compatible = {compatible}");
            let back: Vec<Point> = fory.deserialize(&reused).unwrap();
            assert_eq!(back, value);
        }
    }
}

#[test]
fn reference_ids_restart_in_every_payload() {
    let fory = tracking();
    let x = Rc::new(vec!["a".to_string()]);
    let list = vec![x.clone(), x];
    let first = fory.serialize(&list).unwrap();
    for _ in 0..3 {
        assert_eq!(fory.serialize(&list).unwrap(), first);
        let back: Vec<Rc<Vec<String>>> = fory.deserialize(&first).unwrap();
        assert!(Rc::ptr_eq(&back[0], &back[1]));
    }
}

#[test]
fn a_context_alive_while_another_payload_is_written_keeps_its_own_tables() {
    let fory = tracking();
    let shared = Rc::new(vec!["a".to_string()]);
    let address = Rc::as_ptr(&shared) as usize;
    let mut outer = WriteContext::new(Writer::new(), &fory);
    assert_eq!(outer.ref_id_of(address), None);

    // A whole payload written meanwhile on the same thread, with the same address.
    let list = vec![shared.clone(), shared.clone()];
    let expected = tracking().serialize(&list).unwrap();
    assert_eq!(fory.serialize(&list).unwrap(), expected);

    // The outer context still knows the address under its own id, and only that one.
    assert_eq!(outer.ref_id_of(address), Some(0));
    assert_eq!(outer.ref_id_of(address + 8), None);
}

#[test]
fn tables_are_not_shared_between_threads() {
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                let fory = tracking();
                let x = Rc::new(vec!["a".to_string()]);
                let list = vec![x.clone(), x];
                let first = fory.serialize(&list).unwrap();
                for _ in 0..1000 {
                    assert_eq!(fory.serialize(&list).unwrap(), first);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
}
