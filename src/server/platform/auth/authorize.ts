import { AppError } from '../errors';

/** Stops a service call the actor's role does not allow (policies decide, this enforces). */
export function assertCan(allowed: boolean): void {
  if (!allowed) throw new AppError('FORBIDDEN');
}
