// Laid-out positions of the maps drawn in this session, so that leaving the map and coming back
// shows it at once instead of running ForceAtlas2 again (the demo map: 12 s on a busy machine).
// Keyed by what was drawn (the nodes in order and the ties with their weights): the same graph
// comes back as the same key even after the store changed elsewhere; a different graph (another
// limit, a new tie, a path's extra nodes) is a different key and is laid out afresh.
import type { MapData } from './bindings';

/** FNV-1a over the text, folded into a running 32-bit hash. */
function fnv(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * The key of a drawn graph: its size and two independent hashes over the node ids in order and
 * the ties (ends and weight), so that two different graphs share a key only by a double
 * collision.
 */
export function layoutKey(data: Pick<MapData, 'nodes' | 'edges'>): string {
  let a = 2166136261;
  let b = 0x811c9dc5 ^ 0x5bd1e995;
  for (const n of data.nodes) {
    a = fnv(a, n.id);
    b = fnv(b, `${n.id}#`);
  }
  for (const e of data.edges) {
    const tie = `${e.source}>${e.target}:${e.weight ?? ''}`;
    a = fnv(a, tie);
    b = fnv(b, `|${tie}`);
  }
  return `${data.nodes.length}/${data.edges.length}/${a.toString(36)}/${b.toString(36)}`;
}

/**
 * The last few layouts (x, y per node in the data's node order), most recently used kept. A
 * few, not one: switching between the 1,000 and 5,000 most central and back reuses both.
 */
export class LayoutCache {
  private entries = new Map<string, Float32Array>();
  constructor(private readonly max = 4) {}

  get(key: string, nodes: number): Float32Array | undefined {
    const found = this.entries.get(key);
    if (!found || found.length !== nodes * 2) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.slice();
  }

  set(key: string, positions: Float32Array): void {
    this.entries.delete(key);
    this.entries.set(key, positions.slice());
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The app's cache: a module, so it outlives the map screen (the app state is per window). */
export const layouts = new LayoutCache();
