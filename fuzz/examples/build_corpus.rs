//! Seeds `fuzz/corpus/<target>/` from the committed golden files of every peer and from our own
//! encodings of the fuzz types. Run from `fuzz/`: `cargo run --example build_corpus`.
//! Seeds are named by content hash, so rerunning only adds files.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use fory_core::__private::meta::meta_string::MetaStringEncoder;
use fory_core::oob::AllOutOfBand;
use fory_core::{Fory, Serialize, Value};
use fory_fuzz::*;
use xlang_tests::cases::Payload;
use xlang_tests::payload::case_of_file;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn put(target: &str, bytes: &[u8]) {
    let dir = root().join("corpus").join(target);
    fs::create_dir_all(&dir).unwrap();
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    fs::write(dir.join(format!("{:016x}", h.finish())), bytes).unwrap();
}

fn leaf(id: u32) -> Leaf {
    Leaf {
        id,
        name: format!("leaf{id}"),
        kind: Kind::Beta,
        tags: vec!["t".into(), "ü".into()],
        weight: Some(0.5),
        stamp: 1 << 40,
    }
}

fn tree() -> Tree {
    let child = Tree {
        label: "child".into(),
        leaves: vec![leaf(2)],
        event: Event::Text("hi".into()),
        ..Tree::default()
    };
    Tree {
        label: "root".into(),
        leaves: vec![leaf(1), leaf(3)],
        children: vec![child.clone()],
        next: Some(Box::new(child)),
        index: BTreeMap::from([("a".into(), leaf(4))]),
        counts: HashMap::from([(1, Some("one".into())), (2, None)]),
        event: Event::Leaf(leaf(5)),
        events: vec![
            Event::Count(-3),
            Event::Many(vec![1, 2]),
            Event::Text("x".into()),
        ],
        raw: vec![1, 2, 3, 4],
        floats: vec![1.5, -0.0],
        grid: vec![vec![Some(1), None], vec![]],
        set: BTreeSet::from([-1, 7]),
        any: Value::List(vec![
            Value::Int64(1),
            Value::String("s".into()),
            Value::Null,
        ]),
        kinds: vec![Kind::Gamma, Kind::Alpha],
        by_kind: Some(BTreeMap::from([(Kind::Beta, vec![leaf(6)])])),
    }
}

fn shared() -> Shared {
    let a = Rc::new(leaf(7));
    Shared {
        a: a.clone(),
        b: a,
        cells: vec![Rc::new(std::cell::RefCell::new(leaf(8)))],
        maybe: Some(Rc::new(tree())),
    }
}

fn named() -> Named {
    Named {
        tree: Some(tree()),
        kind: Kind::Gamma,
        event: Event::Count(9),
    }
}

/// Our encodings of each own type's sample in `mode`, with the own-type index.
fn own_samples(fory: &Fory) -> Vec<(usize, Vec<u8>)> {
    fn enc<T: Serialize>(fory: &Fory, index: usize, v: &T, out: &mut Vec<(usize, Vec<u8>)>) {
        match fory.serialize(v) {
            Ok(bytes) => out.push((index, bytes)),
            Err(e) => eprintln!("cannot encode sample {index}: {e}"),
        }
    }
    let mut out = Vec::new();
    enc(fory, 0, &tree(), &mut out);
    enc(fory, 0, &Tree::default(), &mut out);
    enc(fory, 1, &leaf(1), &mut out);
    enc(fory, 2, &Event::Leaf(leaf(1)), &mut out);
    enc(fory, 2, &Event::Many(vec![3]), &mut out);
    enc(fory, 3, &shared(), &mut out);
    enc(fory, 4, &named(), &mut out);
    enc(fory, 5, &vec![tree(), Tree::default()], &mut out);
    enc(
        fory,
        6,
        &BTreeMap::from([("k".to_string(), Some(tree())), ("n".to_string(), None)]),
        &mut out,
    );
    enc(fory, 7, &Some(Box::new(named())), &mut out);
    let mut nest = Nest::Leaf(7);
    for _ in 0..5 {
        nest = Nest::Deeper(Box::new(nest));
    }
    enc(fory, 8, &nest, &mut out);
    out
}

fn main() {
    let golden = root().join("../xlang-tests/golden");
    let mut goldens: Vec<(String, Payload)> = Vec::new();
    for peer in fs::read_dir(&golden).unwrap() {
        let peer = peer.unwrap().path();
        for file in fs::read_dir(&peer).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if !name.ends_with(".bin") {
                continue;
            }
            let case = case_of_file(&name).unwrap().to_string();
            goldens.push((case, Payload::read(&path).unwrap()));
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut count = |t: &'static str| *counts.entry(t).or_default() += 1;

    for (case, payload) in &goldens {
        if payload.buffers.is_empty() {
            put("value", &payload.main);
            count("value");
        }
        put("oob", &join_buffers(&payload.main, &payload.buffers));
        count("oob");
        if let Some(sel) = case_selector(case) {
            let mut seed = vec![sel];
            seed.extend_from_slice(&payload.main);
            put("derived", &seed);
            count("derived");
        }
    }
    for mode in 0..4u8 {
        let fory = &forys()[usize::from(mode)];
        for (index, bytes) in own_samples(fory) {
            put("value", &bytes);
            count("value");
            let mut seed = vec![own_selector(index, mode)];
            seed.extend_from_slice(&bytes);
            put("derived", &seed);
            count("derived");
        }
        // Out-of-band encodings of the own types.
        for v in [tree(), Tree::default()] {
            let frame = fory.serialize_with_callback(&v, AllOutOfBand).unwrap();
            let buffers: Vec<Vec<u8>> = frame
                .buffers
                .iter()
                .map(|b| b.as_bytes().to_vec())
                .collect();
            put("oob", &join_buffers(&frame.main, &buffers));
            count("oob");
        }
    }

    // Out-of-band encodings in pyfory's array form (numeric arrays plain, in the main buffer).
    for fory in pyfory_forys() {
        let samples = Samples {
            data: vec![1, 2, 3],
            values: vec![1.5, -2.0],
            ids: vec![1, -1],
        };
        let (tree, one_int8, no_f64) = (tree(), vec![5i8], Vec::<f64>::new());
        let frames = [
            fory.serialize_with_callback(&tree, AllOutOfBand).unwrap(),
            fory.serialize_with_callback(&samples, AllOutOfBand)
                .unwrap(),
            fory.serialize_with_callback(&one_int8, AllOutOfBand)
                .unwrap(),
            fory.serialize_with_callback(&no_f64, AllOutOfBand).unwrap(),
        ];
        for frame in frames {
            let buffers: Vec<Vec<u8>> = frame
                .buffers
                .iter()
                .map(|b| b.as_bytes().to_vec())
                .collect();
            put("oob", &join_buffers(&frame.main, &buffers));
            count("oob");
        }
    }

    // Rows: every golden row of every row peer, behind its case's selector.
    let rows = root().join("../xlang-tests/golden-rows");
    for peer in fs::read_dir(&rows).unwrap() {
        for file in fs::read_dir(peer.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_stem().unwrap().to_str().unwrap().to_string();
            if let Some(sel) = row_selector(&name) {
                let mut seed = vec![sel];
                seed.extend(fs::read(&path).unwrap());
                put("row", &seed);
                count("row");
            }
        }
    }

    // TypeDefs: every registered struct's, whole (for read_type_def) and its body.
    let fory = &forys()[1];
    let registry = fory.registry();
    let mut index = 0;
    while let Some(reg) = registry.entry(index) {
        index += 1;
        if let Ok(info) = reg.struct_info(registry) {
            put("type_def", &info.type_def);
            let body = fory_core::__private::meta::type_def::read_type_def(&mut fory_core::Reader::new(
                &info.type_def,
            ))
            .expect("our own TypeDef reads back");
            put("type_def", body);
            count("type_def");
            count("type_def");
        }
    }

    // Meta strings: names of every context in every encoding the encoder picks.
    let names = [
        "example",
        "Person",
        "fuzz.ns",
        "NamedThing",
        "short_value",
        "Outer$Inner",
        "café",
        "a",
        "ABC",
        "org.apache.fory",
        "x_y_z",
        "f32",
        "Many",
        "HTTPServer",
        "lower_case_name",
        "",
    ];
    for (ctx, encoder) in [
        (0u8, MetaStringEncoder::NAMESPACE),
        (1, MetaStringEncoder::TYPE_NAME),
        (2, MetaStringEncoder::FIELD_NAME),
    ] {
        for name in names {
            if let Ok(ms) = encoder.encode(name) {
                let mut seed = vec![(ctx << 3) | ms.encoding().id()];
                seed.extend_from_slice(ms.bytes());
                put("meta_string", &seed);
                count("meta_string");
                // The TypeDef-name form: header (len << 2 | index) then the bytes.
                let mut seed = vec![(ctx << 3) | ms.encoding().id()];
                seed.push(((ms.bytes().len().min(63) as u8) << 2) | 1);
                seed.extend_from_slice(ms.bytes());
                put("meta_string", &seed);
                count("meta_string");
            }
        }
    }
    for (target, n) in counts {
        println!("{target}: {n} seeds");
    }
}
