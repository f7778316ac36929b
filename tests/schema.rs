//! The JSON Schema of rule files: generated from the Rust types, committed for editors,
//! and satisfied by every rule file the project ships.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&claimlint::rule::json_schema()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn as_json(path: &Path) -> serde_json::Value {
    let value: toml::Value = toml::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = fs::read_to_string(repo().join("docs/rule-schema.json")).unwrap();
    assert!(
        committed == claimlint::rule::json_schema(),
        "docs/rule-schema.json is stale: run `cargo run -- schema > docs/rule-schema.json`"
    );
}

#[test]
fn every_shipped_rule_file_validates() {
    let mut files: Vec<PathBuf> = fs::read_dir(repo().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(repo().join("tests/fixtures/gazetteer.toml"));
    let validator = validator();
    for file in files {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&file))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = validator();
    for bad in [
        "[[extractor]]\nid = \"x\"\npatern = 'a'\nkey = \"k\"\n",
        "[[check]]\nid = \"x\"\nkind = \"sequense\"\n",
        "[[entity]]\nid = \"x\"\nkind = \"person\"\n",
        "[colour]\nred = 1\n",
    ] {
        let value: toml::Value = toml::from_str(bad).unwrap();
        assert!(
            !validator.is_valid(&serde_json::to_value(value).unwrap()),
            "{bad}"
        );
    }
}
