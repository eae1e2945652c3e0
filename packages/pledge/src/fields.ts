/**
 * The fields of the pledge form: name and e-mail always, the optional ones a partner lists in
 * `fields`, with the input types, autofill tokens and length limits the receiver enforces, and the
 * checks made in the browser before anything is sent.
 */
import { emailProblem } from '@samleng/core';

export type FieldName = 'name' | 'email' | 'country' | 'phone' | 'city' | 'comment';

export const OPTIONAL_FIELDS: readonly FieldName[] = ['country', 'phone', 'city', 'comment'];

export interface FieldSpec {
  type: 'text' | 'email' | 'tel' | 'textarea';
  /** The autofill token, so phones offer the reader's own details. */
  autocomplete: 'name' | 'email' | 'country-name' | 'tel' | 'address-level2' | 'off';
  maxLength: number;
  required?: boolean;
}

export const FIELDS: Record<FieldName, FieldSpec> = {
  name: { type: 'text', autocomplete: 'name', maxLength: 200, required: true },
  email: { type: 'email', autocomplete: 'email', maxLength: 254, required: true },
  country: { type: 'text', autocomplete: 'country-name', maxLength: 100 },
  phone: { type: 'tel', autocomplete: 'tel', maxLength: 40 },
  city: { type: 'text', autocomplete: 'address-level2', maxLength: 100 },
  comment: { type: 'textarea', autocomplete: 'off', maxLength: 2000 },
};

/** Reads `fields="country city"`: the known names in the form's order, and the unknown ones. */
export function parseFields(value: string | undefined): { fields: FieldName[]; unknown: string[] } {
  const asked = new Set(
    (value ?? '')
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean),
  );
  const fields = OPTIONAL_FIELDS.filter((name) => asked.has(name));
  const unknown = [...asked].filter((name) => !(fields as string[]).includes(name));
  return { fields, unknown };
}

const PHONE = /^[0-9+()./ -]*$/;

/**
 * A field's value as sent: trimmed, and for the phone number with Khmer digits (០–៩, what a Khmer
 * keyboard types) written as 0–9, which the receiver expects.
 */
export function cleanValue(name: FieldName, value: string | undefined): string {
  const text = (value ?? '').trim();
  return name === 'phone'
    ? text.replace(/[\u17e0-\u17e9]/g, (digit) => String(digit.charCodeAt(0) - 0x17e0))
    : text;
}

/**
 * The form's own checks, with the receiver's codes: `required`, `format`, `too-long`,
 * `not-accepted` (the consent box). An empty result means the pledge may be sent.
 */
export function validate(
  values: Partial<Record<FieldName, string>>,
  shown: readonly FieldName[],
  consent: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of shown) {
    const spec = FIELDS[name];
    const value = cleanValue(name, values[name]);
    if (value === '') {
      if (spec.required) errors[name] = 'required';
    } else if (value.length > spec.maxLength) errors[name] = 'too-long';
    else if (name === 'email' && emailProblem(value)) errors[name] = 'format';
    else if (name === 'phone' && !PHONE.test(value)) errors[name] = 'format';
  }
  if (!consent) errors.consent = 'not-accepted';
  return errors;
}
