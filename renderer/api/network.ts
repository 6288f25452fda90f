/**
 * The board server's own endpoints (not operations of the contract): sign in, sign out, who is signed in.
 * The session lives in an HttpOnly cookie the page never sees; fetch sends it on same-origin calls.
 */
import { ApiError } from '../../shared/api';
import { signedInSchema, type SignedIn } from '../../shared/domain/accounts';
import { unwrapResult, type FetchLike } from './client';

const defaultFetch: FetchLike = (url, init) => fetch(url, { ...init, credentials: 'same-origin' });

async function post(path: string, body: unknown, fetchImpl: FetchLike): Promise<unknown> {
  let status = 0;
  try {
    const response = await fetchImpl(`./api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    status = response.status;
    return unwrapResult(await response.json());
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (status === 429) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'too many sign-in attempts from this computer; wait a minute and try again' });
    throw new ApiError({ code: 'INTERNAL', message: 'the board server cannot be reached' });
  }
}

export async function signIn(name: string, password: string, fetchImpl: FetchLike = defaultFetch): Promise<SignedIn> {
  return signedInSchema.parse(await post('session.login', { name, password }, fetchImpl));
}

export async function signOut(fetchImpl: FetchLike = defaultFetch): Promise<void> {
  await post('session.logout', {}, fetchImpl);
}

/** Who is signed in, or null when nobody is (the server answered 401). */
export async function signedIn(fetchImpl: FetchLike = defaultFetch): Promise<SignedIn | null> {
  try {
    return signedInSchema.parse(await post('session.account', {}, fetchImpl));
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

/** A board server serves the app over HTTPS without a loopback token; the loopback host is plain HTTP on 127.0.0.1. */
export const isBoardServerPage = (loc: Location = window.location, hasBridge = Boolean(window.board)): boolean =>
  !hasBridge && loc.protocol === 'https:';
