//! Shrinking a failing case: smaller candidates (a field dropped, a value emptied or zeroed,
//! the callback or reference tracking off), run in batches against the same peer, keeping the
//! smallest that still fails the same step, until none does. Deterministic for a given case and
//! peer behaviour, so the shrunk case replays from the original's name.

use std::collections::BTreeMap;
use std::path::Path;

use super::json;
use super::run::{run_cases, CaseResult, Outcome};
use super::schema::{Case, Definition, Field, Registration, Type, Value};

/// Most candidates tried in one round (one build of each side).
const BATCH: usize = 48;
/// Most rounds.
const ROUNDS: usize = 12;

/// Which step of a case failed: the one a shrunk case must still fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The peer writing.
    PeerWrites,
    /// Rust reading the peer's bytes.
    RustReads,
    /// Rust writing.
    RustWrites,
    /// The peer reading Rust's bytes.
    PeerReads,
    /// The two sides' bytes differing without an accepted reason.
    Bytes,
}

impl Step {
    /// The first failing step of `r`.
    pub fn of(r: &CaseResult) -> Option<Step> {
        [
            (Step::PeerWrites, &r.peer_wrote),
            (Step::RustReads, &r.rust_read),
            (Step::RustWrites, &r.rust_wrote),
            (Step::PeerReads, &r.peer_read),
        ]
        .into_iter()
        .find(|(_, o)| matches!(o, Outcome::Fail(_)))
        .map(|(s, _)| s)
        .or_else(|| r.bytes_differ().map(|_| Step::Bytes))
    }
}

/// The smallest case found that fails `result`'s first failing step against its peer, and the
/// message it fails with.
pub fn shrink(result: &CaseResult, peers_dir: &Path, work: &Path) -> (Case, String) {
    let step = Step::of(result).expect("a failed case");
    let mut best = result.case.clone();
    let mut message = failure_message(result, step);
    for round in 0..ROUNDS {
        let mut candidates = candidates(&best);
        candidates.sort_by_key(size);
        candidates.dedup();
        candidates.truncate(BATCH);
        if candidates.is_empty() {
            break;
        }
        for (k, c) in candidates.iter_mut().enumerate() {
            rename(c, &format!("{}_s{round}_{k}", result.case.name));
        }
        let by_peer = BTreeMap::from([(result.peer.clone(), candidates)]);
        let report = run_cases(
            0,
            by_peer,
            peers_dir,
            &work.join(format!("{}-{round}", result.case.name)),
        );
        let still = report
            .results
            .iter()
            .filter(|r| Step::of(r) == Some(step))
            .min_by_key(|r| size(&r.case));
        match still {
            Some(r) if size(&r.case) < size(&best) => {
                best = r.case.clone();
                message = failure_message(r, step);
            }
            _ => break,
        }
    }
    (best, message)
}

fn failure_message(r: &CaseResult, step: Step) -> String {
    let o = match step {
        Step::PeerWrites => &r.peer_wrote,
        Step::RustReads => &r.rust_read,
        Step::RustWrites => &r.rust_wrote,
        Step::PeerReads => &r.peer_read,
        Step::Bytes => return r.bytes_differ().unwrap_or_default(),
    };
    match o {
        Outcome::Fail(why) => why.clone(),
        _ => String::new(),
    }
}

/// A case's size: its JSON's length (fields, types and values all count), plus a little for each
/// tag id, reference tracking and a callback (whose absence is no shorter to write) and each
/// number that is not zero (a float's zero is as long as its other values).
pub fn size(case: &Case) -> usize {
    let tags: usize = case
        .types
        .iter()
        .map(|t| match &t.definition {
            Definition::Struct(fields) => fields.iter().filter(|f| f.tag.is_some()).count(),
            _ => 0,
        })
        .sum();
    let settings = usize::from(case.ref_tracking) + usize::from(case.callback.is_some());
    json::document(0, "", std::slice::from_ref(case)).len()
        + 8 * (tags + settings)
        + nonzero(&case.value)
        + case
            .objects
            .iter()
            .map(|o| nonzero(&o.value))
            .sum::<usize>()
}

/// Renames the case and its types, so candidates of one batch can share a program.
fn rename(case: &mut Case, name: &str) {
    case.name = name.to_string();
    let prefix = name.replace('_', "");
    for (i, t) in case.types.iter_mut().enumerate() {
        let kind = match t.definition {
            Definition::Struct(_) => 'S',
            Definition::Enum(_) => 'E',
            Definition::Union(_) => 'U',
        };
        t.name = format!("{}{kind}{i}", prefix.to_uppercase());
        if let Registration::Name(_, type_name) = &mut t.registration {
            *type_name = t.name.clone();
        }
    }
}

/// Every case one step smaller than `case`.
pub fn candidates(case: &Case) -> Vec<Case> {
    let mut out = Vec::new();
    if case.callback.is_some() {
        out.push(Case {
            callback: None,
            ..case.clone()
        });
    }
    // Shared objects need reference tracking: without it each position is a copy.
    if case.ref_tracking && !case.any_type(&|t| matches!(t, Type::Shared(_))) {
        out.push(Case {
            ref_tracking: false,
            ..case.clone()
        });
    }
    for (i, t) in case.types.iter().enumerate() {
        if matches!(t.registration, Registration::Name(..)) {
            let mut c = case.clone();
            c.types[i].registration = Registration::Id(100 + i as u32);
            out.push(c);
        }
        if let Definition::Struct(fields) = &t.definition {
            for f in 0..fields.len() {
                if fields.len() > 1 || i > 0 {
                    let mut c = case.clone();
                    drop_field(&mut c, i, f);
                    drop_unreachable_objects(&mut c);
                    prune_types(&mut c);
                    out.push(c);
                }
                if fields[f].tag.is_some() {
                    let mut c = case.clone();
                    if let Definition::Struct(fs) = &mut c.types[i].definition {
                        fs[f].tag = None;
                    }
                    out.push(c);
                }
            }
        }
    }
    // Smaller values, one position at a time: only the steps that take off the most, as a
    // value can have tens of thousands of positions (a 300-entry map of lists) and a copy of
    // the case for each would not fit in memory.
    for (p, how) in value_steps(case, BATCH) {
        let mut c = case.clone();
        let root = Type::Struct(0);
        let types = c.types.clone();
        let mut index = p;
        let changed = simplify(&mut c.value, &root, &types, &mut index, how)
            || c.objects
                .iter_mut()
                .any(|o| simplify(&mut o.value, &Type::Struct(o.ty), &types, &mut index, how));
        if changed {
            drop_unreachable_objects(&mut c);
            out.push(c);
        }
    }
    out
}

/// Removes the objects no position of the value names any more (directly or through other
/// objects), and renumbers the rest in their order.
fn drop_unreachable_objects(case: &mut Case) {
    fn renumber_objects(v: &mut Value, new_index: &[usize]) {
        match v {
            Value::Object(k) => *k = new_index[*k],
            Value::List(items) | Value::Struct(items) => items
                .iter_mut()
                .for_each(|i| renumber_objects(i, new_index)),
            Value::Map(entries) => entries
                .iter_mut()
                .for_each(|(_, i)| renumber_objects(i, new_index)),
            Value::Union(_, inner) => renumber_objects(inner, new_index),
            _ => {}
        }
    }
    if case.objects.is_empty() {
        return;
    }
    // Objects name any object (cycles too): a work list from the root's value.
    let mut reached = vec![false; case.objects.len()];
    let mut pending = Vec::new();
    case.value.objects_named(&mut pending);
    while let Some(k) = pending.pop() {
        if !reached[k] {
            reached[k] = true;
            case.objects[k].value.objects_named(&mut pending);
        }
    }
    let mut new_index = Vec::with_capacity(reached.len());
    let mut next = 0;
    for r in &reached {
        new_index.push(next);
        next += usize::from(*r);
    }
    let objects = std::mem::take(&mut case.objects);
    case.objects = objects
        .into_iter()
        .zip(&reached)
        .filter(|(_, r)| **r)
        .map(|(mut o, _)| {
            renumber_objects(&mut o.value, &new_index);
            o
        })
        .collect();
    renumber_objects(&mut case.value, &new_index);
}

/// The (position, how) of the value's smaller steps (positions in [`count_positions`] order)
/// that take the most off the case's [`size`], at most `limit`, largest first.
fn value_steps(case: &Case, limit: usize) -> Vec<(usize, Smaller)> {
    let mut steps = Vec::new();
    let mut index = 0;
    collect_steps(&case.value, &Type::Struct(0), case, &mut index, &mut steps);
    for o in &case.objects {
        collect_steps(&o.value, &Type::Struct(o.ty), case, &mut index, &mut steps);
    }
    steps.sort_by_key(|&(gain, p, _)| (std::cmp::Reverse(gain), p));
    steps.truncate(limit);
    steps.into_iter().map(|(_, p, how)| (p, how)).collect()
}

/// Pushes `(gain, position, how)` for every step that makes `v` (of type `ty`, at position
/// `*index`) or a value inside it smaller.
fn collect_steps(
    v: &Value,
    ty: &Type,
    case: &Case,
    index: &mut usize,
    out: &mut Vec<(usize, usize, Smaller)>,
) {
    let p = *index;
    *index += 1;
    let weight = |v: &Value| {
        let mut json = String::new();
        json::write_value(&mut json, v, ty, case);
        json.len() + nonzero(v)
    };
    let before = weight(v);
    for how in [Smaller::Empty, Smaller::First, Smaller::Zero] {
        if let Some(w) = shrunk(v, how) {
            out.push((before.saturating_sub(weight(&w)), p, how));
        }
    }
    let types = &case.types;
    match (v, ty) {
        (Value::List(items), Type::Array(_) | Type::List { .. } | Type::Set(_)) => {
            let element = match ty {
                Type::Array(s) => Type::Scalar(*s),
                Type::List { element, .. } | Type::Set(element) => (**element).clone(),
                _ => unreachable!("matched above"),
            };
            for i in items {
                collect_steps(i, &element, case, index, out);
            }
        }
        (Value::Map(entries), Type::Map { value, .. }) => {
            for (_, i) in entries {
                collect_steps(i, value, case, index, out);
            }
        }
        (Value::Struct(values), Type::Struct(t)) => {
            if let Definition::Struct(fields) = &types[*t].definition {
                for (v, f) in values.iter().zip(fields) {
                    collect_steps(v, &f.ty, case, index, out);
                }
            }
        }
        (Value::Union(c, inner), Type::Union(t)) => {
            if let Definition::Union(cases) = &types[*t].definition {
                collect_steps(inner, &cases[*c as usize], case, index, out);
            }
        }
        (Value::List(_) | Value::Map(_) | Value::Struct(_) | Value::Union(..), _) => {
            // A value of another type than `ty`: its positions are still counted.
            let mut n = 0;
            count_positions(v, &mut n);
            *index += n - 1;
        }
        _ => {}
    }
}

/// The numbers of `v` that are not zero (a true counts two), as [`size`] counts them.
fn nonzero(v: &Value) -> usize {
    match v {
        Value::Int(i) => usize::from(*i != 0),
        Value::Float(f) => usize::from(*f != 0),
        Value::Bool(b) => 2 * usize::from(*b),
        Value::Enum(e) => usize::from(*e != 0),
        Value::List(items) => items.iter().map(nonzero).sum(),
        Value::Map(entries) => entries.iter().map(|(k, v)| nonzero(k) + nonzero(v)).sum(),
        Value::Struct(values) => values.iter().map(nonzero).sum(),
        Value::Union(_, inner) => nonzero(inner),
        _ => 0,
    }
}

/// Removes field `f` of struct `t` and its value everywhere.
fn drop_field(case: &mut Case, t: usize, f: usize) {
    if let Definition::Struct(fields) = &mut case.types[t].definition {
        fields.remove(f);
    }
    let types = case.types.clone();
    drop_value_field(&mut case.value, &Type::Struct(0), &types, t, f);
    for o in &mut case.objects {
        drop_value_field(&mut o.value, &Type::Struct(o.ty), &types, t, f);
    }
}

/// Drops field `f` from every value of struct `t` inside `v` (of type `ty`, in the types
/// `types` from before the drop, except for struct `t`'s own field list).
fn drop_value_field(
    v: &mut Value,
    ty: &Type,
    types: &[super::schema::UserType],
    t: usize,
    f: usize,
) {
    match (v, ty) {
        (Value::Struct(values), Type::Struct(i)) => {
            let Definition::Struct(fields) = &types[*i].definition else {
                return;
            };
            if *i == t {
                // `types` already lacks the field: visit the others, then remove it.
                let mut kept = Vec::new();
                for (k, value) in values.drain(..).enumerate() {
                    if k != f {
                        kept.push(value);
                    }
                }
                *values = kept;
            }
            for (value, field) in values.iter_mut().zip(fields) {
                drop_value_field(value, &field.ty, types, t, f);
            }
        }
        (Value::List(items), Type::List { element, .. } | Type::Set(element)) => {
            for item in items {
                drop_value_field(item, element, types, t, f);
            }
        }
        (Value::Map(entries), Type::Map { value, .. }) => {
            for (_, item) in entries {
                drop_value_field(item, value, types, t, f);
            }
        }
        (Value::Union(c, inner), Type::Union(i)) => {
            if let Definition::Union(cases) = &types[*i].definition {
                drop_value_field(inner, &cases[*c as usize], types, t, f);
            }
        }
        _ => {}
    }
}

/// Removes the user types no type of the case refers to any more, and renumbers the rest.
fn prune_types(case: &mut Case) {
    let mut used = vec![false; case.types.len()];
    used[0] = true;
    let mut stack = vec![0];
    while let Some(i) = stack.pop() {
        let mut refs = Vec::new();
        match &case.types[i].definition {
            Definition::Struct(fields) => fields.iter().for_each(|f| referenced(&f.ty, &mut refs)),
            Definition::Union(cases) => cases.iter().for_each(|c| referenced(c, &mut refs)),
            Definition::Enum(_) => {}
        }
        for r in refs {
            if !used[r] {
                used[r] = true;
                stack.push(r);
            }
        }
    }
    let mut new_index = Vec::with_capacity(used.len());
    let mut next = 0;
    for u in &used {
        new_index.push(next);
        if *u {
            next += 1;
        }
    }
    for o in &mut case.objects {
        o.ty = new_index[o.ty];
    }
    let types = std::mem::take(&mut case.types);
    case.types = types
        .into_iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(mut t, _)| {
            match &mut t.definition {
                Definition::Struct(fields) => fields
                    .iter_mut()
                    .for_each(|f: &mut Field| renumber(&mut f.ty, &new_index)),
                Definition::Union(cases) => cases.iter_mut().for_each(|c| renumber(c, &new_index)),
                Definition::Enum(_) => {}
            }
            t
        })
        .collect();
}

fn referenced(ty: &Type, out: &mut Vec<usize>) {
    match ty {
        Type::Struct(i) | Type::Enum(i) | Type::Union(i) | Type::Shared(i) => out.push(*i),
        Type::List { element, .. } | Type::Set(element) => referenced(element, out),
        Type::Map { key, value, .. } => {
            referenced(key, out);
            referenced(value, out);
        }
        _ => {}
    }
}

fn renumber(ty: &mut Type, new_index: &[usize]) {
    match ty {
        Type::Struct(i) | Type::Enum(i) | Type::Union(i) | Type::Shared(i) => *i = new_index[*i],
        Type::List { element, .. } | Type::Set(element) => renumber(element, new_index),
        Type::Map { key, value, .. } => {
            renumber(key, new_index);
            renumber(value, new_index);
        }
        _ => {}
    }
}

/// How a value is made smaller.
#[derive(Debug, Clone, Copy)]
enum Smaller {
    /// A collection, string or binary emptied.
    Empty,
    /// A collection cut to its first element.
    First,
    /// A number zeroed, a bool false.
    Zero,
}

fn count_positions(v: &Value, n: &mut usize) {
    *n += 1;
    match v {
        Value::List(items) => items.iter().for_each(|i| count_positions(i, n)),
        Value::Map(entries) => entries.iter().for_each(|(_, i)| count_positions(i, n)),
        Value::Struct(values) => values.iter().for_each(|i| count_positions(i, n)),
        Value::Union(_, inner) => count_positions(inner, n),
        _ => {}
    }
}

/// Makes the value at position `*index` (in [`count_positions`] order) smaller; true when it
/// changed.
fn simplify(
    v: &mut Value,
    ty: &Type,
    types: &[super::schema::UserType],
    index: &mut usize,
    how: Smaller,
) -> bool {
    if *index == 0 {
        return smaller(v, how);
    }
    *index -= 1;
    match (v, ty) {
        (Value::List(items), _) => {
            let element = match ty {
                Type::Array(s) => Type::Scalar(*s),
                Type::List { element, .. } | Type::Set(element) => (**element).clone(),
                _ => return false,
            };
            items
                .iter_mut()
                .any(|i| simplify(i, &element, types, index, how))
        }
        (Value::Map(entries), Type::Map { value, .. }) => entries
            .iter_mut()
            .any(|(_, i)| simplify(i, value, types, index, how)),
        (Value::Struct(values), Type::Struct(t)) => {
            let Definition::Struct(fields) = &types[*t].definition else {
                return false;
            };
            values
                .iter_mut()
                .zip(fields)
                .any(|(v, f)| simplify(v, &f.ty, types, index, how))
        }
        (Value::Union(c, inner), Type::Union(t)) => {
            let Definition::Union(cases) = &types[*t].definition else {
                return false;
            };
            simplify(inner, &cases[*c as usize], types, index, how)
        }
        _ => false,
    }
}

fn smaller(v: &mut Value, how: Smaller) -> bool {
    match shrunk(v, how) {
        Some(w) => {
            *v = w;
            true
        }
        None => false,
    }
}

/// `v` made smaller by `how`, or `None` when `how` does not change it.
fn shrunk(v: &Value, how: Smaller) -> Option<Value> {
    Some(match (v, how) {
        (Value::List(items), Smaller::Empty) if !items.is_empty() => Value::List(Vec::new()),
        (Value::List(items), Smaller::First) if items.len() > 1 => {
            Value::List(vec![items[0].clone()])
        }
        (Value::Map(entries), Smaller::Empty) if !entries.is_empty() => Value::Map(Vec::new()),
        (Value::Map(entries), Smaller::First) if entries.len() > 1 => {
            Value::Map(vec![entries[0].clone()])
        }
        (Value::Str(s), Smaller::Empty) if !s.is_empty() => Value::Str(String::new()),
        (Value::Bytes(b), Smaller::Empty) if !b.is_empty() => Value::Bytes(Vec::new()),
        (Value::Int(i), Smaller::Zero) if *i != 0 => Value::Int(0),
        (Value::Float(f), Smaller::Zero) if *f != 0 => Value::Float(0),
        (Value::Bool(true), Smaller::Zero) => Value::Bool(false),
        (Value::Enum(e), Smaller::Zero) if *e != 0 => Value::Enum(0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generative::{capabilities, generate};

    #[test]
    fn every_candidate_is_smaller_and_well_formed() {
        let caps = capabilities::of("java");
        for i in 0..30 {
            let case = generate::case(9, i, &caps);
            for c in candidates(&case) {
                assert!(
                    size(&c) < size(&case),
                    "{}: {} -> {}\n{}\n{}",
                    case.name,
                    size(&case),
                    size(&c),
                    json::document(9, "java", std::slice::from_ref(&case)),
                    json::document(9, "java", std::slice::from_ref(&c))
                );
                // Well formed: its JSON and its Rust source can be written.
                let _ = json::document(9, "java", std::slice::from_ref(&c));
                let _ = super::super::rust_emit::main_rs(&[("java", &c)]);
            }
        }
    }

    /// The largest object index `v` names, plus one (0 for none).
    fn names_below(v: &Value) -> usize {
        match v {
            Value::Object(k) => k + 1,
            Value::List(items) | Value::Struct(items) => {
                items.iter().map(names_below).max().unwrap_or(0)
            }
            Value::Map(entries) => entries
                .iter()
                .map(|(_, i)| names_below(i))
                .max()
                .unwrap_or(0),
            Value::Union(_, inner) => names_below(inner),
            _ => 0,
        }
    }

    #[test]
    fn candidates_keep_the_objects_well_formed() {
        let caps = capabilities::of("java");
        let mut with_objects = 0;
        for i in 0..200 {
            let case = generate::case(1, i, &caps);
            if case.objects.is_empty() {
                continue;
            }
            with_objects += 1;
            for c in candidates(&case).into_iter().chain([case.clone()]) {
                assert!(names_below(&c.value) <= c.objects.len(), "{}", c.name);
                for (k, o) in c.objects.iter().enumerate() {
                    assert!(
                        names_below(&o.value) <= c.objects.len(),
                        "{}: object {k}",
                        c.name
                    );
                    assert!(matches!(c.types[o.ty].definition, Definition::Struct(_)));
                }
                assert!(c.ref_tracking, "{}", c.name);
                let _ = super::super::rust_emit::main_rs(&[("java", &c)]);
            }
        }
        assert!(with_objects > 5, "{with_objects}");
    }

    #[test]
    fn a_large_value_gives_a_bounded_batch() {
        // A case of a 300-entry map of lists of structs once took 23 GB: a copy of the case
        // for each of its positions. The largest of 200 cases.
        let caps = capabilities::of("go");
        let positions_of = |c: &Case| {
            let mut n = 0;
            count_positions(&c.value, &mut n);
            n
        };
        let case = (0..200)
            .map(|i| generate::case(1, i, &caps))
            .max_by_key(positions_of)
            .expect("cases");
        let positions = positions_of(&case);
        assert!(positions > 1000, "{positions} positions");
        let found = candidates(&case);
        // Settings, registrations, fields and their tags, and the value's best steps.
        assert!(found.len() <= 2 + 6 + 2 * 6 * 8 + BATCH, "{}", found.len());
        assert!(found.iter().all(|c| size(c) < size(&case)));
    }
}
