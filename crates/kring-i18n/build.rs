//! Embeds every `locales/<language>/<area>.ftl` file, so that adding a catalogue file is all it
//! takes to add an area: no list to edit by hand (and nothing for two translators to conflict on).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not baked in when it is compiled: a target folder copied from
    // another checkout reuses the compiled script, which then embedded that checkout's catalogues.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut table = String::from("&[\n");
    for language in ["en", "nl", "fr", "de"] {
        let folder = root.join(language);
        println!("cargo:rerun-if-changed={}", folder.display());
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
            .map(|entry| entry.expect("a readable catalogue folder").path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "ftl"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let area = file
                .file_stem()
                .and_then(|stem| stem.to_str())
                .expect("a UTF-8 file name");
            writeln!(
                table,
                "    ({language:?}, {area:?}, include_str!({:?})),",
                file.display().to_string()
            )
            .expect("writing to a string");
        }
    }
    table.push(']');
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}
