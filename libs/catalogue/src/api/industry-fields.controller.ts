import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { IndustryField } from '../domain/industry-field.entity';

export class IndustryFieldNodeDto {
  @ApiProperty({ example: 'MATERIALS_GRAPHENE' }) code: string;
  @ApiProperty({ example: '石墨烯' }) name: string;
  @ApiProperty({ type: () => [IndustryFieldNodeDto] }) children: IndustryFieldNodeDto[];
}

@ApiTags('catalogue')
@Controller('industry-fields')
export class IndustryFieldsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The two-level industry field taxonomy (SPEC §9), as stored' })
  @ApiOkResponse({ type: [IndustryFieldNodeDto] })
  async tree(): Promise<IndustryFieldNodeDto[]> {
    const rows = await this.dataSource.getRepository(IndustryField).find({ order: { position: 'ASC' } });
    const node = (row: IndustryField): IndustryFieldNodeDto => ({
      code: row.code,
      name: row.name,
      children: rows.filter((child) => child.parentCode === row.code).map(node),
    });
    return rows.filter((row) => row.parentCode === null).map(node);
  }
}
