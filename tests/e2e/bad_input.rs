//! Bad input gets a clear one-line error and exit status 2: never a panic or a backtrace.

use std::io::Write;

use crate::{rdiff, sample};

/// Assert rdiff failed with status 2 and one line on stderr mentioning `needle`.
fn assert_one_line_error(out: std::process::Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr}");
    assert!(stderr.starts_with("rdiff: "), "{stderr}");
    assert!(
        stderr.contains(needle),
        "{stderr:?} should mention {needle:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(bytes).expect("write temp file");
    file
}

#[test]
fn missing_file() {
    let out = rdiff()
        .args(["outline", "no/such/report.txt"])
        .output()
        .unwrap();
    assert_one_line_error(out, "no/such/report.txt");
}

#[test]
fn directory_given_as_report() {
    let out = rdiff()
        .arg("outline")
        .arg(sample("hailaer"))
        .output()
        .unwrap();
    assert_one_line_error(out, "directory");
}

#[test]
fn empty_file() {
    let file = temp_file(b"");
    let out = rdiff().arg("outline").arg(file.path()).output().unwrap();
    assert_one_line_error(out, "empty");
}

#[test]
fn binary_png() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 200));
    let file = temp_file(&png);
    let out = rdiff().arg("outline").arg(file.path()).output().unwrap();
    assert_one_line_error(out, "binary");
}

#[test]
fn unknown_encoding_label() {
    let out = rdiff()
        .args(["outline", "--encoding", "klingon"])
        .arg(sample("shijiazhuang-2021.txt"))
        .output()
        .unwrap();
    assert_one_line_error(out, "klingon");
}
