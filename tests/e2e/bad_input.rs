//! Input that cannot give a meaningful result: every command says why on one line of stderr
//! and exits 2, never a panic or a backtrace; `rdiff matrix` reports the file, compares the
//! others and exits 2 at the end. The cases and limits are listed in docs/robustness.md.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::{rdiff, sample};

/// The report every bad input is paired with.
pub const PARTNER: &str = "langfang-2024-excerpt.txt";

/// Assert rdiff failed with status 2 and one line on stderr mentioning `needle`.
pub fn assert_one_line_error(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr}");
    assert!(stderr.starts_with("rdiff: "), "{stderr}");
    assert!(
        stderr.contains(needle),
        "{stderr:?} should mention {needle:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(bytes).expect("write temp file");
    file
}

fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    rdiff().args(args).output().expect("rdiff runs")
}

fn os(parts: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    parts.iter().map(|p| p.as_ref().to_os_string()).collect()
}

/// Every command refuses `bad` with one line mentioning `needle`: outline (text and JSON),
/// normalize, the pair (terminal, JSON, HTML, on either side), split; matrix reports it and
/// compares the rest. Nothing is written.
pub fn refused_by_every_command(bad: &Path, needle: &str) {
    let partner = sample(PARTNER);
    let out = tempfile::tempdir().expect("temp dir");
    let html = out.path().join("pair.html");
    let split_dir = out.path().join("split");
    let single: Vec<Vec<OsString>> = vec![
        os(&[&"outline", &bad]),
        os(&[&"outline", &"--json", &bad]),
        os(&[&"normalize", &bad]),
        os(&[&bad, &partner]),
        os(&[&partner, &bad, &"--json"]),
        os(&[&bad, &partner, &"--html", &html]),
        os(&[&"split", &bad, &"-o", &split_dir]),
    ];
    for args in single {
        let result = run(&args);
        assert!(result.stdout.is_empty(), "{args:?} printed a result");
        assert_one_line_error(&result, needle);
    }
    assert!(!html.exists() && !split_dir.exists(), "nothing is written");
    matrix_goes_on_without(bad, needle);
}

/// `rdiff matrix BAD PARTNER`: one line about BAD, the partner compared, exit 2.
pub fn matrix_goes_on_without(bad: &Path, needle: &str) {
    let out = tempfile::tempdir().expect("temp dir");
    let csv = out.path().join("m.csv");
    let result = run(os(&[
        &"matrix",
        &"-q",
        &"--json",
        &bad,
        &sample(PARTNER),
        &"--csv",
        &csv,
    ]));
    assert_one_line_error(&result, needle);
    let json: serde_json::Value = serde_json::from_slice(&result.stdout).expect("JSON");
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["failed"].as_array().map(Vec::len), Some(1));
    assert!(csv.exists(), "the run went on and wrote its CSV");
}

#[test]
fn missing_file() {
    refused_by_every_command(Path::new("no/such/report.txt"), "no/such/report.txt");
}

#[test]
fn directory_given_as_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let result = run(os(&[&"outline", &dir.path()]));
    assert_one_line_error(&result, "is a directory");
    // For matrix a folder is a corpus: an empty one has no report.
    let result = run(os(&[&"matrix", &"-q", &dir.path()]));
    assert_one_line_error(&result, "no report to compare");
    for args in [
        os(&[&"normalize", &dir.path()]),
        os(&[&dir.path(), &sample(PARTNER), &"--json"]),
        os(&[&"split", &dir.path(), &"-o", &dir.path().join("out")]),
    ] {
        assert_one_line_error(&run(args), "is a directory");
    }
}

#[cfg(unix)]
#[test]
fn no_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let file = temp_file(std::fs::read(sample(PARTNER)).expect("sample").as_slice());
    std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(file.path()).is_ok() {
        println!("no_read_permission: running as root, who reads a mode-000 file anyway");
        // The same path: a file the kernel refuses to read (address 0 of our own memory).
        #[cfg(target_os = "linux")]
        refused_by_every_command(Path::new("/proc/self/mem"), "cannot read");
        return;
    }
    refused_by_every_command(file.path(), "Permission denied");
}

#[test]
fn empty_and_whitespace_only() {
    refused_by_every_command(temp_file(b"").path(), "file is empty");
    let blank = " \r\n\t\u{3000}\n\n  ".as_bytes();
    refused_by_every_command(temp_file(blank).path(), "only whitespace");
}

#[test]
fn an_executable() {
    let elf = ["/bin/true", "/usr/bin/true"]
        .iter()
        .find_map(|p| std::fs::read(p).ok())
        .unwrap_or_else(|| [b"\x7FELF\x02\x01\x01\0".as_slice(), &[0u8; 4096]].concat());
    refused_by_every_command(temp_file(&elf).path(), "ELF executable");
}

#[test]
fn a_png_image() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    refused_by_every_command(temp_file(&png).path(), "PNG image");
}

#[test]
fn text_full_of_nul_bytes() {
    let text = "政府工作报告。".repeat(50);
    let interleaved: Vec<u8> = text.bytes().flat_map(|b| [b, 0, 0]).collect();
    refused_by_every_command(temp_file(&interleaved).path(), "NUL bytes at offset");
}

#[test]
fn bytes_in_no_detectable_encoding() {
    let noise: Vec<u8> = (0..3000u32)
        .map(|i| [0xFF, 0x80, 0xFE, 0x81, 0xC0][i as usize % 5])
        .collect();
    refused_by_every_command(temp_file(&noise).path(), "not readable as text");
}

#[test]
fn a_50_mb_report_is_over_the_size_limit() {
    let report = std::fs::read(sample("shijiazhuang-2021.txt")).expect("sample");
    let big = report.repeat(50_000_000 / report.len() + 1);
    let file = temp_file(&big);
    refused_by_every_command(file.path(), "larger than the 33554432-byte limit");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_stream_is_cut_off_at_the_size_limit() {
    let result = run(["outline", "/dev/zero"]);
    assert_one_line_error(&result, "more than 33554432 bytes to read");
    matrix_goes_on_without(Path::new("/dev/zero"), "more than 33554432 bytes");
}

#[test]
fn only_a_title_or_only_furniture_is_no_report() {
    refused_by_every_command(
        temp_file("2024年政府工作报告\n".as_bytes()).path(),
        "no report text found",
    );
    let furniture = "来源:新华网\n责任编辑:张三\n第1页\n";
    refused_by_every_command(
        temp_file(furniture.as_bytes()).path(),
        "no report text found",
    );
}

/// A report over the key limit is refused before comparing; in matrix, it is left out.
#[test]
fn a_report_over_the_key_character_limit() {
    let report = std::fs::read_to_string(sample(PARTNER)).expect("sample");
    // ~6,900 key characters a copy: just over 2,000,000.
    let long = temp_file(report.repeat(300).as_bytes());
    let result = run(os(&[&long.path(), &sample(PARTNER), &"--json"]));
    assert!(result.stdout.is_empty());
    assert_one_line_error(&result, "more than the limit of 2000000 for one report");
    matrix_goes_on_without(long.path(), "more than the limit of 2000000");
}

#[test]
fn a_rules_file_over_its_limit() {
    let rules = temp_file("X中央 => 党中央\n".repeat(70_000).as_bytes());
    let result = run(os(&[
        &"outline",
        &"--rules",
        &rules.path(),
        &sample(PARTNER),
    ]));
    assert_one_line_error(
        &result,
        "larger than the 1048576-byte limit for a rules file",
    );
}

#[test]
fn unknown_encoding_label() {
    let out = run(os(&[
        &"outline",
        &"--encoding",
        &"klingon",
        &sample("shijiazhuang-2021.txt"),
    ]));
    assert_one_line_error(&out, "klingon");
}

/// A FIFO (size 0 to `stat`) is read to its end like a file.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_like_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo: PathBuf = dir.path().join("report.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("a_named_pipe_is_read_like_a_file: mkfifo is not available");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let text = std::fs::read(sample(PARTNER)).expect("sample");
            std::fs::write(&fifo, text).expect("write into the FIFO");
        })
    };
    let result = run(os(&[&"normalize", &fifo]));
    writer.join().expect("writer");
    let expected = run(os(&[&"normalize", &sample(PARTNER)]));
    assert_eq!(result.status.code(), Some(0));
    assert_eq!(result.stdout, expected.stdout);
}
