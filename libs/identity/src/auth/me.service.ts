import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { Actor } from '@pilotlink/core';
import { Org } from '../domain/org.entity';
import { User } from '../domain/user.entity';

@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(actor: Actor): Promise<{ user: User; org: Org }> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    const org = await this.dataSource.getRepository(Org).findOneBy({ id: actor.orgId });
    if (!user || !org || !user.isActive) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    return { user, org };
  }
}
