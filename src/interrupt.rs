//! Ctrl-C and SIGTERM, the way a long-running pipeline tool should take them: the first
//! signal asks the running command to stop cleanly (it polls `requested()` between
//! records); the second exits at once, after a last word from the command (for example
//! how many records were left undelivered).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use signal_hook::consts::{SIGINT, SIGTERM};

use crate::error::{Outcome, Signal};

static RECEIVED: AtomicU8 = AtomicU8::new(0);
static LAST_WORD: OnceLock<Box<dyn Fn() + Send + Sync>> = OnceLock::new();

/// Starts listening for SIGINT and SIGTERM. Called once, early in `main`.
pub fn install() {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let mut count = 0;
            for sig in signals.forever() {
                count += 1;
                let signal = if sig == SIGTERM {
                    Signal::Terminate
                } else {
                    Signal::Interrupt
                };
                if count == 1 {
                    RECEIVED.store(signal as u8 + 1, Ordering::SeqCst);
                    continue;
                }
                if let Some(word) = LAST_WORD.get() {
                    word();
                }
                std::process::exit(i32::from(crate::exit_code(Outcome::Interrupted(signal))));
            }
        })
        .ok();
}

/// The signal that asked us to stop, if any.
pub fn requested() -> Option<Signal> {
    match RECEIVED.load(Ordering::Relaxed) {
        1 => Some(Signal::Interrupt),
        2 => Some(Signal::Terminate),
        _ => None,
    }
}

/// What to print when a second signal ends the process at once.
pub fn set_last_word(word: impl Fn() + Send + Sync + 'static) {
    let _ = LAST_WORD.set(Box::new(word));
}
