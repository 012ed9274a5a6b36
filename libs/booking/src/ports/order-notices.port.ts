import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { OrderStatus } from '../domain/order';
import { Order } from '../orders/order.entity';

/** An order as its parties are told of a change: who they are and what the order is now. */
export interface OrderNotice {
  id: string;
  contractNumber: string;
  status: OrderStatus;
  agreedAmountFen: string;
  platformId: string;
  smeOrgId: string;
  platformOrgId: string;
}

/** The booking context's port for telling the parties of an order about its changes (notification). */
@Injectable()
export class OrderNotices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Orders by id; unknown ids are absent. */
  async ofIds(ids: readonly string[]): Promise<OrderNotice[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(Order).find({
      select: ['id', 'contractNumber', 'status', 'agreedAmountFen', 'platformId', 'smeOrgId', 'platformOrgId'],
      where: { id: In([...new Set(ids)]) },
    });
    return rows.map((order) => ({
      id: order.id,
      contractNumber: order.contractNumber,
      status: order.status,
      agreedAmountFen: order.agreedAmountFen,
      platformId: order.platformId,
      smeOrgId: order.smeOrgId,
      platformOrgId: order.platformOrgId,
    }));
  }
}
