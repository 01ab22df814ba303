// Every screen's place in the sidebar and its keyboard shortcut, in one table the sidebar, the
// key handler and the shortcuts overlay all read, so a screen cannot be left without one.
//
// Alt+1–5 are the five screens everyone has; Alt+6–0 the first five of the Network area,
// Alt+Shift+6–0 the next five and Alt+Shift+1–5 any after those (a Manager of the Network has
// eleven there). Keys are read by their
// position (`event.code`), so Shift or a keyboard layout does not change which digit it is.
import type { Route } from './app.svelte';
import { m } from '../paraglide/messages';

/** A screen, its name in the current language (a function, so it is read where it is shown) and its key. */
export type Screen = { route: Route; label: () => string; key: string };

export const MAIN_SCREENS: { route: Route; label: () => string }[] = [
  { route: 'today', label: m.shell_nav_today },
  { route: 'cards', label: m.shell_nav_cards },
  { route: 'sync', label: m.shell_nav_sync },
  { route: 'review', label: m.shell_nav_review },
  { route: 'settings', label: m.shell_nav_settings },
];

/** The Network area: all of it for the Manager of the Network, some of it for a networker. */
export const NETWORK_SCREENS: { route: Route; label: () => string; managerOnly: boolean }[] = [
  { route: 'dashboard', label: m.shell_nav_dashboard, managerOnly: false },
  { route: 'goals', label: m.shell_nav_goals, managerOnly: true },
  { route: 'teams', label: m.shell_nav_teams, managerOnly: true },
  { route: 'partnerships', label: m.shell_nav_partnerships, managerOnly: true },
  { route: 'events', label: m.shell_nav_events, managerOnly: true },
  { route: 'offboarding', label: m.shell_nav_offboarding, managerOnly: true },
  { route: 'transparency', label: m.shell_nav_transparency, managerOnly: true },
  { route: 'map', label: m.shell_nav_map, managerOnly: false },
  { route: 'insights', label: m.shell_nav_insights, managerOnly: false },
  { route: 'members', label: m.shell_nav_members, managerOnly: false },
  { route: 'protection', label: m.shell_nav_protection, managerOnly: false },
];

const NETWORK_DIGITS = ['6', '7', '8', '9', '0'];

/** The main screens with their shortcuts. */
export function mainScreens(): Screen[] {
  return MAIN_SCREENS.map((s, i) => ({ ...s, key: `Alt+${i + 1}` }));
}

/** The Network screens this role sees, with their shortcuts. */
export function networkScreens(isManager: boolean): Screen[] {
  return NETWORK_SCREENS.filter((s) => isManager || !s.managerOnly).map((s, i) => ({
    route: s.route,
    label: s.label,
    key:
      i < 5
        ? `Alt+${NETWORK_DIGITS[i]}`
        : i < 10
          ? `Alt+Shift+${NETWORK_DIGITS[i - 5]}`
          : `Alt+Shift+${i - 9}`,
  }));
}

/** A key's name as the language's keyboards print it ("Strg" for Ctrl in German). */
export function keyName(key: string): string {
  const names: Record<string, () => string> = {
    Ctrl: m.shell_key_ctrl,
    Shift: m.shell_key_shift,
    Enter: m.shell_key_enter,
    Home: m.shell_key_home,
    End: m.shell_key_end,
    PgUp: m.shell_key_pgup,
    PgDn: m.shell_key_pgdn,
    Esc: m.shell_key_esc,
  };
  return names[key]?.() ?? key;
}

/** A shortcut ("Ctrl+Shift+N") with its keys named as the language's keyboards print them. */
export function shortcutName(shortcut: string): string {
  return shortcut.split('+').map(keyName).join('+');
}

/** The screen a key press goes to, if it is a screen's shortcut. */
export function screenForKey(
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>,
  isManager: boolean,
): Route | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(event.code)?.[1];
  if (!digit) return null;
  const key = `Alt+${event.shiftKey ? 'Shift+' : ''}${digit}`;
  return [...mainScreens(), ...networkScreens(isManager)].find((s) => s.key === key)?.route ?? null;
}
