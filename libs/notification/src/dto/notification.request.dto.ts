import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto, toBoolean } from '@pilotlink/core';

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only unread notifications' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}
