import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes';

/** The one shape every error answers with (SPEC §8). */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ enum: ERROR_CODES, example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: 'Validation failed: org.uscc' })
  message: string;

  @ApiPropertyOptional({
    description: 'Machine-readable specifics, e.g. the failing fields or the current state',
    example: { fields: [{ field: 'org.uscc', errors: ['org.uscc must be a valid USCC'] }] },
    type: 'object',
    additionalProperties: true,
  })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Correlation id of the request, for support', example: 'req-1f3a' })
  requestId?: string;
}
