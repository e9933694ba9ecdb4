//! Who asks the questions in a transcript. In a debate or interview the
//! moderator's turns mostly end in a question, and what a moderator says is
//! rarely the claim a fact-checker checks: it sets up the candidates' claims.
//!
//! One linear pass over the text: a turn runs from a line that opens with a
//! speaker tag ("TAPPER:") to the next such line; a speaker with at least
//! two turns, half or more of them ending in "?", is a questioner.

use crate::analysis::segment::speaker_tag_len;
use std::collections::HashMap;

/// The turns of a transcript and which speakers are questioners.
#[derive(Debug, Default)]
pub struct Questioners {
    /// (byte where a turn starts, its speaker's name) in text order.
    turns: Vec<(usize, String)>,
    questioners: Vec<String>,
}

const MIN_TURNS: usize = 2;

impl Questioners {
    pub fn of(text: &str) -> Self {
        let mut turns: Vec<(usize, String)> = Vec::new();
        // Per speaker: (turns, turns ending in a question).
        let mut tally: HashMap<String, (usize, usize)> = HashMap::new();
        let mut last_line = "";
        let close_turn = |turns: &[(usize, String)],
                          last_line: &str,
                          tally: &mut HashMap<String, (usize, usize)>| {
            if let Some((_, speaker)) = turns.last() {
                let entry = tally.entry(speaker.clone()).or_default();
                entry.0 += 1;
                entry.1 += usize::from(ends_in_question(last_line));
            }
        };
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let tag = speaker_tag_len(line);
            if tag > 0 {
                close_turn(&turns, last_line, &mut tally);
                let name = line[..tag].trim().trim_end_matches(':').trim().to_string();
                turns.push((offset, name));
            }
            if !line.trim().is_empty() {
                last_line = line;
            }
            offset += line.len();
        }
        close_turn(&turns, last_line, &mut tally);
        let mut questioners: Vec<String> = tally
            .into_iter()
            .filter(|(_, (turns, questions))| *turns >= MIN_TURNS && questions * 2 >= *turns)
            .map(|(name, _)| name)
            .collect();
        questioners.sort();
        Questioners { turns, questioners }
    }

    /// The questioner speaking at byte `at`, if the one speaking there is one.
    pub fn speaking_at(&self, at: usize) -> Option<&str> {
        let turn = self
            .turns
            .partition_point(|(start, _)| *start <= at)
            .checked_sub(1)?;
        let name = &self.turns[turn].1;
        self.questioners
            .binary_search(name)
            .ok()
            .map(|_| name.as_str())
    }
}

fn ends_in_question(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEBATE: &str = "\
HOST: Welcome. Senator, will you raise taxes?
SMITH: No. Taxes rose 4% under my opponent.
HOST: And what about the deficit?
SMITH: It doubled in ten years.
JONES: That is false.
HOST: Governor, your answer?
JONES: We cut it by a third.
";

    #[test]
    fn the_speaker_whose_turns_end_in_questions_is_the_questioner() {
        let q = Questioners::of(DEBATE);
        let at = |needle: &str| DEBATE.find(needle).unwrap();
        assert_eq!(q.speaking_at(at("Welcome")), Some("HOST"));
        assert_eq!(q.speaking_at(at("Taxes rose")), None);
        assert_eq!(q.speaking_at(at("your answer")), Some("HOST"));
        assert_eq!(q.speaking_at(at("We cut")), None);
    }

    #[test]
    fn one_question_does_not_make_a_questioner_and_prose_has_none() {
        let q = Questioners::of(
            "SMITH: Is it true? Yes.\nJONES: It is.\nSMITH: It rose.\nJONES: Why?\nSMITH: Why not?\n",
        );
        assert_eq!(q.speaking_at(0), None, "SMITH: 1 of 3 turns ends in '?'");
        let prose = Questioners::of("Prices rose. Did they?\nThey did.");
        assert_eq!(prose.speaking_at(0), None);
    }
}
