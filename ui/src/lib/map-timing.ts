// The render cost of one frame of the map, measured in the real window (docs/performance.md).
//
// This times sigma's synchronous `render()` directly: move the camera, render, and wait until the
// GPU (or the software rasteriser) has finished by reading one pixel back from each WebGL canvas.
// What the window then shows is measured apart, with requestAnimationFrame (tests/e2e/tests/map.rs):
// that is where a costly composite shows (a rounded clip over the canvases cost 450-700 ms a
// frame under Xvfb; requestAnimationFrame itself runs at about 60 fps there).

/** The part of a sigma renderer the timing uses (sigma v3). */
export type Timed = {
  render(): unknown;
  refresh(opts?: { skipIndexation?: boolean }): unknown;
  getCamera(): { setState(state: { x?: number; y?: number; ratio?: number }): unknown };
  getSetting(name: 'hideEdgesOnMove' | 'hideLabelsOnMove'): unknown;
  setSetting(name: 'hideEdgesOnMove' | 'hideLabelsOnMove', value: boolean): unknown;
  getGraph(): { order: number; size: number };
  /** sigma keeps its WebGL contexts here (nodes, edges, hover). */
  webGLContexts?: Record<string, WebGLRenderingContext | WebGL2RenderingContext>;
  /** sigma's mouse captor: `isMoving` is what a drag sets, and what hides ties while moving. */
  mouseCaptor?: { isMoving: boolean };
};

export type FrameStats = {
  frames: number;
  /** Median and 95th percentile of the frame's render, finished on the GPU (ms). */
  median_ms: number;
  p95_ms: number;
  max_ms: number;
  /** Frames a second the median frame allows: 1000 / median. */
  fps: number;
  /** Median of the same renders before waiting for the GPU: the JavaScript part. */
  js_median_ms: number;
};

export type FrameTiming = {
  nodes: number;
  ties: number;
  renderer: string;
  /** The camera moved, then a frame with ties and labels drawn (a still frame, or any frame of
   * a move on a map of up to 20,000 ties). */
  with_ties: FrameStats;
  /** A frame while dragging with ties hidden (as the map does above 20,000 ties), labels hidden
   * too above 5,000 nodes. */
  without_ties: FrameStats;
  /** Every node's and tie's style worked out again, then drawn (hover, focus, a filter). */
  restyle: FrameStats;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Median, 95th percentile and the frame rate they imply, from frame times in ms. */
export function summarise(total: number[], js: number[] = total): FrameStats {
  const at = (sorted: number[], q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
  const t = [...total].sort((a, b) => a - b);
  const j = [...js].sort((a, b) => a - b);
  const median = at(t, 0.5);
  return {
    frames: t.length,
    median_ms: round1(median),
    p95_ms: round1(at(t, 0.95)),
    max_ms: round1(t.length ? t[t.length - 1] : 0),
    fps: median > 0 ? round1(1000 / median) : 0,
    js_median_ms: round1(at(j, 0.5)),
  };
}

/** The k-th camera of a fixed tour: around the centre, zooming in and out. */
export function cameraAt(k: number): { x: number; y: number; ratio: number } {
  return {
    x: 0.5 + 0.3 * Math.cos(k * 0.7),
    y: 0.5 + 0.3 * Math.sin(k * 0.7),
    ratio: 0.35 + 0.65 * Math.abs(Math.sin(k * 0.45)),
  };
}

/** Blocks until every WebGL context has drawn what it was given: a one-pixel read each. */
function finish(sigma: Timed) {
  const pixel = new Uint8Array(4);
  for (const gl of Object.values(sigma.webGLContexts ?? {})) {
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Times `frames` renders of each kind (each kind stops early after `budgetMs`), yielding to the
 * event loop between frames so the window stays responsive. The camera and settings are put
 * back afterwards.
 */
export async function timeFrames(
  sigma: Timed,
  options: { frames?: number; budgetMs?: number; now?: () => number } = {},
): Promise<FrameTiming> {
  const frames = options.frames ?? 30;
  const budget = options.budgetMs ?? 20_000;
  const now = options.now ?? (() => performance.now());
  const camera = sigma.getCamera();
  let k = 0;

  async function run(frame: () => void): Promise<FrameStats> {
    const total: number[] = [];
    const js: number[] = [];
    const started = now();
    // One frame first, not counted: the first draw after a change uploads buffers.
    frame();
    finish(sigma);
    while (total.length < frames && now() - started < budget) {
      camera.setState(cameraAt(k++));
      const t0 = now();
      frame();
      const t1 = now();
      finish(sigma);
      const t2 = now();
      total.push(t2 - t0);
      js.push(t1 - t0);
      await pause();
    }
    return summarise(total, js);
  }

  const withTies = await run(() => sigma.render());

  const hideEdges = Boolean(sigma.getSetting('hideEdgesOnMove'));
  const hideLabels = Boolean(sigma.getSetting('hideLabelsOnMove'));
  const captor = sigma.mouseCaptor;
  let withoutTies: FrameStats;
  try {
    // As a drag with ties hidden (whatever the map's size, to time the nodes alone); labels as
    // the map's own setting says.
    sigma.setSetting('hideEdgesOnMove', true);
    if (captor) captor.isMoving = true;
    withoutTies = await run(() => sigma.render());
  } finally {
    if (captor) captor.isMoving = false;
    sigma.setSetting('hideEdgesOnMove', hideEdges);
    sigma.setSetting('hideLabelsOnMove', hideLabels);
  }

  const restyle = await run(() => sigma.refresh({ skipIndexation: true }));

  camera.setState({ x: 0.5, y: 0.5, ratio: 1 });
  sigma.render();
  const graph = sigma.getGraph();
  return {
    nodes: graph.order,
    ties: graph.size,
    renderer: rendererOf(sigma),
    with_ties: withTies,
    without_ties: withoutTies,
    restyle,
  };
}

/** The WebGL renderer's name, unmasked when the browser says it. */
function rendererOf(sigma: Timed): string {
  const gl = Object.values(sigma.webGLContexts ?? {})[0];
  if (!gl) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  const version = gl.getParameter(gl.VERSION);
  return `${String(name)} (${String(version)})`;
}
