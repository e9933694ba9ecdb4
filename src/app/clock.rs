//! The page's clock and id source, and the one place the reducer meets Yew:
//! the core and the reducer have neither a clock nor randomness, so the
//! browser's are passed in here on every action.

use crate::app::state::{Action, Clock, State};
use std::rc::Rc;
use yew::Reducible;

/// The browser's clock: `Date` for the time, `Math.random` for ids.
pub struct BrowserClock;

impl Clock for BrowserClock {
    /// Now, as an ISO 8601 timestamp (UTC).
    fn now(&self) -> String {
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
    }

    /// A fresh article id: the time in milliseconds and a random tail, so
    /// two tabs saving at once do not collide.
    fn new_id(&self) -> String {
        let millis = js_sys::Date::now() as u64;
        let random = (js_sys::Math::random() * 1e9) as u64;
        format!("a{millis:x}-{random:x}")
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action, &BrowserClock)
    }
}
