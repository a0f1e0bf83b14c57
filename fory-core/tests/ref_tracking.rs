//! Shared and circular references with reference tracking on.
//!
//! Peer frames: pyfory 1.7.7 `pyfory.Fory(xlang=True, ref=True).serialize(v)`.

mod common;

use common::{hex, unhex};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::{Arc, Mutex};

use fory_core::context::{ReadContext, WriteContext};
use fory_core::types::TypeId;
use fory_core::{Deserialize, Fory, Result, Serialize};

fn tracking() -> Fory {
    Fory::builder().ref_tracking(true).build()
}

#[test]
fn the_same_rc_twice_is_written_once_then_as_a_reference() {
    // x = ["a"]; serialize([x, x])
    let peer = "010016020916000108150461fe01";
    let x = Rc::new(vec!["a".to_string()]);
    let list = vec![x.clone(), x];
    assert_eq!(hex(&tracking().serialize(&list).unwrap()), peer);
    let back: Vec<Rc<Vec<String>>> = tracking().deserialize(&unhex(peer)).unwrap();
    assert_eq!(back[0], back[1]);
    assert!(Rc::ptr_eq(&back[0], &back[1]));
    // Arc the same way.
    let back: Vec<Arc<Vec<String>>> = tracking().deserialize(&unhex(peer)).unwrap();
    assert!(Arc::ptr_eq(&back[0], &back[1]));
}

#[test]
fn values_that_cannot_be_shared_are_written_whole() {
    // serialize(["a", "a"]): the root takes ref id 0, strings are not tracked.
    let v = vec!["a".to_string(), "a".to_string()];
    assert_eq!(
        hex(&tracking().serialize(&v).unwrap()),
        "01001602081504610461"
    );
    // Without tracking, a shared Rc is simply written twice.
    let x = Rc::new("a".to_string());
    let bytes = Fory::default().serialize(&vec![x.clone(), x]).unwrap();
    assert_eq!(hex(&bytes), "01ff1602081504610461");
}

#[test]
fn references_to_unknown_or_unshareable_ids_are_errors() {
    let fory = tracking();
    // Reference id 5 before any value has it.
    let err = fory
        .deserialize::<Vec<Rc<Vec<String>>>>(&unhex("010016020916fe05fe05"))
        .unwrap_err();
    assert!(err.to_string().contains("only 1 were assigned"), "{err}");
    assert_eq!(err.offset(), Some(6));
    // Reference 0 is the list being read itself, which no Rc can hold yet.
    let err = fory
        .deserialize::<Vec<Rc<Vec<String>>>>(&unhex("010016020916fe00fe00"))
        .unwrap_err();
    assert!(err.to_string().contains("still being read"), "{err}");
    // A reference where the target type cannot be shared.
    let err = fory
        .deserialize::<Vec<String>>(&unhex("0100160209 15fe00".replace(' ', "").as_str()))
        .unwrap_err();
    assert!(err.to_string().contains("not a shared reference"), "{err}");
}

/// A graph node whose children can point anywhere, including back to itself.
#[derive(Default)]
struct Node(Vec<Rc<RefCell<Node>>>);

impl Serialize for Node {
    fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
        self.0.write_type_info(ctx)
    }
    fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
        self.0.write_data(ctx, declared)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
        Vec::<Rc<RefCell<Node>>>::read_type_info(ctx)
    }
    fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
        Vec::read_data(ctx, id).map(Node)
    }
    fn declared_type_id() -> TypeId {
        TypeId::List
    }
}

#[test]
fn a_cycle_through_rc_refcell_round_trips() {
    let a = Rc::new(RefCell::new(Node::default()));
    let b = Rc::new(RefCell::new(Node::default()));
    a.borrow_mut().0.push(b.clone());
    b.borrow_mut().0.push(a.clone());
    b.borrow_mut().0.push(b.clone());
    let bytes = tracking().serialize(&a).unwrap();
    // root 00 (id 0), LIST of 1 tracked element (header 09, element type LIST): b, 00 (id 1),
    // a LIST of 2 tracked elements: a reference to 0, then to 1.
    assert_eq!(hex(&bytes), "01001601091600020916fe00fe01");
    let back: Rc<RefCell<Node>> = tracking().deserialize(&bytes).unwrap();
    let b2 = back.borrow().0[0].clone();
    assert!(Rc::ptr_eq(&b2.borrow().0[0], &back));
    assert!(Rc::ptr_eq(&b2.borrow().0[1], &b2));
    // Break the cycles so the test does not leak.
    a.borrow_mut().0.clear();
    b.borrow_mut().0.clear();
    back.borrow_mut().0.clear();
    b2.borrow_mut().0.clear();
}

#[test]
fn a_cycle_without_tracking_is_an_error_not_a_stack_overflow() {
    let a = Rc::new(RefCell::new(Node::default()));
    a.borrow_mut().0.push(a.clone());
    let err = Fory::default().serialize(&a).unwrap_err();
    assert!(err.to_string().contains("max_depth"), "{err}");
    a.borrow_mut().0.clear();
}

#[test]
fn arc_mutex_cycles_and_weak_references() {
    #[derive(Default)]
    struct Shared(Vec<Arc<Mutex<Shared>>>);
    impl Serialize for Shared {
        fn write_type_info(&self, ctx: &mut WriteContext<'_>) -> Result<()> {
            self.0.write_type_info(ctx)
        }
        fn write_data<'v>(&'v self, ctx: &mut WriteContext<'v>, declared: bool) -> Result<()> {
            self.0.write_data(ctx, declared)
        }
    }
    impl<'de> Deserialize<'de> for Shared {
        fn read_type_info(ctx: &mut ReadContext<'_, 'de>) -> Result<TypeId> {
            Vec::<Arc<Mutex<Shared>>>::read_type_info(ctx)
        }
        fn read_data(ctx: &mut ReadContext<'_, 'de>, id: TypeId) -> Result<Self> {
            Vec::read_data(ctx, id).map(Shared)
        }
        fn declared_type_id() -> TypeId {
            TypeId::List
        }
    }
    // Shared (not cyclic) Arc<Mutex<_>> values are written once.
    let m = Arc::new(Mutex::new("a".to_string()));
    let bytes = tracking().serialize(&vec![m.clone(), m]).unwrap();
    assert_eq!(hex(&bytes), "010016020915000461fe01");
    let back: Vec<Arc<Mutex<String>>> = tracking().deserialize(&bytes).unwrap();
    assert!(Arc::ptr_eq(&back[0], &back[1]));
    // A value reachable from inside its own Mutex cannot be written (the lock is held): an
    // error, with or without tracking, never a deadlock.
    let c = Arc::new(Mutex::new(Shared::default()));
    c.lock().unwrap().0.push(c.clone());
    for fory in [tracking(), Fory::default()] {
        let err = fory.serialize(&c).unwrap_err();
        assert!(err.to_string().contains("Mutex"), "{err}");
    }
    c.lock().unwrap().0.clear();

    // A Weak next to its Rc reads back pointing at the same value; a dead Weak is null.
    let strong = Rc::new("x".to_string());
    let pair = (strong.clone(), Rc::downgrade(&strong));
    let bytes = tracking().serialize(&pair).unwrap();
    let (s, w): (Rc<String>, Weak<String>) = tracking().deserialize(&bytes).unwrap();
    assert!(Rc::ptr_eq(&s, &w.upgrade().unwrap()));
    let dead: Weak<String> = Weak::new();
    assert_eq!(hex(&tracking().serialize(&dead).unwrap()), "01fd");
}

/// Java 1.6.0 `Fory.builder().withXlang(true).withRefTracking(true).build().serialize(v)`:
/// collections, maps and arrays carry reference flags, strings and numbers do not.
#[test]
fn reference_flags_match_java() {
    use fory_core::Value::{self, *};
    use std::collections::{BTreeMap, BTreeSet};
    let s = |x: &str| String(x.to_string());
    let check = |v: &dyn Fn() -> Vec<u8>, peer: &str| assert_eq!(hex(&v()), peer);
    let f = tracking();
    // Arrays.asList("a", 1): differing types, so every element has a flag (00 takes an id).
    check(
        &|| f.serialize(&List(vec![s("a"), Value::Int32(1)])).unwrap(),
        "010016020100150461000502",
    );
    // Arrays.asList("a", Arrays.asList("b"))
    check(
        &|| {
            f.serialize(&List(vec![s("a"), List(vec![s("b")])]))
                .unwrap()
        },
        "01001602010015046100160108150462",
    );
    // Two distinct but equal lists, and the same list twice.
    let two = vec![vec!["a".to_string()], vec!["a".to_string()]];
    check(
        &|| f.serialize(&two).unwrap(),
        "010016020916000108150461000108150461",
    );
    // The same int[] twice, as Rc.
    let arr = Rc::new(vec![1i32]);
    check(
        &|| f.serialize(&vec![arr.clone(), arr.clone()]).unwrap(),
        "01001602092e000401000000fe01",
    );
    // {"a": x, "b": x} with x = ["a"]: values tracked, the second a reference.
    let x = Rc::new(vec!["a".to_string()]);
    let map = BTreeMap::from([("a".to_string(), x.clone()), ("b".to_string(), x)]);
    let bytes = f.serialize(&map).unwrap();
    assert_eq!(hex(&bytes), "010018020802151604610001081504610462fe01");
    let back: BTreeMap<std::string::String, Rc<Vec<std::string::String>>> =
        f.deserialize(&bytes).unwrap();
    assert!(Rc::ptr_eq(&back["a"], &back["b"]));
    // Scalars and strings are not tracked; the root always is.
    check(
        &|| {
            f.serialize(&List(vec![Value::Int32(1000), Value::Int32(1000)]))
                .unwrap()
        },
        "010016020805d00fd00f",
    );
    check(
        &|| {
            f.serialize(&BTreeMap::from([("a".to_string(), 1i32)]))
                .unwrap()
        },
        "0100180100011505046102",
    );
    check(
        &|| f.serialize(&BTreeSet::from(["a".to_string()])).unwrap(),
        "0100170108150461",
    );
    check(
        &|| f.serialize(&vec![1i32, -1]).unwrap(),
        "01002e0801000000ffffffff",
    );
    // Go writes the flags of a mixed list as ff (no id) and tracks sets of strings; we read it.
    let go: Value = f.deserialize(&unhex("0100160201ff150661ff0502")).unwrap();
    assert_eq!(go, List(vec![s("a"), Value::Int32(1)]));
    let go_set: BTreeSet<std::string::String> =
        f.deserialize(&unhex("010017010915ff0661")).unwrap();
    assert_eq!(go_set, BTreeSet::from(["a".to_string()]));
}
