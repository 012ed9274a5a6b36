import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { isValidRegionCode } from '../domain/region';
import { isValidResidentId } from '../domain/resident-id';
import { isValidUscc } from '../domain/uscc';

export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUscc',
      validator: {
        validate: (value) => typeof value === 'string' && isValidUscc(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an 18-character USCC with a valid GB 32100-2015 check character`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (value) => typeof value === 'string' && isValidRegionCode(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a 6-digit 行政区划代码 (GB/T 2260)`, options),
      },
    },
    options,
  );
}

export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isResidentId',
      validator: {
        validate: (value) => typeof value === 'string' && isValidResidentId(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an 18-character resident ID number`, options),
      },
    },
    options,
  );
}
