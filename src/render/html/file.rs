//! Writing the page to a file whole or not at all: a reader who opens a half-written report
//! would take what is missing for what the reports lack. The page goes to a temporary file
//! beside the target and is renamed over it only once written, so a reader sees the old file
//! or the new one, never part of one. No fsync: it guards only against a power cut, costs
//! milliseconds per report, and a page lost that way is simply written again.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::comparison::Comparison;

/// Why the HTML report could not be written; the message names the path, on one line.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// The folder the report should go into does not exist.
    #[error("cannot write {}: folder {} does not exist", .path.display(), .folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    /// Creating, writing or renaming the file failed.
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Write the page for `cmp` to `path`, replacing any file there, atomically.
pub fn write_file(path: &Path, cmp: &Comparison) -> Result<(), HtmlError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(HtmlError::NoFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    let io_error = |source| HtmlError::Io {
        path: path.to_path_buf(),
        source,
    };
    let page = super::render(cmp);
    let mut temp = temp_builder().tempfile_in(folder).map_err(io_error)?;
    temp.write_all(page.as_bytes()).map_err(io_error)?;
    temp.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// A hidden temporary file that, once renamed, has the permissions of a file the user
/// created (tempfile's default, owner-only, would surprise whoever serves or shares it).
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rdiff-").suffix(".html.tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask still applies, as it would to any file the user creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html::testkit::sample;

    #[test]
    fn writes_the_page_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.html");
        let cmp = sample();
        write_file(&path, &cmp).expect("written");
        let written = std::fs::read_to_string(&path).expect("read back");
        assert_eq!(written, super::super::render(&cmp));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.html")]);
    }

    #[test]
    fn replaces_an_existing_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.html");
        std::fs::write(&path, "old").expect("seed");
        write_file(&path, &sample()).expect("written");
        let written = std::fs::read_to_string(&path).expect("read back");
        assert!(written.starts_with("<!DOCTYPE html>"));
    }

    #[test]
    fn missing_folder_is_a_one_line_error_naming_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-folder").join("report.html");
        let err = write_file(&path, &sample()).expect_err("must fail");
        assert!(matches!(err, HtmlError::NoFolder { .. }));
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(!message.contains('\n'));
        assert!(!path.exists());
    }

    #[test]
    fn a_folder_in_the_way_is_an_error_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.html");
        std::fs::create_dir(&path).expect("folder in the way");
        std::fs::write(path.join("keep"), "x").expect("non-empty folder");
        let err = write_file(&path, &sample()).expect_err("must fail");
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(!message.contains('\n'));
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "only the folder that was in the way");
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_is_an_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).expect("folder");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        let path = locked.join("report.html");
        let result = write_file(&path, &sample());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        // Root may write anyway; then the file must be whole.
        match result {
            Err(err) => assert!(err.to_string().contains(&path.display().to_string())),
            Ok(()) => assert!(std::fs::read_to_string(&path)
                .expect("read")
                .ends_with("</html>\n")),
        }
    }
}
