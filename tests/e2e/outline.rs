//! `rdiff outline` on every sample: what rdiff read, as a person would check it.

use crate::{all_samples, json_of, rdiff, sample};

#[test]
fn every_sample_outlines() {
    for path in all_samples() {
        let out = rdiff().arg("outline").arg(&path).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn json_has_the_documented_fields() {
    let json = json_of(
        &[
            "outline".as_ref(),
            "--json".as_ref(),
            sample("shijiazhuang-2021.txt").as_os_str(),
        ],
        0,
    );
    let report = &json["reports"][0];
    for field in [
        "path",
        "title",
        "encoding",
        "converted",
        "chars",
        "sentences",
        "sections",
        "dropped",
    ] {
        assert!(report.get(field).is_some(), "missing {field}");
    }
}
