import { describe, expect, it } from 'vitest';
import { cameraAt, summarise, timeFrames, type Timed } from '../src/lib/map-timing';

/** A renderer whose frames take a known time on a fake clock, and whose GPU reads are counted. */
function fakeSigma(msPerFrame: { render: number; hidden: number; refresh: number; gpu: number }) {
  let clock = 0;
  const log: string[] = [];
  const settings = { hideEdgesOnMove: false, hideLabelsOnMove: false };
  const states: { x?: number; y?: number; ratio?: number }[] = [];
  const gl = {
    RGBA: 1,
    UNSIGNED_BYTE: 2,
    RENDERER: 3,
    VERSION: 4,
    readPixels: () => {
      clock += msPerFrame.gpu;
      log.push('read');
    },
    getExtension: () => null,
    getParameter: (p: number) => (p === 3 ? 'FakeGL' : '1.0'),
  };
  const sigma = {
    mouseCaptor: { isMoving: false },
    webGLContexts: { nodes: gl, edges: gl } as unknown as Timed['webGLContexts'],
    render() {
      const hidden = settings.hideEdgesOnMove && sigma.mouseCaptor.isMoving;
      clock += hidden ? msPerFrame.hidden : msPerFrame.render;
      log.push(hidden ? 'render-hidden' : 'render');
    },
    refresh() {
      clock += msPerFrame.refresh;
      log.push('refresh');
    },
    getCamera: () => ({
      setState: (s: { x?: number; y?: number; ratio?: number }) => states.push(s),
    }),
    getSetting: (name: keyof typeof settings) => settings[name],
    setSetting: (name: keyof typeof settings, value: boolean) => (settings[name] = value),
    getGraph: () => ({ order: 2000, size: 6800 }),
  };
  return { sigma: sigma as Timed, now: () => clock, log, settings, states };
}

describe('frame timing', () => {
  it('summarises frame times as median, 95th percentile and the frame rate they allow', () => {
    const ms = Array.from({ length: 20 }, (_, i) => 10 + i); // 10 … 29
    const s = summarise(
      ms,
      ms.map((m) => m / 2),
    );
    expect(s).toEqual({
      frames: 20,
      median_ms: 20,
      p95_ms: 29,
      max_ms: 29,
      fps: 50,
      js_median_ms: 10,
    });
    expect(summarise([])).toMatchObject({ frames: 0, fps: 0 });
  });

  it('times each kind of frame up to the GPU finishing, with the camera moving between them', async () => {
    const fake = fakeSigma({ render: 40, hidden: 8, refresh: 70, gpu: 5 });
    const timing = await timeFrames(fake.sigma, { frames: 5, now: fake.now });
    expect(timing.nodes).toBe(2000);
    expect(timing.ties).toBe(6800);
    expect(timing.renderer).toBe('FakeGL (1.0)');
    // Two WebGL contexts read back after every frame: 5 ms each.
    expect(timing.with_ties).toMatchObject({ frames: 5, median_ms: 50, js_median_ms: 40, fps: 20 });
    expect(timing.without_ties).toMatchObject({ frames: 5, median_ms: 18, js_median_ms: 8 });
    expect(timing.restyle).toMatchObject({ frames: 5, median_ms: 80, js_median_ms: 70 });
    // One untimed frame before each kind; a camera of the tour before every timed one.
    expect(fake.log.filter((l) => l === 'render')).toHaveLength(6 + 1);
    expect(fake.log.filter((l) => l === 'render-hidden')).toHaveLength(6);
    expect(fake.log.filter((l) => l === 'refresh')).toHaveLength(6);
    expect(fake.states.slice(0, 3)).toEqual([cameraAt(0), cameraAt(1), cameraAt(2)]);
    // Put back as it was: the camera reset, ties and labels as the map had them, not moving.
    expect(fake.states[fake.states.length - 1]).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
    expect(fake.settings).toEqual({ hideEdgesOnMove: false, hideLabelsOnMove: false });
    expect(fake.sigma.mouseCaptor!.isMoving).toBe(false);
  });

  it('stops a kind of frame when its time budget is spent', async () => {
    const fake = fakeSigma({ render: 400, hidden: 400, refresh: 400, gpu: 0 });
    const timing = await timeFrames(fake.sigma, { frames: 100, budgetMs: 2000, now: fake.now });
    expect(timing.with_ties.frames).toBeLessThan(6);
    expect(timing.with_ties.median_ms).toBe(400);
  });
});
