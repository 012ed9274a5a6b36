import { Foundation1763800000000 } from './1763800000000-foundation';
import { Catalogue1763900000000 } from './1763900000000-catalogue';
import { Demands1764000000000 } from './1764000000000-demands';
import { Quotes1764100000000 } from './1764100000000-quotes';
import { Notifications1764200000000 } from './1764200000000-notifications';
import { Orders1764400000000 } from './1764400000000-orders';
import { Reservations1764500000000 } from './1764500000000-reservations';
import { ResponseTime1764600000000 } from './1764600000000-response-time';
import { Vouchers1764700000000 } from './1764700000000-vouchers';
import { Governance1764800000000 } from './1764800000000-governance';
import { DurableDispatch1765000000000 } from './1765000000000-durable-dispatch';
import { SubsidyTruth1765200000000 } from './1765200000000-subsidy-truth';
import { ClaimObjections1765300000000 } from './1765300000000-claim-objections';
import { ChallengeAward1765310000000 } from './1765310000000-challenge-award';
import { HoldSurvival1765320000000 } from './1765320000000-hold-survival';
import { OneOpenApplication1765330000000 } from './1765330000000-one-open-application';
import { QuoteService1765340000000 } from './1765340000000-quote-service';
import { SpotChecks1765350000000 } from './1765350000000-spot-checks';
import { OrgCorrections1765400000000 } from './1765400000000-org-corrections';
import { LeastPrivilege1765410000000 } from './1765410000000-least-privilege';
import { ResearchResults1765450000000 } from './1765450000000-research-results';
import { PolicyNotices1765451000000 } from './1765451000000-policy-notices';
import { IpTerms1765452000000 } from './1765452000000-ip-terms';
import { ResearchDigest1765490000000 } from './1765490000000-research-digest';
import { WebhookPing1765520000000 } from './1765520000000-webhook-ping';
import { QuotesByPlatform1765521000000 } from './1765521000000-quotes-by-platform';
import { QualificationCertificates1765530000000 } from './1765530000000-qualification-certificates';
import { KeyProjects1765550000000 } from './1765550000000-key-projects';
import { ResultProposals1765560000000 } from './1765560000000-result-proposals';
import { OutboxNotify1765582000000 } from './1765582000000-outbox-notify';
import { IdempotencyTake1765603000000 } from './1765603000000-idempotency-take';

/** Every migration, in order. Listed explicitly so compiled and ts runs load the same set. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Catalogue1763900000000,
  Demands1764000000000,
  Quotes1764100000000,
  Notifications1764200000000,
  Orders1764400000000,
  Reservations1764500000000,
  ResponseTime1764600000000,
  Vouchers1764700000000,
  Governance1764800000000,
  DurableDispatch1765000000000,
  SubsidyTruth1765200000000,
  ClaimObjections1765300000000,
  ChallengeAward1765310000000,
  HoldSurvival1765320000000,
  OneOpenApplication1765330000000,
  QuoteService1765340000000,
  SpotChecks1765350000000,
  OrgCorrections1765400000000,
  LeastPrivilege1765410000000,
  ResearchResults1765450000000,
  PolicyNotices1765451000000,
  IpTerms1765452000000,
  ResearchDigest1765490000000,
  WebhookPing1765520000000,
  QuotesByPlatform1765521000000,
  QualificationCertificates1765530000000,
  KeyProjects1765550000000,
  ResultProposals1765560000000,
  OutboxNotify1765582000000,
  IdempotencyTake1765603000000,
];
