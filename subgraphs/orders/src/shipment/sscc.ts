// GS1 Serial Shipping Container Codes: 18 digits whose last one is the GS1 mod-10 check digit
// (weights 3,1,3,… from the right of the 17-digit body). Used to validate input and to derive seed labels.
import { registerDecorator, type ValidationOptions } from 'class-validator';

export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidSscc(value: unknown): boolean {
  return typeof value === 'string' && /^\d{18}$/.test(value) && gs1CheckDigit(value.slice(0, 17)) === Number(value[17]);
}

/** An SSCC from an extension digit, a GS1 company prefix and a serial reference (17 digits together). */
export function makeSscc(companyPrefix: string, serial: number, extension = 0): string {
  const body = `${extension}${companyPrefix}${String(serial).padStart(16 - companyPrefix.length, '0')}`;
  if (!/^\d{17}$/.test(body)) throw new Error(`SSCC body must be 17 digits, got "${body}"`);
  return body + gs1CheckDigit(body);
}

export function IsSscc(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSscc',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an SSCC: 18 digits with a valid GS1 check digit`, ...options },
      validator: { validate: isValidSscc },
    });
}
