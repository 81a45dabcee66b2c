//! The JSON outputs against their schemas: the files in docs/schema/ are what the types
//! generate, and real outputs of every JSON command validate against them with no field the
//! schema does not describe.

use std::path::PathBuf;

use serde_json::Value;

use crate::{all_samples, rdiff, sample};

/// The three outputs: their `generate` name and their file in docs/schema/.
const OUTPUTS: [(&str, &str); 3] = [
    ("compare-schema", "compare.schema.json"),
    ("outline-schema", "outline.schema.json"),
    ("matrix-schema", "matrix.schema.json"),
];

fn schema_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("docs/schema")
        .join(file)
}

fn generated(name: &str) -> String {
    let out = rdiff()
        .args(["generate", name])
        .output()
        .expect("rdiff runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The checked-in schemas are the generated ones. `RDIFF_BLESS=1 cargo test` rewrites them.
#[test]
fn the_schemas_in_docs_are_the_generated_ones() {
    for (name, file) in OUTPUTS {
        let now = generated(name);
        let path = schema_path(file);
        if std::env::var_os("RDIFF_BLESS").is_some() {
            std::fs::write(&path, &now).expect("docs/schema is writable");
        }
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == now,
            "{} is not what `rdiff generate {name}` prints; run `RDIFF_BLESS=1 cargo test --test e2e schema` and commit it",
            path.display()
        );
    }
}

/// `schema` with every object that lists its properties closed to others, so that an output
/// field the schema does not describe fails validation.
fn closed(mut schema: Value) -> Value {
    fn close(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    close(&mut schema);
    schema
}

/// Validate `json` against `output`'s schema, closed; and check that the closed schema
/// refuses a field it does not describe, at the top and inside the first report.
pub fn assert_valid(output: &str, json: &[u8]) {
    let (name, _) = OUTPUTS
        .iter()
        .find(|(n, _)| n.starts_with(output))
        .expect("a known output");
    let schema: Value = serde_json::from_str(&generated(name)).expect("schema is JSON");
    let validator = jsonschema::validator_for(&closed(schema)).expect("a valid schema");
    let instance: Value = serde_json::from_slice(json).expect("output is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{output}: {errors:#?}");
    assert_eq!(instance["schema_version"], 1, "{output}");
    let mut extra = instance.clone();
    extra["not_in_the_schema"] = 1.into();
    assert!(
        !validator.is_valid(&extra),
        "{output}: an unknown field passes"
    );
    let mut nested = instance;
    let report = match output {
        "compare" => &mut nested["a"],
        _ => &mut nested["reports"][0],
    };
    report["not_in_the_schema"] = 1.into();
    assert!(
        !validator.is_valid(&nested),
        "{output}: an unknown report field passes"
    );
}

fn stdout_of(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = rdiff().args(args).output().expect("rdiff runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn a_comparison_validates_against_its_schema() {
    // Traditional against Simplified, and an excerpt against a whole report: every kind of
    // item, pair and commitment occurs.
    for (a, b) in [
        ("congtai-2024-traditional.txt", "langfang-2024-excerpt.txt"),
        ("hailaer/hailaer-2018.txt", "hailaer/hailaer-2019.txt"),
    ] {
        let (a, b) = (sample(a), sample(b));
        let json = stdout_of(&[a.as_os_str(), b.as_os_str(), "--json".as_ref()]);
        assert_valid("compare", &json);
    }
}

#[test]
fn an_outline_validates_against_its_schema() {
    let mut args: Vec<std::ffi::OsString> = vec!["outline".into(), "--json".into()];
    args.extend(all_samples().into_iter().map(Into::into));
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    assert_valid("outline", &stdout_of(&args));
}

#[test]
fn a_matrix_validates_against_its_schema() {
    let (hailaer, compilation) = (sample("hailaer"), sample("compilation-2024.txt"));
    let json = stdout_of(&[
        "matrix".as_ref(),
        "--quiet".as_ref(),
        "--json".as_ref(),
        hailaer.as_os_str(),
        compilation.as_os_str(),
    ]);
    assert_valid("matrix", &json);
}

/// The fields every output shares mean the same: one report's title, place, year, characters
/// and sentences are the same in `outline`, a comparison and the matrix.
#[test]
fn a_report_is_described_alike_in_every_output() {
    const SHARED: [&str; 8] = [
        "title",
        "title_original",
        "title_derived",
        "year",
        "place",
        "converted",
        "chars",
        "sentences",
    ];
    let other = sample("langfang-2024-excerpt.txt");
    let singles: Vec<PathBuf> = all_samples()
        .into_iter()
        .filter(|p| !p.ends_with("compilation-2024.txt") && *p != other)
        .collect();
    let dir = tempfile::tempdir().expect("temporary folder");
    for path in &singles {
        std::fs::copy(path, dir.path().join(path.file_name().expect("a file"))).expect("copy");
    }
    let matrix: Value = serde_json::from_slice(&stdout_of(&[
        "matrix".as_ref(),
        "--json".as_ref(),
        "--quiet".as_ref(),
        dir.path().as_os_str(),
    ]))
    .expect("JSON");
    let mut traditional = 0;
    for path in &singles {
        let outline: Value = serde_json::from_slice(&stdout_of(&[
            "outline".as_ref(),
            "--json".as_ref(),
            path.as_os_str(),
        ]))
        .expect("JSON");
        let compare: Value = serde_json::from_slice(&stdout_of(&[
            path.as_os_str(),
            other.as_os_str(),
            "--json".as_ref(),
        ]))
        .expect("JSON");
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a name");
        let in_matrix = matrix["reports"]
            .as_array()
            .expect("reports")
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} is in the matrix"));
        let in_outline = &outline["reports"][0];
        for field in SHARED {
            assert_eq!(
                in_outline[field], compare["a"][field],
                "{name}: {field}, outline vs compare"
            );
            assert_eq!(
                in_outline[field], in_matrix[field],
                "{name}: {field}, outline vs matrix"
            );
        }
        assert!(in_outline["chars"].as_u64().expect("chars") > 0, "{name}");
        if in_outline["converted"] == true {
            traditional += 1;
            assert_ne!(
                in_outline["title"], in_outline["title_original"],
                "{name}: Simplified and as written"
            );
        }
    }
    assert_eq!(traditional, 1, "the Traditional sample is among them");
}
