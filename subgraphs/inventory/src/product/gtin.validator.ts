// GS1 GTIN validation (GTIN-8/12/13/14): the last digit is a mod-10 check digit over the others,
// weighted 3,1,3,… from the right. Catches every single-digit typo and most transpositions.
import { ValidateBy, type ValidationOptions } from 'class-validator';

const GTIN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;

export function gtinCheckDigit(body: string): number {
  const sum = [...body].reverse().reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(value: unknown): boolean {
  if (typeof value !== 'string' || !GTIN.test(value)) return false;
  return gtinCheckDigit(value.slice(0, -1)) === Number(value.at(-1));
}

/** class-validator decorator: the kit turns a failure into BAD_USER_INPUT naming the field. */
export function IsGtin(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGtin',
      validator: {
        validate: isValidGtin,
        defaultMessage: () => 'gtin must be 8, 12, 13 or 14 digits with a valid GS1 check digit',
      },
    },
    options,
  );
}
