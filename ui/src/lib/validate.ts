// The checks the Rust side makes, made as the user types, so mistakes show next to the field
// before anything is saved. The Rust side checks again and names the field in `AppError.field`.

import { m } from '../paraglide/messages';

export type FieldErrors = Record<string, string>;

export function isEmail(email: string): boolean {
  const at = email.indexOf('@');
  if (at < 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const domainOk =
    domain.includes('.') &&
    !domain.startsWith('.') &&
    !domain.endsWith('.') &&
    !domain.includes('..') &&
    /^[\p{L}\p{N}.-]+$/u.test(domain);
  const localOk = local.length > 0 && !/[\s@,;]/.test(local);
  return domainOk && localOk;
}

export function isPhone(phone: string): boolean {
  if (!/^[0-9 +\-()./]+$/.test(phone)) return false;
  const digits = phone.replace(/\D/g, '').length;
  const rest = phone.trimStart().replace(/^\+/, '');
  return digits >= 6 && digits <= 17 && !rest.includes('+');
}

export function isUrl(url: string): boolean {
  // As the core: an address typed without its scheme ("www.stad.gent") is completed to https://.
  const trimmed = url.trim();
  const completed =
    /^https?:\/\//i.test(trimmed) || trimmed === '' ? trimmed : `https://${trimmed}`;
  const m = /^https?:\/\/(.*)$/i.exec(completed);
  if (!m || /\s/.test(completed)) return false;
  let host = m[1].split(/[/?#]/)[0];
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && /^\d+$/.test(host.slice(colon + 1))) host = host.slice(0, colon);
  return (
    host.includes('.') &&
    !host.startsWith('.') &&
    !host.endsWith('.') &&
    /^[\p{L}\p{N}.-]+$/u.test(host)
  );
}

/** "haven, eu;  climate" → ["haven", "eu", "climate"]; also one per line. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function checkEach(
  errors: FieldErrors,
  field: string,
  values: string[],
  ok: (v: string) => boolean,
  what: string,
) {
  const bad = values.find((v) => !ok(v));
  if (bad !== undefined) errors[field] = `'${bad}' is not ${what}`;
}

export type PersonForm = {
  display_name: string;
  emails: string;
  phones: string;
  websites: string;
};

export function validatePerson(form: PersonForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.display_name.trim() === '') errors.display_name = 'Give the person a name';
  checkEach(errors, 'emails', splitList(form.emails), isEmail, 'an email address');
  checkEach(errors, 'phones', splitList(form.phones), isPhone, 'a phone number');
  checkEach(errors, 'websites', splitList(form.websites), isUrl, 'a web address (https://…)');
  return errors;
}

export type OrganisationForm = { name: string; website: string };

export function validateOrganisation(form: OrganisationForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.name.trim() === '') errors.name = 'Give the organisation a name';
  const website = form.website.trim();
  if (website !== '' && !isUrl(website)) {
    errors.website = `'${website}' is not a web address (https://…)`;
  }
  return errors;
}

export function validateIdentity(name: string, email: string): FieldErrors {
  const errors: FieldErrors = {};
  if (name.trim() === '') errors.name = m.first_run_error_name();
  if (email.trim() === '') errors.email = m.first_run_error_email();
  else if (!isEmail(email.trim()))
    errors.email = m.first_run_error_email_invalid({ email: email.trim() });
  return errors;
}

/**
 * The form field an error from the Rust side belongs to. The backend names fields as its records
 * do ("emails", "display_name"); a form may call them differently.
 */
export function fieldFor(backendField: string | null, aliases: Record<string, string> = {}) {
  if (!backendField) return null;
  return aliases[backendField] ?? backendField;
}
