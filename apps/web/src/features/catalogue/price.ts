import { yuan } from '../../shared/money';
import { ServiceRow } from './types';

export const price = (s: Pick<ServiceRow, 'pricingKind' | 'priceFen' | 'unitName'>) =>
  s.pricingKind === 'QUOTE' ? '价格面议' : `${yuan(s.priceFen)}${s.unitName ? ` / ${s.unitName}` : ''}`;
