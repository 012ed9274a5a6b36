import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { isIndustryFieldCode } from '@pilotlink/core';

/** Each element must be a code of the SPEC §9 taxonomy (see GET /api/industry-fields). */
export function IsIndustryFieldCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIndustryFieldCode',
      validator: {
        validate: (value) => typeof value === 'string' && isIndustryFieldCode(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an industry field code`, options),
      },
    },
    options,
  );
}
