// The state every screen shares: who the user is, where they are, what dialog is open, toasts.
import { api, toAppError, type AppError } from './api';
import type { AppStatus, RecordId, SyncStatus } from './bindings';
import { m } from '../paraglide/messages';

export type Route =
  | 'today'
  | 'cards'
  | 'sync'
  | 'review'
  | 'settings'
  // The Network area (the Manager of the Network; a networker sees the dashboard).
  | 'dashboard'
  | 'goals'
  | 'teams'
  | 'partnerships'
  | 'events'
  | 'offboarding'
  | 'transparency'
  | 'map'
  | 'insights'
  | 'members'
  | 'protection';
export type Theme = 'system' | 'light' | 'dark';
export type Participant = { id: RecordId; name: string; detail?: string | null };
/** `quit`: the error leaves only quitting (`writes_stopped`), so the toast offers it and stays. */
export type Toast = { id: number; kind: 'ok' | 'error'; text: string; quit?: boolean };

const THEME_KEY = 'kring.theme';
const DUPLICATES_EVERY_MS = 5 * 60 * 1000;

function storedTheme(): Theme {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

class AppState {
  status = $state<AppStatus | null>(null);
  loadError = $state<AppError | null>(null);
  route = $state<Route>('today');
  selectedId = $state<RecordId | null>(null);
  /** The card open in the detail pane, so Ctrl+L can start with it. */
  openCardInfo = $state<Participant | null>(null);
  /** Bumped after every write, so lists and details fetch again. */
  version = $state(0);
  toasts = $state<Toast[]>([]);
  logDialog = $state<{ participants: Participant[] } | null>(null);
  /** The review of meetings and e-mails to log from files: the files dropped or chosen. */
  captureDialog = $state<{ paths: string[] } | null>(null);
  cardForm = $state<{ kind: 'person' | 'organisation'; id: RecordId | null } | null>(null);
  helpOpen = $state(false);
  theme = $state<Theme>(storedTheme());
  dueCount = $state(0);
  /** The folder sync's state, refreshed after every pass (the sync-finished event). */
  syncStatus = $state<SyncStatus | null>(null);
  reviewCount = $state(0);
  /** Set to ask the card list to focus its search box. */
  focusSearch = $state(0);
  /** Set to open the card list with only the relationships going cold. */
  showGoingCold = $state(false);
  /** The partnership the Partnerships screen opens on (from a review reminder on Today). */
  selectedPartnership = $state<RecordId | null>(null);
  /** The colleague Offboarding opens on (from Insights' "Plan a handover…"); taken once read. */
  handoverFor = $state<RecordId | null>(null);
  private nextToast = 1;
  /** Each toast's time left, and its timer while it counts down (none while held). */
  private toastTimers = new Map<
    number,
    {
      left: number;
      timer: { handle: ReturnType<typeof setTimeout>; since: number } | null;
      /** What holds it: the pointer on it, the keyboard's focus in it. */
      holds: Set<'pointer' | 'focus'>;
    }
  >();
  private duplicateCount = 0;
  private duplicatesCountedAt = -Infinity;

  /** After a same-as or not-same decision: count the duplicates again on the next refresh. */
  duplicatesChanged() {
    this.duplicatesCountedAt = -Infinity;
  }

  async load() {
    try {
      this.status = await api.appStatus();
      this.loadError = null;
    } catch (e) {
      this.loadError = toAppError(e);
    }
  }

  async refreshCounts() {
    try {
      // Looking for duplicates compares every card (seconds at 100,000 cards), so its count is
      // refreshed at most every few minutes, not after every edit.
      const now = Date.now();
      const duplicatesDue = now - this.duplicatesCountedAt > DUPLICATES_EVERY_MS;
      const [today, conflicts, duplicates] = await Promise.all([
        api.today(),
        api.listConflicts(),
        duplicatesDue ? api.listDuplicates().then((d) => d.length) : this.duplicateCount,
      ]);
      if (duplicatesDue) this.duplicatesCountedAt = now;
      this.duplicateCount = duplicates;
      this.dueCount = today.due.length;
      this.reviewCount = conflicts.reduce((n, c) => n + c.fields.length, 0) + duplicates;
    } catch {
      // Counts are a convenience; the screens show the errors.
    }
  }

  changed() {
    this.version++;
    void this.refreshCounts();
    void this.load();
  }

  /** Whether a demo sandbox is being opened, left or removed (its buttons wait). */
  switchingDemo = $state(false);

  /**
   * Opens the demo sandbox (made the first time), leaves it or removes it: the store every screen
   * shows changes, so everything is fetched again from Today.
   */
  async demo(action: 'open' | 'leave' | 'remove') {
    this.switchingDemo = true;
    // Removing the demo from one's own store leaves one where one is; otherwise the store on
    // screen changes, and everything starts again from Today.
    const switches = action !== 'remove' || (this.status?.demo ?? false);
    try {
      this.status =
        action === 'open'
          ? await api.openDemo(2000)
          : action === 'leave'
            ? await api.leaveDemo()
            : await api.removeDemo();
      if (switches) {
        // The sync line shows the state of the store on screen: read again for the other one.
        this.syncStatus = null;
        this.selectedId = null;
        this.openCardInfo = null;
        this.route = 'today';
      }
      this.changed();
      this.toast(
        action === 'open'
          ? m.shell_demo_opened()
          : action === 'leave'
            ? m.shell_demo_left()
            : m.shell_demo_removed(),
      );
    } catch (e) {
      this.fail(e);
      return;
    } finally {
      this.switchingDemo = false;
    }
    // The store now open builds its card list in the background: ask for its counts again.
    for (let tries = 0; tries < 60 && this.status?.profile && !this.status.counts_ready; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await this.load();
    }
  }

  go(route: Route) {
    this.route = route;
  }

  /** Opens the log dialog, with the card on screen as its first participant. */
  startLog(participants?: Participant[]) {
    if (participants) {
      this.logDialog = { participants };
      return;
    }
    const open = this.route === 'cards' ? this.openCardInfo : null;
    this.logDialog = { participants: open ? [open] : [] };
  }

  /**
   * Opens the review of meetings and e-mails to log from these files (dropped on the window), or,
   * without files, the dialog that asks for them ("Log from file…").
   */
  startCapture(paths: string[] = []) {
    this.captureDialog = { paths };
  }

  openPartnership(id: RecordId) {
    this.selectedPartnership = id;
    this.route = 'partnerships';
  }

  /** Opens Offboarding with the handover of `networker` planned. */
  planHandover(networker: RecordId) {
    this.handoverFor = networker;
    this.route = 'offboarding';
  }

  openCard(id: RecordId) {
    this.selectedId = id;
    this.route = 'cards';
  }

  toast(text: string, kind: Toast['kind'] = 'ok', quit = false) {
    const id = this.nextToast++;
    const all = [...this.toasts, { id, kind, text, quit }];
    for (const dropped of all.slice(0, -3)) this.dismiss(dropped.id);
    this.toasts = all.slice(-3);
    // An error that leaves only quitting stays until the person quits or dismisses it.
    if (!quit)
      this.toastTimers.set(id, {
        left: kind === 'error' ? 7000 : 3500,
        timer: null,
        holds: new Set(),
      });
    this.resumeToast(id);
  }

  /** A toast under the pointer or the keyboard's focus stays until both have left (WCAG 2.2.1). */
  holdToast(id: number, by: 'pointer' | 'focus') {
    const timing = this.toastTimers.get(id);
    if (!timing) return;
    timing.holds.add(by);
    if (timing.timer === null) return;
    clearTimeout(timing.timer.handle);
    timing.left = Math.max(0, timing.left - (Date.now() - timing.timer.since));
    timing.timer = null;
  }

  /** Lets a toast no longer held go on counting down, from where it was (a second at least). */
  resumeToast(id: number, by?: 'pointer' | 'focus') {
    const timing = this.toastTimers.get(id);
    if (!timing) return;
    if (by) timing.holds.delete(by);
    if (timing.timer !== null || timing.holds.size > 0) return;
    const left = Math.max(timing.left, 1000);
    timing.left = left;
    timing.timer = { handle: setTimeout(() => this.dismiss(id), left), since: Date.now() };
  }

  fail(error: unknown) {
    const e = toAppError(error);
    // The store lost its owner (restored from an empty backup, say): back to first run.
    if (e.code === 'no_profile') void this.load();
    // A write failed and the store takes no more: opening Kring again is the way back.
    this.toast(e.message, 'error', e.code === 'writes_stopped');
  }

  dismiss(id: number) {
    const timing = this.toastTimers.get(id);
    if (timing?.timer) clearTimeout(timing.timer.handle);
    this.toastTimers.delete(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  setTheme(theme: Theme) {
    this.theme = theme;
    try {
      if (theme === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Private mode or no storage: the choice lasts for this session.
    }
  }

  /** Whether any dialog is open (shortcuts that open another one wait). */
  get dialogOpen() {
    return this.logDialog !== null || this.cardForm !== null || this.helpOpen;
  }
}

export const app = new AppState();
