//! The Yew front end (filled in by the front-end work).
