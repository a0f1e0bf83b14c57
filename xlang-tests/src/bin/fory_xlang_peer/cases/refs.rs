//! Reference tracking: shared struct fields, shared collection elements, a struct that refers
//! to itself.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use fory_core::Fory;

use crate::session::{Failure, Outcome, Session};
use crate::types::{
    CircularRefStruct, RefInner, RefOuter, RefOverrideContainer, RefOverrideElement,
};

/// A `Fory` with reference tracking on.
fn tracking(compatible: bool) -> Fory {
    Fory::builder()
        .compatible(compatible)
        .ref_tracking(true)
        .build()
}

/// `test_ref_schema_consistent`: an outer struct (502) whose two fields share one inner struct
/// (501); the sharing survives the round trip.
pub fn ref_schema_consistent(s: &mut Session) -> Outcome {
    let mut f = tracking(false);
    f.register::<RefInner>(501)?;
    f.register::<RefOuter>(502)?;
    s.echo::<RefOuter>(&f)
}

/// `test_ref_compatible`: the same in compatible mode (503, 504).
pub fn ref_compatible(s: &mut Session) -> Outcome {
    let mut f = tracking(true);
    f.register::<RefInner>(503)?;
    f.register::<RefOuter>(504)?;
    s.echo::<RefOuter>(&f)
}

fn element_types() -> Result<Fory, Failure> {
    let mut f = tracking(false);
    f.register::<RefOverrideElement>(701)?;
    f.register::<RefOverrideContainer>(702)?;
    Ok(f)
}

/// A container whose list (twice), set and map (twice) all hold the one `element`.
fn all_shared(element: Rc<RefOverrideElement>) -> RefOverrideContainer {
    RefOverrideContainer {
        list_field: vec![element.clone(), element.clone()],
        set_field: HashSet::from([element.clone()]),
        map_field: BTreeMap::from([
            ("k1".to_string(), element.clone()),
            ("k2".to_string(), element),
        ]),
    }
}

/// `test_collection_element_ref_override`: Java writes a container (702) whose elements (701)
/// it does not track; the peer reads it, then writes a container in which every element is
/// one shared value, which Java must read back as shared although its own annotations say
/// untracked.
pub fn collection_element_ref_override(s: &mut Session) -> Outcome {
    let f = element_types()?;
    let read: RefOverrideContainer = s.read(&f)?;
    let first = read.list_field.first().cloned().ok_or_else(|| {
        Failure::Check("test_collection_element_ref_override: the list field is empty".into())
    })?;
    s.write(&f, &all_shared(first))
}

/// `test_collection_element_ref_remote_tracking`: no input; the peer writes a container whose
/// elements are all one shared `{id: 7, name: "shared_element"}`.
pub fn collection_element_ref_remote_tracking(s: &mut Session) -> Outcome {
    let f = element_types()?;
    let element = Rc::new(RefOverrideElement {
        id: 7,
        name: "shared_element".to_string(),
    });
    s.write(&f, &all_shared(element))
}

/// `test_circular_ref_schema_consistent` (601) and `test_circular_ref_compatible` (602): a
/// struct whose `selfRef` field is itself.
fn circular(s: &mut Session, compatible: bool, id: u32) -> Outcome {
    let mut f = tracking(compatible);
    f.register::<CircularRefStruct>(id)?;
    let value: Rc<RefCell<CircularRefStruct>> = s.read(&f)?;
    let points_back = value
        .borrow()
        .self_ref
        .upgrade()
        .is_some_and(|target| Rc::ptr_eq(&target, &value));
    if !points_back {
        return Err(Failure::Check(
            "CircularRefStruct.selfRef does not point back to the struct".into(),
        ));
    }
    s.write(&f, &value)
}

/// `test_circular_ref_schema_consistent`.
pub fn circular_ref_schema_consistent(s: &mut Session) -> Outcome {
    circular(s, false, 601)
}

/// `test_circular_ref_compatible`.
pub fn circular_ref_compatible(s: &mut Session) -> Outcome {
    circular(s, true, 602)
}
