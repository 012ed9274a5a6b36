import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { trimString } from '@pilotlink/core';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { EQUIPMENT_STATUSES, EquipmentStatus } from '@pilotlink/core';

export class CreateEquipmentDto {
  @ApiProperty({ example: '场发射扫描电子显微镜' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiPropertyOptional({ example: 'SU8020' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  model?: string;

  @ApiPropertyOptional({ example: '日立' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  maker?: string;

  @ApiProperty({ example: '电子显微镜' })
  @Transform(trimString)
  @IsString()
  @Length(1, 50)
  category: string;

  @ApiPropertyOptional({ example: '分辨率 1.0 nm (15 kV)' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  keySpecs?: string;

  @ApiProperty({ description: 'Hourly rate in fen', example: 50000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  hourlyRateFen: number;
}

export class UpdateEquipmentDto extends PartialType(CreateEquipmentDto) {
  @ApiPropertyOptional({ enum: EQUIPMENT_STATUSES })
  @IsOptional()
  @IsIn(EQUIPMENT_STATUSES)
  status?: EquipmentStatus;
}
