//! The keyboard shortcuts: one table that both the key handler and the help
//! overlay read, so the help can never list a key that does nothing.

use crate::analysis::document::Verdict;
use crate::analysis::Kind;
use crate::app::state::Action;

/// One shortcut: the keys, what they do, and the action they send.
pub struct Shortcut {
    pub keys: &'static [&'static str],
    pub does: &'static str,
    pub action: fn() -> Action,
}

/// Every shortcut, in the order the help lists them.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: &["j", "n"],
        does: "Next annotation",
        action: || Action::Step(1),
    },
    Shortcut {
        keys: &["k", "p"],
        does: "Previous annotation",
        action: || Action::Step(-1),
    },
    Shortcut {
        keys: &["c"],
        does: "Mark the selected text as a claim, or relabel the open annotation",
        action: || Action::Label(Kind::Claim),
    },
    Shortcut {
        keys: &["q"],
        does: "Mark the selected text as a quote, or relabel the open annotation",
        action: || Action::Label(Kind::Quote),
    },
    Shortcut {
        keys: &["b"],
        does: "Mark the selected text as boilerplate, or relabel the open annotation",
        action: || Action::Label(Kind::Boilerplate),
    },
    Shortcut {
        keys: &["a"],
        does: "Accept the open annotation (or the one in the selected text)",
        action: || Action::Accept,
    },
    Shortcut {
        keys: &["x"],
        does:
            "Reject the open annotation, or the one in the selected text (a manual one is removed)",
        action: || Action::Reject,
    },
    Shortcut {
        keys: &["1"],
        does: "Verdict: Unchecked",
        action: || Action::SetVerdict(Verdict::Unchecked),
    },
    Shortcut {
        keys: &["2"],
        does: "Verdict: True",
        action: || Action::SetVerdict(Verdict::True),
    },
    Shortcut {
        keys: &["3"],
        does: "Verdict: Mostly true",
        action: || Action::SetVerdict(Verdict::MostlyTrue),
    },
    Shortcut {
        keys: &["4"],
        does: "Verdict: Mixed",
        action: || Action::SetVerdict(Verdict::Mixed),
    },
    Shortcut {
        keys: &["5"],
        does: "Verdict: Mostly false",
        action: || Action::SetVerdict(Verdict::MostlyFalse),
    },
    Shortcut {
        keys: &["6"],
        does: "Verdict: False",
        action: || Action::SetVerdict(Verdict::False),
    },
    Shortcut {
        keys: &["7"],
        does: "Verdict: Unverifiable",
        action: || Action::SetVerdict(Verdict::Unverifiable),
    },
    Shortcut {
        keys: &["Ctrl+Z"],
        does: "Undo the last change (relabel, reject, remove, verdict, speaker...)",
        action: || Action::Undo,
    },
    Shortcut {
        keys: &["?"],
        does: "Show or hide this list",
        action: || Action::ShowHelp(true),
    },
    Shortcut {
        keys: &["Esc"],
        does: "Close this list, or the open annotation",
        action: || Action::ShowHelp(false),
    },
];

/// The action for a key press outside text fields, if the key is a shortcut.
/// `help_open` makes `?` a toggle and lets Escape close the help first.
pub fn action_for(key: &str, help_open: bool) -> Option<Action> {
    match key {
        "?" => Some(Action::ShowHelp(!help_open)),
        "Escape" if help_open => Some(Action::ShowHelp(false)),
        "Escape" => Some(Action::Select(None)),
        // The page sends this for Ctrl+Z (or Cmd+Z) outside text fields.
        "Ctrl+Z" => Some(Action::Undo),
        _ => SHORTCUTS
            .iter()
            .find(|s| s.keys.contains(&key))
            .map(|s| (s.action)()),
    }
}

/// The verdict a digit key gives, for labelling the verdict buttons.
pub fn verdict_key(verdict: Verdict) -> usize {
    Verdict::ALL
        .iter()
        .position(|&v| v == verdict)
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_shortcut_does_something_and_question_mark_toggles_help() {
        for shortcut in SHORTCUTS {
            for key in shortcut.keys {
                let key = if *key == "Esc" { "Escape" } else { key };
                assert!(action_for(key, false).is_some(), "{key}");
            }
        }
        assert_eq!(action_for("?", false), Some(Action::ShowHelp(true)));
        assert_eq!(action_for("?", true), Some(Action::ShowHelp(false)));
        assert_eq!(action_for("Escape", true), Some(Action::ShowHelp(false)));
        assert_eq!(action_for("Escape", false), Some(Action::Select(None)));
        assert_eq!(action_for("z", false), None);
        assert_eq!(
            action_for("6", false),
            Some(Action::SetVerdict(Verdict::False))
        );
    }
}
