//! Learned weights of the quote detector, written by `train-quotes`; do not edit.
//! Features: `speaker::candidates::SPEAKER_FEATURES` and `evidence::FEATURES`, in order.

pub(super) const SPEAKER: [f32; 21] = [
    1.9757813, // the rules' own pick
    0.34852582, // rule: agent of a passive
    0.7460965, // rule: named after the quote
    0.4819813, // rule: last clause before it
    0.48845145, // rule: reporting verb before it
    -0.29749012, // rule: reporting verb later in the sentence
    0.35328826, // rule: colon
    1.0815638, // rule: 'according to' later in the sentence
    0.43570712, // rule: governing subject
    0.955404, // rule: source relaying the sentence
    -0.33944362, // rule: sentence after the previous quote
    0.34940812, // rule: continues the previous quote
    -0.45649883, // rule: sentence before
    -0.64221203, // rule: sentence after
    -0.06591543, // ln(1 + tokens between it and the quote)
    0.53404903, // after the quote
    -1.9599152, // in another sentence
    -0.024239358, // a pronoun
    -0.060594503, // a relative 'who'
    0.8793899, // capitalised
    0.16498195, // ln(tokens)
];
pub(super) const QUOTE: [f32; 29] = [
    -1.9207369, // class: title or name
    -1.1111004, // class: partial, unreported, only a governing subject
    0.40219536, // class: governing subject or owner of the words
    0.86909467, // class: speaker in the sentence before or after
    1.874195, // class: speaker named by a cue in its sentence
    1.5933756, // class: continues a quote, or leads into one
    -1.1998054, // class: partial, no speaker, no clause
    -0.50721776, // class: no speaker
    -1.7649275, // single marks, no reporting cue
    -4.1056476, // single marks in a text quoting in double marks
    -1.1405516, // unclosed
    0.0, // block quote
    -1.6896269, // over several paragraphs
    -0.7104548, // one word
    -0.3265558, // two or three words
    0.08824536, // ln(1 + words)
    0.60950875, // a clause
    -0.31784508, // exclaimed
    -0.3548935, // where titles stand
    0.2618297, // after a noun for words
    0.4331659, // sentence reports speech or stance
    -0.086423725, // speaker after quote
    0.26644865, // speaker before quote
    1.0476893, // 'according to' source
    -2.0651598, // speaker introduces it with a colon
    0.4208041, // speaker in previous sentence
    -0.03748351, // speaker in next sentence
    0.9586366, // owner of the words quoted
    0.08800504, // speaker of the quotation that follows
];
pub(super) const QUOTE_BIAS: f32 = 0.85382307;
