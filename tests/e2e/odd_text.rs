//! Odd but readable input: a result, and a warning on stderr where something was repaired or
//! guessed. Text that could drive a terminal or a browser never reaches either raw; JSON keeps
//! it intact. Large inputs are made here, in a temporary folder.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::Path;
use std::process::Output;

use crate::bad_input::PARTNER;
use crate::{rdiff, sample};

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".txt")
        .tempfile()
        .expect("temp file");
    file.write_all(bytes).expect("write temp file");
    file
}

fn run(args: &[&dyn AsRef<OsStr>]) -> Output {
    let args: Vec<OsString> = args.iter().map(|a| a.as_ref().to_os_string()).collect();
    rdiff().args(args).output().expect("rdiff runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_status(out: &Output, statuses: &[i32]) {
    let code = out.status.code().unwrap_or(-1);
    assert!(statuses.contains(&code), "status {code}: {}", stderr(out));
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
}

/// Every command gives a result, and `warning` on stderr: outline, normalize, the pair,
/// matrix (not `--quiet`), split.
fn readable_with_warning(file: &Path, warning: &str) {
    let partner = sample(PARTNER);
    let dir = tempfile::tempdir().expect("temp dir");
    let runs = [
        run(&[&"outline", &file]),
        run(&[&"normalize", &file]),
        run(&[&file, &partner, &"--json"]),
        run(&[&"matrix", &file, &partner]),
        run(&[&"split", &file, &"-o", &dir.path()]),
    ];
    for out in &runs {
        assert_status(out, &[0, 1]);
        assert!(!out.stdout.is_empty(), "a result");
        let err = stderr(out);
        assert!(err.contains(warning), "{err:?} should warn {warning:?}");
        assert!(
            err.lines().all(|l| l.starts_with("rdiff: ")),
            "one line each: {err}"
        );
    }
}

/// `rdiff normalize` of `file` and of the sample it was made from print the same.
fn reads_like(file: &Path, original: &Path) {
    let a = run(&[&"normalize", &file]);
    let b = run(&[&"normalize", &original]);
    assert_status(&a, &[0]);
    assert_eq!(
        String::from_utf8_lossy(&a.stdout),
        String::from_utf8_lossy(&b.stdout)
    );
}

#[test]
fn stray_nul_bytes_are_removed_with_a_warning() {
    let mut bytes = std::fs::read(sample(PARTNER)).expect("sample");
    let at = bytes
        .iter()
        .position(|&b| b == b'\n')
        .expect("a line break");
    bytes.insert(at, 0);
    let file = temp_file(&bytes);
    readable_with_warning(file.path(), "1 NUL byte(s) removed");
    reads_like(file.path(), &sample(PARTNER));
}

#[test]
fn a_few_undecodable_bytes_are_counted_by_every_command() {
    let mut bytes = std::fs::read(sample(PARTNER)).expect("sample");
    let at = bytes.len() / 2;
    let at = at
        + bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .expect("a line break");
    bytes.insert(at, 0xFF);
    let file = temp_file(&bytes);
    readable_with_warning(
        file.path(),
        "1 undecodable byte sequence(s) replaced by U+FFFD",
    );
}

/// Half the lines UTF-8, half GBK: each line read in its own encoding, not one half as
/// mojibake (which would also pass for Traditional script).
#[test]
fn mixed_utf8_and_gbk_lines() {
    let text = std::fs::read_to_string(sample(PARTNER)).expect("sample");
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let half = lines.len() / 2;
    let mut bytes = lines[..half].concat().into_bytes();
    let second_half = lines[half..].concat();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&second_half);
    assert!(!unmappable);
    bytes.extend_from_slice(&gbk);
    let file = temp_file(&bytes);
    readable_with_warning(file.path(), "mixed encodings:");
    reads_like(file.path(), &sample(PARTNER));
    let outline = run(&[&"outline", &file.path()]);
    let shown = String::from_utf8_lossy(&outline.stdout);
    assert!(shown.contains("UTF-8 + GBK, Simplified"), "{shown}");
}

#[test]
fn utf16_without_a_byte_order_mark() {
    let text = std::fs::read_to_string(sample("congtai-2024-traditional.txt")).expect("sample");
    for big_endian in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let file = temp_file(&bytes);
        reads_like(file.path(), &sample("congtai-2024-traditional.txt"));
    }
}

/// A 2 MB report on one line (as some sites serve it): read, split and compared.
#[test]
fn a_two_megabyte_single_line() {
    let text = std::fs::read_to_string(sample(PARTNER)).expect("sample");
    let one_line: String = text.replace(['\n', '\r'], "");
    let big = one_line.repeat(2_000_000 / one_line.len() + 1);
    assert!(big.len() > 2_000_000);
    let file = temp_file(big.as_bytes());
    let pair = run(&[&file.path(), &sample(PARTNER), &"--summary"]);
    assert_status(&pair, &[1]);
    let shown = String::from_utf8_lossy(&pair.stdout);
    let sentences: usize = shown
        .split(" sentences")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(sentences > 10_000, "{sentences} sentences: {shown}");
}

/// One sentence 100,000 times: linear work, no blow-up (a few seconds unoptimized).
#[test]
fn one_sentence_repeated_100_000_times() {
    let file = temp_file("我们要继续努力工作。".repeat(100_000).as_bytes());
    let pair = run(&[&file.path(), &sample(PARTNER), &"--summary"]);
    assert_status(&pair, &[1]);
    let shown = String::from_utf8_lossy(&pair.stdout);
    assert!(
        shown.contains("900000 characters, 100000 sentences"),
        "{shown}"
    );
}

/// Chinese numerals 1–99 as written in headings.
fn numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, u) => DIGITS[u].to_string(),
        (1, u) => format!("十{}", DIGITS[u]),
        (t, u) => format!("{}十{}", DIGITS[t], DIGITS[u]),
    }
}

#[test]
fn five_hundred_headings_and_none() {
    let mut text = String::from("2024年某市政府工作报告\n各位代表:\n");
    for top in 1..=20 {
        text.push_str(&format!("{}、第{top}部分工作\n", numeral(top)));
        for sub in 1..=24 {
            text.push_str(&format!(
                "({})推进第{top}部分第{sub}项工作。\n我们要抓好第{top}部分第{sub}项任务落实,确保取得实效。\n",
                numeral(sub)
            ));
        }
    }
    let many = temp_file(text.as_bytes());
    let outline = run(&[&"outline", &"--json", &many.path()]);
    assert_status(&outline, &[0]);
    let json: serde_json::Value = serde_json::from_slice(&outline.stdout).expect("JSON");
    let sections = json["reports"][0]["sections"].as_array().expect("sections");
    let body: Vec<&serde_json::Value> = sections.iter().filter(|s| s["level"] == 1).collect();
    let subs: usize = body
        .iter()
        .map(|s| s["children"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!((body.len() - 1, subs), (20, 480), "a preamble, 20 and 480");
    let pair = run(&[&many.path(), &many.path(), &"--json"]);
    assert_status(&pair, &[0]);

    let plain = "我们要继续努力工作,推动经济高质量发展。\n".repeat(300);
    let none = temp_file(plain.as_bytes());
    let outline = run(&[&"outline", &"--json", &none.path()]);
    let json: serde_json::Value = serde_json::from_slice(&outline.stdout).expect("JSON");
    assert_eq!(
        json["reports"][0]["sections"].as_array().map(Vec::len),
        Some(1)
    );
    let pair = run(&[&none.path(), &sample(PARTNER), &"--json"]);
    assert_status(&pair, &[1]);
}

const ODD: &str = "2024年某市政府工作报告\n各位代表:\n一、工作回顾\n\
    我们完成了任务👍🎉,数字经济增长10%。\
    e\u{301}和a\u{308}也在报告里,ﾃｽﾄ。\
    مرحبا بالعالم שלום 继续努力。\u{202E}反向文本\u{202C}不可乱序。\n\
    二、今年任务\n推进<script>alert(1)</script>工程建设,\"引号\"&'撇号'</textarea>。\n\
    落实<img src=x onerror=alert(1)>项目。\n";

/// Emoji, combining marks, right-to-left text and markup: kept in JSON, escaped in HTML,
/// shown without direction overrides in the terminal.
#[test]
fn emoji_combining_marks_rtl_and_markup() {
    let file = temp_file(ODD.as_bytes());
    let json = run(&[&file.path(), &sample(PARTNER), &"--json"]);
    assert_status(&json, &[1]);
    let text = String::from_utf8_lossy(&json.stdout);
    for kept in [
        "👍🎉",
        "e\u{301}",
        "שלום",
        "<script>alert(1)</script>",
        "<img src=x",
    ] {
        assert!(text.contains(kept), "JSON keeps {kept:?}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("pair.html");
    let out = run(&[&file.path(), &sample(PARTNER), &"--html", &page]);
    assert_status(&out, &[1]);
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("👍🎉") && html.contains("שלום"));
    let matrix_page = dir.path().join("matrix.html");
    let out = run(&[
        &"matrix",
        &"-q",
        &file.path(),
        &sample(PARTNER),
        &"--html",
        &matrix_page,
    ]);
    assert_status(&out, &[0]);
    let html = std::fs::read_to_string(&matrix_page).expect("page");
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("Content-Security-Policy"));
    let terminal = run(&[&file.path(), &sample(PARTNER), &"--show-equal"]);
    let shown = String::from_utf8_lossy(&terminal.stdout);
    assert!(shown.contains("👍🎉") && shown.contains("e\u{301}"));
    assert!(
        !shown.contains('\u{202E}'),
        "no direction override reaches the terminal"
    );
}

/// Report text with ANSI escapes and control characters (not so many as to be binary):
/// stdout of every terminal command holds no ESC but rdiff's own colour codes.
#[test]
fn escape_sequences_never_reach_the_terminal() {
    let text = std::fs::read_to_string(sample(PARTNER)).expect("sample");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for line in lines.iter_mut().skip(5).step_by(10) {
        let at = line.char_indices().nth(5).map_or(line.len(), |(i, _)| i);
        line.insert_str(at, "\x1b[31m红\x1b[0m\x07\x1b]0;title\x07\x08\u{202E}");
    }
    lines.insert(3, "一、\x1b[2J标题\x1b[1;1H测试".to_string());
    let temp = temp_file(lines.join("\n").as_bytes());
    let file = temp.path();
    let partner = sample(PARTNER);
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    let commands: [Vec<&dyn AsRef<OsStr>>; 6] = [
        vec![&"outline", &file],
        vec![&"normalize", &file],
        vec![&"normalize", &"--original", &file],
        vec![&file, &partner, &"--show-equal"],
        vec![&"matrix", &file, &partner],
        vec![&"split", &file, &"-o", &dir],
    ];
    for args in &commands {
        for color in ["never", "always"] {
            let mut args = args.clone();
            args.extend([&"--color" as &dyn AsRef<OsStr>, &color]);
            let out = run(&args);
            assert_status(&out, &[0, 1]);
            for stream in [&out.stdout, &out.stderr] {
                let escapes = own_colour_codes_removed(stream);
                assert!(!escapes.contains(&0x1b), "raw ESC in the output");
                assert!(!escapes.contains(&0x07) && !escapes.contains(&0x08));
                let text = String::from_utf8_lossy(&escapes).into_owned();
                assert!(!text.contains('\u{202E}'));
                if color == "never" {
                    assert_eq!(&escapes, stream, "no ESC at all with --color never");
                }
            }
        }
    }
}

/// `bytes` without the SGR colour sequences rdiff writes (ESC [ digits and ; m).
fn own_colour_codes_removed(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let params = bytes[i + 2..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count();
            if bytes.get(i + 2 + params) == Some(&b'm') {
                i += 3 + params;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Report names a spreadsheet would run as formulas are defused in the CSV, escaped in HTML.
#[test]
fn report_names_that_are_formulas_or_markup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = "各位代表:我们要推动经济高质量发展,坚持以人民为中心的发展思想。".as_bytes();
    let names = [
        "=HYPERLINK(1)",
        "+1",
        "-1",
        "@SUM(1)",
        "<img src=x onerror=alert(1)>",
    ];
    for (i, name) in names.iter().enumerate() {
        // Each a little different, so that no two are one report.
        let mut text = report.to_vec();
        text.extend(format!("\n附:第{i}号。\n").as_bytes());
        std::fs::write(dir.path().join(format!("{name}.txt")), text).expect("write");
    }
    let csv = dir.path().join("m.csv");
    let html = dir.path().join("m.html");
    let out = run(&[
        &"matrix",
        &"-q",
        &dir.path(),
        &"--csv",
        &csv,
        &"--html",
        &html,
    ]);
    assert_status(&out, &[0]);
    let csv = std::fs::read_to_string(&csv).expect("csv");
    let header = csv.lines().next().expect("header");
    for formula in ["=HYPERLINK(1)", "+1", "-1", "@SUM(1)"] {
        assert!(header.contains(&format!("\"'{formula}\"")), "{header}");
        assert!(!header.contains(&format!(",\"{formula}")), "{header}");
    }
    let html = std::fs::read_to_string(&html).expect("html");
    assert!(!html.contains("<img src=x") && html.contains("&lt;img src=x"));
}
