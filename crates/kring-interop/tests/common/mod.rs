//! Helpers shared by the integration tests: fixture paths and the optional Python validators.

#![allow(dead_code)]

pub mod mutations;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate's own directory, so tests work from any working directory.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Bytes of a file in `tests/corpus/vcard/`.
pub fn corpus_bytes(name: &str) -> Vec<u8> {
    let path = crate_dir().join("tests/corpus/vcard").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// Names of every `.vcf` file in `tests/corpus/vcard/`, sorted.
pub fn corpus_names() -> Vec<String> {
    let directory = crate_dir().join("tests/corpus/vcard");
    let mut names: Vec<String> = std::fs::read_dir(&directory)
        .expect("corpus directory exists")
        .map(|entry| {
            entry
                .expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".vcf"))
        .collect();
    names.sort();
    names
}

/// The paths of every file with one of `extensions` in `tests/corpus/<folder>/`, sorted.
pub fn corpus_paths(folder: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let directory = crate_dir().join("tests/corpus").join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", directory.display()))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| extensions.iter().any(|wanted| ext == *wanted))
        })
        .collect();
    paths.sort();
    paths
}

/// Bytes of a file in `tests/fixtures/`.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = crate_dir().join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// True when `python3` can import `module`.
pub fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Runs `tests/validate_with_python.py` on a file when the Python package is installed and
/// returns its output; `None` when the package is missing.
///
/// A skip is announced on the real standard error (not the test harness's captured output, so
/// it shows in a plain `cargo test`); with `KRING_REQUIRE_PYTHON_VALIDATION=1` in the
/// environment a missing package fails the test instead.
pub fn run_python_validator(
    module: &str,
    format: &str,
    file: &Path,
    expectations: Option<&Path>,
) -> Option<Output> {
    if !python_has(module) {
        let notice = format!(
            "SKIPPED: {format} output was NOT validated independently: the Python package `{module}` \
             is not installed (pip install {module})\n"
        );
        assert!(
            std::env::var_os("KRING_REQUIRE_PYTHON_VALIDATION").is_none(),
            "{notice}(KRING_REQUIRE_PYTHON_VALIDATION is set)"
        );
        let _ = std::io::stderr().write_all(notice.as_bytes());
        return None;
    }
    let script = crate_dir().join("tests/validate_with_python.py");
    let mut command = Command::new("python3");
    command.arg(&script).arg(format).arg(file);
    if let Some(expectations) = expectations {
        command.arg(expectations);
    }
    Some(command.output().expect("python3 runs"))
}

/// Validates a file with the Python package and fails the test if it is rejected. Returns
/// `false` when the validation was skipped (see [`run_python_validator`]).
pub fn validate_with_python(
    module: &str,
    format: &str,
    file: &Path,
    expectations: Option<&Path>,
) -> bool {
    let Some(output) = run_python_validator(module, format, file, expectations) else {
        return false;
    };
    assert!(
        output.status.success(),
        "{module} rejected {}:\nstdout: {}\nstderr: {}",
        file.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{}", String::from_utf8_lossy(&output.stdout).trim());
    true
}
