//! End-to-end tests: the real binary on the real samples. One test binary, one module a
//! command, small helpers here.

mod attribution;
mod bad_input;
mod cli;
mod compare;
mod corruption;
mod html;
mod matrix;
mod odd_text;
mod outline;
mod outputs;
mod reading;
mod schema;
mod targets;
mod views;

use std::path::PathBuf;

use assert_cmd::Command;

/// The rdiff binary, with colour off and a clean environment for colour decisions.
pub fn rdiff() -> Command {
    let mut cmd = Command::cargo_bin("rdiff").expect("rdiff binary is built");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Path of a file in samples/.
pub fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// Every report sample, the Hailar series included.
pub fn all_samples() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["samples", "samples/hailaer"] {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&dir).expect("samples/ is readable") {
            let path = entry.expect("directory entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_file() && name.ends_with(".txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Run rdiff and parse its stdout as JSON, asserting the exit status.
pub fn json_of(args: &[&std::ffi::OsStr], status: i32) -> serde_json::Value {
    let out = rdiff().args(args).output().expect("rdiff runs");
    assert_eq!(
        out.status.code(),
        Some(status),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}
