//! Sequence smoothing: decides body or boilerplate for every line at once,
//! so that a block is judged as a block.
//!
//! A paste is read as: a head of page furniture, the article (body lines
//! with occasional inserted boilerplate runs: captions, "Read more" links,
//! an appeal), then a tail of furniture. Viterbi picks the best path through
//! the states `Head → Body ⇄ Insert → Tail`. Head and tail lines cost
//! nothing beyond their own evidence; inside the article, starting an insert
//! and every inserted line cost a little, so a lone short line between prose
//! paragraphs ("He declined to comment.", a subheading) stays body while a
//! run with real evidence (an appeal from its heading to "Remind me later")
//! is cut out whole.

/// The evidence about one line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineScore {
    /// How much the line reads like prose (see `shape::prose_score`).
    pub prose: f32,
    /// Boilerplate evidence from words and shape, ≥ 0.
    pub cue: f32,
    /// The line is body whatever its neighbours are (a paragraph of a
    /// transcript's speech).
    pub body_only: bool,
}

impl LineScore {
    /// The cue above the level that stray words reach in ordinary lines
    /// ("share" in a paragraph, a code keyword in capitals): weak cues
    /// alone should not let long stretches of a page be cut.
    fn strong_cue(&self) -> f32 {
        (self.cue - WEAK_CUE).max(0.0)
    }

    /// Log-odds-like margin for labelling the line boilerplate.
    pub fn margin(&self) -> f32 {
        self.strong_cue() - self.prose.max(NOT_PROSE_FLOOR)
    }

    /// The margin before the article starts, where short lines without
    /// punctuation are names, dates and labels (a byline, "5 min read")
    /// far more often than body: lack of prose counts, up to a point.
    pub fn margin_at_head(&self) -> f32 {
        self.strong_cue() - self.prose.max(HEAD_NOT_PROSE_FLOOR)
    }

    /// The margin inside the article, where short unpunctuated lines are
    /// often subheadings or list items: lack of prose counts only partly,
    /// so cutting a line out needs real cues.
    pub fn margin_inside(&self) -> f32 {
        self.strong_cue() - self.prose.max(NOT_PROSE_FLOOR * NOT_PROSE_INSIDE)
    }
}

/// Lack of prose alone is no evidence (code, tables, lists and subheadings
/// are body too): a line needs cues to be cut, and one without any leans
/// slightly towards body, as if it had this much prose.
const NOT_PROSE_FLOOR: f32 = 0.1;
/// Cue evidence below this is noise.
const WEAK_CUE: f32 = 0.5;
/// How much lack of prose counts before the article starts.
const HEAD_NOT_PROSE_FLOOR: f32 = 0.0;
/// Share of a line's lack of prose that counts against it inside the article.
const NOT_PROSE_INSIDE: f32 = 0.3;
/// Cost of each line labelled boilerplate inside the article.
const INSERT_LINE_COST: f32 = 0.6;
/// Cost of opening an inserted boilerplate run inside the article.
const INSERT_OPEN_COST: f32 = 1.6;

/// The score of a label a line cannot take: finite, so sums stay ordered.
const FORBIDDEN: f32 = -1.0e6;

const HEAD: usize = 0;
const BODY: usize = 1;
const INSERT: usize = 2;
const TAIL: usize = 3;
const STATES: usize = 4;

/// Labels every line: `true` for boilerplate.
pub fn decode(lines: &[LineScore]) -> Vec<bool> {
    if lines.is_empty() {
        return Vec::new();
    }
    let emit = |state: usize, line: &LineScore| -> f32 {
        if line.body_only && state != BODY {
            return FORBIDDEN;
        }
        match state {
            HEAD => line.margin_at_head(),
            TAIL => line.margin(),
            BODY => 0.0,
            _ => line.margin_inside() - INSERT_LINE_COST,
        }
    };
    // transition[from][to]: None when not allowed.
    let transition = |from: usize, to: usize| -> Option<f32> {
        match (from, to) {
            (HEAD, HEAD) | (HEAD, BODY) => Some(0.0),
            (BODY, BODY) | (BODY, TAIL) | (INSERT, INSERT) | (INSERT, BODY) => Some(0.0),
            (INSERT, TAIL) | (TAIL, TAIL) => Some(0.0),
            (BODY, INSERT) => Some(-INSERT_OPEN_COST),
            _ => None,
        }
    };
    let mut score = [f32::NEG_INFINITY; STATES];
    score[HEAD] = emit(HEAD, &lines[0]);
    score[BODY] = emit(BODY, &lines[0]);
    let mut back: Vec<[u8; STATES]> = Vec::with_capacity(lines.len());
    back.push([0; STATES]);
    for line in &lines[1..] {
        let mut next = [f32::NEG_INFINITY; STATES];
        let mut from = [0u8; STATES];
        for to in 0..STATES {
            for (prev, &prev_score) in score.iter().enumerate() {
                let Some(step) = transition(prev, to) else {
                    continue;
                };
                let candidate = prev_score + step;
                if candidate > next[to] {
                    next[to] = candidate;
                    from[to] = prev as u8;
                }
            }
            next[to] += emit(to, line);
        }
        score = next;
        back.push(from);
    }
    let mut state = (0..STATES)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(BODY);
    let mut labels = vec![false; lines.len()];
    for i in (0..lines.len()).rev() {
        labels[i] = state != BODY;
        state = back[i][state] as usize;
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(prose: f32, cue: f32) -> LineScore {
        LineScore {
            prose,
            cue,
            body_only: false,
        }
    }

    const PROSE: LineScore = LineScore {
        prose: 3.0,
        cue: 0.0,
        body_only: false,
    };

    #[test]
    fn empty_input_gives_no_labels() {
        assert!(decode(&[]).is_empty());
    }

    #[test]
    fn head_and_tail_furniture_is_cut_off() {
        let labels = decode(&[
            line(-1.5, 2.0),
            line(-1.5, 1.0),
            PROSE,
            PROSE,
            line(-1.0, 3.0),
        ]);
        assert_eq!(labels, vec![true, true, false, false, true]);
    }

    #[test]
    fn short_lines_without_cues_at_the_end_stay_body() {
        let labels = decode(&[PROSE, PROSE, line(-1.5, 0.0), line(-0.6, 0.0)]);
        assert_eq!(labels, vec![false; 4]);
    }

    #[test]
    fn a_lone_short_line_between_prose_stays_body() {
        let labels = decode(&[PROSE, line(-0.6, 0.0), PROSE]);
        assert_eq!(labels, vec![false, false, false]);
    }

    #[test]
    fn a_strong_run_inside_the_article_is_cut_out_whole() {
        let labels = decode(&[
            PROSE,
            PROSE,
            line(-1.0, 3.0),
            line(0.5, 1.5),
            line(-1.0, 4.0),
            PROSE,
            PROSE,
        ]);
        assert_eq!(labels, vec![false, false, true, true, true, false, false]);
    }

    #[test]
    fn a_body_only_line_stays_body_between_strong_lines() {
        let pinned = LineScore {
            body_only: true,
            ..line(1.0, 4.0)
        };
        let labels = decode(&[line(-1.0, 4.0), pinned, line(-1.0, 4.0), line(-1.0, 4.0)]);
        assert_eq!(labels, vec![true, false, true, true]);
    }
}
