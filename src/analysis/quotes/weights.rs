//! Learned weights of the quote detector, written by `train-quotes`; do not edit.
//! Features: `evidence::FEATURES`, in order.

pub(super) const QUOTE: [f32; 29] = [
    -1.9205519, // class: title or name
    -1.1109877, // class: partial, unreported, only a governing subject
    0.40222225, // class: governing subject or owner of the words
    0.868742, // class: speaker in the sentence before or after
    1.8746768, // class: speaker named by a cue in its sentence
    1.5929172, // class: continues a quote, or leads into one
    -1.1997482, // class: partial, no speaker, no clause
    -0.50727063, // class: no speaker
    -1.7650496, // single marks, no reporting cue
    -4.1054964, // single marks in a text quoting in double marks
    -1.1407874, // unclosed
    0.0, // block quote
    -1.6897464, // over several paragraphs
    -0.7098387, // one word
    -0.326022, // two or three words
    0.088453814, // ln(1 + words)
    0.6104485, // a clause
    -0.31802997, // exclaimed
    -0.35468993, // where titles stand
    0.26165518, // after a noun for words
    0.43330115, // sentence reports speech or stance
    -0.088187374, // speaker after quote
    0.26598778, // speaker before quote
    1.0526289, // 'according to' source
    -2.0661035, // speaker introduces it with a colon
    0.42054024, // speaker in previous sentence
    -0.037532397, // speaker in next sentence
    0.9586471, // owner of the words quoted
    0.08805476, // speaker of the quotation that follows
];
pub(super) const QUOTE_BIAS: f32 = 0.8524281;
