//! The network map and the stakeholder grid end to end: the Manager of the Network with the demo
//! network opens the map, searches a node and focuses on it, finds a warm introduction and sees
//! its steps, and places a rating on the stakeholder grid. Screenshots in target/e2e-screenshots/
//! (`map-*.png`).
//!
//! `KRING_MAP_STORE=/copy/of/a/big/store` also measures, in the real window, the map of its 10,000
//! most central nodes: layout time and frame rate while the camera pans and zooms (printed; the
//! figures are in docs/performance.md). Give it a copy: the app writes to the store it opens.

use std::time::{Duration, Instant};

use kring_e2e::{launch_app, run, App, Session};

/// First run as the Manager of the Network with the demo network (2,000 cards).
async fn manager_with_demo(app: &App) {
    app.wait("first-run-name").await;
    app.click("first-run-manager").await;
    app.type_into("first-run-name", "Mia Janssens").await;
    app.type_into("first-run-email", "mia.janssens@stad.gent")
        .await;
    let checkbox = app.wait("first-run-demo").await;
    if !checkbox.is_selected().await.unwrap_or(false) {
        checkbox.click().await.expect("tick the demo checkbox");
    }
    app.click("first-run-submit").await;
    let deadline = Instant::now() + Duration::from_secs(120);
    while !app.present("nav-today").await {
        assert!(
            Instant::now() < deadline,
            "first run did not reach the main window; on screen: {}",
            app.testids_on_screen().await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits (up to two minutes: the machine may be busy) until ForceAtlas2 has finished (the
/// status reads "layout N s"); returns that text.
async fn layout_finished(app: &App) -> String {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let texts = app.texts("map-layout").await;
        if let Some(done) = texts.iter().find(|s| s.starts_with("layout")) {
            return done.clone();
        }
        assert!(
            Instant::now() < deadline,
            "the layout did not finish in two minutes: {texts:?}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Clicks the first element with this test id whose text contains `text`.
async fn click_with_text(app: &App, testid: &str, text: &str) {
    let texts = app
        .wait_texts(testid, &format!("{text:?}"), |t| {
            t.iter().any(|s| s.contains(text))
        })
        .await;
    let index = texts.iter().position(|s| s.contains(text)).unwrap();
    app.all(testid)
        .await
        .into_iter()
        .nth(index)
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[test]
fn the_manager_maps_the_network_finds_an_introduction_and_rates_a_stakeholder() {
    run("map", |session: Session| async move {
        let app = session.launch("mia").await;
        manager_with_demo(&app).await;

        app.click("nav-map").await;
        app.wait("map-canvas").await;
        let count = app
            .wait_texts("map-node-count", "a node count", |t| {
                t.iter().any(|s| s.chars().any(|c| c.is_ascii_digit()))
            })
            .await
            .remove(0);
        println!("map: {count}");
        let layout = layout_finished(&app).await;
        println!("map: {layout}");
        app.screenshot("map-01-overview").await;

        // Search a node and focus on its neighbourhood.
        app.type_into("map-search", "Port of Antw").await;
        click_with_text(&app, "map-search-option", "Port of Antwerp").await;
        tokio::time::sleep(Duration::from_millis(900)).await;
        app.screenshot("map-02-focus").await;

        // A warm introduction from me to a stakeholder.
        app.select("map-path-from", "me").await;
        app.type_into("map-path-to", "Universiteit Antw").await;
        click_with_text(&app, "map-path-to-option", "Universiteit Antwerpen").await;
        app.click("map-path-run").await;
        let steps = app
            .wait_texts("map-path-step", "the steps of an introduction", |t| {
                t.len() >= 2
            })
            .await;
        println!("path: {}", steps.join(" → "));
        assert_eq!(
            steps.last().map(String::as_str),
            Some("Universiteit Antwerpen")
        );
        tokio::time::sleep(Duration::from_millis(600)).await;
        app.screenshot("map-03-path").await;

        // Colour by sector, in the dark theme.
        app.js("document.documentElement.dataset.theme = 'dark'")
            .await;
        app.select("map-colour-by", "sector").await;
        app.click("map-path-run").await; // unchanged path, redrawn in the dark
        tokio::time::sleep(Duration::from_millis(800)).await;
        app.screenshot("map-04-dark-sector").await;
        app.js("delete document.documentElement.dataset.theme")
            .await;

        // The stakeholder grid: place a rating.
        app.click("map-tab-grid").await;
        app.set_value("grid-theme", "Port expansion").await;
        app.type_into("grid-add", "Port of Antw").await;
        click_with_text(&app, "grid-add-option", "Port of Antwerp").await;
        app.wait_text("grid-stakeholder", "Port of Antwerp").await;
        app.wait_css(
            "[data-testid=grid-cell][data-power='5'][data-interest='4']:not([disabled])",
            "a grid cell to click",
        )
        .await
        .click()
        .await
        .expect("click the grid cell");
        let rating = app
            .wait_css(
                "[data-testid=grid-rating][data-power='5'][data-interest='4']",
                "the rating placed",
            )
            .await;
        assert!(rating
            .attr("class")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("mine"));
        app.wait_text("grid-stakeholder", "1 rating").await;
        app.screenshot("map-05-grid").await;

        // The frame rate of the demo map, for docs/performance.md.
        app.click("map-tab-map").await;
        app.wait("map-canvas").await;
        layout_finished(&app).await;
        measure(&app).await;
    });
}

#[test]
fn the_map_of_ten_thousand_nodes_stays_interactive() {
    let Some(store) = std::env::var_os("KRING_MAP_STORE") else {
        println!("skipped: set KRING_MAP_STORE to a copy of a large store to measure the map");
        return;
    };
    run("map_measure", |session: Session| async move {
        let xdg = session.folder().join("xdg-data");
        std::fs::create_dir_all(&xdg).unwrap();
        let app = launch_app(std::path::Path::new(&store), &xdg, "map_measure").await;
        app.wait("nav-map").await;
        app.click("nav-map").await;
        let asked = Instant::now();
        app.select("map-limit", "10000").await;
        // Reading and analysing a 100,000-card store takes seconds (more on a busy machine).
        let deadline = Instant::now() + Duration::from_secs(300);
        let count = loop {
            let texts = app.texts("map-node-count").await;
            if let Some(t) = texts.into_iter().find(|t| t.starts_with("10,")) {
                break t;
            }
            assert!(
                Instant::now() < deadline,
                "no 10,000-node map in five minutes"
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        };
        println!(
            "measure: {count} on screen {:.1} s after opening the map",
            asked.elapsed().as_secs_f64()
        );
        let started = Instant::now();
        let layout = layout_finished(&app).await;
        println!(
            "measure: {layout} (waited {:.1} s)",
            started.elapsed().as_secs_f64()
        );
        app.screenshot("map-10-ten-thousand").await;
        measure(&app).await;
        app.screenshot("map-11-ten-thousand-moved").await;
        app.close().await;
    });
}

/// Frame rate while the camera pans and zooms (requestAnimationFrame over 4 s).
async fn measure(app: &App) {
    let script = r#"
        const done = arguments[arguments.length - 1];
        const map = window.__kringMap;
        if (!map) { done({ error: 'no map' }); return; }
        const gl = document.createElement('canvas').getContext('webgl');
        const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
        const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : (gl ? gl.getParameter(gl.RENDERER) : 'no webgl');
        const camera = map.sigma.getCamera();
        const summary = (frames) => {
            const gaps = frames.slice(1).map((f, i) => f - frames[i]).sort((a, b) => a - b);
            return { fps: +((frames.length - 1) / ((frames[frames.length - 1] - frames[0]) / 1000)).toFixed(2),
                     median_ms: +gaps[Math.floor(gaps.length / 2)].toFixed(1),
                     p95_ms: +gaps[Math.floor(gaps.length * 0.95)].toFixed(1), frames: frames.length };
        };
        // A: the camera set every frame (pan in a circle, zoom in and out): ties drawn each frame.
        const a = [];
        const startA = performance.now();
        function tickA(now) {
            a.push(now);
            const t = (now - startA) / 1000;
            camera.setState({ x: 0.5 + 0.3 * Math.cos(t), y: 0.5 + 0.3 * Math.sin(t),
                              ratio: 0.6 + 0.4 * Math.sin(t * 1.7) });
            if (now - startA < 3000) requestAnimationFrame(tickA); else startB();
        }
        // B: animated camera moves, as sigma runs a drag or a wheel zoom (ties hidden while moving).
        const b = [];
        function startB() {
            const startB = performance.now();
            let k = 0;
            const hop = () => {
                k++;
                camera.animate({ x: 0.5 + 0.3 * Math.cos(k), y: 0.5 + 0.3 * Math.sin(k),
                                 ratio: 0.5 + 0.4 * Math.abs(Math.sin(k)) }, { duration: 800 })
                      .then(() => { if (performance.now() - startB < 3000) hop(); });
            };
            hop();
            function tickB(now) {
                b.push(now);
                if (now - startB < 3000) requestAnimationFrame(tickB);
                else done({ renderer, nodes: map.sigma.getGraph().order, edges: map.sigma.getGraph().size,
                            layout: map.layout, idle: window.__idle, every_frame: summary(a), animated: summary(b) });
            }
            requestAnimationFrame(tickB);
        }
        // First the window's own frame rate with nothing moving (the floor of this machine).
        const idle = [];
        const startIdle = performance.now();
        function tickIdle(now) {
            idle.push(now);
            if (now - startIdle < 2000) requestAnimationFrame(tickIdle);
            else { window.__idle = summary(idle); requestAnimationFrame(tickA); }
        }
        requestAnimationFrame(tickIdle);
    "#;
    // Measuring never fails the test: a slow machine prints why instead.
    match app.client.execute_async(script, vec![]).await {
        Ok(result) => println!("measure: {result}"),
        Err(e) => println!("measure: could not measure the frame rate: {e}"),
    }
}
