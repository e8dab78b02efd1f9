import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';
import { RegistryError, type RegistryCapability, type RegistryProvider } from '../../registries/provider.js';
import type { Ctx } from '../context.js';
import { DomainError, invalidField } from '../errors.js';

/** Why a register call did not give a usable answer: the caller's mistake, or the register's fault. */
export type RegisterFault = 'rejected' | 'timeout' | 'failure' | 'garbage';

export type RegisterAnswer<T> = { ok: true; value: T } | { ok: false; fault: RegisterFault; message: string };

/**
 * The provider serving `country` with `capability`, or a 400 naming the field: a country no
 * configured register serves is the caller's mistake, like an unknown product.
 */
export function providerOrRefuse(ctx: Ctx, country: string, capability: RegistryCapability, field: string): RegistryProvider {
  const provider = ctx.registries.providerFor(country, capability);
  if (!provider) throw invalidField(field, `no configured register serves "${country}" (docs/registries.md)`);
  return provider;
}

/**
 * One register call under the configured timeout. A provider's own error keeps its kind; any
 * other exception is a failure; an answer that fails `check` (a schema or a guard) is garbage. The message is the
 * provider's, for the caller; it is never logged (it may quote a registration number).
 */
export async function callRegister<T>(
  ctx: Ctx,
  call: (signal: AbortSignal) => Promise<T>,
  check?: TSchema | ((value: unknown) => boolean),
): Promise<RegisterAnswer<T>> {
  const signal = AbortSignal.timeout(ctx.registrySettings.timeoutMs);
  try {
    const value = await call(signal);
    const isValid = check === undefined || (typeof check === 'function' ? check(value) : checkerOf(check).Check(value));
    if (!isValid) return { ok: false, fault: 'garbage', message: 'The register answered something that is not a valid answer.' };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RegistryError) return { ok: false, fault: error.kind, message: error.message };
    if (signal.aborted) return { ok: false, fault: 'timeout', message: 'The register did not answer in time.' };
    return { ok: false, fault: 'failure', message: 'The register failed.' };
  }
}

/** For calls answered at once (no order to record): a rejection is a 400 on `field`, a fault a 502. */
export function valueOrThrow<T>(ctx: Ctx, answer: RegisterAnswer<T>, field: string): T {
  if (answer.ok) return answer.value;
  if (answer.fault === 'rejected') throw invalidField(field, answer.message);
  ctx.logger.warn({ fault: answer.fault }, 'register call failed');
  throw new DomainError('REGISTRY_UNAVAILABLE', faultMessage(answer.fault));
}

export function faultMessage(fault: RegisterFault): string {
  if (fault === 'timeout') return 'The register did not answer in time; nothing was stored. Retry later.';
  if (fault === 'garbage') return 'The register answered something that is not a valid answer; nothing was stored. Retry later.';
  return 'The register failed; nothing was stored. Retry later.';
}

const checkers = new WeakMap<TSchema, ReturnType<typeof Compile>>();
function checkerOf(schema: TSchema): ReturnType<typeof Compile> {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = Compile(schema);
    checkers.set(schema, checker);
  }
  return checker;
}
