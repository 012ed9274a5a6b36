import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { PlatformStatus, ServiceCategory, ServiceStatus } from '@pilotlink/core';
import { PilotService } from '../domain/pilot-service.entity';
import { Platform } from '../domain/platform.entity';

/** A service with the facts of its platform that decide who hears of it and what they are told. */
export interface ServiceNotice {
  id: string;
  title: string;
  description: string;
  category: ServiceCategory;
  fieldCodes: string[];
  status: ServiceStatus;
  platform: { id: string; name: string; status: PlatformStatus; operatorOrgId: string; regionCode: string };
}

/**
 * The catalogue context's port for telling orgs about services and naming platforms in what they are
 * told (notification).
 */
@Injectable()
export class CatalogueNotices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Services by id with their platform; unknown ids (or a service without its platform) are absent. */
  async servicesOf(ids: readonly string[]): Promise<ServiceNotice[]> {
    if (ids.length === 0) return [];
    const services = await this.dataSource.getRepository(PilotService).findBy({ id: In([...new Set(ids)]) });
    const platforms = await this.platformsOf(services.map((service) => service.platformId));
    return services.flatMap((service) => {
      const platform = platforms.get(service.platformId);
      if (!platform) return [];
      return [
        {
          id: service.id,
          title: service.title,
          description: service.description,
          category: service.category,
          fieldCodes: service.fieldCodes,
          status: service.status,
          platform: {
            id: platform.id,
            name: platform.name,
            status: platform.status,
            operatorOrgId: platform.operatorOrgId,
            regionCode: platform.regionCode,
          },
        },
      ];
    });
  }

  /** Platform names by id; unknown ids are absent. */
  async platformNamesOf(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map([...(await this.platformsOf(ids))].map(([id, platform]) => [id, platform.name]));
  }

  private async platformsOf(ids: readonly string[]): Promise<Map<string, Platform>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(Platform).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((platform) => [platform.id, platform]));
  }
}
