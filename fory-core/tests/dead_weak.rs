//! A `Weak` that cannot be upgraded (`Weak::new()`, or one whose value is gone) is written as the
//! null flag `fd`, and the null flag reads back as such a `Weak`: at the root, as a struct field
//! and as a list element, `std::rc::Weak` and `std::sync::Weak`, with and without reference
//! tracking, in both modes. And a parent / children tree whose root has no parent round-trips.

mod common;

use common::hex;
use std::cell::RefCell;
use std::rc::{self, Rc};
use std::sync::{self, Arc};

use fory_core::{Fory, ForyObject};

/// Every combination of the two modes and reference tracking, set explicitly.
fn configs() -> Vec<(bool, bool)> {
    vec![(false, false), (false, true), (true, false), (true, true)]
}

fn fory(compatible: bool, ref_tracking: bool) -> Fory {
    let mut fory = Fory::builder()
        .compatible(compatible)
        .ref_tracking(ref_tracking)
        .build();
    fory.register::<WeakFields>(240).unwrap();
    fory.register::<Node>(241).unwrap();
    fory
}

#[test]
fn a_dead_weak_at_the_root_is_the_null_flag_both_ways() {
    for (compatible, track) in configs() {
        let f = fory(compatible, track);
        let bytes = f.serialize(&rc::Weak::<String>::new()).unwrap();
        assert_eq!(hex(&bytes), "01fd");
        let back: rc::Weak<String> = f.deserialize(&bytes).unwrap();
        assert!(back.upgrade().is_none());

        let bytes = f.serialize(&sync::Weak::<String>::new()).unwrap();
        assert_eq!(hex(&bytes), "01fd");
        let back: sync::Weak<String> = f.deserialize(&bytes).unwrap();
        assert!(back.upgrade().is_none());

        // A Weak whose value was dropped is the same.
        let gone = Rc::downgrade(&Rc::new("x".to_string()));
        assert_eq!(hex(&f.serialize(&gone).unwrap()), "01fd");
        let gone = Arc::downgrade(&Arc::new("x".to_string()));
        assert_eq!(hex(&f.serialize(&gone).unwrap()), "01fd");
    }
}

#[test]
fn a_null_flag_where_a_strong_pointer_is_expected_is_still_an_error() {
    let f = fory(false, true);
    let err = f.deserialize::<Rc<String>>(&[0x01, 0xfd]).unwrap_err();
    assert!(err.to_string().contains("null flag"), "{err}");
    assert_eq!(err.offset(), Some(1));
    let err = f.deserialize::<Arc<String>>(&[0x01, 0xfd]).unwrap_err();
    assert_eq!(err.offset(), Some(1));
}

/// Dead and live `Weak` fields side by side; `keep` holds the values the live ones point to.
#[derive(ForyObject, Debug, Default)]
struct WeakFields {
    keep: Option<Rc<String>>,
    keep_sync: Option<Arc<String>>,
    dead: rc::Weak<String>,
    dead_sync: sync::Weak<String>,
    live: rc::Weak<String>,
    live_sync: sync::Weak<String>,
}

#[test]
fn dead_weak_fields_read_back_dead() {
    for (compatible, track) in configs() {
        let f = fory(compatible, track);
        let keep = Rc::new("k".to_string());
        let keep_sync = Arc::new("s".to_string());
        let value = WeakFields {
            keep: Some(keep.clone()),
            keep_sync: Some(keep_sync.clone()),
            dead: rc::Weak::new(),
            dead_sync: sync::Weak::new(),
            live: Rc::downgrade(&keep),
            live_sync: Arc::downgrade(&keep_sync),
        };
        let bytes = f.serialize(&value).unwrap();
        let back: WeakFields = f.deserialize(&bytes).unwrap();
        let what = format!("compatible {compatible}, tracking {track}: {}", hex(&bytes));
        assert!(back.dead.upgrade().is_none(), "{what}");
        assert!(back.dead_sync.upgrade().is_none(), "{what}");
        assert_eq!(
            back.keep.as_deref().map(String::as_str),
            Some("k"),
            "{what}"
        );
        assert_eq!(
            back.keep_sync.as_deref().map(String::as_str),
            Some("s"),
            "{what}"
        );
        if track {
            // The live ones point at the values `keep` and `keep_sync` hold.
            let keep = back.keep.as_ref().unwrap();
            assert!(Rc::ptr_eq(&back.live.upgrade().unwrap(), keep), "{what}");
            let keep_sync = back.keep_sync.as_ref().unwrap();
            assert!(
                Arc::ptr_eq(&back.live_sync.upgrade().unwrap(), keep_sync),
                "{what}"
            );
        } else {
            // Without tracking nothing else holds their copies: they read back dead too.
            assert!(back.live.upgrade().is_none(), "{what}");
            assert!(back.live_sync.upgrade().is_none(), "{what}");
        }
    }
}

#[test]
fn dead_weak_list_elements_read_back_dead() {
    for (compatible, track) in configs() {
        let f = fory(compatible, track);
        // Only dead ones: header 02 (has nulls, no element type), then one null flag each.
        let dead = vec![rc::Weak::<String>::new(), rc::Weak::new()];
        let bytes = f.serialize(&dead).unwrap();
        let root = if track { "00" } else { "ff" };
        assert_eq!(hex(&bytes), format!("01{root}160202fdfd"));
        let back: Vec<rc::Weak<String>> = f.deserialize(&bytes).unwrap();
        assert_eq!(back.len(), 2);
        assert!(back.iter().all(|w| w.upgrade().is_none()));
        let back: Vec<sync::Weak<String>> = f.deserialize(&bytes).unwrap();
        assert_eq!(back.len(), 2);
        assert!(back.iter().all(|w| w.upgrade().is_none()));

        // Dead next to live, the live ones kept alive by the strong pointer written first.
        let strong = Rc::new("a".to_string());
        let mixed = (
            strong.clone(),
            vec![rc::Weak::new(), Rc::downgrade(&strong), rc::Weak::new()],
        );
        let bytes = f.serialize(&mixed).unwrap();
        let (s, weaks): (Rc<String>, Vec<rc::Weak<String>>) = f.deserialize(&bytes).unwrap();
        let what = format!("compatible {compatible}, tracking {track}: {}", hex(&bytes));
        assert_eq!(weaks.len(), 3, "{what}");
        assert!(weaks[0].upgrade().is_none(), "{what}");
        assert!(weaks[2].upgrade().is_none(), "{what}");
        match weaks[1].upgrade() {
            Some(w) => assert!(track && Rc::ptr_eq(&w, &s), "{what}"),
            None => assert!(!track, "{what}"),
        }

        let strong = Arc::new("a".to_string());
        let mixed = (
            strong.clone(),
            vec![
                sync::Weak::new(),
                Arc::downgrade(&strong),
                sync::Weak::new(),
            ],
        );
        let bytes = f.serialize(&mixed).unwrap();
        let (s, weaks): (Arc<String>, Vec<sync::Weak<String>>) = f.deserialize(&bytes).unwrap();
        assert_eq!(weaks.len(), 3, "{what}");
        assert!(weaks[0].upgrade().is_none(), "{what}");
        assert!(weaks[2].upgrade().is_none(), "{what}");
        match weaks[1].upgrade() {
            Some(w) => assert!(track && Arc::ptr_eq(&w, &s), "{what}"),
            None => assert!(!track, "{what}"),
        }
    }
}

/// A tree whose nodes point back to their parent; the root's parent is a dead `Weak`.
#[derive(ForyObject, Default)]
struct Node {
    name: String,
    parent: rc::Weak<RefCell<Node>>,
    children: Vec<Rc<RefCell<Node>>>,
}

fn node(name: &str, parent: rc::Weak<RefCell<Node>>) -> Rc<RefCell<Node>> {
    Rc::new(RefCell::new(Node {
        name: name.to_string(),
        parent,
        children: Vec::new(),
    }))
}

/// root -> [a -> [c], b]
fn tree() -> Rc<RefCell<Node>> {
    let root = node("root", rc::Weak::new());
    let a = node("a", Rc::downgrade(&root));
    let b = node("b", Rc::downgrade(&root));
    let c = node("c", Rc::downgrade(&a));
    a.borrow_mut().children.push(c);
    root.borrow_mut().children.extend([a, b]);
    root
}

/// `node`'s name and, recursively, that each child's parent is `node` itself.
fn check_tree(node: &Rc<RefCell<Node>>, parent: Option<&Rc<RefCell<Node>>>) -> String {
    let n = node.borrow();
    match (n.parent.upgrade(), parent) {
        (None, None) => {}
        (Some(p), Some(want)) if Rc::ptr_eq(&p, want) => {}
        _ => return format!("{}: wrong parent", n.name),
    }
    let children: Vec<String> = n
        .children
        .iter()
        .map(|c| check_tree(c, Some(node)))
        .collect();
    if children.is_empty() {
        n.name.clone()
    } else {
        format!("{}[{}]", n.name, children.join(", "))
    }
}

#[test]
fn a_tree_whose_root_has_a_dead_parent_round_trips() {
    for compatible in [false, true] {
        let f = fory(compatible, true);
        let root = tree();
        let bytes = f.serialize(&root).unwrap();
        let back: Rc<RefCell<Node>> = f.deserialize(&bytes).unwrap();
        assert_eq!(check_tree(&back, None), "root[a[c], b]");
        // Our own bytes again.
        assert_eq!(f.serialize(&back).unwrap(), bytes);
        // Every strict prefix is an error, not a panic.
        for cut in 0..bytes.len() {
            assert!(f.deserialize::<Rc<RefCell<Node>>>(&bytes[..cut]).is_err());
        }
    }
}

#[test]
fn a_lone_root_is_a_dead_parent_and_no_children() {
    for compatible in [false, true] {
        let f = fory(compatible, true);
        let root = node("root", rc::Weak::new());
        let bytes = f.serialize(&root).unwrap();
        let back: Rc<RefCell<Node>> = f.deserialize(&bytes).unwrap();
        assert_eq!(check_tree(&back, None), "root");
        assert!(back.borrow().parent.upgrade().is_none());
    }
}

#[test]
fn a_tree_without_reference_tracking_is_an_error() {
    // The child's parent would be written in full again, and so on: max_depth stops it.
    let f = fory(false, false);
    let err = f.serialize(&tree()).unwrap_err();
    assert!(err.to_string().contains("max_depth"), "{err}");
}

/// A list field of `Rc`s, and the same of `Weak`s.
#[derive(ForyObject, Default)]
struct Strong {
    items: Vec<Rc<RefCell<Node>>>,
}

#[derive(ForyObject, Default)]
struct Weaks {
    items: Vec<rc::Weak<RefCell<Node>>>,
}

/// A live `Weak` is written as its `Rc` would be (the same type info in a list field, in both
/// modes), and reads back from those bytes.
#[test]
fn a_live_weak_is_written_as_its_strong_pointer() {
    for (compatible, track) in configs() {
        let what = format!("compatible {compatible}, tracking {track}");
        let root = node("n", rc::Weak::new());
        let mut f = fory(compatible, track);
        f.register::<Strong>(242).unwrap();
        let strong = f
            .serialize(&Strong {
                items: vec![root.clone()],
            })
            .unwrap();
        let mut f = fory(compatible, track);
        f.register::<Weaks>(242).unwrap();
        let weak = f
            .serialize(&Weaks {
                items: vec![Rc::downgrade(&root)],
            })
            .unwrap();
        assert_eq!(hex(&weak), hex(&strong), "{what}");
        let back: Weaks = f.deserialize(&strong).unwrap();
        assert_eq!(back.items.len(), 1, "{what}");
    }
}

/// `Node` with `Arc`, `Mutex` and `std::sync::Weak`.
#[derive(ForyObject, Default)]
struct SyncNode {
    name: String,
    parent: sync::Weak<std::sync::Mutex<SyncNode>>,
    children: Vec<Arc<std::sync::Mutex<SyncNode>>>,
}

/// The parent is written as a reference, without locking it again, so a tree of `Arc<Mutex<_>>`
/// can be written with tracking on: the bytes of the `Rc<RefCell<_>>` tree, read back with the
/// same sharing.
#[test]
fn a_sync_tree_writes_the_bytes_of_the_rc_tree() {
    use std::sync::Mutex;
    for compatible in [false, true] {
        let mut f = Fory::builder()
            .compatible(compatible)
            .ref_tracking(true)
            .build();
        f.register::<SyncNode>(241).unwrap();
        let root = Arc::new(Mutex::new(SyncNode {
            name: "root".to_string(),
            ..SyncNode::default()
        }));
        let child = Arc::new(Mutex::new(SyncNode {
            name: "child".to_string(),
            parent: Arc::downgrade(&root),
            children: Vec::new(),
        }));
        root.lock().unwrap().children.push(child);
        let bytes = f.serialize(&root).unwrap();

        let rc_root = node("root", rc::Weak::new());
        let rc_child = node("child", Rc::downgrade(&rc_root));
        rc_root.borrow_mut().children.push(rc_child);
        let rc_bytes = fory(compatible, true).serialize(&rc_root).unwrap();
        assert_eq!(hex(&bytes), hex(&rc_bytes), "compatible {compatible}");

        let back: Arc<Mutex<SyncNode>> = f.deserialize(&bytes).unwrap();
        let b = back.lock().unwrap();
        assert!(b.parent.upgrade().is_none());
        let c = b.children[0].lock().unwrap();
        assert_eq!(c.name, "child");
        assert!(Arc::ptr_eq(&c.parent.upgrade().unwrap(), &back));
    }
}
