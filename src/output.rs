//! Output files written whole or not at all, for every file rdiff writes (`--html`, `--csv`,
//! the pair pages, `split`): a reader who opens a half-written report would take what is
//! missing for what the reports lack, and a failed run must leave an older file untouched.
//!
//! The content goes to a hidden temporary file beside the target and is renamed over the
//! target only once complete, so a reader sees the old file or the new one, never part of one.
//! No fsync: it guards only against a power cut, costs milliseconds per file (measured with
//! `bench/peers.sh`), and a file lost that way is simply written again. The folder is checked first, so that a missing folder,
//! a file standing where a folder should be, or a folder standing where the file should be
//! each get a message that says so, on one line.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why an output file could not be written; the message names the path, on one line.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The folder the file should go into does not exist.
    #[error("cannot write {}: folder {} does not exist", .path.display(), .folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    /// Something that is not a folder stands where the folder should be.
    #[error("cannot write {}: {} is not a folder", .path.display(), .folder.display())]
    NotAFolder { path: PathBuf, folder: PathBuf },
    /// A folder stands where the file should be.
    #[error("cannot write {}: it is a folder", .path.display())]
    IsAFolder { path: PathBuf },
    /// Creating, writing or renaming the file failed.
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Write `path` with what `fill` writes, replacing any file there, atomically.
pub fn write_atomically<F>(path: &Path, fill: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut BufWriter<&std::fs::File>) -> io::Result<()>,
{
    let folder = check_target(path)?;
    let io_error = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(source.kind(), without_temp_path(&source)),
    };
    let temp = temp_builder().tempfile_in(&folder).map_err(io_error)?;
    let mut out = BufWriter::new(temp.as_file());
    fill(&mut out).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    drop(out);
    // On failure the temporary file is removed when `temp` is dropped.
    temp.persist(path).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// The folder `path` goes into, once it is known to be a folder and `path` not to be one.
/// Commands call it before their work too, so that a mistyped output path fails at once.
pub fn check_target(path: &Path) -> Result<PathBuf, WriteError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let error = |kind: fn(PathBuf, PathBuf) -> WriteError| Err(kind(path.into(), folder.clone()));
    match std::fs::metadata(&folder) {
        Ok(meta) if !meta.is_dir() => {
            return error(|path, folder| WriteError::NotAFolder { path, folder })
        }
        Ok(_) => {}
        // A file further up ("report.txt/out/x.html") also means "not a folder".
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            return error(|path, folder| WriteError::NotAFolder { path, folder })
        }
        Err(_) => return error(|path, folder| WriteError::NoFolder { path, folder }),
    }
    if path.is_dir() {
        return Err(WriteError::IsAFolder { path: path.into() });
    }
    Ok(folder)
}

/// tempfile adds the temporary file's name to its errors; the user never asked for that file.
fn without_temp_path(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" at path ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// A hidden temporary file that, once renamed, has the permissions of a file the user
/// created (tempfile's default, owner-only, would surprise whoever serves or shares it).
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rdiff-").suffix(".tmp");
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
    use crate::testing::file_names;

    fn write_text(path: &Path, text: &str) -> Result<(), WriteError> {
        write_atomically(path, |out| out.write_all(text.as_bytes()))
    }

    #[test]
    fn writes_and_replaces_leaving_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old").expect("seed");
        write_text(&path, "new").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(file_names(dir.path()), vec!["out.txt"]);
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "old").expect("seed");
        let failed = write_atomically(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("render failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(file_names(dir.path()), vec!["out.txt"]);
    }

    #[test]
    fn each_wrong_target_says_what_is_wrong_on_one_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").expect("seed");
        let folder = dir.path().join("a-folder");
        std::fs::create_dir(&folder).expect("folder");
        let cases = [
            (dir.path().join("missing/out.html"), "does not exist"),
            (file.join("out.html"), "is not a folder"),
            (file.join("deeper/out.html"), "is not a folder"),
            (folder.clone(), "it is a folder"),
        ];
        for (path, expected) in cases {
            let message = write_text(&path, "x").expect_err("must fail").to_string();
            assert!(message.contains(expected), "{message}");
            assert!(message.contains(&path.display().to_string()), "{message}");
            assert!(!message.contains('\n'));
        }
        assert_eq!(file_names(dir.path()), vec!["a-file", "a-folder"]);
        assert!(file_names(&folder).is_empty());
    }
}
