//! Writing the page to a file, whole or not at all ([`crate::output`]).

use std::io::Write;
use std::path::Path;

use crate::comparison::Comparison;
use crate::output::{write_atomically, WriteError};

/// Write the page for `cmp` to `path`, replacing any file there, atomically.
pub fn write_file(path: &Path, cmp: &Comparison) -> Result<(), WriteError> {
    let page = super::render(cmp);
    write_atomically(path, |out| out.write_all(page.as_bytes()))
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
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
