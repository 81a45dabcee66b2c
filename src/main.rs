use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rdiff::allocator::tune();
    let cli = rdiff::cli::Cli::parse();
    match rdiff::app::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(rdiff::exit::SAME),
        Err(err) => {
            eprintln!("rdiff: {}", one_line(&err));
            ExitCode::from(rdiff::exit::TROUBLE)
        }
    }
}

/// A reader that closed the pipe (`rdiff … | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(|e| e.kind());
        // serde_json keeps the I/O error inside its own type.
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(|e| e.io_error_kind());
        io.or(json) == Some(ErrorKind::BrokenPipe)
    })
}

/// The error and its context chain on one line, without repeating a cause already quoted.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    // A file name or quoted text may hold escape sequences: none reaches the terminal raw.
    rdiff::render::text::sanitize(&line.replace('\n', " ")).into_owned()
}
