//! The progress bar of `rdiff matrix`: on stderr, only when stderr is a terminal and the user
//! did not ask for `--quiet`; otherwise nothing at all (logs and pipes stay clean).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::corpus::Progress;

/// A progress bar, or nothing.
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar on stderr when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> Bar {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{prefix:>11} [{bar:30}] {pos}/{len} {elapsed}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Bar { bar }
    }

    /// Print a line on stderr without garbling the bar (controls in it neutralised: it may
    /// quote a file name or report text).
    pub fn println(&self, line: &str) {
        let line = super::text::sanitize(line);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Remove the bar from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn stage(&self, label: &str, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_prefix(label.to_string());
            bar.set_length(total);
            bar.set_position(0);
        }
    }

    fn advance(&self, steps: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(steps);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_means_no_bar() {
        let bar = Bar::new(false);
        assert!(bar.bar.is_none());
        bar.stage("reading", 3);
        bar.advance(1);
        bar.finish();
    }
}
