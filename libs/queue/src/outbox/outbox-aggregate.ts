/** platform/service/demand/result/policy_notice feed the search indexes; service, demand, quote and order events also notify. */
export type OutboxAggregate =
  'platform' | 'service' | 'demand' | 'quote' | 'order' | 'voucher' | 'result' | 'policy_notice';
