//! The TypeScript the UI compiles against must be what the Rust commands accept and return.

use std::path::Path;

#[test]
fn checked_in_typescript_bindings_match_the_rust_commands() {
    let generated = kring_app::typescript_bindings().expect("bindings generate");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != generated {
        // Regenerate so that a developer only has to commit the file; CI still fails.
        std::fs::write(&path, &generated).expect("bindings.ts is writable");
        panic!(
            "ui/src/lib/bindings.ts was stale and has been regenerated: review and commit it \
             (a command or a type it carries changed in src-tauri or kring-core)"
        );
    }
}
