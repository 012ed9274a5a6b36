import { DomainError } from '@pilotlink/core';

export const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong');
export const refreshTokenInvalid = () =>
  new DomainError('REFRESH_TOKEN_INVALID', 'Refresh token is invalid, expired or revoked');
export const refreshTokenReused = () =>
  new DomainError('REFRESH_TOKEN_REUSED', 'Refresh token was already used; the session has been revoked');
export const orgNotVerified = () =>
  new DomainError('ORG_NOT_VERIFIED', 'Your organisation must be verified by a bureau before it can do this');
export const emailTaken = () => new DomainError('EMAIL_TAKEN', 'An account with this email exists', { field: 'email' });
export const usccTaken = () =>
  new DomainError('USCC_TAKEN', 'An organisation with this USCC is registered', { field: 'uscc' });
export const teamLeaderTaken = () =>
  new DomainError('CONFLICT', 'A team led by this person is registered', { field: 'teamLeaderId' });
