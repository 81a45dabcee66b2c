//! Validated options, resolved once from the raw flags: encoding, rules, colour.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cli::{ColorChoice, OutputArgs, ReadArgs};
use crate::decode;
use crate::normalize::Normalizer;
use crate::read::ReadOptions;

/// How input is read, resolved: the encoding override checked, the rules loaded.
pub struct Reading {
    pub options: ReadOptions,
    pub normalizer: Normalizer,
}

impl Reading {
    /// Resolve `--encoding` and `--rules`.
    pub fn from_args(args: &ReadArgs) -> Result<Reading> {
        let encoding = match &args.encoding {
            None => None,
            Some(label) => match decode::encoding_for_label(label) {
                Some(encoding) => Some(encoding),
                None => bail!("--encoding {label}: unknown encoding (try utf-8, gbk, gb18030, big5, utf-16le)"),
            },
        };
        let normalizer = match &args.rules {
            None => Normalizer::new(),
            Some(path) => Normalizer::with_rules(load_rules(path)?),
        };
        Ok(Reading {
            options: ReadOptions { encoding },
            normalizer,
        })
    }
}

fn load_rules(path: &Path) -> Result<crate::normalize::Rules> {
    crate::normalize::Rules::load(path).with_context(|| format!("--rules {}", path.display()))
}

/// Whether to colour output, decided once: `--color`, then NO_COLOR, then whether stdout is a
/// terminal.
pub fn use_color(args: &OutputArgs) -> bool {
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Columns to wrap terminal output at: the terminal's width, else `COLUMNS`, else 100.
pub fn terminal_width() -> usize {
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return usize::from(w).max(40);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}
