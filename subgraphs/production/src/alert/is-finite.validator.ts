// A number that is a real measurement: not NaN, not ±Infinity (JSON cannot carry those, but floats from
// arithmetic upstream can arrive as huge values). Undefined and null pass: optionality is the field's business.
import { ValidateBy, type ValidationOptions } from 'class-validator';

export function IsFinite(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFinite',
      validator: {
        validate: (value: unknown) => value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value)),
        defaultMessage: (args) => `${args?.property} must be a finite number`,
      },
    },
    options,
  );
}
