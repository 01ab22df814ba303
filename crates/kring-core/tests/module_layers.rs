//! Keeps kring-core's top-level modules layered: reads every file under `src/`, collects the
//! top-level modules it names through `crate::` (paths and grouped `use crate::{a, b::c}` alike;
//! comments, doc links and string literals do not count, test modules do), and fails on an import
//! cycle between top-level modules, naming it. docs/architecture.md draws the layers this test
//! holds.
//!
//! `super::` paths are not followed: in a file they stay inside its own top-level module. A path
//! is not the only way up: a feature may add methods to `Store` (`impl Store` in its own module),
//! and the engine calling one of them would use the feature without naming it; the last check
//! looks for that.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// kring-core's top-level modules in layers, lowest first, as docs/architecture.md draws them: a
/// module uses only modules of lower layers, never one of its own layer or above.
const LAYERS: &[&[&str]] = &[
    &["clock", "text", "files", "spoken_days", "demo_words"],
    &["crdt"],
    &["model"],
    &["error"],
    // The storage engine; everything above it is a feature.
    &["store"],
    &["trust", "manager", "identity_groups"],
    &["protection"],
    &["sync", "cards"],
    &["graph", "today", "browse", "capture", "contacts", "demo"],
    // Store::open: the engine's open, then what the features finish.
    &["open"],
    &["compaction"],
];

/// What the storage engine (`store`) may use: the record model (with its kind tables and
/// bounds), the CRDT, the clock, text folding, the error type and file helpers. Features (cards
/// and views, identity groups, contacts, sync, manager, graph, data protection, trust) sit above.
const ENGINE_MAY_USE: &[&str] = &["model", "crdt", "clock", "text", "error", "files"];

/// Modules that sit below the storage engine: none of them may use `store` or anything above it.
const BELOW_ENGINE: &[&str] = &["model", "crdt", "clock", "text", "error", "files"];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`store/views.rs` → `store`, `model.rs` → `model`);
/// `None` for `lib.rs`, which only declares the modules.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib").then_some(name)
}

/// The text with comments, string literals and character literals blanked out, so only code is
/// left to read (lifetimes such as `'a` are kept: they are not literals).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
            && i + 1 < chars.len()
            && chars[i + 1..].iter().take_while(|c| **c == '#').count() + i + 1 < chars.len()
            && chars[i + 1 + chars[i + 1..].iter().take_while(|c| **c == '#').count()] == '"'
        {
            // A raw string: r"…", r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let start = i + 2 + hashes;
            let mut end = start;
            while end < chars.len() && !chars[end..].starts_with(&close) {
                end += 1;
            }
            let end = (end + close.len()).min(chars.len());
            out.extend(chars[i..end].iter().map(|c| blank(*c)));
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let skip = if chars[i] == '\\' { 2 } else { 1 };
                for _ in 0..skip.min(chars.len() - i) {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\n', '\''); a lifetime has no closing quote.
            let mut end = i + 2;
            if next == Some('\\') {
                end += 1;
            }
            while end < chars.len() && chars[end] != '\'' {
                end += 1;
            }
            let end = (end + 1).min(chars.len());
            out.extend(chars[i..end].iter().map(|c| blank(*c)));
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The top-level modules a file's code names through `crate::`.
fn crate_references(code: &str) -> BTreeSet<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = BTreeSet::new();
    let word = |at: usize| -> (String, usize) {
        let mut end = at;
        while end < chars.len() && is_ident(chars[end]) {
            end += 1;
        }
        (chars[at..end].iter().collect(), end)
    };
    let skip_space = |mut at: usize| {
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        at
    };
    let pattern: Vec<char> = "crate".chars().collect();
    let mut i = 0;
    while i + pattern.len() < chars.len() {
        let before_ok = i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == '$');
        if !before_ok || chars[i..i + pattern.len()] != pattern[..] {
            i += 1;
            continue;
        }
        let mut at = skip_space(i + pattern.len());
        if !chars[at..].starts_with(&[':', ':']) {
            i += 1;
            continue;
        }
        at = skip_space(at + 2);
        if chars.get(at) == Some(&'{') {
            // `crate::{a, b::c, d::{e, f}}`: the first word of each item at depth one.
            let mut depth = 0;
            let mut expect_item = true;
            while at < chars.len() {
                match chars[at] {
                    '{' => {
                        depth += 1;
                        expect_item = depth == 1;
                        at += 1;
                    }
                    '}' => {
                        depth -= 1;
                        at += 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' => {
                        expect_item = depth == 1;
                        at += 1;
                    }
                    c if is_ident(c) && expect_item => {
                        let (name, end) = word(at);
                        found.insert(name);
                        expect_item = false;
                        at = end;
                    }
                    _ => at += 1,
                }
            }
            i = at;
        } else {
            let (name, end) = word(at);
            if !name.is_empty() {
                found.insert(name);
            }
            i = end.max(i + 1);
        }
    }
    found.remove("self");
    found
}

/// Every top-level module and the top-level modules it uses (itself left out).
fn module_graph() -> Graph {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top_module(&src, f)).collect();
    let mut graph = Graph::new();
    for file in &files {
        let Some(module) = top_module(&src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        let uses = graph.entry(module.clone()).or_default();
        for used in crate_references(&code_only(&text)) {
            // Names that are not modules (a macro exported at the crate root) are not edges.
            if used != module && modules.contains(&used) {
                uses.insert(used);
            }
        }
    }
    graph
}

/// A cycle in the graph, as the modules along it (the first repeated at the end), if any.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &Graph,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| n == node).expect("on the path");
                let mut cycle = path[start..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut marks, &mut Vec::new()) {
            return Some(cycle);
        }
    }
    None
}

fn without(graph: &Graph, edges: &[(&str, &str)]) -> Graph {
    let mut graph = graph.clone();
    for (from, to) in edges {
        if let Some(uses) = graph.get_mut(*from) {
            uses.remove(*to);
        }
    }
    graph
}

/// Everything `from` reaches, directly or through other modules.
fn reachable(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(node) = todo.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen
}

#[test]
fn the_top_level_modules_import_one_another_without_a_cycle() {
    let graph = module_graph();
    assert!(
        graph.contains_key("store") && graph.contains_key("model"),
        "the modules were not found under {}",
        src().display()
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "kring-core's modules import one another in a cycle: {}. Move the code that reaches \
             up into the layer above, or pass what it needs down (docs/architecture.md, layers)",
            cycle.join(" → ")
        );
    }
}

#[test]
fn every_module_uses_only_modules_of_the_layers_below_its_own() {
    let graph = module_graph();
    let layer_of = |module: &str| LAYERS.iter().position(|layer| layer.contains(&module));
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        let Some(own) = layer_of(module) else {
            wrong.push(format!(
                "{module} is in no layer: add it to LAYERS and the drawing"
            ));
            continue;
        };
        for used in uses {
            if layer_of(used).is_none_or(|layer| layer >= own) {
                wrong.push(format!("{module} uses {used}, which is not below it"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_storage_engine_uses_only_the_model_crdt_clock_and_text() {
    let graph = module_graph();
    let above: Vec<&String> = graph["store"]
        .iter()
        .filter(|m| !ENGINE_MAY_USE.contains(&m.as_str()))
        .collect();
    assert!(
        above.is_empty(),
        "the store uses {above:?}, which sit above it; it may use only {ENGINE_MAY_USE:?}"
    );
}

#[test]
fn nothing_below_the_storage_engine_reaches_the_store_or_above() {
    let graph = module_graph();
    for module in BELOW_ENGINE {
        let reaches: Vec<String> = reachable(&graph, module)
            .into_iter()
            .filter(|m| !BELOW_ENGINE.contains(&m.as_str()))
            .collect();
        assert!(
            reaches.is_empty(),
            "{module} reaches {reaches:?}; below the store only {BELOW_ENGINE:?} may be used"
        );
    }
}

/// The methods modules other than `store` add to `Store` (in `impl Store` blocks), by module.
fn store_methods_outside_the_engine() -> BTreeMap<String, String> {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut methods = BTreeMap::new();
    for file in &files {
        let module = top_module(&src, file);
        if module.as_deref().is_none_or(|m| m == "store") {
            continue;
        }
        let code = code_only(&std::fs::read_to_string(file).expect("readable"));
        for block in code.split("\nimpl ").skip(1) {
            let Some(body) = block
                .strip_prefix("Store {")
                .or_else(|| block.strip_prefix("crate::store::Store {"))
            else {
                continue;
            };
            let body = body.split("\n}").next().unwrap_or_default();
            for line in body.lines() {
                let line = line.trim_start();
                let line = line
                    .strip_prefix("pub(crate) ")
                    .or_else(|| line.strip_prefix("pub "))
                    .unwrap_or(line);
                if let Some(rest) = line.strip_prefix("fn ") {
                    let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
                    methods.insert(name, module.clone().unwrap_or_default());
                }
            }
        }
    }
    methods
}

#[test]
fn the_storage_engine_calls_no_store_method_a_feature_defines() {
    let methods = store_methods_outside_the_engine();
    assert!(
        methods.contains_key("open") && methods.contains_key("search"),
        "the methods features add to Store were not found: {methods:?}"
    );
    let engine = src().join("store");
    let mut files = Vec::new();
    rust_files(&engine, &mut files);
    let mut calls = Vec::new();
    for file in &files {
        let code = code_only(&std::fs::read_to_string(file).expect("readable"));
        for (name, module) in &methods {
            for receiver in ["self.", "store.", "Self::", "Store::"] {
                let call = format!("{receiver}{name}(");
                let found = code.match_indices(&call).any(|(at, _)| {
                    at == 0 || !code[..at].ends_with(|c: char| is_ident(c) || c == '.')
                });
                if found {
                    calls.push(format!(
                        "{} calls {call}…) from {module}",
                        file.strip_prefix(&engine).unwrap_or(file).display()
                    ));
                }
            }
        }
    }
    assert!(
        calls.is_empty(),
        "the engine uses features through Store's methods: {calls:?}"
    );
}

#[test]
fn the_reader_finds_grouped_and_plain_paths_and_ignores_comments_and_strings() {
    let text = r##"
        //! See [`crate::manager`] for the kinds.
        use crate::{model::{Person, Role}, sync::{self, folder}, text};
        use crate :: clock::Stamp;
        /* crate::graph in a block comment /* nested crate::figures */ */
        const NOTE: &str = "crate::demo in a string";
        const RAW: &str = r#"crate::capture in a raw "string""#;
        fn f<'a>(x: &'a str) -> char { let _ = crate::store::open(x); '"' }
        macro_rules! m { () => { $crate::files::x() } }
        pub(crate) fn g() { crate::trust::keys::load(); let c = '\''; crate::bounds::x(c) }
    "##;
    let found = crate_references(&code_only(text));
    let expected: BTreeSet<String> = ["model", "sync", "text", "clock", "store", "trust", "bounds"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_cycle_is_named_along_its_modules() {
    let mut graph = Graph::new();
    for (from, to) in [("store", "model"), ("store", "sync"), ("sync", "store")] {
        graph
            .entry(from.to_string())
            .or_default()
            .insert(to.to_string());
    }
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["store".into(), "sync".into(), "store".into()])
    );
    assert_eq!(find_cycle(&without(&graph, &[("sync", "store")])), None);
}
