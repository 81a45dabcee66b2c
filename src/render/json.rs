//! The JSON outputs (`rdiff A B --json`, `outline --json`, `matrix --json`): one versioned
//! envelope for all three, and each one's JSON Schema generated from the very types that are
//! serialized, so the schema cannot drift from the output (`rdiff generate compare-schema`;
//! the files in `docs/schema/` are checked against it by a test).

use std::io::{self, Write};

use schemars::{JsonSchema, Schema};
use serde::Serialize;

use crate::comparison::Comparison;
use crate::corpus::Analysis;
use crate::render::outline::OutlineJson;

/// Version of the shape of every JSON output. It goes up when a field is removed, renamed or
/// changes meaning; a field added leaves it as it is, so readers should ignore fields they do
/// not know.
pub const SCHEMA_VERSION: u32 = 1;

/// An output with its schema version first.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Versioned<'a, T: Serialize + JsonSchema> {
    /// The version of this output's shape: raised when a field is removed, renamed or changes
    /// meaning, not when one is added.
    pub schema_version: u32,
    #[serde(flatten)]
    pub body: &'a T,
}

/// The three JSON outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// `rdiff A B --json`.
    Compare,
    /// `rdiff outline --json`.
    Outline,
    /// `rdiff matrix --json`.
    Matrix,
}

impl Output {
    pub const ALL: [Output; 3] = [Output::Compare, Output::Outline, Output::Matrix];

    /// The file name of its schema in `docs/schema/`.
    pub fn schema_file(self) -> &'static str {
        match self {
            Output::Compare => "compare.schema.json",
            Output::Outline => "outline.schema.json",
            Output::Matrix => "matrix.schema.json",
        }
    }

    /// Its JSON Schema (draft 2020-12), generated from the output's types.
    pub fn schema(self) -> Schema {
        let (mut schema, title) = match self {
            Output::Compare => (
                schemars::schema_for!(Versioned<'static, Comparison>),
                "rdiff A B --json",
            ),
            Output::Outline => (
                schemars::schema_for!(Versioned<'static, OutlineJson<'static>>),
                "rdiff outline --json",
            ),
            Output::Matrix => (
                schemars::schema_for!(Versioned<'static, Analysis>),
                "rdiff matrix --json",
            ),
        };
        schema.insert("title".into(), title.into());
        schema.insert(
            "description".into(),
            format!("The output of `{title}`, schema version {SCHEMA_VERSION}.").into(),
        );
        schema
    }
}

/// Print `body` as pretty JSON with its schema version, and a final newline.
pub fn write<T: Serialize + JsonSchema>(out: &mut impl Write, body: &T) -> io::Result<()> {
    let versioned = Versioned {
        schema_version: SCHEMA_VERSION,
        body,
    };
    serde_json::to_writer_pretty(&mut *out, &versioned)?;
    writeln!(out)
}

/// Print `schema` as pretty JSON, and a final newline.
pub fn write_schema(out: &mut impl Write, schema: &Schema) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, schema)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_names_its_version_and_requires_it() {
        for output in Output::ALL {
            let schema = serde_json::to_value(output.schema()).unwrap();
            assert_eq!(
                schema["properties"]["schema_version"]["type"], "integer",
                "{output:?}"
            );
            assert!(schema["title"].as_str().unwrap().ends_with("--json"));
            let required = schema["required"].as_array().unwrap();
            assert!(required.contains(&"schema_version".into()), "{output:?}");
        }
    }

    #[test]
    fn the_version_comes_first() {
        let mut out = Vec::new();
        write(&mut out, &serde_json::json!({"a": 1})).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("{\n  \"schema_version\": 1,\n  \"a\": 1"),
            "{text}"
        );
    }
}
