//! `serve [PORT] [DIR]`: a tiny static file server for the built page.
//!
//! Zero dependencies (std::net only), bound to 127.0.0.1 so nothing outside
//! this machine can reach it. Serves `DIR` (default `dist`) on PORT (default
//! 8080, or the next free port when it is busy), GET and HEAD only, with the
//! MIME types a browser needs (`application/wasm` for streaming compilation)
//! and no way out of DIR.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

const DEFAULT_PORT: u16 = 8080;
/// How many ports after the requested one to try when it is busy.
const PORT_TRIES: u16 = 20;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let port = match args.next() {
        None => DEFAULT_PORT,
        Some(p) => match p.parse::<u16>() {
            Ok(p) => p,
            Err(_) => {
                eprintln!("usage: serve [PORT] [DIR]  (PORT is a number; got '{p}')");
                return ExitCode::from(2);
            }
        },
    };
    let root = PathBuf::from(args.next().unwrap_or_else(|| "dist".to_string()));
    if !root.join("index.html").is_file() {
        eprintln!(
            "serve: {}/index.html not found; run scripts/build first",
            root.display()
        );
        return ExitCode::FAILURE;
    }
    let Some((listener, port)) = bind(port) else {
        eprintln!(
            "serve: no free port in {port}..{}",
            port.saturating_add(PORT_TRIES)
        );
        return ExitCode::FAILURE;
    };
    println!(
        "Serving {}/ at http://127.0.0.1:{port}/",
        root.display().to_string().trim_end_matches('/')
    );
    let _ = io::stdout().flush();
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        // One thread per connection: a stalled client cannot block others.
        std::thread::spawn(move || {
            let _ = handle(stream, &root);
        });
    }
    ExitCode::SUCCESS
}

/// Binds 127.0.0.1 on `port`, or on the next free one; port 0 asks the OS.
fn bind(port: u16) -> Option<(TcpListener, u16)> {
    let tries = if port == 0 { 1 } else { PORT_TRIES };
    (0..tries).find_map(|i| {
        let listener = TcpListener::bind(("127.0.0.1", port.checked_add(i)?)).ok()?;
        let port = listener.local_addr().ok()?.port();
        Some((listener, port))
    })
}

fn handle(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes what we serve.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed\n",
            method == "HEAD",
        );
    }
    let head = method == "HEAD";
    match resolve(root, target) {
        Some(path) => match std::fs::read(&path) {
            Ok(body) => respond(&mut out, "200 OK", mime_type(&path), &body, head),
            Err(_) => respond(
                &mut out,
                "404 Not Found",
                "text/plain",
                b"not found\n",
                head,
            ),
        },
        None => respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            head,
        ),
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    mime: &str,
    body: &[u8],
    head: bool,
) -> io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\
         X-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        out.write_all(body)?;
    }
    out.flush()
}

/// The file under `root` that `target` names, or None when it would leave
/// `root`, is not a plain file, or is malformed. `/` means `/index.html`.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            // `..`, a root or a prefix would step outside `root`.
            _ => return None,
        }
    }
    if decoded.ends_with('/') {
        file.push("index.html");
    }
    // Symlinks could still lead out; accept only what stays under root.
    let canonical = file.canonicalize().ok()?;
    if !canonical.starts_with(root.canonicalize().ok()?) || !canonical.is_file() {
        return None;
    }
    Some(canonical)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("serve-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(dir.join("sub/a b.js"), "1").unwrap();
        dir
    }

    #[test]
    fn serves_index_and_decoded_paths() {
        let root = site();
        assert!(resolve(&root, "/").unwrap().ends_with("index.html"));
        assert!(resolve(&root, "/index.html?v=1")
            .unwrap()
            .ends_with("index.html"));
        assert!(resolve(&root, "/sub/a%20b.js").unwrap().ends_with("a b.js"));
        assert_eq!(resolve(&root, "/missing.js"), None);
    }

    #[test]
    fn refuses_to_leave_the_root() {
        let root = site();
        for target in [
            "/../Cargo.toml",
            "/sub/../../x",
            "/%2e%2e/x",
            "/..%2fx",
            "//etc/passwd",
            "/sub\\..\\x",
            "relative",
            "/%zz",
        ] {
            assert_eq!(resolve(&root, target), None, "{target}");
        }
    }

    #[test]
    fn wasm_gets_its_own_mime_type() {
        assert_eq!(mime_type(Path::new("x_bg.wasm")), "application/wasm");
        assert!(mime_type(Path::new("boot.js")).starts_with("text/javascript"));
        assert_eq!(
            mime_type(Path::new("x.unknown")),
            "application/octet-stream"
        );
    }
}
