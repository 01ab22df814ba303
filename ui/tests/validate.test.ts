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
import { backupLabel, initials } from '../src/lib/format';
import table from '../../tests/validation-examples.json';

describe('the checks the Rust side makes', () => {
  // One table for both sides: crates/kring-core/tests/validation_examples.rs holds the core's
  // checks to the same verdicts.
  const checks = { email: isEmail, phone: isPhone, url: isUrl };
  for (const [kind, check] of Object.entries(checks)) {
    it(`${kind}s as the core judges them`, () => {
      const examples = table[kind as keyof typeof checks] as [string, boolean][];
      expect(examples.length).toBeGreaterThanOrEqual(10);
      const wrong = examples.filter(([value, valid]) => check(value) !== valid);
      expect(wrong, 'values the UI judges otherwise than the table').toEqual([]);
    });
  }
});

describe('form validation', () => {
  it('names the field of each mistake', () => {
    expect(
      validatePerson({
        display_name: ' ',
        emails: 'jan@port.be, oops',
        phones: '',
        websites: 'port be',
      }),
    ).toEqual({
      display_name: 'Give the person a name',
      emails: "'oops' is not an email address",
      websites: "'port be' is not a web address (https://…)",
    });
    // An address without its scheme is completed, as the core does.
    expect(
      validatePerson({ display_name: 'Jan', emails: '', phones: '', websites: 'www.port.be' }),
    ).toEqual({});
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
  it('makes initials', () => {
    expect(['Sofie Van den Broeck', 'VITO', ''].map(initials)).toEqual(['SB', 'V', '?']);
  });
});

describe('backupLabel', () => {
  it('reads the time and the reason from a backup name', () => {
    const label = backupLabel('20261120T091244.000Z-before-import.kring-backup');
    expect(label).toMatch(/20 Nov 2026, \d{2}:\d{2} · before import/);
    expect(backupLabel('my-own-copy.kring-backup')).toBe('my-own-copy.kring-backup');
  });
});
