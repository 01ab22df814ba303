// Files dropped anywhere on the window (Tauri 2's drag-and-drop event on the webview): `over`
// says whether files are being dragged over the window (for the drop overlay), `drop` gets their
// paths. Outside the Tauri shell (the browser preview, tests) there is nothing to listen to.
import { insideTauri, type Unlisten } from './api';

export type DropHandlers = {
  over: (dragging: boolean) => void;
  drop: (paths: string[]) => void;
};

export async function onFileDrop(handlers: DropHandlers): Promise<Unlisten> {
  if (!insideTauri()) return () => {};
  const { getCurrentWebview } = await import('@tauri-apps/api/webview');
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === 'enter' || payload.type === 'over') handlers.over(true);
    else if (payload.type === 'leave') handlers.over(false);
    else {
      handlers.over(false);
      if (payload.paths.length) handlers.drop(payload.paths);
    }
  });
}
