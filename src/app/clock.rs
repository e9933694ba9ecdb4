//! The page's clock and id source: the core has neither, so timestamps and
//! new article ids come from the browser and are passed in.

/// Now, as an ISO 8601 timestamp (UTC).
pub fn now() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// A fresh article id: the time in milliseconds and a random tail, so two
/// tabs saving at once do not collide.
pub fn new_id() -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("a{millis:x}-{random:x}")
}
