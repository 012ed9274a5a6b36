import { OrderNotice, OrderNotices } from '@pilotlink/booking';
import { CatalogueNotices, ServiceNotice } from '@pilotlink/catalogue';
import { DemandFacts, DemandSubjectFacts, QuoteNotice, QuoteNotices } from '@pilotlink/demand';
import type { NotifyRecipientJob } from '@pilotlink/queue';

/**
 * The subjects a batch of recipients is rendered from, each read once however many recipients it has
 * (a service that fits fifty demands is read once, and their fifty titles in one query).
 */
export class BatchReads {
  readonly quote = once((id) => this.quotes.ofIds([id]).then(([quote]) => quote as QuoteNotice | undefined));
  readonly order = once((id) => this.orders.ofIds([id]).then(([order]) => order as OrderNotice | undefined));
  readonly service = once((id) =>
    this.catalogue.servicesOf([id]).then(([service]) => service as ServiceNotice | undefined),
  );
  readonly platformName = once((id) => this.catalogue.platformNamesOf([id]).then((names) => names.get(id)));
  private titles?: Promise<Map<string, DemandSubjectFacts>>;

  constructor(
    private readonly quotes: QuoteNotices,
    private readonly orders: OrderNotices,
    private readonly catalogue: CatalogueNotices,
    private readonly demands: DemandFacts,
    private readonly jobs: readonly NotifyRecipientJob[],
  ) {}

  /** The demand a recipient's job names in its reason (a service fit); all the batch's in one read. */
  async demand(id: string): Promise<DemandSubjectFacts | undefined> {
    this.titles ??= this.demands
      .ofIds([...new Set(this.jobs.map((job) => job.reason.demandId).filter((d) => typeof d === 'string'))])
      .then((rows) => new Map(rows.map((row) => [row.id, row])));
    return (await this.titles).get(id);
  }
}

function once<T>(read: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const reads = new Map<string, Promise<T>>();
  return (id) => {
    let pending = reads.get(id);
    if (!pending) reads.set(id, (pending = read(id)));
    return pending;
  };
}
