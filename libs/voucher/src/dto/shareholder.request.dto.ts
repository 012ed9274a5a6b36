// Shareholders are an org's eligibility fact, owned by identity; the voucher routes use its DTOs.
export { ShareholderDto, ShareholdersDto } from '@pilotlink/identity';
