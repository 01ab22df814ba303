// ForceAtlas2 off the main thread. A Vite-bundled module worker (served from the app's own
// origin, so the CSP's 'self' covers it; graphology's own supervisor builds its worker from a
// blob: URL, which the CSP would refuse). The page sends the graph once; the worker runs the
// layout in batches and posts the positions after each, so the map animates while it settles,
// and stops after `iterations` or when told to.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export type LayoutRequest =
  | {
      type: 'start';
      /** x, y per node. */
      positions: Float32Array;
      /** Source and target index per edge. */
      edges: Uint32Array;
      weights: Float32Array;
      iterations: number;
    }
  | { type: 'stop' };

export type LayoutProgress = {
  type: 'positions';
  positions: Float32Array;
  done: number;
  total: number;
  finished: boolean;
  ms: number;
};

let run = 0;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const message = event.data;
  run++;
  if (message.type === 'stop') return;
  const mine = run;
  const started = performance.now();
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const n = message.positions.length / 2;
  for (let i = 0; i < n; i++) {
    graph.addNode(i, { x: message.positions[2 * i], y: message.positions[2 * i + 1] });
  }
  for (let e = 0; e < message.weights.length; e++) {
    const a = message.edges[2 * e];
    const b = message.edges[2 * e + 1];
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: message.weights[e] });
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    // Barnes-Hut from a few hundred nodes on, coarse (θ = 1): the layout is for reading
    // clusters, not for precision, and it must settle in seconds on a laptop.
    barnesHutOptimize: n > 300,
    barnesHutTheta: 1,
    // Hubs (networkers with hundreds of ties) pushed to the edge of their clusters: fewer
    // hairballs around the busiest nodes.
    outboundAttractionDistribution: true,
    // LinLog: communities pull apart into islands instead of one disc.
    linLogMode: true,
    edgeWeightInfluence: 1,
    gravity: 1,
  };
  const total = message.iterations;
  // Iterations run in small batches until ~250 ms passed, then the positions go to the page:
  // few enough messages that redrawing them does not compete with the layout for the CPU.
  const batch = n > 5000 ? 5 : 10;
  let done = 0;
  const step = () => {
    if (mine !== run) return;
    const sliceStart = performance.now();
    while (done < total && performance.now() - sliceStart < 250) {
      const count = Math.min(batch, total - done);
      forceAtlas2.assign(graph, { iterations: count, settings });
      done += count;
    }
    const positions = new Float32Array(n * 2);
    graph.forEachNode((key, attrs) => {
      const i = Number(key);
      positions[2 * i] = attrs.x as number;
      positions[2 * i + 1] = attrs.y as number;
    });
    const progress: LayoutProgress = {
      type: 'positions',
      positions,
      done,
      total,
      finished: done >= total,
      ms: performance.now() - started,
    };
    (self as unknown as Worker).postMessage(progress, [positions.buffer]);
    if (done < total) setTimeout(step, 0);
  };
  step();
};
