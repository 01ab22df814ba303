// Every screen's place in the sidebar and its keyboard shortcut, in one table the sidebar, the
// key handler and the shortcuts overlay all read, so a screen cannot be left without one.
//
// Alt+1–5 are the five screens everyone has; Alt+6–0 the first five of the Network area,
// Alt+Shift+6–0 the next five and Alt+Shift+1–5 any after those (a Manager of the Network has
// eleven there). Keys are read by their
// position (`event.code`), so Shift or a keyboard layout does not change which digit it is.
import type { Route } from './app.svelte';

export type Screen = { route: Route; label: string; key: string };

export const MAIN_SCREENS: { route: Route; label: string }[] = [
  { route: 'today', label: 'Today' },
  { route: 'cards', label: 'Cards' },
  { route: 'sync', label: 'Sync' },
  { route: 'review', label: 'Review' },
  { route: 'settings', label: 'Settings' },
];

/** The Network area: all of it for the Manager of the Network, some of it for a networker. */
export const NETWORK_SCREENS: { route: Route; label: string; managerOnly: boolean }[] = [
  { route: 'dashboard', label: 'Dashboard', managerOnly: false },
  { route: 'goals', label: 'Goals', managerOnly: true },
  { route: 'teams', label: 'Teams', managerOnly: true },
  { route: 'partnerships', label: 'Partnerships', managerOnly: true },
  { route: 'events', label: 'Events', managerOnly: true },
  { route: 'offboarding', label: 'Offboarding', managerOnly: true },
  { route: 'transparency', label: 'Transparency', managerOnly: true },
  { route: 'map', label: 'Map', managerOnly: false },
  { route: 'insights', label: 'Insights', managerOnly: false },
  { route: 'members', label: 'Members', managerOnly: false },
  { route: 'protection', label: 'Data protection', managerOnly: false },
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
