//! The development bridge as a real process on a real port: it answers the app's commands from a
//! demo store, only on 127.0.0.1, only with its token, and goes away with its stores when its
//! standard input closes.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

const TOKEN: &str = "a-test-token-of-well-over-thirty-two-characters";

struct Bridge {
    child: Child,
    address: String,
    folder: std::path::PathBuf,
}

impl Bridge {
    fn start() -> Bridge {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kring-dev-bridge"))
            .env("KRING_BRIDGE_TOKEN", TOKEN)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the bridge starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let rest = line
            .trim()
            .strip_prefix("kring-dev-bridge listening on http://")
            .unwrap_or_else(|| panic!("the bridge said {line:?}"));
        let (address, folder) = rest.split_once(" (demo stores in ").unwrap();
        Bridge {
            child,
            address: address.to_owned(),
            folder: folder.trim_end_matches(')').into(),
        }
    }

    /// Sends one HTTP request; answers the status code and the body.
    fn send(&self, method: &str, path: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        let body = body.to_string();
        let auth = token
            .map(|t| format!("Authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.address,
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
        (status, serde_json::from_str(body).unwrap_or(Value::Null))
    }

    fn invoke(
        &self,
        token: Option<&str>,
        command: &str,
        args: Value,
        preview: Value,
    ) -> (u16, Value) {
        self.send(
            "POST",
            "/invoke",
            token,
            &json!({ "command": command, "args": args, "preview": preview }),
        )
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        // Closing its input stops it and removes its stores; a kill is the fallback.
        drop(self.child.stdin.take());
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

#[test]
fn the_bridge_answers_the_apps_commands_from_a_demo_store_on_loopback_only() {
    let bridge = Bridge::start();
    assert!(
        bridge.address.starts_with("127.0.0.1:"),
        "{}",
        bridge.address
    );
    let demo = json!({ "cards": 150, "role": "manager" });
    let (status, answer) = bridge.invoke(Some(TOKEN), "app_status", json!({}), demo.clone());
    assert_eq!(status, 200);
    assert_eq!(answer["status"], "ok", "{answer}");
    assert_eq!(answer["data"]["profile"]["role"], "manager");
    let (_, goals) = bridge.invoke(Some(TOKEN), "list_goals", json!({}), demo);
    assert!(goals["data"].as_array().unwrap().len() >= 3, "{goals}");
    // A core error comes back as the app would get it.
    let (status, refused) = bridge.invoke(
        Some(TOKEN),
        "card_detail",
        json!({ "id": "00000000-0000-0000-0000-000000000000" }),
        json!({ "cards": 150, "role": "manager" }),
    );
    assert_eq!(status, 200);
    assert_eq!(refused["error"]["code"], "not_found", "{refused}");
}

#[test]
fn a_request_without_the_token_or_with_another_is_refused_and_runs_nothing() {
    let bridge = Bridge::start();
    let fresh = json!({ "fresh": true });
    let first_run = json!({
        "name": "Mallory", "email": "mallory@example.com", "role": "manager", "demoCards": null
    });
    for token in [None, Some("wrong"), Some(&TOKEN[1..])] {
        let (status, answer) = bridge.invoke(token, "first_run", first_run.clone(), fresh.clone());
        assert_eq!(status, 401, "token {token:?}: {answer}");
        assert!(answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("token"));
    }
    let (_, status) = bridge.invoke(Some(TOKEN), "app_status", json!({}), fresh);
    assert_eq!(
        status["data"]["profile"],
        Value::Null,
        "nobody set the store up: {status}"
    );
    // Only POST /invoke, even with the token.
    assert_eq!(
        bridge.send("GET", "/invoke", Some(TOKEN), &json!({})).0,
        405
    );
    assert_eq!(
        bridge.send("POST", "/other", Some(TOKEN), &json!({})).0,
        404
    );
}

#[test]
fn the_bridge_stops_and_removes_its_stores_when_its_input_closes() {
    let mut bridge = Bridge::start();
    bridge.invoke(
        Some(TOKEN),
        "app_status",
        json!({}),
        json!({ "fresh": true }),
    );
    drop(bridge.child.stdin.take());
    assert!(bridge.folder.join("networker-2000-fresh").exists());
    let status = bridge.child.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(
        !bridge.folder.exists(),
        "{} left behind",
        bridge.folder.display()
    );
}

#[test]
fn the_bridge_refuses_to_start_without_a_long_random_token() {
    let output = Command::new(env!("CARGO_BIN_EXE_kring-dev-bridge"))
        .env("KRING_BRIDGE_TOKEN", "short")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("KRING_BRIDGE_TOKEN"));
}
