//! The development bridge: the real core behind the browser preview. `npm run dev`
//! (`ui/scripts/dev.mjs`) starts it with a random token; the page sends each command to it
//! through Vite's dev server, and it answers with the same command functions the desktop app runs
//! (`kring_api::dispatch`), on demo stores in a temporary folder that goes when it stops.
//!
//! A development tool, never part of the app: it listens on 127.0.0.1 only, refuses every
//! request that does not carry the token (`Authorization: Bearer …`, compared in constant time)
//! and runs nothing for it, and it stops, removing its stores, when whoever started it closes its
//! standard input.
//!
//! ```text
//! KRING_BRIDGE_TOKEN=… kring-dev-bridge [--port N]
//! POST /invoke  {"command": "today", "args": {}, "preview": {"cards": 2000, "role": "manager", "fresh": false}}
//!            -> {"status": "ok", "data": …} | {"status": "error", "error": {code, message, field}}
//! ```
//!
//! `preview` picks the demo store: one per distinct (cards, role, fresh), made on first use by
//! `kring demo`'s generator (`fresh`: a store nobody has set up yet, for the first-run screen).

use kring_api::{commands, dispatch, AppError, Clock, Quiet, Session, Workspace};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A request larger than this is refused (a map picture as a data URL stays well below).
const MAX_BODY: usize = 64 << 20;

/// The demo sizes a preview may ask for.
const MAX_CARDS: u32 = 100_000;

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
enum PreviewRole {
    #[default]
    Networker,
    Manager,
}

/// Which demo store a page wants (from its URL: `?cards=N`, `?manager`, `?fresh`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(default)]
struct Preview {
    cards: u32,
    role: PreviewRole,
    fresh: bool,
}

impl Default for Preview {
    fn default() -> Self {
        Preview {
            cards: 2_000,
            role: PreviewRole::Networker,
            fresh: false,
        }
    }
}

#[derive(Deserialize)]
struct Invoke {
    command: String,
    #[serde(default)]
    args: Map<String, Value>,
    #[serde(default)]
    preview: Preview,
}

/// The demo stores, one per preview, in one temporary folder.
struct Stores {
    folder: PathBuf,
    open: Mutex<HashMap<Preview, Arc<Workspace>>>,
}

impl Stores {
    fn workspace(&self, preview: Preview) -> Result<Arc<Workspace>, AppError> {
        // Held while a demo is generated, so two first requests make one store.
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(workspace) = open.get(&preview) {
            return Ok(Arc::clone(workspace));
        }
        let role = match preview.role {
            PreviewRole::Networker => "networker",
            PreviewRole::Manager => "manager",
        };
        let name = format!(
            "{role}-{}{}",
            preview.cards,
            if preview.fresh { "-fresh" } else { "" }
        );
        let session = Session::open(&self.folder.join(name), Clock::System, Box::new(Quiet))?;
        if !preview.fresh {
            eprintln!(
                "[kring-dev-bridge] making a demo store: {} cards, {role}",
                preview.cards
            );
            let args = json!({
                "name": "Lotte Verbruggen",
                "email": "lotte.verbruggen@antwerpen.be",
                "role": role,
            });
            let Value::Object(args) = args else {
                unreachable!("a JSON object")
            };
            dispatch::call(&session, "first_run", &args)?;
            // A throwaway store of the preview's own: the demo goes straight into it (the app
            // opens it in a sandbox beside the user's store instead).
            commands::load_demo(&session, preview.cards.min(MAX_CARDS))?;
        }
        let workspace = Arc::new(Workspace::over(session, Arc::new(Quiet)));
        if let Ok(session) = workspace.current() {
            session.warm_up_in_background();
        }
        open.insert(preview, Arc::clone(&workspace));
        Ok(workspace)
    }
}

/// Compares without stopping at the first difference, so timing says nothing about the token.
fn same_token(given: &[u8], token: &[u8]) -> bool {
    given.len() == token.len() && given.iter().zip(token).fold(0u8, |d, (a, b)| d | (a ^ b)) == 0
}

fn authorised(request: &tiny_http::Request, token: &str) -> bool {
    request.headers().iter().any(|h| {
        h.field.equiv("Authorization")
            && h.value
                .as_str()
                .strip_prefix("Bearer ")
                .is_some_and(|given| same_token(given.as_bytes(), token.as_bytes()))
    })
}

fn respond(request: tiny_http::Request, status: u16, body: &Value) {
    let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..])
        .expect("a valid header");
    let response = tiny_http::Response::from_string(body.to_string())
        .with_status_code(status)
        .with_header(header);
    let _ = request.respond(response);
}

fn refusal(message: &str) -> Value {
    json!({ "status": "error", "error": { "code": "failed", "message": message, "field": null } })
}

fn handle(mut request: tiny_http::Request, token: &str, stores: &Stores) {
    let loopback = request.remote_addr().is_some_and(|a| a.ip().is_loopback());
    if !loopback {
        return respond(
            request,
            403,
            &refusal("The bridge answers this machine only."),
        );
    }
    if !authorised(&request, token) {
        return respond(
            request,
            401,
            &refusal("The bridge's token is missing or wrong: open the page npm run dev prints."),
        );
    }
    if request.url() != "/invoke" {
        return respond(
            request,
            404,
            &refusal("The bridge answers POST /invoke only."),
        );
    }
    if *request.method() != tiny_http::Method::Post {
        return respond(
            request,
            405,
            &refusal("The bridge answers POST /invoke only."),
        );
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() || body.len() > MAX_BODY {
        return respond(
            request,
            413,
            &refusal("The request is too large or was cut off."),
        );
    }
    let invoke: Invoke = match serde_json::from_slice(&body) {
        Ok(invoke) => invoke,
        Err(e) => return respond(request, 400, &refusal(&format!("Not a command: {e}."))),
    };
    let result = stores
        .workspace(invoke.preview)
        .and_then(|workspace| dispatch::call_in(&workspace, &invoke.command, &invoke.args));
    respond(request, 200, &dispatch::answer(result));
}

fn port_from_arguments() -> Result<u16, String> {
    let mut args = std::env::args().skip(1);
    let mut port = 0;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                port = args
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port takes a number (0: any free port)")?;
            }
            other => {
                return Err(format!(
                    "unknown argument {other}: the bridge takes --port N"
                ))
            }
        }
    }
    Ok(port)
}

/// Stops (and removes the stores) when the standard input closes: whoever started the bridge
/// has gone.
fn stop_when_stdin_closes(stores: Arc<Stores>) {
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            if line.is_err() {
                break;
            }
        }
        // Held to the end, so that no request opens a store meanwhile; each store's warm-up
        // writes its term file into the folder, so the folder goes once they are done.
        let open = stores.open.lock().unwrap_or_else(|p| p.into_inner());
        for workspace in open.values() {
            workspace.wait_for_background_work();
        }
        let _ = std::fs::remove_dir_all(&stores.folder);
        std::process::exit(0);
    });
}

fn main() {
    let token = std::env::var("KRING_BRIDGE_TOKEN").unwrap_or_default();
    if token.len() < 32 {
        eprintln!("kring-dev-bridge: set KRING_BRIDGE_TOKEN to a random token of 32 characters or more (npm run dev does)");
        std::process::exit(2);
    }
    let port = port_from_arguments().unwrap_or_else(|e| {
        eprintln!("kring-dev-bridge: {e}");
        std::process::exit(2);
    });
    let folder = tempfile::Builder::new()
        .prefix("kring-dev-bridge-")
        .tempdir()
        .unwrap_or_else(|e| {
            eprintln!("kring-dev-bridge: no temporary folder for the demo stores: {e}");
            std::process::exit(1);
        })
        .keep();
    let address = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port);
    let server = Arc::new(tiny_http::Server::http(address).unwrap_or_else(|e| {
        eprintln!("kring-dev-bridge: cannot listen on {address}: {e}");
        std::process::exit(1);
    }));
    let stores = Arc::new(Stores {
        folder: folder.clone(),
        open: Mutex::new(HashMap::new()),
    });
    stop_when_stdin_closes(Arc::clone(&stores));
    let bound = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_default();
    // The dev script reads this line for the port.
    println!(
        "kring-dev-bridge listening on http://{bound} (demo stores in {})",
        folder.display()
    );
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (server, stores, token) = (Arc::clone(&server), Arc::clone(&stores), token.clone());
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &token, &stores);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_matches_only_itself() {
        assert!(same_token(b"abc", b"abc"));
        assert!(!same_token(b"abd", b"abc"));
        assert!(!same_token(b"ab", b"abc"));
        assert!(!same_token(b"", b"abc"));
    }
}
