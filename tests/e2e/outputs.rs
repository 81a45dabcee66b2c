//! Output that cannot be written is one line and exit 2, leaving nothing half-written; a
//! reader that closes the pipe early (`rdiff … | head`) ends rdiff quietly with status 0.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::bad_input::{assert_one_line_error, PARTNER};
use rdiff::testing::file_names;

use crate::{rdiff, sample};

/// Every way rdiff writes a file, to `target`.
fn writers(target: &Path) -> Vec<Vec<OsString>> {
    let a = sample(PARTNER);
    let b = sample("congtai-2024-traditional.txt");

    let args = |parts: &[&dyn AsRef<OsStr>]| -> Vec<OsString> {
        parts.iter().map(|p| p.as_ref().to_os_string()).collect()
    };
    vec![
        args(&[&a, &b, &"--html", &target]),
        args(&[&"matrix", &"-q", &a, &b, &"--html", &target]),
        args(&[&"matrix", &"-q", &a, &b, &"--csv", &target]),
    ]
}

fn refused(target: &Path, needle: &str, watched: &Path) {
    let before = file_names(watched);
    for args in writers(target) {
        let out = rdiff().args(&args).output().expect("rdiff runs");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: no result without its file"
        );
        assert_one_line_error(&out, needle);
        assert_eq!(file_names(watched), before, "{args:?} left a file behind");
    }
}

#[test]
fn output_folder_missing_a_file_or_a_folder_in_the_way() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("seed");
    let folder = dir.path().join("a-folder");
    std::fs::create_dir(&folder).expect("folder");
    refused(
        &dir.path().join("missing/out.html"),
        "does not exist",
        dir.path(),
    );
    refused(&file.join("out.html"), "a-file is not a folder", dir.path());
    refused(&folder, "it is a folder", dir.path());
    let split = rdiff()
        .arg("split")
        .arg(sample(PARTNER))
        .arg("-o")
        .arg(file.join("out"))
        .output()
        .expect("rdiff runs");
    assert_one_line_error(&split, "cannot create folder");
}

#[cfg(unix)]
#[test]
fn unwritable_output_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("folder");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let root_writes = std::fs::write(locked.join("probe"), "x").is_ok();
    if !root_writes {
        refused(&locked.join("out.html"), "Permission denied", &locked);
    } else {
        std::fs::remove_file(locked.join("probe")).expect("clean up");
        println!("unwritable_output_folder: running as root, who writes anyway");
        // A folder where no one may create a file.
        #[cfg(target_os = "linux")]
        refused(
            Path::new("/proc/rdiff-out.html"),
            "cannot write /proc/rdiff-out.html",
            &locked,
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).expect("chmod");
}

/// Run rdiff with `args`, read one byte of its output and close the pipe.
fn close_early(args: &[PathBuf], flags: &[&str]) -> std::process::Output {
    // assert_cmd waits for the whole output; this needs the pipe itself.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rdiff"))
        .env_remove("NO_COLOR")
        .args(flags)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rdiff starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).expect("some output");
    drop(stdout);
    child.wait_with_output().expect("rdiff ends")
}

/// Outputs far larger than a pipe's buffer, so rdiff is still writing when the pipe closes.
#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let pair = [sample(PARTNER), sample("congtai-2024-traditional.txt")];
    let all = crate::all_samples();
    let cases: [(&[PathBuf], &[&str]); 5] = [
        (&pair, &["--json"]),
        (&pair, &["--show-equal", "--color", "always"]),
        (&all, &["outline", "--json"]),
        (&[sample("compilation-2024.txt")], &["normalize"]),
        (&all, &["matrix", "--json", "-q"]),
    ];
    for (files, flags) in cases {
        let out = close_early(files, flags);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{flags:?}: {stderr}");
        assert!(
            !stderr.contains("Broken pipe") && !stderr.contains("panicked"),
            "{stderr}"
        );
    }
}
