import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReportedPlatform {
  id: string;
  name: string;
  region_code: string;
  recognition_level: string;
}

/** The per-platform report's read model (declared in read-models.ts): the LISTED platforms it covers. */
@Injectable()
export class PlatformReportReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** LISTED platforms whose region matches the LIKE `regionPattern` (null: all), by region, name, id. */
  listedPlatforms(regionPattern: string | null): Promise<ReportedPlatform[]> {
    return this.dataSource.query<ReportedPlatform[]>(
      `SELECT id, name, region_code, recognition_level FROM platforms
        WHERE status = 'LISTED' AND ($1::text IS NULL OR region_code LIKE $1)
        ORDER BY region_code, name, id`,
      [regionPattern],
    );
  }
}
