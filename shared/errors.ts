import type { ApiErrorBody, ApiErrorCode } from './api';

/** An expected failure a service reports to the user (not found, conflict, read-only...). */
export class DomainError extends Error {
  constructor(readonly code: ApiErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = 'DomainError';
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}
