import { describe, expect, it } from 'vitest';
import {
  isEmail,
  isPhone,
  isUrl,
  splitList,
  validateIdentity,
  validateOrganisation,
  validatePerson,
} from '../src/lib/validate';
import { backupLabel, count, initials } from '../src/lib/format';

describe('the checks the Rust side makes', () => {
  it('emails', () => {
    expect(isEmail('jan.peeters@antwerpen.be')).toBe(true);
    expect(isEmail('jan.peeters@')).toBe(false);
    expect(isEmail('no at sign')).toBe(false);
    expect(isEmail('a b@x.be')).toBe(false);
    expect(isEmail('jan@x..be')).toBe(false);
  });

  it('phones', () => {
    expect(isPhone('+32 3 338 11 11')).toBe(true);
    expect(isPhone('call me')).toBe(false);
    expect(isPhone('12')).toBe(false);
    expect(isPhone('+32+3 338 11 11')).toBe(false);
  });

  it('web addresses', () => {
    expect(isUrl('https://www.portofantwerpbruges.com/en')).toBe(true);
    expect(isUrl('http://localhost.be:8080/x')).toBe(true);
    expect(isUrl('www.example.be')).toBe(false);
    expect(isUrl('https://exa mple.be')).toBe(false);
  });
});

describe('form validation', () => {
  it('names the field of each mistake', () => {
    expect(
      validatePerson({
        display_name: ' ',
        emails: 'jan@port.be, oops',
        phones: '',
        websites: 'port.be',
      }),
    ).toEqual({
      display_name: 'Give the person a name',
      emails: "'oops' is not an email address",
      websites: "'port.be' is not a web address (https://…)",
    });
    expect(
      validatePerson({ display_name: 'Jan', emails: 'jan@port.be', phones: '', websites: '' }),
    ).toEqual({});
    expect(validateOrganisation({ name: '', website: 'nope' })).toMatchObject({
      name: expect.any(String),
      website: expect.stringContaining('nope'),
    });
    expect(validateIdentity('Sofie', 'sofie@')).toEqual({
      email: "'sofie@' is not an email address",
    });
  });

  it('splits lists on commas, semicolons and lines', () => {
    expect(splitList('haven, eu;  climate\nenergy,,')).toEqual([
      'haven',
      'eu',
      'climate',
      'energy',
    ]);
  });
});

describe('format', () => {
  it('counts with separators and plurals', () => {
    expect(count(100_000, 'card')).toBe('100,000 cards');
    expect(count(1, 'card')).toBe('1 card');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });

  it('makes initials', () => {
    expect(initials('Sofie Van den Broeck')).toBe('SB');
    expect(initials('VITO')).toBe('V');
    expect(initials('')).toBe('?');
  });
});

describe('backupLabel', () => {
  it('reads the time and the reason from a backup name', () => {
    const label = backupLabel('20261120T091244.000Z-before-import.kring-backup');
    expect(label).toMatch(/20 Nov 2026, \d{2}:\d{2} · before import/);
    expect(backupLabel('my-own-copy.kring-backup')).toBe('my-own-copy.kring-backup');
  });
});
