//! The harness of Kring's end-to-end tests: the real app (`target/debug/kring-app`, or
//! `KRING_APP_BINARY`) in a real window, driven through `tauri-driver` (which runs
//! `WebKitWebDriver`, which runs the app) with fantoccini.
//!
//! Every launch gets its own temporary folder: `XDG_DATA_HOME` points into it and so does
//! `KRING_STORE`, both set on the `tauri-driver` process, whose environment WebKitWebDriver and
//! then the app inherit. Nothing leaks between tests or into the user's own store.
//!
//! Every test is marked `#[ignore]`: a plain `cargo test --workspace` reports them as ignored
//! rather than passed. `scripts/e2e.sh` runs them (`--include-ignored`, under Xvfb); asked to
//! run on a machine with no display, no `tauri-driver`/`WebKitWebDriver` or no built app, a test
//! fails saying what is missing.

pub mod axe;
pub mod steps;

use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// How long a wait for an element lasts before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// The workspace root (this crate lives in `tests/e2e`).
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::canonicalize(&root).unwrap_or(root)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// Where screenshots go: `target/e2e-screenshots/NAME.png`.
pub fn screenshot_dir() -> PathBuf {
    target_dir().join("e2e-screenshots")
}

/// The app under test: `KRING_APP_BINARY`, else `target/debug/kring-app`.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("KRING_APP_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/kring-app"));
    std::fs::canonicalize(&path).unwrap_or(path)
}

fn on_path(program: &str) -> Option<PathBuf> {
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    let home_cargo = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
    candidates
        .into_iter()
        .chain(home_cargo)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Why the end-to-end tests cannot run here, if they cannot.
pub fn missing() -> Option<String> {
    let mut missing = Vec::new();
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        missing.push("no X display (run under xvfb-run)".to_string());
    }
    if on_path("tauri-driver").is_none() {
        missing.push("no tauri-driver (cargo install tauri-driver --locked)".to_string());
    }
    if on_path("WebKitWebDriver").is_none() {
        missing.push("no WebKitWebDriver (apt-get install webkit2gtk-driver)".to_string());
    }
    let app = app_binary();
    if !app.is_file() {
        missing.push(format!(
            "no app binary at {} (cargo build -p kring-app, or set KRING_APP_BINARY)",
            app.display()
        ));
    }
    (!missing.is_empty()).then(|| missing.join("; "))
}

/// Runs one end-to-end test (fails, saying why, where it cannot run); gives `body` a fresh
/// temporary folder. When the body fails, a screenshot
/// `NAME-failure.png` of every app still open is taken before the failure is passed on.
pub fn run<F, Fut>(name: &str, body: F)
where
    F: FnOnce(Session) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    if let Some(reason) = missing() {
        panic!(
            "the end-to-end test `{name}` cannot run here: {reason} (scripts/e2e.sh sets it up)"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let session = Session::new(name);
    let guard = session.clone_handle();
    let outcome = runtime.block_on(async move { tokio::spawn(body(session)).await });
    if let Err(error) = outcome {
        runtime.block_on(guard.on_failure());
        runtime.block_on(guard.close_all());
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("`{name}` did not finish: {error}"),
        }
    }
    runtime.block_on(guard.close_all());
}

/// One test's temporary folder and the apps it launched.
pub struct Session {
    name: String,
    folder: Arc<tempfile::TempDir>,
    apps: Arc<std::sync::Mutex<Vec<Launched>>>,
}

impl Session {
    fn new(name: &str) -> Self {
        let folder = tempfile::Builder::new()
            .prefix("kring-e2e-")
            .tempdir()
            .expect("a temporary folder");
        Session {
            name: name.to_string(),
            folder: Arc::new(folder),
            apps: Default::default(),
        }
    }

    fn clone_handle(&self) -> Session {
        Session {
            name: self.name.clone(),
            folder: self.folder.clone(),
            apps: self.apps.clone(),
        }
    }

    /// The test's temporary folder (files to export to live here).
    pub fn folder(&self) -> &Path {
        self.folder.path()
    }

    /// Launches the app on the store `<folder>/<profile>/store` (with its own `XDG_DATA_HOME`)
    /// and waits until WebDriver answers. The system's language is English, whatever the
    /// machine's (see [`Session::launch_in`]).
    pub async fn launch(&self, profile: &str) -> App {
        self.launch_in(profile, "en").await
    }

    /// [`Session::launch`] with the operating system's language set to `language` (`LANGUAGE`,
    /// which Kring's `system_locale` reads first): the app speaks it until Settings choose another.
    pub async fn launch_in(&self, profile: &str, language: &str) -> App {
        let home = self.folder().join(profile);
        let store = home.join("store");
        let xdg = home.join("xdg-data");
        std::fs::create_dir_all(&xdg).expect("create XDG_DATA_HOME");
        let app = launch_app_in(&store, &xdg, &self.name, language).await;
        self.apps.lock().unwrap().push(Launched {
            client: app.ui.client.clone(),
            driver: app.driver.clone(),
            closed: app.closed.clone(),
        });
        app
    }

    async fn on_failure(&self) {
        let apps: Vec<Launched> = self.apps.lock().unwrap().clone();
        let open = apps.iter().filter(|a| !a.closed.load(Ordering::SeqCst));
        for (i, launched) in open.enumerate() {
            let ui = Ui {
                client: launched.client.clone(),
            };
            let name = if i == 0 {
                format!("{}-failure", self.name)
            } else {
                format!("{}-failure-{}", self.name, i + 1)
            };
            if let Ok(path) = ui.try_screenshot(&name).await {
                eprintln!("screenshot at failure: {}", path.display());
            }
        }
    }

    async fn close_all(&self) {
        let apps: Vec<Launched> = std::mem::take(&mut *self.apps.lock().unwrap());
        for launched in apps {
            if !launched.closed.swap(true, Ordering::SeqCst) {
                let _ = tokio::time::timeout(Duration::from_secs(5), launched.client.close()).await;
                end(&launched.driver);
            }
        }
    }
}

#[derive(Clone)]
struct Launched {
    client: Client,
    driver: Arc<Mutex<Child>>,
    closed: Arc<AtomicBool>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// Ends tauri-driver and whatever it started, and reaps it.
fn end(driver: &Mutex<Child>) {
    let mut driver = driver.lock().unwrap();
    if let Ok(None) = driver.try_wait() {
        kill_group(driver.id());
    }
    let _ = driver.wait();
}

/// Ends tauri-driver and whatever it started (it runs in its own process group).
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{pid}")])
        .stderr(Stdio::null())
        .status();
    std::thread::sleep(Duration::from_millis(200));
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stderr(Stdio::null())
        .status();
}

/// One running app: tauri-driver, WebKitWebDriver, the app window, and the WebDriver client.
pub struct App {
    pub ui: Ui,
    driver: Arc<Mutex<Child>>,
    closed: Arc<AtomicBool>,
    /// When tauri-driver was spawned (for start-up timings).
    pub spawned: Instant,
    /// When the WebDriver session that launched the app was asked for.
    pub session_requested: Instant,
}

impl std::ops::Deref for App {
    type Target = Ui;
    fn deref(&self) -> &Ui {
        &self.ui
    }
}

impl App {
    /// Closes the window and ends tauri-driver. (An app a test leaves open is closed when the
    /// test ends; one launched outside [`run`] must be closed with this.)
    pub async fn close(self) {
        if self.closed.swap(true, Ordering::SeqCst) {
            return;
        }
        let _ = tokio::time::timeout(Duration::from_secs(5), self.ui.client.clone().close()).await;
        end(&self.driver);
    }
}

/// Starts tauri-driver with the app's environment and opens a WebDriver session on the app, the
/// system's language English.
pub async fn launch_app(store: &Path, xdg_data_home: &Path, log_name: &str) -> App {
    launch_app_in(store, xdg_data_home, log_name, "en").await
}

/// [`launch_app`] with the system's language `language` (`LANGUAGE`, the first variable
/// `sys-locale` reads; the C library's own locale is left alone).
pub async fn launch_app_in(
    store: &Path,
    xdg_data_home: &Path,
    log_name: &str,
    language: &str,
) -> App {
    use std::os::unix::process::CommandExt;
    let binary = app_binary();
    assert!(
        binary.is_file(),
        "the app binary {} does not exist: build it with `cargo build -p kring-app` or set KRING_APP_BINARY",
        binary.display()
    );
    let driver_bin = on_path("tauri-driver")
        .expect("tauri-driver is not installed: cargo install tauri-driver --locked");
    let port = free_port();
    let native_port = loop {
        let p = free_port();
        if p != port {
            break p;
        }
    };
    let logs = target_dir().join("e2e-logs");
    std::fs::create_dir_all(&logs).expect("create target/e2e-logs");
    let log = std::fs::File::create(logs.join(format!("{log_name}.log"))).expect("a log file");
    let spawned = Instant::now();
    let driver = Command::new(driver_bin)
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("KRING_STORE", store)
        .env("XDG_DATA_HOME", xdg_data_home)
        .env("LANGUAGE", language)
        .stdout(log.try_clone().expect("log file"))
        .stderr(log)
        .process_group(0)
        .spawn()
        .expect("start tauri-driver");
    let mut driver = driver;
    let (client, session_requested) = match connect(port, &binary).await {
        Ok(connected) => connected,
        Err(error) => {
            kill_group(driver.id());
            let _ = driver.wait();
            panic!("{error}; tauri-driver's output is in target/e2e-logs/{log_name}.log");
        }
    };
    App {
        ui: Ui { client },
        driver: Arc::new(Mutex::new(driver)),
        closed: Arc::new(AtomicBool::new(false)),
        spawned,
        session_requested,
    }
}

async fn connect(port: u16, binary: &Path) -> Result<(Client, Instant), String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    // First wait for tauri-driver to listen, so a refused connection is not mistaken for an app
    // that failed to start.
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!(
                "tauri-driver did not listen on port {port} within 30 s"
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "tauri:options".to_string(),
        json!({ "application": binary.to_string_lossy() }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let mut last = String::new();
    while Instant::now() < deadline {
        let requested = Instant::now();
        match ClientBuilder::native()
            .capabilities(capabilities.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return Ok((client, requested)),
            Err(error) => last = error.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(format!(
        "no WebDriver session on the app within 30 s: {last}"
    ))
}

/// The app's web view, through WebDriver.
#[derive(Clone)]
pub struct Ui {
    pub client: Client,
}

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

impl Ui {
    /// The `data-testid`s on screen now (for failure messages).
    pub async fn testids_on_screen(&self) -> String {
        let script = "return Array.from(new Set(Array.from(document.querySelectorAll('[data-testid]')).map(e => e.dataset.testid))).join(', ')";
        match self.client.execute(script, vec![]).await {
            Ok(Value::String(s)) if !s.is_empty() => s,
            Ok(_) => "none".to_string(),
            Err(e) => format!("(could not ask: {e})"),
        }
    }

    /// Waits (up to [`TIMEOUT`]) for the first element with this `data-testid`.
    pub async fn wait(&self, testid: &str) -> Element {
        self.wait_css(&css(testid), &format!("data-testid `{testid}`"))
            .await
    }

    /// Waits (up to [`TIMEOUT`]) for the first element matching a CSS selector.
    pub async fn wait_css(&self, selector: &str, what: &str) -> Element {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(selector)).await {
                return element;
            }
            if Instant::now() > deadline {
                panic!(
                    "waited {} s for {what} and it never appeared; data-testids on screen: {}",
                    TIMEOUT.as_secs(),
                    self.testids_on_screen().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Every element with this `data-testid` now (none is fine).
    pub async fn all(&self, testid: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(&css(testid)))
            .await
            .unwrap_or_default()
    }

    /// Whether an element with this `data-testid` is there now.
    pub async fn present(&self, testid: &str) -> bool {
        !self.all(testid).await.is_empty()
    }

    /// The text of every element with this `data-testid` now, whitespace collapsed
    /// (`textContent`: WebDriver's "visible text" of a flex row gives only part of it).
    pub async fn texts(&self, testid: &str) -> Vec<String> {
        let script = format!(
            "return Array.from(document.querySelectorAll('{}')).map(e => e.textContent.replace(/\\s+/g, ' ').trim())",
            css(testid)
        );
        match self.client.execute(&script, vec![]).await {
            Ok(Value::Array(items)) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or("").to_string())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Waits until `check` holds for the texts of all elements with this `data-testid`; returns
    /// them. `what` says what was expected, for the failure message.
    pub async fn wait_texts(
        &self,
        testid: &str,
        what: &str,
        check: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let texts = self.texts(testid).await;
            if check(&texts) {
                return texts;
            }
            if Instant::now() > deadline {
                panic!(
                    "waited {} s for `{testid}` to show {what}; it shows {texts:?}; data-testids on screen: {}",
                    TIMEOUT.as_secs(),
                    self.testids_on_screen().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until some element with this `data-testid` contains `text`; returns its text.
    pub async fn wait_text(&self, testid: &str, text: &str) -> String {
        let texts = self
            .wait_texts(testid, &format!("`{text}`"), |t| {
                t.iter().any(|s| s.contains(text))
            })
            .await;
        texts.into_iter().find(|s| s.contains(text)).unwrap()
    }

    /// Waits until no element with this `data-testid` is left.
    pub async fn wait_gone(&self, testid: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while self.present(testid).await {
            if Instant::now() > deadline {
                panic!(
                    "`{testid}` was still on screen after {} s",
                    TIMEOUT.as_secs()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element with this `data-testid`.
    pub async fn click(&self, testid: &str) {
        let element = self.wait(testid).await;
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("could not click `{testid}`: {e}"));
    }

    /// Clears the field with this `data-testid` and types `text` into it, key by key.
    pub async fn type_into(&self, testid: &str, text: &str) {
        let element = self.wait(testid).await;
        element
            .clear()
            .await
            .unwrap_or_else(|e| panic!("could not clear `{testid}`: {e}"));
        if text.is_empty() {
            // Clearing alone fires no `input` event in every engine: say it changed.
            self.set_value(testid, "").await;
            return;
        }
        element
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("could not type into `{testid}`: {e}"));
    }

    /// Sets an input's value the way a picker would (for `<input type="date">`, whose typing
    /// differs between engines) and fires `input` and `change`.
    pub async fn set_value(&self, testid: &str, value: &str) {
        let element = self.wait(testid).await;
        let script = "const [el, v] = arguments; \
            const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set; \
            setter.call(el, v); \
            el.dispatchEvent(new Event('input', { bubbles: true })); \
            el.dispatchEvent(new Event('change', { bubbles: true }));";
        self.client
            .execute(
                script,
                vec![serde_json::to_value(&element).unwrap(), json!(value)],
            )
            .await
            .unwrap_or_else(|e| panic!("could not set `{testid}` to {value:?}: {e}"));
    }

    /// Chooses the `<option>` with this value in the `<select>` with this `data-testid`.
    pub async fn select(&self, testid: &str, value: &str) {
        self.wait(testid)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("could not choose {value:?} in `{testid}`: {e}"));
    }

    /// Presses a key with Ctrl held, e.g. `ctrl('l')`.
    pub async fn ctrl(&self, key: char) {
        let control: char = Key::Control.into();
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: control })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: control });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("could not press Ctrl+{key}: {e}"));
        let _ = self.client.release_actions().await;
    }

    /// Presses one key (a [`Key`] such as Escape) on the focused element.
    pub async fn press(&self, key: Key) {
        let value: char = key.into();
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("could not press {key:?}: {e}"));
        let _ = self.client.release_actions().await;
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits 300 ms for the last DOM change to be painted, then saves a WebDriver screenshot of
    /// the window as `target/e2e-screenshots/NAME.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.try_screenshot(name)
            .await
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"))
    }

    /// As [`Ui::screenshot`], for a picture that may fail to be taken without failing the test.
    pub async fn try_screenshot(&self, name: &str) -> Result<PathBuf, String> {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.client.screenshot().await.map_err(|e| e.to_string())?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|e| e.to_string())?;
        Ok(path)
    }
}
